/**
 * When a task is late. Only tasks with one final due date can be overdue; recurring, open-ended,
 * conditional and unreadable deadlines are reported every period and never late as a whole.
 */
import type { Deadline, DeadlineKind } from './deadline.ts';
import { daysBetween } from './period.ts';
import type { TaskStanding } from './report.ts';

const DATED_KINDS: ReadonlySet<DeadlineKind> = new Set(['date', 'month', 'quarter', 'year', 'range']);

/** Whether the deadline names one final due date (a date, month, quarter, year or range with an end). */
export function isDated(deadline: Deadline): boolean {
  return DATED_KINDS.has(deadline.kind) && deadline.due !== null;
}

/** Days past the due date when the task is dated, late and not done; null otherwise (also on the due day). */
export function daysOverdue(deadline: Deadline, standing: TaskStanding, today: string): number | null {
  if (standing === 'done' || !isDated(deadline)) return null;
  const days = daysBetween(deadline.due!, today);
  return days > 0 ? days : null;
}

/** Days from `today` to the due date (0 on the day, negative once past) for dated deadlines; else null. */
export function daysLeft(deadline: Deadline, today: string): number | null {
  return isDated(deadline) ? daysBetween(today, deadline.due!) : null;
}
