/** Small pure parts of the Teams channel: its messages, reading typed commands and card actions, send failures. */
import { describe, expect, it } from 'vitest';
import { readAction } from '../../../src/channels/teams/actions.ts';
import { localeOf } from '../../../src/channels/teams/i18n.ts';
import { teamsEn } from '../../../src/channels/teams/messages.en.ts';
import { teamsVi } from '../../../src/channels/teams/messages.vi.ts';
import { commandText } from '../../../src/channels/teams/teams-bot.ts';
import { retryAfterOf, sendFailure } from '../../../src/channels/teams/teams-channel.ts';
import { placeholdersOf, t } from '../../../src/i18n/index.ts';

describe('Teams messages (src/channels/teams/messages.*.ts)', () => {
  it('English has exactly the Vietnamese keys, with the same placeholders', () => {
    expect(Object.keys(teamsEn).sort()).toEqual(Object.keys(teamsVi).sort());
    for (const [key, vi] of Object.entries(teamsVi)) {
      expect(placeholdersOf(teamsEn[key as keyof typeof teamsVi]), key).toEqual(placeholdersOf(vi));
    }
  });

  it('Vietnamese is written with its diacritics, in NFC', () => {
    for (const [key, vi] of Object.entries(teamsVi)) {
      expect(vi, key).toBe(vi.normalize('NFC'));
      const words = vi
        .replace(/\{\w+\}/g, '')
        .split(/\s+/)
        .filter((w) => /\p{L}/u.test(w));
      if (words.length >= 3) expect(/\P{ASCII}/u.test(vi), key).toBe(true);
    }
    expect(teamsVi['teams.action.update']).toBe('Cập nhật tiến độ');
    expect(teamsVi['teams.action.done']).toBe('Đã hoàn thành');
    expect(teamsVi['teams.action.snooze']).toBe('Nhắc lại sau');
    expect(teamsVi['teams.action.next']).toBe('Xem tiếp');
  });

  it('Teams keys first, then the shared catalog; unknown keys come back as written', () => {
    expect(t('vi', 'teams.action.next')).toBe('Xem tiếp');
    expect(t('en', 'teams.page', { page: 2, pages: 5 })).toBe('Page 2/5');
    expect(t('vi', 'status.blocked')).toBe('Vướng mắc');
    expect(t('vi', 'no.such.key')).toBe('no.such.key');
    expect(localeOf('en-US', 'vi')).toBe('en');
    expect(localeOf('vi-VN', 'en')).toBe('vi');
    expect(localeOf('fr-FR', 'vi')).toBe('vi');
    expect(localeOf(undefined, 'en')).toBe('en');
  });
});

describe('commandText: what was typed to the bot', () => {
  const recipient = { id: '28:bot', name: 'Trợ lý Đề án 06' };
  const mention = {
    type: 'mention',
    text: '<at>Trợ lý Đề án 06</at>',
    mentioned: { id: '28:bot', name: 'Trợ lý Đề án 06' },
  };

  it("strips the bot's @mention wherever it is, and the HTML Teams leaves", () => {
    expect(
      commandText({ text: '<at>Trợ lý Đề án 06</at> tổng hợp 2024-06', entities: [mention], recipient }),
    ).toBe('tổng hợp 2024-06');
    expect(
      commandText({ text: 'báo cáo <at>Trợ lý Đề án 06</at>&nbsp;5\n', entities: [mention], recipient }),
    ).toBe('báo cáo 5');
    expect(commandText({ text: '<p>quá&nbsp;hạn</p>', entities: [], recipient })).toBe('quá hạn');
    expect(commandText({ text: undefined as unknown as string, recipient })).toBe('');
    expect(commandText({ text: 'members add --name &quot;Lê Văn A&quot; --unit VP', recipient })).toBe(
      'members add --name "Lê Văn A" --unit VP',
    );
  });
});

