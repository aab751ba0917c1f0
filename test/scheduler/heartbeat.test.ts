/**
 * Issue 16, claims that outlive their process: a draining worker beats (WorkerHeartbeat); the claims
 * of a worker silent for `deadWorkerMs` (a minute) are taken over by the next drain, marked as
 * possibly delivered (ADR 8), instead of waiting out `staleClaimMs` (ten minutes). Injected clock.
 */
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { Outbox } from '../../src/scheduler/outbox.ts';
import { type CoreFixture, createCoreFixture } from '../support/core.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { FakeChannel, resetScheduling } from './support.ts';

const NUDGE = {
  kind: 'reminder',
  topic: 'overdue_nudge',
  locale: 'vi',
  params: {},
};

describeEachDatabase('outbox heartbeat claims', (db) => {
  let f: CoreFixture;
  let t0: Date;
  const at = (ms: number) => new Date(t0.getTime() + ms);

  beforeAll(async () => {
    f = await createCoreFixture(db());
  });

  beforeEach(async () => {
    await resetScheduling(db());
    await db().client.workerHeartbeat.deleteMany();
    t0 = new Date();
    const outbox = outboxAt('planner', t0);
    const members = Object.values(f.viewers);
    await outbox.enqueue({
      job: 'heartbeat-test',
      occurrence: String(t0.getTime()),
      messages: members.map((m) => ({
        kind: 'overdue-nudge',
        occurrence: `hb/${m.memberId}/${t0.getTime()}`,
        recipient: `member:${m.memberId}:terminal`,
        channel: 'terminal',
        payload: JSON.stringify(NUDGE),
        notBefore: t0,
      })),
    });
  });

  function outboxAt(workerId: string, now: Date) {
    return new Outbox({ stores: f.stores, group: f.deps.group, clock: { now: () => now }, workerId });
  }

  /** A worker that claimed every due row at t0, beat once, and died. */
  async function deadWorker(): Promise<number> {
    await f.stores.outbox.beat('dead', t0);
    return (await f.stores.outbox.claim('dead', t0, ['terminal'], 100)).length;
  }

  it('claims of a worker silent for a minute are released; a worker that beat recently keeps its own', async () => {
    const claimed = await deadWorker();
    expect(claimed).toBe(5);
    const store = f.stores.outbox;
    expect(await store.releaseOrphaned(at(59_000 - 60_000))).toBe(0);
    await store.beat('dead', at(30_000)); // still alive at t0 + 30 s
    expect(await store.releaseOrphaned(at(61_000 - 60_000))).toBe(0);
    expect(await store.releaseOrphaned(at(91_000 - 60_000))).toBe(claimed);
    const rows = await db().client.outboxMessage.findMany({ where: { kind: 'overdue-nudge' } });
    for (const row of rows) {
      // Possibly delivered since the claim: the next sender looks before it posts (ADR 8).
      expect(row).toMatchObject({ status: 'pending', claimedBy: null, sentAt: t0 });
    }
  });

  it('a drain a minute after a worker died sends its messages, each once; ten minutes are not waited', async () => {
    await deadWorker();
    const channel = new FakeChannel('terminal');
    const early = await outboxAt('alive', at(30_000)).drain([channel]);
    expect(early.sent).toBe(0);
    const result = await outboxAt('alive', at(61_000)).drain([channel]);
    expect(result.sent).toBe(5);
    expect(new Set(channel.delivered.map((d) => d.to)).size).toBe(5);
    expect(channel.delivered).toHaveLength(5);
    // Each was marked possibly delivered: the channel was asked to look first.
    for (const d of channel.delivered) expect(d.delivery?.unconfirmedSince).toEqual(t0);
  });

  it('a worker that never beat (an older version) is left to the claim timeout', async () => {
    await f.stores.outbox.claim('old-version', t0, ['terminal'], 100);
    expect(await f.stores.outbox.releaseOrphaned(at(3_600_000))).toBe(0);
    expect(await f.stores.outbox.releaseStale(at(10 * 60_000 + 1))).toBe(5);
  });
});
