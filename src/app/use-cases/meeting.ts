/** "Next meeting": the next giao ban that is not cancelled; the meetings calendar of the web page. */
import { describeRule, deserializeRule } from '../../domain/meeting-rule.ts';
import { nextPeriod, periodFromKey } from '../../domain/period.ts';
import { type CoreDeps, today } from '../core-deps.ts';
import type { SchedulerPort } from '../ports/scheduler.ts';
import type { MeetingView, Viewer } from '../views.ts';

export async function nextMeeting(deps: CoreDeps, viewer: Viewer): Promise<MeetingView> {
  const next = await deps.meetings.nextPlanned(deps.clock.now());
  return {
    kind: 'meeting',
    viewer,
    next: next
      ? { startsAt: next.startsAt.toISOString(), place: next.place, agenda: next.agenda, note: next.note }
      : null,
  };
}

/** A month of the meetings calendar; `meeting` null when the scheduler has not planned that month yet. */
export interface CalendarMonth {
  month: string;
  meeting: {
    startsAt: string;
    place: string | null;
    note: string | null;
    /** "moved": the chair set the date (the rule no longer decides it). */
    state: 'planned' | 'moved' | 'cancelled' | 'held';
  } | null;
}

/**
 * The meeting rule in the words chat uses (`describeRule`: the chair's rule, else MEETING_RULE, then
 * `configured` is true) and the giao ban of this month and the `count - 1` next ones, moved and
 * cancelled ones marked; a month the scheduler has not written yet has no meeting.
 */
export async function meetingCalendar(
  deps: CoreDeps & { scheduler: Pick<SchedulerPort, 'effectiveRule'> },
  viewer: Viewer,
  count = 6,
): Promise<{ rule: string; place: string | null; configured: boolean; months: CalendarMonth[] }> {
  const saved = await deps.meetings.readRule();
  const chairs = deserializeRule(saved);
  const rule = chairs ?? deps.scheduler.effectiveRule(saved);
  let period = periodFromKey(today(deps).slice(0, 7));
  const keys: string[] = [];
  for (let i = 0; i < count; i++, period = nextPeriod(period)) keys.push(period.key);
  const stored = await deps.meetings.byOccurrences(keys);
  const months = keys.map((month): CalendarMonth => {
    const row = stored.get(month);
    if (!row) return { month, meeting: null };
    const state = row.status === 'planned' ? (row.chairSet ? 'moved' : 'planned') : row.status;
    return {
      month,
      meeting: { startsAt: row.startsAt.toISOString(), place: row.place, note: row.note, state },
    };
  });
  return {
    rule: describeRule(rule, viewer.locale),
    place: rule.place ?? null,
    configured: chairs === null,
    months,
  };
}
