/**
 * The directory cache behind a submission (ADR 24, addendum 3): on PostgreSQL the member and task
 * reads of a submission may come from a cache only inside `Core.optimistic`, and whatever they led to
 * is checked against the database's directory version before the answer leaves (the write's guard,
 * or one version read). A change made through ANOTHER client (another replica) between two
 * submissions is always seen by the second. On SQLite the same expectations hold through its own
 * exact cache (ADR 6), so the behaviour tests run on both databases.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../src/app/core.ts';
import type { View } from '../../src/app/views.ts';
import { type Database, openDatabase } from '../../src/store/open-database.ts';
import { createStores, type StoreSet } from '../../src/store/stores.ts';
import { type CoreFixture, createCoreFixture } from '../support/core.ts';
import { describeEachDatabase } from '../support/databases.ts';

const DRAFT = (percent: number) => ({
  status: 'in_progress',
  percent: String(percent),
  done: 'Đã triển khai',
  blockers: '',
  evidenceUrl: '',
});

/** Every statement `pg` sends while `work` runs (Prisma's adapter and PgDirect alike). */
async function statementsOf<T>(work: () => Promise<T>): Promise<{ value: T; sent: string[] }> {
  const sent: string[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string; name?: string };
    sent.push(typeof first === 'string' ? first : (first?.name ?? first?.text ?? '?'));
    return original.apply(this, args);
  };
  try {
    return { value: await work(), sent };
  } finally {
    proto.query = original;
  }
}

