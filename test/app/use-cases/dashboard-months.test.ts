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
import { periodFromKey } from '../../../src/domain/period.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';

describeEachDatabase('the dashboard’s months', (db) => {
  let fx: CoreFixture;
  const today = '2024-06-20';

  beforeAll(async () => {
    fx = await createCoreFixture(db());
    const report = async (who: Viewer, month: string, task: string, status: string, percent: number) => {
      fx.clock.set(`${month}-15T09:00:00+07:00`);
      const draft = { status, percent, done: 'Đã làm', ...(status === 'blocked' ? { blockers: 'Chờ' } : {}) };
      await fx.core.submitReport(who, { task, draft });
    };
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
      const fast = await dashboardMonths(fx.deps, scope, months, today);
      expect(fast.map((m) => m.period.key)).toEqual(months.map((p) => p.key));
      for (const [i, period] of months.entries()) {
        const direct = await summaryData(fx.deps, scope, period, today);
        const label = `${scope} ${period.key}`;
        const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
        expect([...fast[i]!.units].sort(byCode), label).toEqual(
          direct.units.map(({ code, name, lead, reported }) => ({ code, name, lead, reported })).sort(byCode),
        );
        expect(fast[i]!.done, label).toBe(direct.totals.done);
        expect(fast[i]!.taskCount, label).toBe(direct.taskCount);
        anyDone ||= direct.totals.done > 0;
      }
    }
    expect(anyDone).toBe(true); // the fixture has done tasks: the comparison can tell
  });

  it('reads each month’s statuses in one query over the run', async () => {
    const rows = await fx.stores.reports.monthlyStatuses('2024-03', '2024-04');
    expect(new Set(rows.map((r) => r.periodKey))).toEqual(new Set(['2024-03', '2024-04']));
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.status === 'blocked').map((r) => r.unitCode)).toEqual(['VP']);
  });
});