describe('readAction: what a card action sent back', () => {
  it('reads our verbs and keeps the inputs', () => {
    expect(
      readAction('report.submit', { da06: 1, cardId: 'abcdef12-3456', status: 'done', percent: 100 }),
    ).toEqual({
      action: { verb: 'report.submit', cardId: 'abcdef12-3456' },
      inputs: { da06: '1', cardId: 'abcdef12-3456', status: 'done', percent: '100' },
    });
    expect(readAction('view.page', { view: 'summary', period: '2024-06', page: '3' })?.action).toEqual({
      verb: 'view.page',
      view: 'summary',
      period: '2024-06',
      page: 3,
    });
    expect(
      readAction('task.done', {
        cardId: 'abcdef12',
        taskId: 9,
        reminder: { topic: 'round_open', period: '2024-06', tasks: [9, 'x', -1, 10] },
      })?.action,
    ).toEqual({
      verb: 'task.done',
      cardId: 'abcdef12',
      taskId: 9,
      reminder: { topic: 'round_open', period: '2024-06', tasks: [9, 10] },
    });
  });

  it('refuses what is not ours or is malformed', () => {
    expect(readAction('report.submit', { status: 'done' })).toBeNull(); // no card id
    expect(readAction('report.submit', { cardId: 'x' })).toBeNull(); // too short
    expect(readAction('task.done', { cardId: 'abcdef12', taskId: 'nine' })).toBeNull();
    expect(readAction('view.page', { view: 'secrets' })).toBeNull();
    expect(readAction('command', { command: 'members add' })).toBeNull();
    expect(readAction('reminder.page', { reminder: { topic: 'party', tasks: [] } })).toBeNull();
    expect(readAction('drop.tables', {})).toBeNull();
    expect(readAction('report.open', 'a string')).toBeNull();
    expect(readAction(undefined, {})).toBeNull();
  });
});

describe("sendFailure: a connector error in the outbox's terms", () => {
  const restError = (statusCode: number, headers: Record<string, string> = {}) =>
    Object.assign(new Error(`status ${statusCode}`), {
      statusCode,
      response: { status: statusCode, headers: { get: (name: string) => headers[name.toLowerCase()] } },
    });

  it('403 and 404 are not reachable; 401 and 400 rejected; 429 and 5xx retryable with Retry-After', () => {
    expect(sendFailure(restError(403))).toMatchObject({ ok: false, retryable: false, code: 'not_reachable' });
    expect(sendFailure(restError(404))).toMatchObject({ code: 'not_reachable' });
    expect(sendFailure(restError(401))).toMatchObject({ retryable: false, code: 'rejected' });
    expect(sendFailure(restError(400))).toMatchObject({ retryable: false, code: 'rejected' });
    expect(sendFailure(restError(429, { 'retry-after': '12' }))).toMatchObject({
      retryable: true,
      code: 'rate_limited',
      retryAfterMs: 12_000,
    });
    expect(sendFailure(restError(502))).toMatchObject({ retryable: true, code: 'server_error' });
    expect(sendFailure(restError(502))).not.toHaveProperty('retryAfterMs');
    expect(sendFailure(new Error('connect ECONNREFUSED 127.0.0.1:9'))).toMatchObject({
      retryable: true,
      code: 'network',
    });
    expect(
      sendFailure(Object.assign(new Error('token endpoint answered 401'), { tokenStatus: 401 })),
    ).toMatchObject({
      retryable: false,
      code: 'rejected',
    });
  });

  it('Retry-After in seconds or as an HTTP date', () => {
    expect(retryAfterOf(restError(429, { 'retry-after': '1.5' }))).toBe(1500);
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    expect(retryAfterOf(restError(503, { 'retry-after': inAMinute }))).toBeGreaterThan(55_000);
    expect(retryAfterOf(restError(503, { 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterOf({ response: { headers: { 'retry-after': '3' } } })).toBe(3000);
    expect(retryAfterOf(new Error('x'))).toBeUndefined();
  });
});
