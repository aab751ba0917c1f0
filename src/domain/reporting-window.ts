/**
 * When a period takes reports. Members report on the month that is running; a month stays open for
 * `graceDays` after its last day so the reporting round before the meeting can collect late replies
 * (stored and marked late); after that it is closed, and its reports are history.
 */

import type { Period } from './period.ts';
import { addDays } from './period.ts';

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
