/**
 * `channel.send` for the outbox: the member's DM or the group's channel; a 429 waited out after its
 * Retry-After; failures reported as SendOutcome (rate_limited with retryAfterMs, server_error,
 * not_reachable) so the outbox knows whether to retry or tell the chair.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { NoticeView } from '../../../src/app/views.ts';
import type { Recipient } from '../../../src/channels/channel.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { GROUP_CHANNEL, type Harness, startHarness, textOf, USERS } from './support/harness.ts';

const note: NoticeView = { kind: 'notice', tone: 'info', key: 'meeting.none_scheduled' };

describeEachDatabase('Slack send()', (db) => {
  let h: Harness;
  let lan: Extract<Recipient, { kind: 'member' }>;

  beforeAll(async () => {
    h = await startHarness(db());
    lan = { kind: 'member', memberId: h.fixture.viewers.lan.memberId, externalId: USERS.lan, locale: 'vi' };
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(() => h.fake.reset());

  it('to a member: conversations.open, then chat.postMessage with a text fallback and blocks', async () => {
    const outcome = await h.channel.send({ ...lan, externalId: 'UFRESH01' }, note);
    expect(outcome).toMatchObject({ ok: true, messageId: expect.any(String) });
    expect(h.fake.callsOf('conversations.open')).toMatchObject([{ params: { users: 'UFRESH01' } }]);
    const [posted] = h.fake.callsOf('chat.postMessage');
    expect(posted?.params).toMatchObject({
      channel: 'DUFRESH01',
      text: 'Chưa có lịch giao ban tiếp theo. Tổ công tác sẽ thông báo ngay khi có lịch.',
    });
    expect(textOf(posted?.params.blocks)).toContain('Chưa có lịch giao ban');
  });

  it('in the member’s language', async () => {
    await h.channel.send({ ...lan, locale: 'en' }, note);
    expect(String(h.fake.callsOf('chat.postMessage')[0]?.params.text)).toMatch(/^No next meeting/);
  });

  it('to the group: SLACK_GROUP_CHANNEL', async () => {
    expect(await h.channel.send({ kind: 'group', locale: 'vi' }, note)).toEqual({
      ok: true,
      messageId: expect.any(String),
    });
    expect(h.fake.callsOf('chat.postMessage')[0]?.params.channel).toBe(GROUP_CHANNEL);
    expect(await h.channel.canReach({ kind: 'group', locale: 'vi' })).toBe(true);
  });

  it('a 429 is retried after its Retry-After, and the message goes through', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    const outcome = await h.channel.send(lan, note);
    expect(outcome.ok).toBe(true);
    const calls = h.fake.callsOf('chat.postMessage');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a 429 with a long Retry-After goes back to the outbox: rate_limited, retryable, retryAfterMs', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 120 });
    expect(await h.channel.send(lan, note)).toMatchObject({
      ok: false,
      retryable: true,
      code: 'rate_limited',
      retryAfterMs: 120_000,
    });
  });

  it('5xx: server_error, retryable (after one quick retry of its own)', async () => {
    h.fake.failNext('chat.postMessage', { status: 503 }, 2);
    expect(await h.channel.send(lan, note)).toMatchObject({
      ok: false,
      retryable: true,
      code: 'server_error',
    });
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(2);
  });

  it.each(['channel_not_found', 'not_in_channel', 'user_not_found', 'account_inactive'])(
    '%s: not_reachable, not retried',
    async (error) => {
      h.fake.failNext('chat.postMessage', { error });
      expect(await h.channel.send(lan, note)).toMatchObject({
        ok: false,
        retryable: false,
        code: 'not_reachable',
      });
      expect(h.fake.callsOf('chat.postMessage')).toHaveLength(1);
    },
  );

  it('canReach: a member whose DM cannot be opened is not reachable', async () => {
    h.fake.failNext('conversations.open', { error: 'user_not_found' });
    expect(await h.channel.canReach({ ...lan, externalId: 'UGONE001' })).toBe(false);
    expect(await h.channel.canReach({ ...lan, externalId: 'not-a-slack-id' })).toBe(false);
    expect(await h.channel.canReach(lan)).toBe(true);
  });

  it('without SLACK_GROUP_CHANNEL, the group is not reachable', async () => {
    const bare = await startHarness(db(), { env: { SLACK_GROUP_CHANNEL: '' }, fixture: h.fixture });
    try {
      expect(await bare.channel.canReach({ kind: 'group', locale: 'vi' })).toBe(false);
      expect(await bare.channel.send({ kind: 'group', locale: 'vi' }, note)).toMatchObject({
        ok: false,
        code: 'not_reachable',
      });
    } finally {
      await bare.close();
    }
  });
});
