/**
 * The monthly giao ban rule: which day of the month, at what time, where, about what. Written by
 * people in Vietnamese (diacritics optional) or English, stored as JSON on the working group.
 *
 *   "ngày 25 09:00"                                  the 25th (the last day in shorter months)
 *   "thứ Hai tuần đầu tiên 14:00"                    the first Monday of the month
 *   "thứ Sáu tuần cuối cùng lúc 14h30"               the last Friday of the month
 *   "thứ Tư tuần thứ hai 8h; tại Phòng họp A; nội dung: Kiểm điểm tiến độ"
 *   English: "day 25 9:00", "first Monday 14:00", "last Friday 14:00".
 *
 * Times are written 14:00, 14h, 14h30 or "14 giờ"; without one the meeting is at 09:00.
 *
 * A place may also follow "tại" in the first part, and a link (https://…) anywhere is the place when
 * none is named. Moving the day off weekends and holidays is the scheduler's job (working-days.ts).
 */
import { addDays } from './period.ts';
import { foldVietnamese } from './text.ts';
import { weekdayOf } from './zoned-time.ts';

export type MeetingDay =
  | { kind: 'monthday'; day: number }
  /** `week` 1–4 = the first…fourth such weekday of the month; 'last' = the last one. */
  | { kind: 'weekday'; weekday: number; week: 1 | 2 | 3 | 4 | 'last' };

export interface MeetingRule {
  day: MeetingDay;
  /** HH:MM in the group's time zone. */
  time: string;
  place: string | null;
  agenda: string | null;
}

export type RuleParse = { ok: true; rule: MeetingRule } | { ok: false; reason: 'day' | 'time' | 'empty' };

