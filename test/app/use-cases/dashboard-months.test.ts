/**
 * The dashboard's months (heat map and trend, one read of statuses for the run) give what the
 * summary use case gives month by month: each unit's lead and reported counts, tasks done, task
 * count, with `done` carried from before the run and within it, three units, every status, and a
 * member's scope, on both databases.
 */
import { beforeAll, expect, it } from 'vitest';
import { dashboardMonths } from '../../../src/app/use-cases/dashboard-months.ts';
import { summaryData } from '../../../src/app/use-cases/summarize.ts';
import type { Viewer } from '../../../src/app/views.ts';
import { type Period, periodFromKey } from '../../../src/domain/period.ts';
import { UnitStore } from '../../../src/store/unit-store.ts';
import { type CoreFixture, createCoreFixture, reportInMonth } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';

/**
 * Each month of `dashboardMonths` against `summaryData` of that month: the units (code, name, lead,
 * reported), the done count and the task count. True when some month had a done task.
 */
async function expectMonthsAsSummary(
  fx: CoreFixture,
  scope: string | null,
  months: Period[],
  today: string,
): Promise<boolean> {
  const fast = await dashboardMonths(fx.deps, scope, months, today);
  expect(fast.map((m) => m.period.key)).toEqual(months.map((p) => p.key));
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  let anyDone = false;
  for (const [i, period] of months.entries()) {
    const direct = await summaryData(fx.deps, scope, period, today);
    const label = `${scope} ${period.key}`;
    expect([...fast[i]!.units].sort(byCode), label).toEqual(
      direct.units.map(({ code, name, lead, reported }) => ({ code, name, lead, reported })).sort(byCode),
    );
    expect(fast[i]!.done, label).toBe(direct.totals.done);
    expect(fast[i]!.taskCount, label).toBe(direct.taskCount);
    anyDone ||= direct.totals.done > 0;
  }
  return anyDone;
}

describeEachDatabase('the dashboard’s months', (db) => {
  let fx: CoreFixture;
  const today = '2024-06-20';

  beforeAll(async () => {
    fx = await createCoreFixture(db());
    const report = (who: Viewer, month: string, task: string, status: string, percent: number) =>
      reportInMonth(fx, who, month, task, status, percent);
    const { lan, minh, ha } = fx.viewers;
    await report(lan, '2024-01', '1', 'done', 100); // carried into the run from before it
    await report(ha, '2024-02', '3', 'not_started', 0);
    await report(lan, '2024-03', '4', 'in_progress', 30);
    await report(minh, '2024-03', '4', 'blocked', 10);
    await report(minh, '2024-03', '2', 'in_progress', 20);
    await report(lan, '2024-04', '4', 'done', 100);
    await report(ha, '2024-04', '3', 'in_progress', 60);
    await report(minh, '2024-05', '4', 'done', 100);
    await report(minh, '2024-05', '2', 'done', 100);
    await report(ha, '2024-06', '3', 'blocked', 60);
    await report(lan, '2024-06', '1', 'in_progress', 90); // a new word wins over the carried done
    fx.clock.set(`${today}T09:00:00+07:00`);
  });

  it('answers every month as the summary does', async () => {
    const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'].map(periodFromKey);
    let anyDone = false;
    for (const scope of [null, 'CNTT', 'VP', 'TCCB']) {
      anyDone = (await expectMonthsAsSummary(fx, scope, months, today)) || anyDone;
    }
    expect(anyDone).toBe(true); // the fixture has done tasks: the comparison can tell
  });

  it('gives the summary’s change since the previous month from that month’s statuses', async () => {
    const may = await summaryData(fx.deps, null, periodFromKey('2024-05'), today);
    expect(may.change?.previousKey).toBe('2024-04');
    // April: task 1 done (carried from January); task 4 not yet (VP blocked in March, no word in April).
    expect(may.change?.totalsBefore).toMatchObject({ done: 1, blocked: 0, in_progress: 2 });
    expect(may.change?.newlyDone.map((t) => t.code)).toEqual(['2', '4']);
  });

  it('reads each month’s statuses in one query over the run', async () => {
    const rows = await fx.stores.reports.monthlyStatuses('2024-03', '2024-04');
    expect(new Set(rows.map((r) => r.periodKey))).toEqual(new Set(['2024-03', '2024-04']));
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.status === 'blocked').map((r) => r.unitCode)).toEqual(['VP']);
  });

  it('reads each (task, unit) pair’s months as bits, one row per pair', async () => {
    const tasks = new Map((await fx.stores.plans.listTasks(fx.deps.group.id)).map((t) => [t.id, t.code]));
    const marks = await fx.stores.reports.monthMarks('2024-02', '2024-04');
    const byPair = Object.fromEntries(
      marks.map((m) => [`${tasks.get(m.taskId)}:${m.unitCode}`, [m.reported, m.done]]),
    );
    // Bit 0 is February: task 4 by CNTT in progress in March, done in April; by VP blocked in March.
    expect(byPair).toEqual({
      '3:TCCB': [0b101, 0],
      '4:CNTT': [0b110, 0b100],
      '4:VP': [0b010, 0],
      '2:VP': [0b010, 0],
    });
    await expect(fx.stores.reports.monthMarks('2021-12', '2024-06')).rejects.toThrow(RangeError);
  });
});