describeEachDatabase('directory cache of submissions', (db, provider) => {
  let f: CoreFixture;
  /** Another replica: its own client (pool or connection) on the same database. */
  let other: Database;
  let otherStores: StoreSet;
  let taskIds: Map<string, number>;
  let unitIds: Map<string, number>;
  let people = 0;

  beforeAll(async () => {
    f = await createCoreFixture(db());
    other = await openDatabase(db().url);
    otherStores = createStores(other, f.deps.group.id);
    taskIds = new Map((await f.stores.plans.listTasks(f.deps.group.id)).map((t) => [t.code, t.id]));
    unitIds = new Map((await db().client.unit.findMany()).map((u) => [u.code, u.id]));
  });

  afterAll(async () => {
    await other?.close();
  });

  /** A new member of `unit` with a Slack account; returns the account and the member's id. */
  async function person(unit: string): Promise<{ slack: string; id: number }> {
    const slack = `UCACHE${++people}`;
    const member = await f.stores.members.add(
      { displayName: `Thành viên ${people}`, unitCode: unit, role: 'member', identities: { slack } },
      'test',
    );
    return { slack, id: member.id };
  }

  let keys = 0;
  /** A Slack-like submission: who is asking, then the report, in one optimistic scope. */
  function submit(core: Core, slack: string, task: string, percent: number, inside?: () => Promise<void>) {
    const requestKey = `test:cache:${++keys}`;
    return core.optimistic(async (): Promise<View> => {
      const who = await core.identify('slack', slack);
      if ('kind' in who) return who;
      await inside?.();
      return core.submitReport(who, { task: taskIds.get(task)!, draft: DRAFT(percent), requestKey });
    });
  }

  /**
   * After another client's commit, the next event-loop turn: SQLite's cache reads the database's
   * data_version once per turn (SqliteDirect.cached), as a new request always arrives in one.
   */
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  const revisions = (task: string, memberId: number) =>
    db().client.statusReportRevision.count({ where: { memberId, report: { taskId: taskIds.get(task)! } } });

  it('a member deactivated through another client is refused on the next submission', async () => {
    const m = await person('CNTT');
    expect((await submit(f.core, m.slack, '1', 10)).kind).toBe('report-saved');
    expect((await submit(f.core, m.slack, '1', 20)).kind).toBe('report-saved');
    await otherStores.members.deactivate(m.id, 'test');
    await nextTurn();
    const refused = await submit(f.core, m.slack, '1', 30);
    expect(refused).toMatchObject({ kind: 'notice', key: 'auth.inactive' });
    expect(await revisions('1', m.id)).toBe(2);
  });

  it('a member moved to another unit through another client is refused a task of the old unit', async () => {
    const m = await person('CNTT');
    expect((await submit(f.core, m.slack, '1', 10)).kind).toBe('report-saved');
    await other.client.member.update({ where: { id: m.id }, data: { unitId: unitIds.get('TCCB')! } });
    await nextTurn();
    expect(await submit(f.core, m.slack, '1', 20)).toMatchObject({
      kind: 'notice',
      key: 'auth.not_your_task',
    });
    expect(await revisions('1', m.id)).toBe(1);
    // And the new unit's task is accepted, as the TCCB member they now are.
    const saved = await submit(f.core, m.slack, '3', 5);
    expect(saved).toMatchObject({ kind: 'report-saved', viewer: { unitCode: 'TCCB' } });
  });

  it('a task whose unit is removed through another client is refused to that unit', async () => {
    const m = await person('VP');
    expect((await submit(f.core, m.slack, '2', 10)).kind).toBe('report-saved');
    const taskId = taskIds.get('2')!;
    await other.client.taskUnit.deleteMany({ where: { taskId, unitId: unitIds.get('VP')! } });
    await nextTurn();
    try {
      expect(await submit(f.core, m.slack, '2', 20)).toMatchObject({
        kind: 'notice',
        key: 'auth.not_your_task',
      });
      expect(await revisions('2', m.id)).toBe(1);
    } finally {
      await other.client.taskUnit.create({ data: { taskId, unitId: unitIds.get('VP')!, role: 'lead' } });
    }
  });

  it('a refusal from cached data is checked again: moved into the task’s unit, the member is accepted', async () => {
    const m = await person('CNTT');
    expect((await submit(f.core, m.slack, '1', 10)).kind).toBe('report-saved'); // warms the cache
    expect(await submit(f.core, m.slack, '3', 10)).toMatchObject({
      kind: 'notice',
      key: 'auth.not_your_task',
    });
    await other.client.member.update({ where: { id: m.id }, data: { unitId: unitIds.get('TCCB')! } });
    await nextTurn();
    expect(await submit(f.core, m.slack, '3', 15)).toMatchObject({ kind: 'report-saved' });
    expect(await revisions('3', m.id)).toBe(1);
  });

  it('a change by another client between the cached reads and the write: written once, from fresh reads', async () => {
    const m = await person('CNTT');
    expect((await submit(f.core, m.slack, '4', 10)).kind).toBe('report-saved');
    let runs = 0;
    const saved = await submit(f.core, m.slack, '4', 20, async () => {
      if (++runs === 1) await otherStores.members.deactivate(m.id, 'test');
    });
    if (provider === 'postgresql') {
      // The member was deactivated before the write: the guarded write finds the version moved,
      // writes and claims nothing, and the second run reads the member afresh (and stops there:
      // the first run had found the member active).
      expect(saved).toMatchObject({ kind: 'notice', key: 'auth.inactive' });
      expect(await revisions('4', m.id)).toBe(1);
      expect(await db().client.handledRequest.count({ where: { key: `test:cache:${keys}` } })).toBe(0);
    } else {
      // SQLite has no second run: the member was read (active) before the change, as by any read
      // followed by a write, and the next submission sees the change (the first test).
      expect(saved).toMatchObject({ kind: 'report-saved' });
      expect(await revisions('4', m.id)).toBe(2);
    }
    await otherStores.members.reactivate(m.id, 'test');
  });

  it('an unrelated directory change makes the guard fail; the retry stores exactly once', async () => {
    const m = await person('CNTT');
    expect((await submit(f.core, m.slack, '4', 10)).kind).toBe('report-saved');
    let runs = 0;
    const { value, sent } = await statementsOf(() =>
      submit(f.core, m.slack, '4', 30, async () => {
        if (++runs === 1)
          await other.client.unit.update({ where: { code: 'VP' }, data: { name: `VP ${keys}` } });
      }),
    );
    expect(value).toMatchObject({ kind: 'report-saved' });
    expect(await revisions('4', m.id)).toBe(2);
    expect(await db().client.handledRequest.count({ where: { key: `test:cache:${keys}` } })).toBe(1);
    const audits = await db().client.auditEntry.count({
      where: { actor: `member:${m.id}`, action: { in: ['report.submit', 'report.edit'] } },
    });
    expect(audits).toBe(2);
    if (provider === 'postgresql') {
      expect(runs).toBe(2);
      // The guarded write twice (refused, then stored): nothing else wrote in between.
      expect(sent.filter((s) => s === 'da06_submit_report_keyed')).toHaveLength(2);
    }
  });

  it('on PostgreSQL a warm submission is one statement; outside a scope nothing is served from the cache', async () => {
    if (provider !== 'postgresql') return;
    const m = await person('CNTT');
    expect((await submit(f.core, m.slack, '1', 10)).kind).toBe('report-saved');
    const { value, sent } = await statementsOf(() => submit(f.core, m.slack, '1', 20));
    expect(value).toMatchObject({ kind: 'report-saved' });
    expect(await revisions('1', m.id)).toBe(2);
    expect(sent).toEqual(['da06_submit_report_keyed']);
    // Outside a scope the member is read from the database every time.
    await other.client.member.update({ where: { id: m.id }, data: { displayName: 'Tên mới' } });
    const outside = await statementsOf(() => f.core.identify('slack', m.slack));
    expect(outside.value).toMatchObject({ displayName: 'Tên mới' });
    expect(outside.sent).toHaveLength(1);
  });

  it('on PostgreSQL the version moves with directory writes, not with reports nor Teams references', async () => {
    if (provider !== 'postgresql') return;
    const version = async () =>
      BigInt((await db().client.directoryVersion.findUniqueOrThrow({ where: { id: 1 } })).version);
    const m = await person('CNTT');
    let before = await version();
    expect(before).toBeGreaterThan(0n);
    await otherStores.conversations.saveMember('slack', m.slack, '{"conversation":1}');
    expect((await submit(f.core, m.slack, '1', 10)).kind).toBe('report-saved');
    await other.client.member.update({ where: { id: m.id }, data: { leaveFrom: '2024-07-01' } });
    expect(await version()).toBe(before);
    await otherStores.members.setRole(m.id, 'vice-chair', 'test');
    expect(await version()).toBe(before + 1n);
    before = await version();
    // A plan import of many rows moves it once (once per transaction).
    await other.client.$transaction(async (tx) => {
      await tx.task.updateMany({ data: { product: 'Báo cáo' } });
      await tx.unit.updateMany({ data: { name: 'Đơn vị' } });
    });
    expect(await version()).toBe(before + 1n);
  });

  it('on PostgreSQL without the version row nothing is cached, and submissions go on uncached', async () => {
    if (provider !== 'postgresql') return;
    const m = await person('CNTT');
    expect((await submit(f.core, m.slack, '1', 10)).kind).toBe('report-saved');
    const row = await other.client.directoryVersion.delete({ where: { id: 1 } });
    try {
      const { value, sent } = await statementsOf(() => submit(f.core, m.slack, '1', 20));
      expect(value).toMatchObject({ kind: 'report-saved' });
      // The cached member and task (read at the old version) are refused by the guard; the second
      // run reads both and writes without a guard.
      expect(sent.filter((s) => s === 'da06_submit_report_keyed')).toHaveLength(2);
      const again = await statementsOf(() => submit(f.core, m.slack, '1', 30));
      expect(again.value).toMatchObject({ kind: 'report-saved' });
      expect(again.sent).toEqual(['da06_member_by_identity', 'da06_task_by_id', 'da06_submit_report_keyed']);
      expect(await revisions('1', m.id)).toBe(3);
    } finally {
      await other.client.directoryVersion.create({ data: { id: 1, version: row.version + 1n } });
    }
  });

  it('20 submissions at once while another client keeps changing the directory: each stored exactly once', async () => {
    const members = [await person('CNTT'), await person('CNTT')];
    for (const m of members) expect((await submit(f.core, m.slack, '4', 1)).kind).toBe('report-saved');
    const first = keys + 1;
    let changing = true;
    const changes = (async () => {
      for (let i = 0; changing && i < 200; i++)
        await other.client.unit.update({ where: { code: 'VP' }, data: { name: `VP đổi ${i}` } });
    })();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => submit(f.core, members[i % 2]!.slack, '4', 10 + i)),
    );
    changing = false;
    await changes;
    expect(answers.map((a) => a.kind)).toEqual(Array(20).fill('report-saved'));
    const claimed = await db().client.handledRequest.count({
      where: { key: { in: Array.from({ length: 20 }, (_, i) => `test:cache:${first + i}`) } },
    });
    expect(claimed).toBe(20);
    for (const m of members) expect(await revisions('4', m.id)).toBe(11);
  });
});
