/**
 * When a task is late. Tasks with one final due date can be overdue, and yearly duties once a year:
 * the occurrence of the current year when the plan names its day (deadline-buckets.ts, rule 1), whose `done` holds for that year
 * only. Ongoing, open-ended, conditional and unreadable deadlines are reported every period and
 * never late as a whole.
 */

import type { Deadline, DeadlineKind } from './deadline.ts';
import { isYearly, yearlyDue } from './deadline-buckets.ts';
import { daysBetween } from './period.ts';
import type { TaskStanding } from './report.ts';

const DATED_KINDS: ReadonlySet<DeadlineKind> = new Set(['date', 'month', 'quarter', 'year', 'range']);

/** Whether the deadline names one final due date (a date, month, quarter, year or range with an end). */
export function isDated(deadline: Deadline): boolean {
  return DATED_KINDS.has(deadline.kind) && deadline.due !== null;
}

/**
 * The due day that counts on `today`: the one final date, or for a yearly duty that names its day
 * in the year ("Tháng 11 hằng năm") that day in the year of `today`; null otherwise ("Hằng năm"
 * alone names no day, so nothing is said to be due before the four buckets' 31/12).
 */
export function currentDue(deadline: Deadline, today: string): string | null {
  if (isDated(deadline)) return deadline.due;
  if (isYearly(deadline) && deadline.yearly?.month != null) {
    return yearlyDue(deadline, Number(today.slice(0, 4)));
  }
  return null;
}

/**
 * Whether a unit's `done` reported for month `donePeriodKey` still finishes the task in month
 * `periodKey`: always for a one-off deadline, within the same year for a yearly duty.
 */
export function carriesDone(deadline: Deadline, donePeriodKey: string, periodKey: string): boolean {
  return !isYearly(deadline) || donePeriodKey.slice(0, 4) === periodKey.slice(0, 4);
}

/** Days past the due date when the task is due, late and not done; null otherwise (also on the due day). */
export function daysOverdue(deadline: Deadline, standing: TaskStanding, today: string): number | null {
  const due = currentDue(deadline, today);
  if (standing === 'done' || due === null) return null;
  const days = daysBetween(due, today);
  return days > 0 ? days : null;
}

/** Days from `today` to the due date (0 on the day, negative once past); null without a due date. */
export function daysLeft(deadline: Deadline, today: string): number | null {
  const due = currentDue(deadline, today);
  return due === null ? null : daysBetween(today, due);
}
