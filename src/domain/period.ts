import { foldVietnamese } from './text.ts';

/** Reporting periods: a month ("2024-06"), a half-year ("2024-H1") or a year ("2024"). */
export type PeriodKind = 'month' | 'half' | 'year';

export interface Period {
  /** "2024-06", "2024-H1", "2024". */
  key: string;
  kind: PeriodKind;
  year: number;
  /** Month 1–12, half 1–2, or 1 for a year. */
  index: number;
  /** First and last day, YYYY-MM-DD. */
  startsOn: string;
  endsOn: string;
}

/** Years a person may name in a period; anything else is a typo or a document number. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Building and naming periods

function makePeriod(kind: PeriodKind, year: number, index: number): Period {
  const [firstMonth, lastMonth] =
    kind === 'month' ? [index, index] : kind === 'half' ? [index * 6 - 5, index * 6] : [1, 12];
  const key = kind === 'month' ? `${year}-${pad2(index)}` : kind === 'half' ? `${year}-H${index}` : `${year}`;
  return {
    key,
    kind,
    year,
    index,
    startsOn: isoDay(year, firstMonth, 1),
    endsOn: isoDay(year, lastMonth, daysInMonth(year, lastMonth)),
  };
}

const KEY = /^([1-9]\d{3})(?:-(?:(0[1-9]|1[0-2])|H([12])))?$/;

/** The period named by a key ("2024-06", "2024-H1", "2024"). Throws on anything else. */
export function periodFromKey(key: string): Period {
  const match = KEY.exec(key);
  if (!match) throw new Error(`Not a period key: ${JSON.stringify(key)}`);
  const [, year, month, half] = match;
  if (month !== undefined) return makePeriod('month', Number(year), Number(month));
  if (half !== undefined) return makePeriod('half', Number(year), Number(half));
  return makePeriod('year', Number(year), 1);
}

/** The period of the given kind that contains `day` (YYYY-MM-DD). */
export function periodOf(kind: PeriodKind, day: string): Period {
  const [year, month] = dayParts(day);
  if (kind === 'month') return makePeriod('month', year, month);
  if (kind === 'half') return makePeriod('half', year, month <= 6 ? 1 : 2);
  return makePeriod('year', year, 1);
}

/** The period of the same kind just before `p` (January → December of the year before, H1 → H2). */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'year') return makePeriod('year', p.year - 1, 1);
  if (p.index > 1) return makePeriod(p.kind, p.year, p.index - 1);
  return makePeriod(p.kind, p.year - 1, p.kind === 'month' ? 12 : 2);
}

/** The period of the same kind just after `p` (December → January of the next year, H2 → H1). */
export function nextPeriod(p: Period): Period {
  if (p.kind === 'year') return makePeriod('year', p.year + 1, 1);
  if (p.index < (p.kind === 'month' ? 12 : 2)) return makePeriod(p.kind, p.year, p.index + 1);
  return makePeriod(p.kind, p.year + 1, 1);
}

/** The months a period covers, in order; a month covers only itself. */
export function monthsOf(p: Period): Period[] {
  if (p.kind === 'month') return [p];
  const first = p.kind === 'half' ? p.index * 6 - 5 : 1;
  const count = p.kind === 'half' ? 6 : 12;
  return Array.from({ length: count }, (_, i) => makePeriod('month', p.year, first + i));
}

/** Whether `day` (YYYY-MM-DD) falls within `p`, both ends included. */
export function containsDay(p: Period, day: string): boolean {
  dayParts(day);
  return p.startsOn <= day && day <= p.endsOn;
}

// ---------------------------------------------------------------------------------------------
// Reading what a person typed

/** "2024-06", "2024/6". */
const MONTH_YEAR_FIRST = /^(\d{4})[/-](\d{1,2})$/;
/**
 * "06/2024", "6-2024", "t6/2024", "thang 6/2024", "thang 06 nam 2024", "thang 6 2024".
 * A bare space between month and year needs the word in front ("thang 6 2024", not "6 2024").
 */
