/**
 * Pure planning: given the meeting rule, the working calendar, the stored meetings and a window of
 * time, which job occurrences fall in it, when, and why they moved. No database, no clock: the
 * scheduler's tick and `da06 schedule preview` both call this.
 *
 * Per meeting (month M, not cancelled):
 * - `meeting-reminder` at each MEETING_REMINDER_OFFSETS before the start; a whole-day offset that
 *   lands on a day off goes out on the working day before, same time (two landing on one moment
 *   become one); never at or after the start.
 * - `round-open` ROUND_OPEN_DAYS_BEFORE days before the meeting day, `round-reminder` each
 *   ROUND_REMINDER_DAYS_BEFORE, all at OVERDUE_CHECK_AT, moved back to a working day.
 * - `summary` for the chair on the working day before the meeting at SUMMARY_AT.
 * The round's period is the month it opens in; a round opening in June covers the half-year
 * (2024-H1) and one opening in December the year (2024).
 *
 * Every working day: `overdue-nudge` and `overdue-escalation` at OVERDUE_CHECK_AT; the first working
 * day of each week (Monday, unless it is off): `overdue-digest`.
 */
import { isWholeDays, subtractOffset } from '../domain/durations.ts';
import type { MeetingRule } from '../domain/meeting-rule.ts';
import { nominalDay } from '../domain/meeting-rule.ts';
import { addDays, type Period, periodFromKey, periodOf } from '../domain/period.ts';
import type { WorkingCalendar } from '../domain/working-days.ts';
import { isoInZone, wallClock, zonedInstant } from '../domain/zoned-time.ts';
import type { ScheduleConfig } from './config.ts';
import { movedNote } from './messages.ts';

export const JOB_IDS = [
  'meeting-reminder',
  'round-open',
  'round-reminder',
  'summary',
  'overdue-nudge',
  'overdue-escalation',
  'overdue-digest',
] as const;
export type JobId = (typeof JOB_IDS)[number];

/** A giao ban as planned: from the rule (moved off days off), or as the chair left it. */
export interface PlannedMeeting {
  /** The month it belongs to, "2024-06" (Meeting.occurrence). */
  month: string;
  /** The day the rule names, before any move. */
  nominalDay: string;
  /** The day it takes place, in the group's time zone. */
  day: string;
  startsAt: Date;
  status: 'planned' | 'cancelled' | 'held';
  place: string | null;
  agenda: string | null;
  /** Why it moved or was cancelled, in the group's language. */
  note: string | null;
  /** Moved or cancelled by the chair. */
  chairSet: boolean;
  /** The iCalendar SEQUENCE of its invitation (Meeting.sequence; 0 before the row exists). */
  sequence: number;
}

export interface Occurrence {
  job: JobId | 'meeting';
  /** The occurrence key in the outbox: "2024-06", "2024-06/3d", "2024-06-20"… */
  key: string;
  at: Date;
  /** Why it is not where the rule alone would put it. */
  note: string | null;
  meeting: PlannedMeeting | null;
  /** The reporting period of a round (month, or half-year/year for June/December). */
  period: Period | null;
  /** "3d", "1h" for meeting reminders; "3d" for round reminders. */
  offset: string | null;
  /** The local day of a daily job. */
  day: string | null;
}

// ---------------------------------------------------------------------------------------------
// Meetings

/** The meeting the rule gives for `month` ("2024-06"), moved to the next working day if needed. */
export function ruleMeeting(
  rule: MeetingRule,
  calendar: WorkingCalendar,
  month: string,
  config: Pick<ScheduleConfig, 'timeZone' | 'locale'>,
): PlannedMeeting {
  const period = periodFromKey(month);
  const nominal = nominalDay(rule, period.year, period.index);
  const day = calendar.nextWorkingDay(nominal);
  const reason = calendar.dayOff(nominal);
  return {
    month,
    nominalDay: nominal,
    day,
    startsAt: zonedInstant(day, rule.time, config.timeZone),
    status: 'planned',
    place: rule.place,
    agenda: rule.agenda,
    note: reason ? movedNote(config.locale, 'scheduler.note.moved', nominal, reason, day) : null,
    chairSet: false,
    sequence: 0,
  };
}

