/**
 * `ReportStore.submit` on both databases: SQLite's prepared statements (sqlite-direct.ts) and
 * PostgreSQL's single statement (pg-direct.ts) must write what the Prisma path writes — the period's
 * row once, the current report, one revision per submission, the audit entry, the receipt in the
 * same transaction — and stay correct when submissions race.
 */
import pg from 'pg';
import { beforeAll, expect, it } from 'vitest';
import { CardLedger } from '../../src/channels/teams/card-ledger.ts';
import { periodFromKey } from '../../src/domain/period.ts';
import type { Database } from '../../src/store/open-database.ts';
import { pgDirectFor } from '../../src/store/pg-direct.ts';
import { directFor } from '../../src/store/sqlite-direct.ts';
import { type CoreFixture, createCoreFixture } from '../support/core.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('ReportStore.submit', (db, provider) => {
  let f: CoreFixture;
  let taskIds: Map<string, number>;
  let cntt: number;
  let memberId: number;
  const input = (percent: number) => ({
    status: 'in_progress' as const,
    percent,
    done: 'Đã triển khai',
    blockers: null,
    evidenceUrl: 'https://vanban.example.vn/1',
  });
  const submission = (task: string, periodKey: string, percent: number) => ({
    taskId: taskIds.get(task)!,
    period: periodFromKey(periodKey),
    unitId: cntt,
    memberId,
    input: input(percent),
    late: false,
  });
  const reportOf = (database: Database, task: string, periodKey: string) =>
    database.client.statusReport.findFirstOrThrow({
      where: { taskId: taskIds.get(task)!, period: { key: periodKey }, unitId: cntt },
      include: { revisions: { orderBy: { revision: 'asc' } } },
    });

  beforeAll(async () => {
    f = await createCoreFixture(db());
    taskIds = new Map((await f.stores.plans.listTasks(f.deps.group.id)).map((t) => [t.code, t.id]));
    cntt = await f.stores.units.idOf('CNTT');
    memberId = f.viewers.lan.memberId;
  });

  it('takes the fast path of its database', () => {
    if (provider === 'sqlite') expect(directFor(db().client)).not.toBeNull();
    else expect(pgDirectFor(db().client)).not.toBeNull();
  });

  it('stores the report, a revision and an audit entry; an edit is the next revision', async () => {
    const before = Date.now();
    expect(await f.stores.reports.submit(submission('1', '2024-03', 10), 'member:1')).toEqual({
      revision: 1,
      replayed: false,
    });
    expect(await f.stores.reports.submit(submission('1', '2024-03', 40), 'member:1')).toEqual({
      revision: 2,
      replayed: false,
    });
    const after = Date.now();
    const report = await reportOf(db(), '1', '2024-03');
    expect(report).toMatchObject({ percent: 40, revision: 2, late: false, memberId, blockers: null });
    expect(report.revisions.map((r) => [r.revision, r.percent])).toEqual([
      [1, 10],
      [2, 40],
    ]);
    // Timestamps as Prisma writes them: read back through Prisma, they are the instant of the write.
    for (const at of [report.createdAt, report.updatedAt, ...report.revisions.map((r) => r.createdAt)]) {
      expect(at.getTime()).toBeGreaterThanOrEqual(before - 1);
      expect(at.getTime()).toBeLessThanOrEqual(after + 1);
    }
    const audits = await db().client.auditEntry.findMany({
      where: { entity: 'StatusReport', entityId: String(report.id) },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((a) => a.action)).toEqual(['report.submit', 'report.edit']);
    expect(JSON.parse(audits[0]!.details!)).toEqual({ period: '2024-03', ...input(10), late: false });
    expect(await db().client.reportingPeriod.count({ where: { key: '2024-03' } })).toBe(1);
  });

  it('reads back the instant Prisma stored, whatever the time zone of the process', async () => {
    await f.stores.reports.submit(submission('1', '2023-11', 20), 'member:1');
    const stored = (await reportOf(db(), '1', '2023-11')).updatedAt.toISOString();
    const zone = process.env.TZ;
    // pg's default parser reads a timestamp without time zone as local time; 7 hours off here.
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    try {
      const [fromPeriod] = await f.stores.reports.forPeriod('2023-11', [taskIds.get('1')!]);
      const months = await f.stores.reports.monthlyStatuses('2023-11', '2023-11');
      expect(fromPeriod?.updatedAt).toBe(stored);
      expect(months.find((m) => m.taskId === taskIds.get('1'))?.updatedAt).toBe(stored);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('commits the receipt with the report, given its revision; a failing receipt writes nothing', async () => {
    const receipt = (revision: number) => ({
      actor: 'member:1',
      action: 'card.used',
      entity: 'Card',
      entityId: 'card-1',
      details: { revision },
    });
    await f.stores.reports.submit(submission('4', '2024-04', 5), 'member:1', receipt);
    await f.stores.reports.submit(submission('4', '2024-04', 6), 'member:1', receipt);
    const receipts = await db().client.auditEntry.findMany({
      where: { entity: 'Card' },
      orderBy: { id: 'asc' },
    });
    expect(receipts.map((r) => JSON.parse(r.details!))).toEqual([{ revision: 1 }, { revision: 2 }]);

    await expect(
      f.stores.reports.submit(submission('4', '2024-04', 7), 'member:1', () => {
        throw new Error('no receipt');
      }),
    ).rejects.toThrow('no receipt');
    const report = await reportOf(db(), '4', '2024-04');
    expect([report.revision, report.percent, report.revisions.length]).toEqual([2, 6, 2]);
  });

  it('commits a receipt that is not the revision written out (edit or not) with the report too', async () => {
    const receipt = (revision: number) => ({
      actor: 'member:1',
      action: revision === 1 ? 'card.first' : 'card.again',
      entity: 'Card',
      entityId: 'card-2',
      details: { edit: revision > 1, revision },
    });
    await f.stores.reports.submit(submission('2', '2024-04', 5), 'member:1', receipt);
    await f.stores.reports.submit(submission('2', '2024-04', 6), 'member:1', receipt);
    const receipts = await db().client.auditEntry.findMany({
      where: { entity: 'Card', entityId: 'card-2' },
      orderBy: { id: 'asc' },
    });
    expect(receipts.map((r) => [r.action, JSON.parse(r.details!)])).toEqual([
      ['card.first', { edit: false, revision: 1 }],
      ['card.again', { edit: true, revision: 2 }],
    ]);
  });

  it('racing submissions, first ones of a new period included, each become one revision', async () => {
    const tasks = ['1', '2', '4'];
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        f.stores.reports.submit(submission(tasks[i % 3]!, '2024-05', i + 1), `member:${i}`),
      ),
    );
    expect(await db().client.reportingPeriod.count({ where: { key: '2024-05' } })).toBe(1);
    for (const [k, task] of tasks.entries()) {
      const report = await reportOf(db(), task, '2024-05');
      expect(report.revision).toBe(10);
      expect(report.revisions.map((r) => r.revision)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
      const mine = results.filter((_, i) => i % 3 === k).map((r) => r.revision);
      expect([...mine].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
      const actions = await db().client.auditEntry.groupBy({
        by: ['action'],
        where: { entity: 'StatusReport', entityId: String(report.id) },
        _count: true,
      });
      expect(Object.fromEntries(actions.map((a) => [a.action, a._count]))).toEqual({
        'report.submit': 1,
        'report.edit': 9,
      });
    }
  });
  it('with request keys: racing first submissions of a new period, each sent twice, store each once', async () => {
    const tasks = ['1', '2', '4'];
    const sends = Array.from({ length: 30 }, (_, i) => {
      const n = Math.floor(i / 2); // sends 2n and 2n + 1 are one request delivered twice
      return { n, key: `race-key:${n}`, task: tasks[n % 3]! };
    });
    const results = await Promise.all(
      sends.map(({ n, key, task }) =>
        f.stores.reports.submit({ ...submission(task, '2024-06', n + 1), requestKey: key }, `member:${n}`),
      ),
    );
    expect(await db().client.reportingPeriod.count({ where: { key: '2024-06' } })).toBe(1);
    for (let n = 0; n < 15; n++) {
      const [a, b] = [results[2 * n]!, results[2 * n + 1]!];
      expect(a.revision).toBe(b.revision);
      expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    }
    for (const task of tasks) {
      const report = await reportOf(db(), task, '2024-06');
      expect(report.revision).toBe(5);
      expect(report.revisions.map((r) => r.revision)).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it('with a request key and a receipt: a replay writes neither again and answers the first revision', async () => {
    const receipt = (revision: number) => ({
      actor: 'member:1',
      action: 'card.used',
      entity: 'Card',
      entityId: 'card-keyed',
      details: { revision },
    });
    const first = { ...submission('2', '2024-07', 10), requestKey: 'keyed:first' };
    const edit = { ...submission('2', '2024-07', 20), requestKey: 'keyed:edit' };
    expect(await f.stores.reports.submit(first, 'member:1', receipt)).toEqual({
      revision: 1,
      replayed: false,
    });
    expect(await f.stores.reports.submit(edit, 'member:1', receipt)).toEqual({
      revision: 2,
      replayed: false,
    });
    expect(await f.stores.reports.submit(edit, 'member:1', receipt)).toEqual({ revision: 2, replayed: true });
    expect(await f.stores.reports.submit(first, 'member:1', receipt)).toEqual({
      revision: 1,
      replayed: true,
    });
    const receipts = await db().client.auditEntry.findMany({ where: { entityId: 'card-keyed' } });
    expect(receipts.map((r) => JSON.parse(r.details!))).toEqual([{ revision: 1 }, { revision: 2 }]);
    const report = await reportOf(db(), '2', '2024-07');
    expect([report.revision, report.percent, report.revisions.length]).toEqual([2, 20, 2]);
  });
  it('with a request key, a receipt that depends on the revision beyond its number is committed too', async () => {
    const receipt = (revision: number) => ({
      actor: 'member:1',
      action: revision === 1 ? 'card.first' : 'card.again',
      entity: 'Card',
      entityId: 'card-keyed-2',
      details: { edit: revision > 1, revision },
    });
    const send = (percent: number, key: string) =>
      f.stores.reports.submit(
        { ...submission('4', '2024-07', percent), requestKey: key },
        'member:1',
        receipt,
      );
    expect(await send(5, 'keyed-2:a')).toEqual({ revision: 1, replayed: false });
    expect(await send(6, 'keyed-2:b')).toEqual({ revision: 2, replayed: false });
    expect(await send(6, 'keyed-2:b')).toEqual({ revision: 2, replayed: true });
    await expect(
      f.stores.reports.submit(
        { ...submission('4', '2024-07', 7), requestKey: 'keyed-2:c' },
        'member:1',
        () => {
          throw new Error('no receipt');
        },
      ),
    ).rejects.toThrow('no receipt');
    expect(await f.stores.requests.handled('keyed-2:c')).toBe(false);
    const receipts = await db().client.auditEntry.findMany({
      where: { entity: 'Card', entityId: 'card-keyed-2' },
      orderBy: { id: 'asc' },
    });
    expect(receipts.map((r) => [r.action, JSON.parse(r.details!)])).toEqual([
      ['card.first', { edit: false, revision: 1 }],
      ['card.again', { edit: true, revision: 2 }],
    ]);
    const report = await reportOf(db(), '4', '2024-07');
    expect([report.revision, report.percent, report.revisions.length]).toEqual([2, 6, 2]);
  });
  it('keyed submissions sent together: each its own revision, a replay answered, a bad one refused alone', async () => {
    const sent: string[] = [];
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const first = args[0] as { name?: string };
      if (first?.name) sent.push(first.name);
      return original.apply(this, args);
    };
    const batches = () => sent.filter((name) => name === 'da06_submit_report_keyed').length;
    const keyed = (task: string, percent: number, key: string) => ({
      ...submission(task, '2024-09', percent),
      requestKey: key,
    });
    const tasks = ['1', '2', '4'];
    try {
      expect(await f.stores.reports.submit(keyed('1', 1, 'together:0'), 'member:1')).toEqual({
        revision: 1,
        replayed: false,
      });
      sent.length = 0;
      const values = await Promise.all([
        ...Array.from({ length: 24 }, (_, i) =>
          f.stores.reports.submit(keyed(tasks[i % 3]!, i + 10, `together:${i + 1}`), `member:${i}`),
        ),
        f.stores.reports.submit(keyed('1', 99, 'together:0'), 'member:1'), // a replay of the first
      ]);
      expect(values[24]).toEqual({ revision: 1, replayed: true });
      // On PostgreSQL the 25 went in a few statements (group commit), not one each.
      if (provider === 'postgresql') {
        expect(batches()).toBeGreaterThan(0);
        expect(batches()).toBeLessThan(10);
      }
      for (const [k, task] of tasks.entries()) {
        const report = await reportOf(db(), task, '2024-09');
        const count = task === '1' ? 9 : 8;
        expect(report.revisions.map((r) => r.revision)).toEqual(
          Array.from({ length: count }, (_, i) => i + 1),
        );
        // Each submission's answer is the revision that holds its own numbers; the report is the last.
        const mine = values.slice(0, 24).filter((_, i) => i % 3 === k);
        for (const [j, value] of mine.entries()) {
          const revision = report.revisions.find((r) => r.revision === value.revision)!;
          expect(revision.percent).toBe(k + 3 * j + 10);
        }
        expect([report.revision, report.percent]).toEqual([count, report.revisions.at(-1)!.percent]);
      }

      // A member who does not exist: the foreign key refuses that submission, and only that one.
      const outcomes = await Promise.allSettled([
        ...tasks.map((task, i) =>
          f.stores.reports.submit(keyed(task, 60 + i, `together:good:${i}`), 'member:1'),
        ),
        f.stores.reports.submit({ ...keyed('2', 50, 'together:bad'), memberId: 987_654 }, 'member:987654'),
        ...tasks.map((task, i) =>
          f.stores.reports.submit(keyed(task, 70 + i, `together:more:${i}`), 'member:1'),
        ),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual([
        ...Array(3).fill('fulfilled'),
        'rejected',
        ...Array(3).fill('fulfilled'),
      ]);
      expect(await f.stores.requests.handled('together:bad')).toBe(false);
      for (const [i, task] of tasks.entries()) {
        const report = await reportOf(db(), task, '2024-09');
        expect(
          report.revisions
            .slice(-2)
            .map((r) => r.percent)
            .sort(),
        ).toEqual([60 + i, 70 + i]);
      }
    } finally {
      proto.query = original;
    }
  });

  it('on PostgreSQL, a keyed submission with a Teams card receipt is one statement', async () => {
    if (provider !== 'postgresql') return;
    const sent: string[] = [];
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      sent.push(typeof first === 'string' ? first : (first?.text ?? '?'));
      return original.apply(this, args);
    };
    try {
      const view = (revision: number) => ({
        kind: 'report-saved' as const,
        viewer: f.viewers.lan,
        period: periodFromKey('2024-08'),
        taskCode: '1',
        taskContent: 'Nhiệm vụ 1',
        status: 'in_progress' as const,
        percent: 10,
        revision,
        late: false,
      });
      const ledger = CardLedger.receipt('1:card-x:form', (saved) => ({
        result: saved,
        reminder: null,
        taskId: 1,
      }));
      const receipt = (revision: number) => ({
        actor: 'member:1',
        action: ledger.action,
        entity: ledger.entity,
        entityId: ledger.entityId,
        details: ledger.details(view(revision)),
      });
      await f.stores.reports.submit(submission('1', '2024-08', 10), 'member:1'); // the period's row
      sent.length = 0;
      const keyed = { ...submission('1', '2024-08', 20), requestKey: 'teams:card:1:card-x:form' };
      expect(await f.stores.reports.submit(keyed, 'member:1', receipt)).toEqual({
        revision: 2,
        replayed: false,
      });
      expect(sent).toHaveLength(1);
    } finally {
      proto.query = original;
    }
    const [entry] = await db().client.auditEntry.findMany({ where: { entityId: '1:card-x:form' } });
    expect(JSON.parse(entry!.details!).result.revision).toBe(2);
  });
});
