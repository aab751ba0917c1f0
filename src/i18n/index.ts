/**
 * Messages and formats in the reader's locale. Every channel (terminal, Slack, Teams) takes its
 * labels and sentences from here; the view models carry only data and message keys.
 *
 * Dates are written as people in each locale expect: vi "05/06/2024", en "05 Jun 2024". Date-times
 * are shown in the group's time zone (Vietnam by default), never the server's.
 */
import type { DeadlineView } from '../domain/deadline.ts';
import type { Period } from '../domain/period.ts';
import { STATUSES, type Status, type TaskStanding } from '../domain/report.ts';
import { isRole, type Locale, type Role } from '../domain/roles.ts';
import { wallClock } from '../domain/zoned-time.ts';
import { en } from './messages.en.ts';
import { type MessageKey as CoreMessageKey, vi } from './messages.vi.ts';
import { reportsEn } from './reports.en.ts';
import { type ReportsMessageKey, reportsVi } from './reports.vi.ts';
import { schedulerEn } from './scheduler.en.ts';
import { type SchedulerMessageKey, schedulerVi } from './scheduler.vi.ts';

/** Every message key of src/i18n: the core's, and each area's (prefixed `scheduler.`, `reports.`). */
export type MessageKey = CoreMessageKey | SchedulerMessageKey | ReportsMessageKey;
export type MessageParams = Record<string, string | number>;

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const VI: Record<string, string> = { ...vi, ...schedulerVi, ...reportsVi };
const EN: Record<string, string> = { ...en, ...schedulerEn, ...reportsEn };

/**
 * One catalog per locale, merged from the area files here and the channels' own catalogs
 * (src/channels/<channel>/messages.*.ts, added by `addCatalogs` when the channel is loaded);
 * test/i18n and each channel's tests check they share keys and placeholders.
 */
export const CATALOGS: Record<Locale, Readonly<Record<string, string>>> = { vi: VI, en: EN };

/**
 * Adds a channel's catalogs to the merged ones, so the one lookup `t` finds its keys. A channel's keys
 * carry its prefix (`slack.`, `teams.`); a key already there is a mistake and throws.
 */
