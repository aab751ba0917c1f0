/** Slack's configuration check (as Teams has one): a configuration given in part is an error at start-up. */
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/app/core.ts';
import { createSlackChannel } from '../../../src/channels/slack/index.ts';
import {
  assertSlackSettings,
  SlackConfigError,
  slackConfigured,
  slackWanted,
} from '../../../src/channels/slack/setup.ts';
import { settingsSchema } from '../../../src/config/settings.ts';

describe('Slack configuration', () => {
  it('no Slack settings: not wanted, and nothing to complain about', () => {
    const settings = settingsSchema.parse({});
    expect(slackWanted(settings)).toBe(false);
    expect(() => assertSlackSettings(settings)).not.toThrow();
  });

  it('a bot token with the signing secret (HTTP) or an app token (Socket Mode) is complete', () => {
    expect(slackConfigured({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123' })).toBe(true);
    expect(slackConfigured({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toBe(true);
  });

  it('a configuration given in part is an error that says what is missing', () => {
    const settings = settingsSchema.parse({ SLACK_BOT_TOKEN: 'xoxb-only' });
    expect(slackConfigured(settings)).toBe(false);
    expect(() => createSlackChannel({ core: {} as Core, settings })).toThrow(SlackConfigError);
    try {
      assertSlackSettings({ SLACK_SIGNING_SECRET: 'secret-123' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SlackConfigError);
      expect((error as SlackConfigError).problems.join('\n')).toContain('SLACK_BOT_TOKEN chưa được đặt');
      expect((error as Error).message).toMatch(/^Cấu hình Slack chưa đủ:/);
    }
  });
});
