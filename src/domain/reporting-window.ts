/**
 * When a period takes reports. Members report on the month that is running; a month stays open for
 * `graceDays` after its last day so the reporting round before the meeting can collect late replies
 * (stored and marked late); after that it is closed, and its reports are history.
 *
 * The one rule for "which month, when none is named" (README, "The grace month"): during the grace
 * days after a month ends, that month is still being collected, so the form offers it first and the
 * summary, the export and the scoreboard show it; from the day after its grace it is the running month.
 */

import type { Period } from './period.ts';
import { addDays, periodOf, previousPeriod } from './period.ts';

export type WindowState = 'not_started' | 'open' | 'late' | 'closed';

export function reportingWindow(period: Period, today: string, graceDays: number): WindowState {
  if (today < period.startsOn) return 'not_started';
  if (today <= period.endsOn) return 'open';
  return today <= closesOn(period, graceDays) ? 'late' : 'closed';
}

/** The last day a period takes (late) reports. */
export function closesOn(period: Period, graceDays: number): string {
  return addDays(period.endsOn, graceDays);
}

/**
 * The months a member may report on `today`, the one being collected first: during the previous
 * month's grace days [previous month, running month], otherwise [running month].
 */
export function reportableMonths(today: string, graceDays: number): Period[] {
  const running = periodOf('month', today);
  const previous = previousPeriod(running);
  return reportingWindow(previous, today, graceDays) === 'late' ? [previous, running] : [running];
}

/**
 * The default period of the form, the summary, the export and the scoreboard: the month whose
 * reports are being collected — last month during its grace days, else the running month.
 */
export function defaultReportPeriod(today: string, graceDays: number): Period {
  return reportableMonths(today, graceDays)[0]!;
}
