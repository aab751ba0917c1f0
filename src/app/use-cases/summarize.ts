/**
 * "Summary" for a period: totals, per-unit table, overdue tasks, blockers for the chair, units that
 * have not reported, change since the previous period. Members see their unit; chairs the group.
 * A half-year or a year is summarised as it stood at its last month (or now, if it is running).
 */

import { type Period, parsePeriod, periodOf, previousPeriod } from '../../domain/period.ts';
import { summaryScope } from '../../domain/permissions.ts';
import { defaultReportPeriod } from '../../domain/reporting-window.ts';
import { computeSummary, type SummaryStanding } from '../../domain/summary.ts';
import { type CoreDeps, today as todayOf } from '../core-deps.ts';
import type { TaskRow } from '../ports/stores.ts';
import type { NoticeView, OverdueView, SummaryView, Viewer } from '../views.ts';
import { deadlineBuckets } from './deadline-buckets.ts';
import { rollReport, rollTask, rollUpOn } from './roll-up.ts';
import { allTasks, tasksOfUnit } from './task-scope.ts';

export async function summarize(
  deps: CoreDeps,
  viewer: Viewer,
  periodText?: string | null,
  options: SummaryOptions = {},
): Promise<SummaryView | NoticeView> {
  const asked = await summaryPeriod(deps, periodText);
  if ('kind' in asked) return asked;
  return summaryOf(deps, viewer, asked, options);
}

/** The summary of a period `summaryPeriod` has settled, in the viewer's scope. */
export async function summaryOf(
  deps: CoreDeps,
  viewer: Viewer,
  { period, today }: { period: Period; today: string },
  options: SummaryOptions = {},
): Promise<SummaryView> {
  const scope = summaryScope(viewer);
  const tasks = await allTasks(deps); // read once for both
  const [data, buckets] = await Promise.all([
    summaryData(deps, scope, period, today, tasks, options),
    deadlineBuckets(deps, scope, period, today, tasks),
  ]);
  return { kind: 'summary', viewer, ...data, buckets };
}

/**
 * The period a summary is asked for (the default: the month being reported, `defaultReportPeriod`),
 * or why it cannot be summarised: not a period, not begun, or before the first plan.
 */
export async function summaryPeriod(
  deps: CoreDeps,
  periodText?: string | null,
): Promise<{ period: Period; today: string } | NoticeView> {
  const today = todayOf(deps);
  const period = periodText?.trim() ? parsePeriod(periodText) : defaultReportPeriod(today, deps.graceDays);
  if (!period)
    return { kind: 'notice', tone: 'error', key: 'period.invalid', params: { text: periodText ?? '' } };
  if (period.startsOn > today) {
    return {
      kind: 'notice',
      tone: 'error',
      key: 'report.period_not_started',
      params: { period: period.key },
    };
  }
  const firstYear = await firstPlanYear(deps);
  if (firstYear !== null && period.endsOn < `${firstYear}-01-01`) {
    return {
      kind: 'notice',
      tone: 'error',
      key: 'period.before_plan',
      params: { period: period.key, first: String(firstYear) },
    };
  }
  return { period, today };
}

export async function overdueList(deps: CoreDeps, viewer: Viewer): Promise<OverdueView> {
  const today = todayOf(deps);
  const data = await summaryData(deps, summaryScope(viewer), periodOf('month', today), today);
  return { kind: 'overdue', viewer, today, items: data.overdue };
}

export interface SummaryOptions {
  /**
   * The change since the previous month (`change`: its totals, the tasks done since): read and
   * counted unless false (the dashboard's overview shows the twelve months' trend instead).
   */
  change?: boolean;
}

/**
 * The summary maths over what the database holds for `period` (the month that stands for it);
 * `known`: the group's tasks when the caller has read them already.
 */
export async function summaryData(
  deps: CoreDeps,
  scopeUnit: string | null,
  period: Period,
  today: string,
  known?: TaskRow[],
  { change = true }: SummaryOptions = {},
) {
  const month = standingMonth(period, today);
  const tasks = known ?? (await allTasks(deps));
  const inScope = scopeUnit ? tasksOfUnit(tasks, scopeUnit) : tasks;
  const ids = inScope.map((task) => task.id);
  const before = previousPeriod(month);
  // One read of the months in which each unit first reported each task done serves both periods:
  // what was done before the previous month is what was done before this one, minus the last month.
  const [roll, rawReports, rawDoneBefore, rawPreviousReports] = await Promise.all([
    rollUpOn(deps, month.endsOn < today ? month.endsOn : today),
    standingsOf(deps, month.key, ids),
    deps.reports.doneBefore(month.startsOn, ids),
    change ? standingsOf(deps, before.key, ids) : null,
  ]);
  // Units that no longer exist count under their successor (issue 15); the rows keep their unit.
  const reports = rawReports.map((r) => rollReport(r, roll));
  const doneBefore = rawDoneBefore.map((d) => rollReport(d, roll));
  const previousReports = rawPreviousReports?.map((r) => rollReport(r, roll));
  const rolledTasks = inScope.map((task) => rollTask(task, roll));
  const rolledScope = scopeUnit ? roll.code(scopeUnit) : null;
  const previousDone = doneBefore.filter((done) => done.periodKey < before.key);
  return computeSummary({
    period,
    today,
    units: roll.names(),
    tasks: rolledTasks,
    reports,
    doneBefore,
    previous: previousReports ? { period: before, reports: previousReports, doneBefore: previousDone } : null,
    scopeUnit: rolledScope,
  });
}

/** The month's reports on the tasks `ids` as the summary reads them (`standings`). */
async function standingsOf(deps: CoreDeps, key: string, ids: number[]): Promise<SummaryStanding[]> {
  const wanted = new Set(ids);
  const rows = await deps.reports.standings(key);
  return rows.length === 0 ? rows : rows.filter((row) => wanted.has(row.taskId));
}

/** Reports are monthly: a half-year or year stands as its last month, or the current one if earlier. */
export function standingMonth(period: Period, today: string): Period {
  if (period.kind === 'month') return period;
  const last = periodOf('month', period.endsOn);
  const now = periodOf('month', today);
  return now.startsOn < last.startsOn ? now : last;
}

async function firstPlanYear(deps: CoreDeps): Promise<number | null> {
  return deps.plans.firstYear(deps.group.id);
}
