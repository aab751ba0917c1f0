/**
 * iCalendar (RFC 5545) invitations for the giao ban, as iTIP (RFC 5546) messages:
 * - one meeting → METHOD:REQUEST (or METHOD:CANCEL once cancelled) with one VEVENT;
 * - several months at once (`da06 schedule ics`) → METHOD:PUBLISH, cancelled ones STATUS:CANCELLED,
 *   because iTIP wants one UID per REQUEST and calendar programs import a PUBLISH file whole.
 * The UID is derived from the group and the month only, so every file written for a meeting — today,
 * after a restart, on another replica — updates the same calendar entry; SEQUENCE is the count of
 * moves stored on the meeting (Meeting.sequence), so a moved meeting replaces the older invitation.
 * Times are local with the Asia/Ho_Chi_Minh VTIMEZONE when the group lives there, else UTC.
 * Pure: text in, text out (lines folded at 75 octets, CRLF, as the RFC says).
 */
import { wallClock } from './zoned-time.ts';

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const PRODUCT_ID = '-//BHXH Viet Nam//da06-bot//VI';

export type CalendarMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

export interface CalendarEvent {
  uid: string;
  sequence: number;
  startsAt: Date;
  durationMinutes: number;
  summary: string;
  location: string | null;
  description: string | null;
  cancelled: boolean;
  organizer: { name: string; email: string } | null;
}

export interface CalendarInput {
  method: CalendarMethod;
  events: CalendarEvent[];
  /** The group's IANA zone; Asia/Ho_Chi_Minh gets a VTIMEZONE, any other zone UTC times. */
  timeZone: string;
  /** When the file is written (DTSTAMP). */
  stamp: Date;
}

/** The UID of the giao ban of `month` ("2024-06") of group `groupId`: stable across runs and replicas. */
export function meetingUid(groupId: number, month: string): string {
  return `giaoban-${month}-g${groupId}@da06-bot`;
}

/** The method of a single meeting's invitation. */
export function methodFor(cancelled: boolean): CalendarMethod {
  return cancelled ? 'CANCEL' : 'REQUEST';
}

/** The calendar as text (CRLF line ends, folded lines). */
export function renderCalendar(input: CalendarInput): string {
  const local = input.timeZone === VIETNAM_TIME_ZONE;
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${PRODUCT_ID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${input.method}`,
    ...(local ? VIETNAM_VTIMEZONE : []),
    ...input.events.flatMap((event) => eventLines(event, input, local)),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** Vietnam has kept UTC+7 without daylight saving since 1975. */
const VIETNAM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${VIETNAM_TIME_ZONE}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0700',
  'TZOFFSETTO:+0700',
  'TZNAME:ICT',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function eventLines(event: CalendarEvent, input: CalendarInput, local: boolean): string[] {
  const end = new Date(event.startsAt.getTime() + event.durationMinutes * 60_000);
  const cancelled = event.cancelled || input.method === 'CANCEL';
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcStamp(input.stamp)}`,
    local
      ? `DTSTART;TZID=${VIETNAM_TIME_ZONE}:${localStamp(event.startsAt)}`
      : `DTSTART:${utcStamp(event.startsAt)}`,
    local ? `DTEND;TZID=${VIETNAM_TIME_ZONE}:${localStamp(end)}` : `DTEND:${utcStamp(end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.organizer) {
    lines.push(`ORGANIZER;CN=${quoteParam(event.organizer.name)}:mailto:${event.organizer.email}`);
  }
  lines.push(`STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

function utcStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function localStamp(at: Date): string {
  const { day, time } = wallClock(at, VIETNAM_TIME_ZONE);
  return `${day.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** A parameter value in double quotes (no quotes inside, per RFC 5545 §3.1). */
function quoteParam(value: string): string {
  return `"${value.replace(/"/g, "'")}"`;
}

const ENCODER = new TextEncoder();

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
export function fold(line: string): string {
  if (ENCODER.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = ENCODER.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
