/** Teams' `onTurnError`: a coded error in the member's language without a log, a bug logged with its stack. */
import type { TurnContext } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import { describe, expect, it } from 'vitest';
import { createAdapter } from '../../../src/channels/teams/adapter.ts';
import { AppError } from '../../../src/domain/errors.ts';
import { t } from '../../../src/i18n/index.ts';

function turn(locale: string) {
  const sent: unknown[] = [];
  const context = {
    activity: { type: 'message', locale },
    sendActivity: async (activity: unknown) => {
      sent.push(activity);
    },
  } as unknown as TurnContext;
  return { context, sent };
}

describe('Teams: a turn that fails', () => {
  const log: string[] = [];
  const adapter = createAdapter({} as BotFrameworkAuthentication, (line) => log.push(line), 'vi');

  it('says a coded error in the member’s language, with no stack logged', async () => {
    const { context, sent } = turn('en-US');
    await adapter.onTurnError(context, new AppError('member.identity_taken', { account: 'aad-1' }));
    expect(sent).toEqual([t('en', 'error.member.identity_taken', { account: 'aad-1' })]);
    expect(log).toEqual([]);
  });

  it('says only that something went wrong for a bug, and logs its stack once', async () => {
    const { context, sent } = turn('vi-VN');
    await adapter.onTurnError(context, new Error('boom'));
    expect(sent).toEqual([t('vi', 'teams.error')]);
    expect(log).toHaveLength(1);
    expect(log[0]).toContain('turn failed (message)');
    expect(log[0]).toContain('boom');
  });
});