/** A stored meeting as planned (its day read in the group's time zone). */
export function storedMeeting(
  row: Omit<PlannedMeeting, 'month' | 'nominalDay' | 'day'> & { occurrence: string },
  nominal: string,
  timeZone: string,
): PlannedMeeting {
  return {
    month: row.occurrence,
    nominalDay: nominal,
    day: wallClock(row.startsAt, timeZone).day,
    startsAt: row.startsAt,
    status: row.status,
    place: row.place,
    agenda: row.agenda,
    note: row.note,
    chairSet: row.chairSet,
    sequence: row.sequence,
  };
}

/** Months whose meetings can have occurrences between `from` and `to`: one before to two after. */
export function monthsAround(from: Date, to: Date, timeZone: string): string[] {
  const first = shiftMonth(periodOf('month', wallClock(from, timeZone).day), -1);
  const last = shiftMonth(periodOf('month', wallClock(to, timeZone).day), 2);
  const months: string[] = [];
  for (let p = first; p.startsOn <= last.startsOn; p = shiftMonth(p, 1)) months.push(p.key);
  return months;
}

function shiftMonth(p: Period, n: number): Period {
  const index = p.year * 12 + (p.index - 1) + n;
  return periodFromKey(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
}

/** The reporting period of a round that opens on `day`: the month; June → half-year; December → year. */
export function roundPeriod(day: string): Period {
  const month = periodOf('month', day);
  if (month.index === 6) return periodOf('half', day);
  if (month.index === 12) return periodOf('year', day);
  return month;
}

/** The month whose reports a round's period stands on: itself, or the last month of a half/year. */
export function reportMonth(period: Period): Period {
  return period.kind === 'month' ? period : periodOf('month', period.endsOn);
}

/** "2024-06-25T09:00": a meeting's local start, part of its reminders' keys (a moved meeting is reminded anew). */
export function localStart(startsAt: Date, timeZone: string): string {
  return isoInZone(startsAt, timeZone).slice(0, 16);
}

// ---------------------------------------------------------------------------------------------
// Occurrences

export interface PlanInput {
  meetings: PlannedMeeting[];
  calendar: WorkingCalendar;
  config: ScheduleConfig;
  from: Date;
  to: Date;
}

/** Every occurrence (meetings included, for the preview) with `from` ≤ at ≤ `to`, by time. */
export function planOccurrences(input: PlanInput): Occurrence[] {
  const all = [...input.meetings.flatMap((m) => meetingOccurrences(m, input)), ...dailyOccurrences(input)];
  return all
    .filter((o) => o.at.getTime() >= input.from.getTime() && o.at.getTime() <= input.to.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime() || jobOrder(a) - jobOrder(b));
}

const ORDER: (JobId | 'meeting')[] = ['meeting', ...JOB_IDS];
function jobOrder(o: Occurrence): number {
  return ORDER.indexOf(o.job);
}

/** The meeting itself and everything planned around it. A cancelled meeting has only itself. */
export function meetingOccurrences(
  meeting: PlannedMeeting,
  input: Pick<PlanInput, 'calendar' | 'config'>,
): Occurrence[] {
  const base = { meeting, period: null, offset: null, day: null };
  const out: Occurrence[] = [
    { ...base, job: 'meeting', key: meeting.month, at: meeting.startsAt, note: meeting.note },
  ];
  if (meeting.status !== 'planned') return out;
  out.push(...reminderOccurrences(meeting, input, base));
  out.push(...roundOccurrences(meeting, input, base));
  return out;
}

type OccurrenceBase = Pick<Occurrence, 'meeting' | 'period' | 'offset' | 'day'>;

/** A meeting's reminders (MEETING_REMINDER_OFFSETS), whole days moved to the working day before. */
function reminderOccurrences(
  meeting: PlannedMeeting,
  { calendar, config }: Pick<PlanInput, 'calendar' | 'config'>,
  base: OccurrenceBase,
): Occurrence[] {
  const out: Occurrence[] = [];
  const start = meeting.startsAt.getTime();
  const seen = new Set<number>();
  const startKey = localStart(meeting.startsAt, config.timeZone);
  for (const offset of config.meetingOffsets) {
    let at = subtractOffset(meeting.startsAt, offset, config.timeZone);
    let note: string | null = null;
    if (isWholeDays(offset)) {
      const wall = wallClock(at, config.timeZone);
      const working = calendar.previousWorkingDay(wall.day);
      if (working !== wall.day) {
        note = movedNote(
          config.locale,
          'scheduler.note.reminder_moved',
          wall.day,
          calendar.dayOff(wall.day)!,
          working,
        );
        at = zonedInstant(working, wall.time, config.timeZone);
      }
    }
    if (at.getTime() >= start || seen.has(at.getTime())) continue;
    seen.add(at.getTime());
    out.push({
      ...base,
      job: 'meeting-reminder',
      key: `${meeting.month}/${offset.label}/${startKey}`,
      at,
      note,
      offset: offset.label,
    });
  }

  return out;
}

/** A meeting's reporting round: its opening, its reminders and the summary the day before. */
function roundOccurrences(
  meeting: PlannedMeeting,
  { calendar, config }: Pick<PlanInput, 'calendar' | 'config'>,
  base: OccurrenceBase,
): Occurrence[] {
  const out: Occurrence[] = [];
  const start = meeting.startsAt.getTime();
  const openNominal = addDays(meeting.day, -config.roundOpenDaysBefore);
  const openDay = calendar.previousWorkingDay(openNominal);
  const period = roundPeriod(openDay);
  const roundBase = { ...base, period };
  const dayNote = (nominal: string, actual: string) =>
    nominal === actual
      ? null
      : movedNote(config.locale, 'scheduler.note.reminder_moved', nominal, calendar.dayOff(nominal)!, actual);
  const openAt = zonedInstant(openDay, config.checkAt, config.timeZone);
  if (openAt.getTime() < start) {
    out.push({
      ...roundBase,
      job: 'round-open',
      key: meeting.month,
      at: openAt,
      note: dayNote(openNominal, openDay),
    });
  }
  const reminderDays = new Set<string>();
  for (const n of config.roundReminderDaysBefore) {
    const nominal = addDays(meeting.day, -n);
    const day = calendar.previousWorkingDay(nominal);
    const at = zonedInstant(day, config.checkAt, config.timeZone);
    if (day <= openDay || reminderDays.has(day) || at.getTime() >= start) continue;
    reminderDays.add(day);
    out.push({
      ...roundBase,
      job: 'round-reminder',
      key: `${meeting.month}/${n}d`,
      at,
      note: dayNote(nominal, day),
      offset: `${n}d`,
    });
  }
  const summaryNominal = addDays(meeting.day, -1);
  const summaryDay = calendar.previousWorkingDay(summaryNominal);
  const summaryAt = zonedInstant(summaryDay, config.summaryAt, config.timeZone);
  if (summaryAt.getTime() < start) {
    out.push({
      ...roundBase,
      job: 'summary',
      key: meeting.month,
      at: summaryAt,
      note: dayNote(summaryNominal, summaryDay),
    });
  }
  return out;
}

/** Overdue checks on each working day between `from` and `to`, and the weekly digest. */
export function dailyOccurrences(
  input: Pick<PlanInput, 'calendar' | 'config' | 'from' | 'to'>,
): Occurrence[] {
  const { calendar, config } = input;
  const out: Occurrence[] = [];
  const last = wallClock(input.to, config.timeZone).day;
  const base = { meeting: null, period: null, offset: null, note: null };
  for (let day = wallClock(input.from, config.timeZone).day; day <= last; day = addDays(day, 1)) {
    if (!calendar.isWorkingDay(day)) continue;
    const at = zonedInstant(day, config.checkAt, config.timeZone);
    out.push({ ...base, job: 'overdue-nudge', key: day, at, day });
    out.push({ ...base, job: 'overdue-escalation', key: day, at, day });
    const monday = mondayOf(day);
    if (firstWorkingDayOfWeek(calendar, monday) === day) {
      out.push({ ...base, job: 'overdue-digest', key: monday, at, day });
    }
  }
  return out;
}

/** The Monday of the ISO week of `day`. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

function firstWorkingDayOfWeek(calendar: WorkingCalendar, monday: string): string | null {
  for (let i = 0; i < 7; i++) {
    const day = addDays(monday, i);
    if (calendar.isWorkingDay(day)) return day;
  }
  return null;
}