const MONTH = /^(?:(thang|t) ?)?(\d{1,2})(?:[/-]|( nam )|( ))(\d{4})$/;
/** "2024-h1", "2024h1", "2024 h2". */
const HALF_YEAR_FIRST = /^(\d{4})[/ -]?h([12])$/;
/** "h1/2024", "h2-2024", "h1 2024", "h1 nam 2024". */
const HALF = /^h([12])(?:[/-]| nam | )(\d{4})$/;
/** "6 thang dau nam 2024", "sau thang cuoi nam 2024", "nua dau nam 2024". */
const HALF_WORDS = /^(?:6 thang|sau thang|nua) (dau|cuoi)(?: nam)? (\d{4})$/;
/** "2024", "nam 2024". */
const YEAR = /^(?:nam )?(\d{4})$/;

/**
 * Reads a period as a person types it, ignoring case and diacritics: months ("2024-06", "6/2024",
 * "T6/2024", "Tháng 06 năm 2024"), half-years ("2024-H1", "H1/2024", "6 tháng đầu năm 2024") and
 * years ("2024", "năm 2024"). Returns null for anything else, including a month outside 1–12 or a
 * year outside 2000–2100.
 */
export function parsePeriod(text: string): Period | null {
  const s = foldVietnamese(text).replace(/\s*([/-])\s*/g, '$1');
  let match = YEAR.exec(s);
  if (match) return checked('year', match[1]!, 1);
  match = MONTH_YEAR_FIRST.exec(s);
  if (match) return checked('month', match[1]!, Number(match[2]));
  match = MONTH.exec(s);
  if (match) {
    const [, keyword, month, , bareSpace, year] = match;
    if (bareSpace !== undefined && keyword === undefined) return null;
    return checked('month', year!, Number(month));
  }
  match = HALF_YEAR_FIRST.exec(s);
  if (match) return checked('half', match[1]!, Number(match[2]));
  match = HALF.exec(s);
  if (match) return checked('half', match[2]!, Number(match[1]));
  match = HALF_WORDS.exec(s);
  if (match) return checked('half', match[2]!, match[1] === 'dau' ? 1 : 2);
  return null;
}

function checked(kind: PeriodKind, yearText: string, index: number): Period | null {
  const year = Number(yearText);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (kind === 'month' && (index < 1 || index > 12)) return null;
  return makePeriod(kind, year, index);
}

// ---------------------------------------------------------------------------------------------
// Calendar days (YYYY-MM-DD strings, no time zones)

/** `day` moved by `n` days (negative moves back). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = dayParts(day);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** `to` − `from` in days: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = dayParts(from);
  const [ty, tm, td] = dayParts(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / DAY_MS);
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day (YYYY-MM-DD) that `now` falls on in `timeZone` (an IANA name such as
 * "Asia/Ho_Chi_Minh"). Throws a RangeError for an unknown time zone.
 */
export function todayIn(timeZone: string, now: Date): string {
  // Every request asks; formatting costs ~25 µs. The day cannot change within a second.
  const second = Math.floor(now.getTime() / 1000);
  const cached = lastDay.get(timeZone);
  if (cached?.second === second) return cached.day;
  const day = formatDay(timeZone, now);
  lastDay.set(timeZone, { second, day });
  return day;
}

const lastDay = new Map<string, { second: number; day: string }>();

function formatDay(timeZone: string, now: Date): string {
  let format = dayFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormatters.set(timeZone, format);
  }
  const parts = new Map(format.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts.get('year')!.padStart(4, '0')}-${parts.get('month')}-${parts.get('day')}`;
}

const DAY = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;

/** [year, month, day] of a valid YYYY-MM-DD day; throws on anything else (a caller's bug). */
function dayParts(day: string): [number, number, number] {
  const match = DAY.exec(day);
  const parts = match ? ([Number(match[1]), Number(match[2]), Number(match[3])] as const) : null;
  if (!parts || parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > daysInMonth(parts[0], parts[1])) {
    throw new Error(`Not a YYYY-MM-DD day: ${JSON.stringify(day)}`);
  }
  return [parts[0], parts[1], parts[2]];
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids time-zone shifts.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