const WEEKDAYS: Record<string, number> = {
  'chu nhat': 0,
  cn: 0,
  hai: 1,
  ba: 2,
  tu: 3,
  nam: 4,
  sau: 5,
  bay: 6,
  '2': 1,
  '3': 2,
  '4': 3,
  '5': 4,
  '6': 5,
  '7': 6,
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

const WEEKS: Record<string, 1 | 2 | 3 | 4 | 'last'> = {
  'dau tien': 1,
  dau: 1,
  'thu nhat': 1,
  '1': 1,
  'thu hai': 2,
  'thu 2': 2,
  '2': 2,
  'thu ba': 3,
  'thu 3': 3,
  '3': 3,
  'thu tu': 4,
  'thu 4': 4,
  '4': 4,
  'cuoi cung': 'last',
  cuoi: 'last',
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  last: 'last',
};

const VI_WEEK =
  /\btuan (dau tien|dau|thu nhat|thu hai|thu ba|thu tu|thu [1-4]|cuoi cung|cuoi|[1-4])\b(?: cua thang| trong thang| hang thang)?/;
const EN_WEEK = /\b(first|second|third|fourth|last)\b/;
const VI_WEEKDAY = /\b(?:thu (hai|ba|tu|nam|sau|bay|[2-7])|(chu nhat|cn))\b/;
const EN_WEEKDAY = /\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/;
const MONTHDAY = /\b(?:ngay|mung|day)\s+(\d{1,2})\b/;
const TIME = /(?:\b(?:luc|at)\s+)?\b(\d{1,2})\s*(?::|h|gio)\s*(\d{2})?\b/;
const URL = /https?:\/\/\S+/i;
const PLACE_PREFIX = /^\s*(?:tại|tai|địa điểm|dia diem|place|location|at)\s*:?\s*/i;
const AGENDA_PREFIX = /^\s*(?:nội dung|noi dung|chương trình|chuong trinh|agenda)\s*:?\s*/i;
const PLACE_IN_TEXT = /\s(?:tại|tai)\s+(.+)$/i;

/** Reads a rule as a chair writes it; see the file comment for the forms. */
export function parseMeetingRule(text: string): RuleParse {
  const segments = text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (segments.length === 0) return { ok: false, reason: 'empty' };
  let head = segments[0]!;
  let place: string | null = null;
  let agenda: string | null = null;

  const inlinePlace = PLACE_IN_TEXT.exec(head);
  if (inlinePlace) {
    place = inlinePlace[1]!.trim();
    head = head.slice(0, inlinePlace.index);
  }
  for (const segment of segments.slice(1)) {
    if (AGENDA_PREFIX.test(segment)) agenda = segment.replace(AGENDA_PREFIX, '').trim() || null;
    else if (PLACE_PREFIX.test(segment)) place = segment.replace(PLACE_PREFIX, '').trim() || null;
    else if (URL.test(segment) && place === null) place = segment;
    else agenda = agenda ?? segment;
  }
  const link = URL.exec(head);
  if (link) {
    place ??= link[0];
    head = head.replace(link[0], ' ');
  }

  let folded = foldVietnamese(head);
  const time = readTime(folded);
  if (time === 'invalid') return { ok: false, reason: 'time' };
  if (time) folded = folded.replace(TIME, ' ');
  const day = readDay(folded);
  if (!day) return { ok: false, reason: 'day' };
  return { ok: true, rule: { day, time: time ?? DEFAULT_TIME, place, agenda } };
}

const DEFAULT_TIME = '09:00';

function readTime(folded: string): string | null | 'invalid' {
  const match = TIME.exec(folded);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  if (hour > 23 || minute > 59) return 'invalid';
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function readDay(folded: string): MeetingDay | null {
  const monthday = MONTHDAY.exec(folded);
  if (monthday) {
    const day = Number(monthday[1]);
    return day >= 1 && day <= 31 ? { kind: 'monthday', day } : null;
  }
  let rest = folded;
  let week: 1 | 2 | 3 | 4 | 'last' | undefined;
  const viWeek = VI_WEEK.exec(rest);
  if (viWeek) {
    week = WEEKS[viWeek[1]!];
    rest = rest.replace(viWeek[0], ' ');
  } else {
    const enWeek = EN_WEEK.exec(rest);
    if (enWeek) {
      week = WEEKS[enWeek[1]!];
      rest = rest.replace(enWeek[0], ' ');
    }
  }
  const viDay = VI_WEEKDAY.exec(rest);
  const weekdayWord = viDay ? (viDay[1] ?? viDay[2]) : EN_WEEKDAY.exec(rest)?.[1];
  const weekday = weekdayWord === undefined ? undefined : WEEKDAYS[weekdayWord];
  if (weekday === undefined || week === undefined) return null;
  return { kind: 'weekday', weekday, week };
}

/** The day the rule names in a month (before any move off holidays), YYYY-MM-DD. */
export function nominalDay(rule: Pick<MeetingRule, 'day'>, year: number, month: number): string {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const last = lastDayOfMonth(year, month);
  const { day } = rule;
  if (day.kind === 'monthday') {
    return `${first.slice(0, 8)}${String(Math.min(day.day, Number(last.slice(8)))).padStart(2, '0')}`;
  }
  if (day.week === 'last') {
    const back = (weekdayOf(last) - day.weekday + 7) % 7;
    return addDays(last, -back);
  }
  const ahead = (day.weekday - weekdayOf(first) + 7) % 7;
  return addDays(first, ahead + (day.week - 1) * 7);
}

function lastDayOfMonth(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(days).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Storage and display

/** The rule as stored in WorkingGroup.meetingRule. */
export function serializeRule(rule: MeetingRule): string {
  return JSON.stringify(rule);
}

/** A stored rule, or null when the column is empty or unreadable (the config rule applies then). */
export function deserializeRule(json: string | null | undefined): MeetingRule | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as MeetingRule;
    const day = value?.day;
    const validDay =
      (day?.kind === 'monthday' && Number.isInteger(day.day) && day.day >= 1 && day.day <= 31) ||
      (day?.kind === 'weekday' &&
        Number.isInteger(day.weekday) &&
        day.weekday >= 0 &&
        day.weekday <= 6 &&
        [1, 2, 3, 4, 'last'].includes(day.week));
    if (!validDay || typeof value.time !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(value.time))
      return null;
    return { day, time: value.time, place: value.place ?? null, agenda: value.agenda ?? null };
  } catch {
    return null;
  }
}

const VI_WEEKDAY_NAMES = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const EN_WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const VI_WEEK_NAMES = {
  1: 'tuần đầu tiên',
  2: 'tuần thứ hai',
  3: 'tuần thứ ba',
  4: 'tuần thứ tư',
  last: 'tuần cuối cùng',
};
const EN_WEEK_NAMES = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', last: 'last' };

/** The rule in words: vi "thứ Hai tuần đầu tiên hằng tháng, 14:00", en "the first Monday of each month, 14:00". */
export function describeRule(rule: MeetingRule, locale: 'vi' | 'en'): string {
  const { day } = rule;
  const when =
    day.kind === 'monthday'
      ? locale === 'vi'
        ? `ngày ${day.day} hằng tháng`
        : `day ${day.day} of each month`
      : locale === 'vi'
        ? `${VI_WEEKDAY_NAMES[day.weekday]} ${VI_WEEK_NAMES[day.week]} hằng tháng`
        : `the ${EN_WEEK_NAMES[day.week]} ${EN_WEEKDAY_NAMES[day.weekday]} of each month`;
  return `${when}, ${rule.time}`;
}
