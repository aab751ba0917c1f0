/**
 * The web dashboard's overview of a period (issue 18): the summary as `/da06 summary` gives it (a
 * member sees their unit only) and the twelve months ending with the period's month so far, for the
 * heat map and the trend. One page, one set of reads: the task list, the unit history, the first
 * `done` months and the first plan year are read once for both (`sharingReads`), and the two run at
 * once, so on PostgreSQL their queries overlap on the pool. The summary leaves out the change since
 * the previous month, which the page does not show (its trend shows twelve).
 */
import { type Period, periodOf, previousPeriod } from '../../domain/period.ts';
import { summaryScope } from '../../domain/permissions.ts';
import type { CoreDeps } from '../core-deps.ts';
import type { NoticeView, SummaryView, Viewer } from '../views.ts';
import { type DashboardMonth, dashboardMonths } from './dashboard-months.ts';
import { sharingReads } from './shared-reads.ts';
import { summaryOf, summaryPeriod } from './summarize.ts';

export interface OverviewView {
  kind: 'overview';
  summary: SummaryView;
  /** Oldest first, the last one the summary's month. */
  months: DashboardMonth[];
}

export async function overview(
  deps: CoreDeps,
  viewer: Viewer,
  periodText?: string | null,
): Promise<OverviewView | NoticeView> {
  const shared = sharingReads(deps);
  const asked = await summaryPeriod(shared, periodText);
  if ('kind' in asked) return asked;
  const [summary, months] = await Promise.all([
    summaryOf(shared, viewer, asked, { change: false }),
    dashboardMonths(shared, summaryScope(viewer), lastTwelveMonths(asked.period, asked.today), asked.today),
  ]);
  return { kind: 'overview', summary, months };
}

/** The 12 months ending with the period's last month so far (the month the summary stands on), oldest first. */
export function lastTwelveMonths(period: Period, today: string): Period[] {
  const end = period.endsOn < today ? period.endsOn : today;
  const months: Period[] = [periodOf('month', end)];
  while (months.length < 12) months.unshift(previousPeriod(months[0]!));
  return months;
}