export function addCatalogs(catalogs: Record<Locale, Readonly<Record<string, string>>>): void {
  for (const key of Object.keys(catalogs.vi)) {
    if (Object.hasOwn(VI, key) && VI[key] !== catalogs.vi[key])
      throw new Error(`message key ${key} added twice`);
  }
  Object.assign(VI, catalogs.vi);
  Object.assign(EN, catalogs.en);
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Whether `key` is in the merged catalogs (a channel's keys once its catalogs are added). */
export function isMessageKey(key: string): boolean {
  return Object.hasOwn(VI, key);
}

/**
 * The message `key` in `locale` with its `{name}` placeholders filled from `params`. An unknown key
 * comes back as the key itself and a missing parameter stays as `{name}`, so a slip shows instead of
 * crashing.
 */
export function t(locale: Locale, key: string, params?: MessageParams): string {
  const template = isMessageKey(key) ? CATALOGS[locale][key]! : key;
  return params ? interpolate(template, params) : template;
}

/** Fills `{name}` placeholders; unknown names are left as written. */
export function interpolate(template: string, params: MessageParams): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** The placeholder names of a message, sorted, without duplicates. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/** Upper-cases the first letter: labels such as "tháng 6/2024" start sentences and titles too. */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Labels

export function statusLabel(locale: Locale, status: Status): string {
  return t(locale, `status.${status}`);
}

/** A task's standing: a status, or `not_reported` ("Chưa báo cáo"). */
export function standingLabel(locale: Locale, standing: TaskStanding): string {
  return standing === 'not_reported' ? t(locale, 'standing.not_reported') : statusLabel(locale, standing);
}

export function roleLabel(locale: Locale, role: Role): string {
  return t(locale, `role.${role}`);
}

/** A unit's part in a task: "chủ trì" or "phối hợp" (lower case, used inside sentences). */
export function taskRoleLabel(locale: Locale, role: 'lead' | 'coordinating'): string {
  return t(locale, `task.role.${role}`);
}

/** English month names, for periods and for the date line of report files. */
export const MONTH_NAMES_EN: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTH_ABBREVIATIONS_EN = MONTH_NAMES_EN.map((name) => name.slice(0, 3));
const WEEKDAYS: Record<Locale, string[]> = {
  vi: ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

const PERIOD_KEY = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|H([12])))?$/;

/**
 * A reporting period in words, lower case for use inside sentences: vi "tháng 6/2024",
 * "6 tháng đầu năm 2024", "năm 2024"; en "June 2024", "first half of 2024", "2024".
 * Takes a `Period` or its key ("2024-06", "2024-H1", "2024"); any other text comes back as is.
 */
export function periodLabel(locale: Locale, period: Period | string): string {
  const key = typeof period === 'string' ? period : period.key;
  const match = PERIOD_KEY.exec(key);
  if (!match) return key;
  const [, year, month, half] = match;
  if (month !== undefined) {
    const m = Number(month);
    return t(locale, 'period.month', { month: locale === 'vi' ? m : MONTH_NAMES_EN[m - 1]!, year: year! });
  }
  if (half !== undefined) return t(locale, half === '1' ? 'period.half1' : 'period.half2', { year: year! });
  return t(locale, 'period.year', { year: year! });
}

/**
 * A deadline with its due date and how far away it is:
 * "Tháng 02/2024 (hạn 29/02/2024, quá hạn 12 ngày)", "Thường xuyên (không có hạn cuối)".
 * The first part is the plan's own wording, kept as written.
 */
export function deadlineLabel(locale: Locale, deadline: DeadlineView): string {
  const text = deadline.text.trim();
  if (text === '' && deadline.due === null) return t(locale, 'deadline.missing');
  const detail = deadlineDetail(locale, deadline);
  return t(locale, 'deadline.label', { text: text === '' ? t(locale, 'deadline.missing') : text, detail });
}

function deadlineDetail(locale: Locale, d: DeadlineView): string {
  if (d.due === null) {
    if (d.kind === 'ongoing' || d.kind === 'recurring_annual' || d.kind === 'recurring_annual_from') {
      return t(locale, 'deadline.no_end');
    }
    return t(locale, d.kind === 'conditional' ? 'deadline.conditional' : 'deadline.unknown');
  }
  const date = formatDate(locale, d.due);
  if (d.daysLeft === null) return t(locale, 'deadline.due', { date });
  if (d.daysLeft < 0) return t(locale, 'deadline.due_overdue', { date, days: -d.daysLeft });
  if (d.daysLeft === 0) return t(locale, 'deadline.due_today', { date });
  return t(locale, 'deadline.due_left', { date, days: d.daysLeft });
}

// ---------------------------------------------------------------------------------------------
// Dates and numbers

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

/**
 * A calendar day: vi "05/06/2024", en "05 Jun 2024". A plain day ("2024-06-05") is written as is;
 * a `Date` or an ISO date-time is the day it is in `timeZone`. Unreadable input comes back as text.
 */
export function formatDate(locale: Locale, value: string | Date, timeZone = DEFAULT_TIME_ZONE): string {
  const parts = dateParts(value, timeZone);
  if (!parts) return String(value);
  return dayText(locale, parts);
}

/**
 * A moment in `timeZone`: vi "10/06/2024 08:30", en "10 Jun 2024, 08:30"; with `weekday`,
 * vi "thứ Hai, 10/06/2024 08:30", en "Mon 10 Jun 2024, 08:30".
 */
export function formatDateTime(
  locale: Locale,
  iso: string | Date,
  timeZone = DEFAULT_TIME_ZONE,
  options: { weekday?: boolean } = {},
): string {
  const parts = dateParts(iso, timeZone);
  if (!parts) return String(iso);
  const time = `${pad2(parts.hour)}:${pad2(parts.minute)}`;
  const weekday = WEEKDAYS[locale][parts.weekday]!;
  if (locale === 'vi') {
    return `${options.weekday ? `${weekday}, ` : ''}${dayText(locale, parts)} ${time}`;
  }
  return `${options.weekday ? `${weekday} ` : ''}${dayText(locale, parts)}, ${time}`;
}

/** A share in percent with at most one decimal, in the locale's decimal mark: vi "23,8%", en "23.8%". */
export function formatPercent(locale: Locale, value: number): string {
  const rounded = Math.round(value * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return `${locale === 'vi' ? text.replace('.', ',') : text}%`;
}

function dayText(locale: Locale, p: Pick<DateParts, 'year' | 'month' | 'day'>): string {
  return locale === 'vi'
    ? `${pad2(p.day)}/${pad2(p.month)}/${p.year}`
    : `${pad2(p.day)} ${MONTH_ABBREVIATIONS_EN[p.month - 1]} ${p.year}`;
}

function dateParts(value: string | Date, timeZone: string): DateParts | null {
  if (typeof value === 'string') {
    const day = CALENDAR_DAY.exec(value.trim());
    if (day) {
      const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
      if (month < 1 || month > 12 || date < 1 || date > 31) return null;
      const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
      return { year, month, day: date, hour: 0, minute: 0, weekday };
    }
  }
  const moment = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(moment.getTime())) return null;
  const clock = wallClock(moment, timeZone);
  const [year, month, day] = clock.day.split('-').map(Number) as [number, number, number];
  const [hour, minute] = clock.time.split(':').map(Number) as [number, number];
  return { year, month, day, hour, minute, weekday: clock.weekday };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

// ---------------------------------------------------------------------------------------------
// Parameters of notices

const PERIOD_PARAMS = new Set(['period', 'first', 'previous']);
const DAY_PARAMS = new Set(['date', 'due', 'closedOn', 'startsOn', 'endsOn', 'until', 'max']);

/**
 * Turns the raw values a use case puts in a notice's params into words of `locale`: period keys
 * (`period`, `first`, `previous`: "2024-06" → "tháng 6/2024"), days (`date`, `due`, `closedOn`, `until`…:
 * "2024-07-05" → "05/07/2024"), `status` and `role` codes into labels. Values already in words are
 * left alone, so calling it twice changes nothing.
 */
export function localizeParams(locale: Locale, params: MessageParams | undefined): MessageParams | undefined {
  if (!params) return params;
  const out: MessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = typeof value === 'string' ? localizeValue(locale, name, value) : value;
  }
  return out;
}

function localizeValue(locale: Locale, name: string, value: string): string {
  if (PERIOD_PARAMS.has(name) && PERIOD_KEY.test(value)) return periodLabel(locale, value);
  if (DAY_PARAMS.has(name) && CALENDAR_DAY.test(value)) return formatDate(locale, value);
  if (name === 'status') {
    if ((STATUSES as readonly string[]).includes(value)) return statusLabel(locale, value as Status);
    if (value === 'not_reported') return standingLabel(locale, value);
  }
  if (name === 'role' && isRole(value)) return roleLabel(locale, value);
  return value;
}

/**
 * The facts a reminder shows under each task, in every channel: lead units, the deadline with its
 * last day, and the task's standing.
 */
export function reminderTaskFacts(
  locale: Locale,
  task: { leadUnits: string[]; deadline: { text: string; due: string | null }; standing: TaskStanding },
): string[] {
  const written = task.deadline.text.trim() || t(locale, 'deadline.missing');
  const deadline = task.deadline.due
    ? t(locale, 'deadline.label', {
        text: written,
        detail: t(locale, 'deadline.due', { date: formatDate(locale, task.deadline.due) }),
      })
    : written;
  return [
    t(locale, 'tasks.lead_units', { units: task.leadUnits.join(', ') || '—' }),
    t(locale, 'tasks.deadline', { deadline }),
    standingLabel(locale, task.standing),
  ];
}
