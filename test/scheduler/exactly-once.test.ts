/**
 * Exactly once: a decision is recorded once, a row is sent once, through restarts, crashes, two
 * processes on one database, rate limits, outages and members the platform cannot reach.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { ReminderView } from '../../src/app/views.ts';
import type { Scheduler } from '../../src/scheduler/scheduler.ts';
import { type Database, openDatabase } from '../../src/store/open-database.ts';
import { OutboxStore } from '../../src/store/outbox-store.ts';
import { type CoreFixture, createCoreFixture } from '../support/core.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { countByRecipient, type Delivery, FakeChannel, resetScheduling, schedulerFor } from './support.ts';

const ROUND_OPEN = '2024-06-18T08:30:00+07:00';

/** Outbox kind → the ReminderView topic (or view kind) a channel receives. */
const TOPIC: Record<string, string> = {
  'meeting-reminder': 'meeting',
  'round-open': 'round_open',
  'round-reminder': 'round_reminder',
  summary: 'summary',
  'overdue-nudge': 'overdue_nudge',
  'overdue-escalation': 'overdue_escalation',
  'overdue-digest': 'overdue_digest',
  'unreachable-unit': 'unreachable_unit',
  undeliverable: 'undeliverable',
};

describeEachDatabase('exactly once', (db, provider) => {
  let f: CoreFixture;
  let channel: FakeChannel;
  let second: Database | null = null;

  beforeAll(async () => {
    f = await createCoreFixture(db(), ROUND_OPEN);
  });

  afterAll(async () => {
    await second?.close();
  });

  beforeEach(async () => {
    await resetScheduling(db());
    channel = new FakeChannel('terminal');
    f.clock.set(ROUND_OPEN);
  });

  const messages = () => db().client.outboxMessage.findMany({ where: { kind: { notIn: ['job', 'mark'] } } });
  /** "kind|recipient": what one row stands for (each job sends a recipient one message per occurrence). */
  const keyOf = (d: Delivery) => `${d.view.kind === 'reminder' ? d.view.topic : d.view.kind}|${d.to}`;

  it('a second planner run for the same occurrence writes nothing and sends nothing', async () => {
    const scheduler = schedulerFor(f.deps, db(), [channel], f.clock);
    const first = await scheduler.tick();
    expect(first.decided).toBeGreaterThan(0);
    expect(first.sent).toBe(first.planned);
    const rows = (await messages()).length;
    const again = await schedulerFor(f.deps, db(), [channel], f.clock).tick();
    expect(again).toMatchObject({ decided: 0, planned: 0, sent: 0 });
    expect((await messages()).length).toBe(rows);
    expect([
      ...countByRecipient(
        channel.delivered.filter((d) => d.view.kind === 'reminder' && d.view.topic === 'round_open'),
      ).values(),
    ]).toEqual([1, 1, 1, 1]);
  });

  it('stopped in the middle of a fan-out: the claims are released and a new process sends the rest, once', async () => {
    const a = schedulerFor(f.deps, db(), [channel], f.clock, {}, { drain: { batchSize: 3 } });
    channel.script = (_r, _v, call) => {
      if (call === 3) void a.stop();
      return undefined;
    };
    const partial = await a.tick();
    await a.stop();
    expect(partial.sent).toBe(3);
    const total = partial.planned;
    expect(total).toBeGreaterThan(3);
    expect(await db().client.outboxMessage.count({ where: { status: 'claimed' } })).toBe(0);
    expect(await db().client.outboxMessage.count({ where: { status: 'pending' } })).toBe(total - 3);

    channel.script = null;
    const b = schedulerFor(f.deps, db(), [channel], f.clock);
    const rest = await b.tick();
    expect(rest).toMatchObject({ decided: 0, planned: 0, sent: total - 3 });
    expect(channel.delivered).toHaveLength(total);
    expect(new Set(channel.delivered.map(keyOf)).size).toBe(total);
    expect(await db().client.outboxMessage.count({ where: { status: 'sent' } })).toBe(total);
  });

  it('a process that died holding claims: they are released after the timeout and sent once', async () => {
    const planner = schedulerFor(f.deps, db(), [channel], f.clock, {}, { drain: { batchSize: 0 } });
    const { planned } = await planner.tick();
    expect(channel.delivered).toEqual([]);
    const held = await new OutboxStore(db()).claim('dead-process', f.clock.now(), ['terminal'], 3);
    expect(held).toHaveLength(3);

    const b = schedulerFor(f.deps, db(), [channel], f.clock, {}, { drain: { staleClaimMs: 10 * 60_000 } });
    f.clock.set('2024-06-18T08:35:00+07:00');
    expect((await b.tick()).sent).toBe(planned - 3);
    f.clock.set('2024-06-18T08:41:00+07:00');
    expect((await b.tick()).sent).toBe(3);
    expect(channel.delivered).toHaveLength(planned);
    expect(new Set(channel.delivered.map(keyOf)).size).toBe(planned);
  });

  it('two schedulers on one database, ticking and draining at once: every row is delivered exactly once', async () => {
    // PostgreSQL: two processes, each with its own connection pool. SQLite serves one process (its
    // driver blocks the thread while waiting for a lock), so there the race is two schedulers in it.
    if (provider === 'postgresql') second ??= await openDatabase(db().url, { poolSize: 4 });
    const other = new FakeChannel('terminal');
    const slow = async () => {
      await sleep(2);
      return undefined;
    };
    channel.script = slow;
    other.script = slow;
    const a = schedulerFor(f.deps, db(), [channel], f.clock, {}, { workerId: 'a', drain: { batchSize: 2 } });
    const b = schedulerFor(
      f.deps,
      second ?? db(),
      [other],
      f.clock,
      {},
      { workerId: 'b', drain: { batchSize: 2 } },
    );
    const moments = [
      ROUND_OPEN,
      '2024-06-19T08:30:00+07:00',
      '2024-06-21T08:30:00+07:00',
      '2024-06-21T09:00:00+07:00',
      '2024-06-24T08:30:00+07:00',
      '2024-06-24T16:00:00+07:00',
    ];
    for (const at of moments) {
      f.clock.set(at);
      await Promise.all([a.tick(), b.tick()]);
    }
    const all = [...channel.delivered, ...other.delivered];
    const rows = await messages();
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    // Deliveries and rows match one to one: the same (topic, recipient) as often as there are rows.
    const delivered = all.map(keyOf).sort();
    const recorded = rows
      .map(
        (r) =>
          `${TOPIC[r.kind] ?? r.kind}|${r.recipient.replace(/^(member:\d+):\w+$/, '$1').replace(/^group:.*$/, 'group')}`,
      )
      .sort();
    expect(delivered).toEqual(recorded);
    // Every job occurrence was decided once.
    const decisions = await db().client.outboxMessage.findMany({ where: { kind: 'job' } });
    expect(new Set(decisions.map((d) => d.occurrence)).size).toBe(decisions.length);
    if (provider === 'postgresql')
      expect(channel.delivered.length > 0 && other.delivered.length > 0).toBe(true);
  });

  it('429 with Retry-After and 5xx are retried later with backoff, then sent once', async () => {
    let failures = 0;
    channel.script = (_r, _v, call) => {
      if (call === 1) {
        failures++;
        return { ok: false, retryable: true, code: 'rate_limited', reason: 'HTTP 429', retryAfterMs: 60_000 };
      }
      if (call === 2) {
        failures++;
        return { ok: false, retryable: true, code: 'server_error', reason: 'HTTP 503' };
      }
      return undefined;
    };
    // One send at a time, so that the 429 comes before any other send starts.
    const scheduler = schedulerFor(f.deps, db(), [channel], f.clock, {}, { drain: { concurrency: 1 } });
    const first = await scheduler.tick();
    // The platform asked to wait: nothing more goes to it in this drain.
    expect(first).toMatchObject({ sent: 0, retried: 1 });
    const waiting = await db().client.outboxMessage.findMany({
      where: { status: 'pending', kind: { notIn: ['job', 'mark'] } },
    });
    expect(waiting).toHaveLength(first.planned);
    const limited = waiting.find((r) => r.attempts === 1)!;
    expect(limited.lastError).toBe('rate_limited: HTTP 429');
    expect(limited.notBefore.toISOString()).toBe('2024-06-18T01:31:00.000Z');
    expect(
      waiting.every((r) => r.notBefore.getTime() >= new Date('2024-06-18T01:31:00.000Z').getTime()),
    ).toBe(true);

    f.clock.set('2024-06-18T08:30:30+07:00'); // before Retry-After: nothing
    expect((await scheduler.tick()).sent).toBe(0);
    f.clock.set('2024-06-18T08:31:00+07:00');
    const second = await scheduler.tick();
    expect(second).toMatchObject({ retried: 1, sent: first.planned - 1 });
    const failed = await db().client.outboxMessage.findFirst({
      where: { lastError: 'server_error: HTTP 503' },
    });
    // Second attempt of that row? Exponential backoff from its attempts: 30 s × 2^attempts.
    expect(failed?.notBefore.getTime()).toBeGreaterThan(new Date('2024-06-18T01:31:00.000Z').getTime());
    f.clock.set('2024-06-18T08:34:00+07:00');
    expect((await scheduler.tick()).sent).toBe(1);
    expect(failures).toBe(2);
    expect(channel.delivered).toHaveLength(first.planned);
    expect(new Set(channel.delivered.map(keyOf)).size).toBe(first.planned);
  });

  it('several sends in flight: a 429 lets those finish, starts nothing new, and the rest waits for Retry-After', async () => {
    let inFlight = 0;
    let most = 0;
    let limited = false;
    let startedAfter429 = 0;
    channel.script = async (_r, _v, call) => {
      if (limited) startedAfter429++;
      inFlight++;
      most = Math.max(most, inFlight);
      await sleep(call === 2 ? 20 : 5);
      inFlight--;
      if (call === 2) {
        limited = true;
        return { ok: false, retryable: true, code: 'rate_limited', reason: 'HTTP 429', retryAfterMs: 60_000 };
      }
      return undefined;
    };
    const scheduler = schedulerFor(f.deps, db(), [channel], f.clock, {}, { drain: { concurrency: 3 } });
    const first = await scheduler.tick();
    expect(most).toBe(3);
    expect(first.retried).toBe(1);
    expect(first.sent).toBeGreaterThan(0);
    // Sends started before the 429 finished; none started after it.
    expect(startedAfter429).toBe(0);
    const pending = await db().client.outboxMessage.findMany({
      where: { status: 'pending', kind: { notIn: ['job', 'mark'] } },
    });
    expect(pending).toHaveLength(first.planned - first.sent);
    expect(pending.every((r) => r.notBefore.toISOString() === '2024-06-18T01:31:00.000Z')).toBe(true);
    channel.script = null;
    f.clock.set('2024-06-18T08:31:00+07:00');
    expect((await scheduler.tick()).sent).toBe(first.planned - first.sent);
    expect(new Set(channel.delivered.map(keyOf)).size).toBe(first.planned);
    expect(channel.delivered).toHaveLength(first.planned);
  });

  it('a claim of a dead process is released as possibly delivered: the next attempt looks first, and what it finds is not sent again', async () => {
    const planner = schedulerFor(f.deps, db(), [channel], f.clock, {}, { drain: { batchSize: 0 } });
    const { planned } = await planner.tick();
    const claimedAt = f.clock.now();
    const held = await new OutboxStore(db()).claim('dead-process', claimedAt, ['terminal'], 3);
    expect(held).toHaveLength(3);
    // The dead process had posted the first of them before it died.
    const landed = held[0]!.id;
    const looked: { id: number; since?: string }[] = [];
    channel.script = (_r, _v, _call, delivery) => {
      const id = Number(delivery?.key.split('/')[0]);
      if (delivery?.unconfirmedSince) looked.push({ id, since: delivery.unconfirmedSince.toISOString() });
      return id === landed && delivery?.unconfirmedSince ? { ok: true, alreadyDelivered: true } : undefined;
    };
    f.clock.set('2024-06-18T08:41:00+07:00');
    const result = await schedulerFor(f.deps, db(), [channel], f.clock).tick();
    expect(result).toMatchObject({ sent: planned, confirmed: 1 });
    // Exactly the three rows the dead process held were checked, from the moment it claimed them.
    expect(looked.map((l) => l.id).sort()).toEqual(held.map((r) => r.id).sort());
    expect(new Set(looked.map((l) => l.since))).toEqual(new Set([claimedAt.toISOString()]));
    expect(channel.delivered).toHaveLength(planned - 1);
    expect(channel.delivered.every((d) => /^\d+\/[a-z-]+\//.test(d.delivery?.key ?? ''))).toBe(true);
    const rows = await messages();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });

  it('a send whose fate is unknown (a timeout): the row is retried as possibly delivered until it is sent', async () => {
    let first = 0;
    channel.script = (_r, _v, call, delivery) => {
      if (call === 1) {
        first = Number(delivery?.key.split('/')[0]);
        return { ok: false, retryable: true, code: 'network', reason: 'timeout', uncertain: true };
      }
      return undefined;
    };
    const scheduler = schedulerFor(f.deps, db(), [channel], f.clock, {}, { drain: { concurrency: 1 } });
    const { planned } = await scheduler.tick();
    const row = await db().client.outboxMessage.findUniqueOrThrow({ where: { id: first } });
    expect(row).toMatchObject({ status: 'pending', lastError: 'network: timeout' });
    expect(row.sentAt?.toISOString()).toBe(f.clock.now().toISOString());
    channel.script = (_r, _v, _call, delivery) =>
      Number(delivery?.key.split('/')[0]) === first && delivery?.unconfirmedSince
        ? { ok: false, retryable: true, code: 'server_error', reason: 'HTTP 503' }
        : undefined;
    f.clock.set('2024-06-18T08:31:00+07:00');
    await scheduler.tick();
    // Still unconfirmed from the first attempt, not from the second.
    const again = await db().client.outboxMessage.findUniqueOrThrow({ where: { id: first } });
    expect(again.sentAt?.toISOString()).toBe('2024-06-18T01:30:00.000Z');
    channel.script = null;
    f.clock.set('2024-06-18T08:33:00+07:00');
    await scheduler.tick();
    const last = channel.delivered.find((d) => Number(d.delivery?.key.split('/')[0]) === first);
    expect(last?.delivery?.unconfirmedSince?.toISOString()).toBe('2024-06-18T01:30:00.000Z');
    expect(channel.delivered).toHaveLength(planned);
    const sent = await db().client.outboxMessage.findUniqueOrThrow({ where: { id: first } });
    expect(sent.status).toBe('sent');
    expect(sent.sentAt?.toISOString()).toBe('2024-06-18T01:33:00.000Z');
  });

  it('a platform that keeps failing: the row is marked failed with the reason after the last attempt', async () => {
    channel.script = () => ({ ok: false, retryable: true, code: 'server_error', reason: 'HTTP 500' });
    const scheduler = schedulerFor(
      f.deps,
      db(),
      [channel],
      f.clock,
      {},
      { drain: { maxAttempts: 3, backoffBaseMs: 1000 } },
    );
    await scheduler.tick();
    for (const at of [
      '2024-06-18T08:31:00+07:00',
      '2024-06-18T08:32:00+07:00',
      '2024-06-18T08:33:00+07:00',
    ]) {
      f.clock.set(at);
      await scheduler.tick();
    }
    const rows = await messages();
    expect(
      rows.every(
        (r) => r.status === 'failed' && r.attempts === 3 && r.lastError === 'server_error: HTTP 500',
      ),
    ).toBe(true);
  });

  it('not reachable: retried later rather than dropped, and the chair hears once a day', async () => {
    const minh = f.viewers.minh.memberId;
    const chair = `member:${f.viewers.chair.memberId}`;
    let reachable = false;
    channel.script = (recipient) =>
      recipient.kind === 'member' && recipient.memberId === minh && !reachable
        ? {
            ok: false,
            retryable: true,
            code: 'not_reachable',
            reason: 'the app is not installed for this user',
          }
        : undefined;
    const scheduler = schedulerFor(f.deps, db(), [channel], f.clock);
    const result = await scheduler.tick();
    expect(result.unreachable).toBe(1);
    const notes = channel.of('undeliverable');
    expect(notes.map((d) => d.to)).toEqual([chair]);
    expect((notes[0]!.view as ReminderView).people).toEqual([
      { name: 'Đỗ Văn Minh', unitCode: 'VP', reason: 'the app is not installed for this user' },
    ]);
    const row = await db().client.outboxMessage.findFirst({
      where: { recipient: `member:${minh}:terminal` },
    });
    expect(row).toMatchObject({
      status: 'pending',
      lastError: 'not_reachable: the app is not installed for this user',
    });
    expect(row?.notBefore.toISOString()).toBe('2024-06-18T07:30:00.000Z');

    // Later the same day (a retry, or another job): no second note.
    f.clock.set('2024-06-18T14:31:00+07:00');
    await scheduler.tick();
    expect(channel.of('undeliverable')).toHaveLength(1);

    // Minh installs the app; the next retry delivers the round.
    reachable = true;
    f.clock.set('2024-06-18T20:31:00+07:00');
    await scheduler.tick();
    expect(channel.of('round_open').filter((d) => d.to === `member:${minh}`)).toHaveLength(1);
  });

  it('after an outage: missed occurrences within the grace window are sent once; older ones and past meetings never', async () => {
    const scheduler = schedulerFor(f.deps, db(), [channel], f.clock, { SCHEDULER_GRACE_HOURS: 12 });
    f.clock.set('2024-06-18T20:00:00+07:00'); // down since before 08:30: 11.5 h late
    await scheduler.tick();
    expect(channel.of('round_open')).toHaveLength(4);
    await scheduler.tick();
    expect(channel.of('round_open')).toHaveLength(4);

    channel.clear();
    f.clock.set('2024-06-20T09:00:00+07:00'); // 19/06 08:30 is 24.5 h ago: that day's nudges are skipped
    await scheduler.tick();
    const nudgeRows = await db().client.outboxMessage.findMany({
      where: { kind: 'job', occurrence: { startsWith: 'overdue-nudge/' } },
    });
    expect(nudgeRows.map((r) => r.occurrence).sort()).toEqual([
      'overdue-nudge/2024-06-18',
      'overdue-nudge/2024-06-20',
    ]);

    // Down over the meeting (25/06 09:00): the 1-hour reminder (08:00) is not sent afterwards.
    channel.clear();
    f.clock.set('2024-06-25T09:30:00+07:00');
    await scheduler.tick();
    expect(channel.of('meeting')).toEqual([]);
  });

  it('a reminder decided before the meeting but not delivered by then is dropped as expired', async () => {
    const scheduler = schedulerFor(f.deps, db(), [channel], f.clock);
    channel.script = () => ({ ok: false, retryable: true, code: 'network', reason: 'ECONNRESET' });
    f.clock.set('2024-06-25T08:00:00+07:00');
    await scheduler.tick();
    channel.script = null;
    f.clock.set('2024-06-25T09:10:00+07:00');
    const after = await scheduler.tick();
    expect(channel.of('meeting')).toEqual([]);
    expect(after.expired).toBeGreaterThan(0);
    const rows = await db().client.outboxMessage.findMany({ where: { kind: 'meeting-reminder' } });
    expect(
      rows.every((r) => r.status === 'failed' && r.lastError === 'expired: the meeting has started'),
    ).toBe(true);
  });

  it('start() ticks at once and on every timer beat; stop() ends the loop', async () => {
    const beats: (() => void)[] = [];
    const scheduler: Scheduler = schedulerFor(
      f.deps,
      db(),
      [channel],
      f.clock,
      { NUDGE_LADDER: '0,daily' },
      {
        timer: {
          setInterval: (cb) => beats.push(cb),
          clearInterval: () => beats.splice(0),
          setAlarm: () => null,
          clearAlarm() {},
        },
      },
    );
    await scheduler.start();
    expect(channel.of('round_open')).toHaveLength(4);
    expect(beats).toHaveLength(1);
    f.clock.set('2024-06-19T08:30:00+07:00');
    beats[0]!();
    await scheduler.tick(); // joins the beat's tick
    expect(channel.of('overdue_nudge').length).toBeGreaterThan(0);
    await scheduler.stop();
    expect(beats).toHaveLength(0);
  });
});
