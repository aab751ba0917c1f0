/**
 * Giao ban invitations as iCalendar files (src/domain/icalendar.ts):
 * - `meetingInvitation`: one meeting (`/da06 meeting ics [month]`, and the file attached to the
 *   meeting reminder): METHOD:REQUEST, or METHOD:CANCEL once cancelled;
 * - `meetingCalendar`: the meetings of N months from a day (`da06 schedule ics`), METHOD:PUBLISH.
 * The meetings come through the scheduler port, which writes the months it plans (as the tick does),
 * so each has its stored SEQUENCE. The file is written in the group's language, its caption in the
 * viewer's.
 */
import { type CalendarEvent, meetingUid, methodFor, renderCalendar } from '../../domain/icalendar.ts';
import { nextPeriod, type Period, parsePeriod, periodOf } from '../../domain/period.ts';
import type { Locale } from '../../domain/roles.ts';
import { wallClock } from '../../domain/zoned-time.ts';
import { formatDateTime, periodLabel, t } from '../../i18n/index.ts';
import type { CoreDeps } from '../core-deps.ts';
import type { PlannedMeetingSummary, SchedulerPort } from '../ports/scheduler.ts';
import type { FileView, NoticeView } from '../views.ts';

/** How long a giao ban lasts in the invitation (the rule names only its start). */
export const MEETING_DURATION_MINUTES = 120;
export const ICS_MIME_TYPE = 'text/calendar';

export interface InvitationDeps extends CoreDeps {
  scheduler: SchedulerPort;
}

/** The invitation of the month typed, or of the next planned meeting. */
export async function meetingInvitation(
  deps: InvitationDeps,
  locale: Locale,
  monthText: string | null,
): Promise<FileView | NoticeView> {
  const now = deps.clock.now();
  let meeting: PlannedMeetingSummary | undefined;
  if (monthText) {
    const period = parsePeriod(monthText);
    if (period?.kind !== 'month') return { kind: 'notice', tone: 'error', key: 'scheduler.ics.usage' };
    meeting = (await plan(deps, [period.key], now))[0];
  } else {
    const planned = await plan(deps, monthsFrom(thisMonth(deps, now), 3), now);
    meeting = planned.find((m) => m.status === 'planned' && m.startsAt.getTime() > now.getTime());
  }
  if (!meeting) return { kind: 'notice', tone: 'info', key: 'scheduler.ics.none' };
  return invitationFile(deps, meeting, locale, now);
}

/** The FileView of one meeting's invitation, captioned in `locale`. */
export function invitationFile(
  deps: InvitationDeps,
  meeting: PlannedMeetingSummary,
  locale: Locale,
  now: Date,
): FileView {
  const cancelled = meeting.status === 'cancelled';
  const text = invitationText(deps.group, deps.scheduler.locale, meeting, now);
  const period = periodLabel(locale, meeting.month);
  const place = meeting.place ? t(locale, 'scheduler.ics.place', { place: meeting.place }) : '';
  const caption = cancelled
    ? t(locale, 'scheduler.ics.caption_cancelled', { period })
    : t(locale, 'scheduler.ics.caption', {
        period,
        when: formatDateTime(locale, meeting.startsAt, deps.group.timeZone, { weekday: true }),
        place,
      });
  return {
    kind: 'file',
    fileName: invitationFileName(meeting.month),
    mimeType: ICS_MIME_TYPE,
    bytes: Buffer.from(text, 'utf8'),
    altText: t(locale, 'scheduler.ics.alt'),
    caption: [caption],
  };
}

/** The meetings of `months` months from the month of `from` as one METHOD:PUBLISH calendar. */
export async function meetingCalendar(
  deps: InvitationDeps,
  from: Date,
  months: number,
): Promise<{ text: string; meetings: PlannedMeetingSummary[] }> {
  const now = deps.clock.now();
  const first = periodOf('month', wallClock(from, deps.group.timeZone).day);
  const meetings = (await plan(deps, monthsFrom(first, months), now)).filter(
    (m) => m.startsAt.getTime() >= from.getTime(),
  );
  const text = renderCalendar({
    method: 'PUBLISH',
    events: meetings.map((m) => calendarEvent(deps.group, deps.scheduler.locale, m)),
    timeZone: deps.group.timeZone,
    stamp: now,
  });
  return { text, meetings };
}

/** One meeting's invitation as .ics text, written in `locale` (the group's language). */
export function invitationText(
  group: { id: number; timeZone: string },
  locale: Locale,
  meeting: PlannedMeetingSummary,
  now: Date,
): string {
  return renderCalendar({
    method: methodFor(meeting.status === 'cancelled'),
    events: [calendarEvent(group, locale, meeting)],
    timeZone: group.timeZone,
    stamp: now,
  });
}

/** The file name of a meeting's invitation. */
export function invitationFileName(month: string): string {
  return `giao-ban-${month}.ics`;
}

function calendarEvent(group: { id: number }, locale: Locale, meeting: PlannedMeetingSummary): CalendarEvent {
  const description = [meeting.agenda, meeting.note].filter((line): line is string => !!line).join('\n');
  return {
    uid: meetingUid(group.id, meeting.month),
    sequence: meeting.sequence,
    startsAt: meeting.startsAt,
    durationMinutes: MEETING_DURATION_MINUTES,
    summary: t(locale, 'scheduler.ics.summary', { period: periodLabel(locale, meeting.month) }),
    location: meeting.place,
    description: description || null,
    cancelled: meeting.status === 'cancelled',
    organizer: null,
  };
}

async function plan(deps: InvitationDeps, months: string[], now: Date): Promise<PlannedMeetingSummary[]> {
  const rule = deps.scheduler.effectiveRule(await deps.meetings.readRule());
  return deps.scheduler.planMeetings(rule, months, now);
}

function thisMonth(deps: CoreDeps, now: Date): Period {
  return periodOf('month', wallClock(now, deps.group.timeZone).day);
}

function monthsFrom(first: Period, count: number): string[] {
  const keys: string[] = [];
  for (let p = first, i = 0; i < count; p = nextPeriod(p), i++) keys.push(p.key);
  return keys;
}