describeEachDatabase('the dashboard’s months across a merge', (db) => {
  let fx: CoreFixture;
  const today = '2024-06-20';

  beforeAll(async () => {
    fx = await createCoreFixture(db(), '2024-03-20T09:00:00+07:00');
    // From 01/04/2024 VP and TCCB are merged into a new Văn phòng (as in roll-up.test.ts).
    await new UnitStore(db().client).syncHistory(
      [
        {
          code: 'VPM',
          kind: 'central',
          name: 'Văn phòng (sau sắp xếp)',
          aliases: [],
          validFrom: '2024-04-01',
          validTo: null,
          territory: [],
          source: 'thử',
        },
      ],
      [
        { on: '2024-04-01', action: 'merge', from: 'VP', to: 'VPM', decision: 'QĐ thử', source: 'thử' },
        { on: '2024-04-01', action: 'merge', from: 'TCCB', to: 'VPM', decision: 'QĐ thử', source: 'thử' },
      ],
      'test',
    );
    const tasks = new Map((await fx.stores.plans.listTasks(fx.deps.group.id)).map((t) => [t.code, t.id]));
    const report = async (unit: string, month: string, task: string, status: 'done' | 'in_progress') => {
      await fx.stores.reports.submit(
        {
          taskId: tasks.get(task)!,
          period: periodFromKey(month),
          unitId: await fx.stores.units.idOf(unit),
          memberId: fx.viewers.minh.memberId,
          input: {
            status,
            percent: status === 'done' ? 100 : 50,
            done: 'Đã làm',
            blockers: null,
            evidenceUrl: null,
          },
          late: false,
        },
        'test',
      );
      await new Promise((resolve) => setTimeout(resolve, 5)); // a later updatedAt for the next one
    };
    // Both old units report on each task in May; the later report is VPM's word, either way round.
    await report('TCCB', '2024-05', '2', 'done');
    await report('VP', '2024-05', '2', 'in_progress');
    await report('VP', '2024-05', '3', 'in_progress');
    await report('TCCB', '2024-05', '3', 'done');
    await report('VP', '2024-03', '2', 'done'); // before the merge: VP's own
    await report('TCCB', '2024-06', '2', 'done');
    await report('VP', '2024-06', '2', 'done');
    fx.clock.set(`${today}T09:00:00+07:00`);
  });

  it('counts two merged units’ reports in one month as the summary does (the later one decides)', async () => {
    const months = ['2024-03', '2024-04', '2024-05', '2024-06'].map(periodFromKey);
    for (const scope of [null, 'VP', 'TCCB']) await expectMonthsAsSummary(fx, scope, months, today);
    const may = (await dashboardMonths(fx.deps, null, months, today))[2]!;
    expect(may.done).toBe(1); // task 3 (TCCB said done last), not task 2 (VP said in progress last)
  });
});
