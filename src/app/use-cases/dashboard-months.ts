/**
 * The dashboard's heat map and trend over a run of months (issue 18): for each month, each unit's
 * lead tasks and how many it reported on, and how many tasks were done. The same answer as the
 * summary use case's `summaryData` for each month (the same domain maths, the same roll-up and
 * carried `done`), from two reads for the whole run instead of four per month: every month's report
 * statuses in one query, and the first month each task was done before the last month. Each month
 * is counted by `monthCounts` (the summary's rules without its overdue, blocker and change work).
 */
import type { Period } from '../../domain/period.ts';
import { type MonthCounts, monthCounts, type SummaryReportInput } from '../../domain/summary.ts';
import type { CoreDeps } from '../core-deps.ts';
import type { MonthlyStatus } from '../ports/stores.ts';
import { rollReport, rollTask, rollUpOn } from './roll-up.ts';
import { allTasks, tasksOfUnit } from './task-scope.ts';

/** A month's counts (units as its summary lists them, by code: lead tasks, tasks reported on). */
export interface DashboardMonth extends MonthCounts {
  period: Period;
}

/** A status row as the summary maths takes a report: the texts the heat map does not read are empty. */
function asReport(row: MonthlyStatus): SummaryReportInput {
  return {
    taskId: row.taskId,
    unitCode: row.unitCode,
    periodKey: row.periodKey,
    status: row.status,
    percent: row.percent,
    updatedAt: row.updatedAt,
    done: '',
    blockers: null,
    evidenceUrl: null,
    late: false,
    memberName: '',
  };
}

/** `months` are consecutive month periods, oldest first; `scopeUnit` as `summaryScope` gives it. */
export async function dashboardMonths(
  deps: CoreDeps,
  scopeUnit: string | null,
  months: Period[],
  today: string,
): Promise<DashboardMonth[]> {
  const tasks = await allTasks(deps);
  const inScope = scopeUnit ? tasksOfUnit(tasks, scopeUnit) : tasks;
  const ids = new Set(inScope.map((task) => task.id));
  const [statuses, done] = await Promise.all([
    deps.reports.monthlyStatuses(months[0]!.key, months.at(-1)!.key),
    deps.reports.doneBefore(months.at(-1)!.startsOn, [...ids]),
  ]);
  const byMonth = new Map<string, SummaryReportInput[]>();
  for (const row of statuses) {
    if (!ids.has(row.taskId)) continue;
    const list = byMonth.get(row.periodKey) ?? [];
    list.push(asReport(row));
    byMonth.set(row.periodKey, list);
  }
  return Promise.all(
    months.map(async (period) => {
      const roll = await rollUpOn(deps, period.endsOn < today ? period.endsOn : today);
      const counts = monthCounts({
        period,
        today,
        units: roll.names(),
        tasks: inScope.map((task) => rollTask(task, roll)),
        reports: (byMonth.get(period.key) ?? []).map((r) => rollReport(r, roll)),
        doneBefore: done.filter((d) => d.periodKey < period.key).map((d) => rollReport(d, roll)),
        scopeUnit: scopeUnit ? roll.code(scopeUnit) : null,
      });
      return { period, ...counts };
    }),
  );
}
