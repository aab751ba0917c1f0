/**
 * `channel.send` for the outbox: the member's DM or the group's channel; a 429 waited out after its
 * Retry-After; failures reported as SendOutcome (rate_limited with retryAfterMs, server_error,
 * not_reachable) so the outbox knows whether to retry or tell the chair; the delivery key carried as
 * message metadata and, when an earlier attempt may have landed, looked for before posting
 * (docs/adr/0008-exactly-once-delivery.md); posts paced at SLACK_SEND_RATE.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Recipient } from '../../../src/app/ports/channel.ts';
import type { NoticeView, ReminderView } from '../../../src/app/views.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { GROUP_CHANNEL, type Harness, startHarness, textOf, USERS } from '../../support/slack/harness.ts';

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

  it('to a member: chat.postMessage to the user id (their DM with the bot), a text fallback and blocks', async () => {
    const outcome = await h.channel.send({ ...lan, externalId: 'UFRESH01' }, note);
    expect(outcome).toMatchObject({ ok: true, messageId: expect.any(String) });
    expect(h.fake.callsOf('conversations.open')).toEqual([]);
    const [posted] = h.fake.callsOf('chat.postMessage');
    expect(posted?.params).toMatchObject({
      channel: 'UFRESH01',
      text: 'Chưa có lịch giao ban tiếp theo. Tổ công tác sẽ thông báo ngay khi có lịch.',
    });
    expect(posted?.params.metadata).toBeUndefined();
    expect(textOf(posted?.params.blocks)).toContain('Chưa có lịch giao ban');
    expect(h.fake.messages.map((m) => m.channel)).toEqual(['DUFRESH01']);
    // The DM's id from the answer is used from then on.
    await h.channel.send({ ...lan, externalId: 'UFRESH01' }, note);
    expect(h.fake.callsOf('chat.postMessage')[1]?.params.channel).toBe('DUFRESH01');
  });

  it('a meeting reminder: the .ics invitation is uploaded to the same DM after the message', async () => {
    const reminder: ReminderView = {
      kind: 'reminder',
      topic: 'meeting',
      period: null,
      meeting: { startsAt: '2024-06-25T02:00:00.000Z', place: 'Phòng họp A', agenda: null, note: null },
      tasks: [],
      units: [],
      actions: false,
      invitation: {
        fileName: 'giao-ban-2024-06.ics',
        text: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n',
      },
    };
    const outcome = await h.channel.send({ ...lan, externalId: 'UICS0001' }, reminder, { key: '9/meeting' });
    expect(outcome.ok).toBe(true);
    expect(h.fake.deliveries()).toEqual(new Map([['DUICS0001', 1]]));
    const [file, ...more] = h.fake.uploadedFiles();
    expect(more).toEqual([]);
    expect(file).toMatchObject({ filename: 'giao-ban-2024-06.ics', channelId: 'DUICS0001' });
    expect(file?.bytes?.toString('utf8')).toContain('METHOD:REQUEST');
  });

  it('a workspace that answers channel_not_found for a user id: the DM is opened and the post tried there', async () => {
    h.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    const outcome = await h.channel.send({ ...lan, externalId: 'UFRESH02' }, note);
    expect(outcome.ok).toBe(true);
    expect(h.fake.callsOf('conversations.open')).toMatchObject([{ params: { users: 'UFRESH02' } }]);
    expect(h.fake.callsOf('chat.postMessage').map((c) => c.params.channel)).toEqual([
      'UFRESH02',
      'DUFRESH02',
    ]);
    expect(h.fake.deliveries()).toEqual(new Map([['DUFRESH02', 1]]));
  });

  it('with a delivery key: every page carries it as message metadata', async () => {
    const outcome = await h.channel.send({ ...lan, externalId: 'UKEY0001' }, note, {
      key: '7/overdue-nudge/x',
    });
    expect(outcome.ok).toBe(true);
    expect(h.fake.callsOf('chat.postMessage')[0]?.params.metadata).toEqual({
      event_type: 'da06_outbox',
      event_payload: { key: '7/overdue-nudge/x', page: 1, pages: 1 },
    });
    expect(h.fake.callsOf('conversations.history')).toEqual([]);
  });

  it('unconfirmed: the message found in the DM since then is not posted again', async () => {
    const since = new Date(Date.now() - 1000);
    await h.channel.send({ ...lan, externalId: 'UKEY0002' }, note, { key: '8/k' });
    h.fake.calls.length = 0;
    const outcome = await h.channel.send({ ...lan, externalId: 'UKEY0002' }, note, {
      key: '8/k',
      unconfirmedSince: since,
    });
    expect(outcome).toEqual({ ok: true, alreadyDelivered: true });
    expect(h.fake.callsOf('chat.postMessage')).toEqual([]);
    const [looked] = h.fake.callsOf('conversations.history');
    expect(looked?.params).toMatchObject({ channel: 'DUKEY0002', include_all_metadata: 'true' });
    expect(Number(looked?.params.oldest)).toBeLessThan(since.getTime() / 1000);
  });

  it('unconfirmed but not there (another key, or before `since`): it is posted', async () => {
    await h.channel.send({ ...lan, externalId: 'UKEY0003' }, note, { key: '9/k' });
    const outcome = await h.channel.send({ ...lan, externalId: 'UKEY0003' }, note, {
      key: '10/k',
      unconfirmedSince: new Date(Date.now() - 1000),
    });
    expect(outcome).toMatchObject({ ok: true });
    expect(outcome.ok && outcome.alreadyDelivered).toBeFalsy();
    expect(h.fake.deliveries().get('DUKEY0003')).toBe(2);
  });

  it('an answer lost after Slack posted (503): the quick retry looks first and posts nothing twice', async () => {
    h.fake.failAfterNext('chat.postMessage', { status: 503 });
    const outcome = await h.channel.send({ ...lan, externalId: 'ULOST001' }, note, { key: '11/k' });
    expect(outcome.ok).toBe(true);
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(1);
    expect(h.fake.callsOf('conversations.history')).toHaveLength(1);
    expect(h.fake.deliveries()).toEqual(new Map([['DULOST001', 1]]));
  });

  it('two lost answers: uncertain, so the outbox has the next attempt look first', async () => {
    h.fake.failAfterNext('chat.postMessage', { status: 503 }, 2);
    h.fake.failNext('conversations.history', { status: 503 });
    const outcome = await h.channel.send({ ...lan, externalId: 'ULOST002' }, note, { key: '12/k' });
    expect(outcome).toMatchObject({ ok: false, retryable: true, uncertain: true });
    const again = await h.channel.send({ ...lan, externalId: 'ULOST002' }, note, {
      key: '12/k',
      unconfirmedSince: new Date(Date.now() - 5000),
    });
    expect(again).toEqual({ ok: true, alreadyDelivered: true });
    expect(h.fake.deliveries()).toEqual(new Map([['DULOST002', 1]]));
  });

  it('history cannot be read (missing_scope): the message is posted (at least once) and the log says why', async () => {
    h.fake.failNext('conversations.history', { error: 'missing_scope' });
    const outcome = await h.channel.send({ ...lan, externalId: 'USCOPE01' }, note, {
      key: '13/k',
      unconfirmedSince: new Date(),
    });
    expect(outcome.ok).toBe(true);
    expect(h.fake.deliveries()).toEqual(new Map([['DUSCOPE01', 1]]));
    expect(h.logs.some((line) => line.includes('im:history'))).toBe(true);
  });

  it('a message of several pages, cut off after the first: only the missing pages are posted', async () => {
    const long: ReminderView = {
      kind: 'reminder',
      topic: 'overdue_nudge',
      period: null,
      meeting: null,
      tasks: Array.from({ length: 60 }, (_, i) => ({
        taskId: 1000 + i,
        code: `T${i + 1}`,
        content: `Nội dung nhiệm vụ ${i + 1}`,
        leadUnits: ['CNTT'],
        deadline: { text: 'Tháng 02/2024', due: '2024-02-29' },
        standing: 'not_reported' as const,
        daysOverdue: 112,
      })),
      units: [],
      // A section and a row of buttons per task: more blocks than one message takes.
      actions: true,
    };
    const since = new Date(Date.now() - 1000);
    await h.channel.send({ ...lan, externalId: 'UPAGES01' }, long, { key: '14/k' });
    const pages = h.fake.messages.length;
    expect(pages).toBeGreaterThan(1);
    expect(h.fake.messages.map((m) => m.metadata?.event_payload)).toEqual(
      Array.from({ length: pages }, (_, i) => ({ key: '14/k', page: i + 1, pages })),
    );
    // As if the process had died after the first page.
    h.fake.messages.splice(1);
    const outcome = await h.channel.send({ ...lan, externalId: 'UPAGES01' }, long, {
      key: '14/k',
      unconfirmedSince: since,
    });
    expect(outcome).toMatchObject({ ok: true });
    expect(h.fake.messages.map((m) => m.metadata?.event_payload.page)).toEqual(
      Array.from({ length: pages }, (_, i) => i + 1),
    );
  });

  it('posts are paced at SLACK_SEND_RATE', async () => {
    const paced = await startHarness(db(), { env: { SLACK_SEND_RATE: '20' }, fixture: h.fixture });
    try {
      const started = Date.now();
      for (let i = 0; i < 6; i++)
        expect((await paced.channel.send({ ...lan, externalId: `UPACE00${i}` }, note)).ok).toBe(true);
      // A burst of one at 20/s: five waits of 50 ms after the first; 49 ms each, as Date.now() counts
      // whole milliseconds and timers may fire up to ~1 ms early.
      expect(Date.now() - started).toBeGreaterThanOrEqual(5 * 49);
      const at = paced.fake.callsOf('chat.postMessage').map((c) => c.at);
      expect(at).toHaveLength(6);
      // The same five waits between the fake's first and last post, less the first post's time in
      // transit (its connection set-up, up to tens of ms under load, is no part of the pacing).
      expect(at.at(-1)! - at[0]!).toBeGreaterThanOrEqual(5 * 49 - (at[0]! - started));
    } finally {
      await paced.close();
    }
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
    const outcome = await h.channel.send(lan, note);
    expect(outcome.ok).toBe(true);
    const calls = h.fake.callsOf('chat.postMessage');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
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

  it('5xx: server_error, retryable, fate unknown (after one quick retry of its own)', async () => {
    h.fake.failNext('chat.postMessage', { status: 503 }, 2);
    expect(await h.channel.send(lan, note)).toMatchObject({
      ok: false,
      retryable: true,
      code: 'server_error',
      uncertain: true,
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
