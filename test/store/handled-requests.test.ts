/**
 * Exactly once in the database (ADR 25): a request key recorded with what the request writes, so a
 * replay of it — later, after a restart (a new client on the same database), or at the same instant
 * on another replica (a second client) — writes nothing. And the outbox claim: of two claimers at
 * once, each row goes to exactly one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../src/app/core.ts';
import type { CoreDeps } from '../../src/app/core-deps.ts';
import { schedulerPort } from '../../src/scheduler/scheduler-port.ts';
import { type Database, openDatabase } from '../../src/store/open-database.ts';
import { OutboxStore } from '../../src/store/outbox-store.ts';
import { createStores } from '../../src/store/stores.ts';
import { type CoreFixture, createCoreFixture } from '../support/core.ts';
import { describeEachDatabase } from '../support/databases.ts';

const DRAFT = { status: 'in_progress', percent: '40', done: 'Đã khảo sát', blockers: '', evidenceUrl: '' };

describeEachDatabase('handled requests', (db, provider) => {
  let f: CoreFixture;
  /** A second process on the same database: its own client (connection or pool), its own core. */
  let other: Database;
  let otherCore: Core;

  beforeAll(async () => {
    f = await createCoreFixture(db());
    other = await openDatabase(db().url);
    const stores = createStores(other, f.deps.group.id);
    const deps: CoreDeps = { ...stores, group: f.deps.group, clock: f.clock, graceDays: 10 };
    otherCore = new Core(deps, schedulerPort(stores, f.deps.group));
  });

  afterAll(async () => {
    await other?.close();
  });

  const revisions = (taskCode: string) =>
    db().client.statusReportRevision.count({ where: { report: { task: { code: taskCode } } } });

  it('of two claims of one key at once, from two clients, exactly one wins', async () => {
    for (let round = 0; round < 5; round++) {
      const key = `race:${round}`;
      const wins = await Promise.all([
        f.stores.requests.claim(key, 'a'),
        createStores(other, f.deps.group.id).requests.claim(key, 'b'),
        f.stores.requests.claim(key, 'c'),
      ]);
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect(await f.stores.requests.handled(key)).toBe(true);
    }
  });

  it('a released key can be claimed again; an unknown key is not handled', async () => {
    expect(await f.stores.requests.claim('released', 'a')).toBe(true);
    await f.stores.requests.release('released');
    expect(await f.stores.requests.handled('released')).toBe(false);
    expect(await f.stores.requests.claim('released', 'a')).toBe(true);
    expect(await f.stores.requests.claim('released', 'a')).toBe(false);
  });

  it('a report submitted again with the same request key stores one revision and answers the first', async () => {
    const before = await revisions('1');
    const request = { task: 'T/2024-1', draft: DRAFT, requestKey: 'slack:view:report:U1:V1' };
    const first = await f.core.submitReport(f.viewers.lan, { ...request, task: '1' });
    const again = await f.core.submitReport(f.viewers.lan, { ...request, task: '1' });
    expect(first.kind).toBe('report-saved');
    expect(again).toEqual({ ...first, replayed: true });
    expect(first).not.toHaveProperty('replayed');
    expect(await revisions('1')).toBe(before + 1);
  });

  it('after a restart (a new client on the same database), the replay stores nothing', async () => {
    const before = await revisions('1');
    const request = { task: '1', draft: DRAFT, requestKey: 'teams:card:restart' };
    const first = await f.core.submitReport(f.viewers.lan, request);
    const restarted = await openDatabase(db().url);
    try {
      const stores = createStores(restarted, f.deps.group.id);
      const deps: CoreDeps = { ...stores, group: f.deps.group, clock: f.clock, graceDays: 10 };
      const core = new Core(deps, schedulerPort(stores, f.deps.group));
      expect(await core.submitReport(f.viewers.lan, request)).toEqual({ ...first, replayed: true });
    } finally {
      await restarted.close();
    }
    expect(await revisions('1')).toBe(before + 1);
  });

  it('two replicas receiving the same submission at once store one revision', async () => {
    for (let round = 0; round < 3; round++) {
      const before = await revisions('4');
      const request = { task: '4', draft: DRAFT, requestKey: `slack:view:report:U1:race-${round}` };
      const [a, b] = await Promise.all([
        f.core.submitReport(f.viewers.lan, request),
        otherCore.submitReport(f.viewers.lan, request),
      ]);
      expect(a.kind).toBe('report-saved');
      // One stored it, the other answers the same revision as a replay.
      const plain = (view: typeof a) => ({ ...view, replayed: undefined });
      expect(plain(b)).toEqual(plain(a));
      expect([a, b].filter((view) => 'replayed' in view && view.replayed)).toHaveLength(1);
      expect(await revisions('4')).toBe(before + 1);
    }
  });

  it('different request keys are different submissions: both stored', async () => {
    const before = await revisions('1');
    await f.core.submitReport(f.viewers.lan, { task: '1', draft: DRAFT, requestKey: 'k:one' });
    await f.core.submitReport(f.viewers.lan, { task: '1', draft: DRAFT, requestKey: 'k:two' });
    expect(await revisions('1')).toBe(before + 2);
  });

  it('a form with errors records no key: the corrected form goes through', async () => {
    const before = await revisions('1');
    const key = 'slack:view:report:U1:corrected';
    const wrong = await f.core.submitReport(f.viewers.lan, {
      task: '1',
      draft: { ...DRAFT, percent: '140' },
      requestKey: key,
    });
    expect(wrong.kind).toBe('report-form');
    expect(await f.stores.requests.handled(key)).toBe(false);
    const right = await f.core.submitReport(f.viewers.lan, { task: '1', draft: DRAFT, requestKey: key });
    expect(right.kind).toBe('report-saved');
    expect(await revisions('1')).toBe(before + 1);
  });

  it('a snooze replayed on another replica stores one snooze', async () => {
    const count = () => db().client.taskSnooze.count();
    const before = await count();
    const until = '2024-07-01';
    const key = 'slack:view:snooze:U1:V9';
    // Two clients of one SQLite file in one process cannot both hold a Prisma transaction open (the
    // second's busy wait blocks the thread the first needs to commit): there, one after the other.
    const [a, b] =
      provider === 'postgresql'
        ? await Promise.all([
            f.core.snooze(f.viewers.lan, '1', until, 'Chờ', key),
            otherCore.snooze(f.viewers.lan, '1', until, 'Chờ', key),
          ])
        : [
            await f.core.snooze(f.viewers.lan, '1', until, 'Chờ', key),
            await otherCore.snooze(f.viewers.lan, '1', until, 'Chờ', key),
          ];
    expect(a).toEqual(b);
    expect(a.tone).toBe('success');
    expect(await count()).toBe(before + 1);
  });

  it('a command replayed once per key: `members add` on two replicas at once adds one member', async () => {
    const command = { name: 'members' as const, args: ['add', '--name', 'Vũ Thị Replay', '--unit', 'VP'] };
    const count = () => db().client.member.count({ where: { displayName: 'Vũ Thị Replay' } });
    const run = (core: Core) =>
      core.once('slack:trigger:replayed', 'slack:U1', () => core.handle(f.viewers.admin, command));
    const outcomes = await Promise.all([run(f.core), run(otherCore), run(f.core)]);
    expect(outcomes.filter((o) => o.fresh)).toHaveLength(1);
    expect(await count()).toBe(1);
    expect((await run(otherCore)).fresh).toBe(false);
    expect(await count()).toBe(1);
  });

  it('work that fails is forgotten, so a retry of the request runs', async () => {
    const failing = f.core.once('fails-once', 'test', async () => {
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await f.stores.requests.handled('fails-once')).toBe(false);
    expect(await f.core.once('fails-once', 'test', async () => 7)).toEqual({ fresh: true, value: 7 });
  });

  describe('outbox claims', () => {
    it('two claimers at once (two clients) share the due rows: each row claimed exactly once', async () => {
      const now = new Date('2024-06-20T02:00:00Z');
      for (let round = 0; round < 3; round++) {
        await db().client.outboxMessage.createMany({
          data: Array.from({ length: 40 }, (_, i) => ({
            kind: 'race',
            occurrence: `r${round}`,
            recipient: `member:${i}`,
            channel: 'terminal',
            payload: '{}',
            notBefore: new Date(now.getTime() - 60_000),
          })),
        });
        const a = new OutboxStore(db());
        const b = new OutboxStore(other);
        const [one, two] = await Promise.all([
          a.claim('worker-a', now, ['terminal'], 40),
          b.claim('worker-b', now, ['terminal'], 40),
        ]);
        const ids = [...one, ...two].map((row) => row.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toHaveLength(40);
        const rows = await db().client.outboxMessage.findMany({
          where: { kind: 'race', occurrence: `r${round}` },
        });
        for (const row of rows) {
          const owner = one.some((r) => r.id === row.id) ? 'worker-a' : 'worker-b';
          expect(row).toMatchObject({ status: 'claimed', claimedBy: owner });
        }
      }
    });
  });
});
