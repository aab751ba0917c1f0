/**
 * Reads the deadline column ("Thời gian hoàn thành") of official plan tables.
 *
 * The text is first normalized (diacritics folded, OCR confusions repaired, punctuation reduced),
 * then matched against a few phrase families, most specific first:
 *   recurring ("Hằng năm", "Thường xuyên") → one period ("Quý IV/2022") → "trước <period>" →
 *   range ("Từ tháng 10/2021 đến hết quý I/2022") → open-ended start ("Năm 2021 và các năm tiếp
 *   theo") → conditional ("Sau khi có hướng dẫn…") → unknown.
 * Every period pattern must match its whole phrase, so nothing is inferred from a fragment, and a
 * year that is not written is never guessed.
 */
import { foldVietnamese, parseRoman } from './text.ts';

export type DeadlineKind =
  | 'date'
  | 'month'
  | 'quarter'
  | 'year'
  | 'range'
  | 'recurring_annual'
  | 'recurring_annual_from'
  | 'ongoing'
  | 'conditional'
  | 'unknown';

/** A task's deadline as views show it: the plan's wording, the date, and how near it is. */
export interface DeadlineView {
  text: string;
  kind: DeadlineKind;
  due: string | null;
  /** Days until the due date (negative when overdue), null when the task has no date or is done. */
  daysLeft: number | null;
  overdue: boolean;
}

export interface Deadline {
  /** The input, verbatim (trimmed). */
  text: string;
  kind: DeadlineKind;
  /** Last day allowed as YYYY-MM-DD, or null when the text names none. */
  due: string | null;
  /** First day (YYYY-MM-DD) for ranges and "from" forms, else null. */
  start: string | null;
  /**
   * For yearly duties with a day in the year ("Tháng 11 hằng năm", "Quý I hằng năm", "Trước ngày
   * 15/12 hằng năm") or a cadence of several years ("Định kỳ 5 năm"): when it falls due each time.
   * `month`/`day` are null when only the cadence is written. Absent for every other kind.
   */
  yearly?: Yearly;
}

export interface Yearly {
  /** 1 for every year, N for "Định kỳ N năm". */
  everyYears: number;
  month: number | null;
  /** Last day allowed in `month` (the end of the month unless a day is written). */
  day: number | null;
}

/** Parses one deadline cell. Never throws: unreadable text comes back as `unknown`. */
export function parseDeadline(text: string): Deadline {
  const verbatim = text.trim();
  return { text: verbatim, ...classify(normalizeDeadlineText(verbatim)) };
}

/** Tasks reported every period, which are never overdue as a whole. */
export function isRecurring(d: Deadline): boolean {
  return d.kind === 'ongoing' || d.kind === 'recurring_annual' || d.kind === 'recurring_annual_from';
}

type Shape = Omit<Deadline, 'text'>;

const UNKNOWN: Shape = { kind: 'unknown', due: null, start: null };

function classify(s: string): Shape {
  if (s === '') return UNKNOWN;
  return (
    matchYearly(s) ??
    matchRecurring(s) ??
    matchSinglePeriod(s) ??
    matchBefore(s) ??
    matchRange(s) ??
    matchOpenEnded(s) ??
    matchConditional(s) ??
    UNKNOWN
  );
}

// ---------------------------------------------------------------------------------------------
// Normalization

/** Non-letters that OCR puts in place of accented letters ("ti€p" for "tiếp", "¢ó" for "có"). */
const OCR_CHARACTERS = new Map([
  ['€', 'e'],
  ['¢', 'c'],
]);

/** Whole words as OCR misreads them in the source documents, mapped to their folded spelling. */
const OCR_WORDS = new Map([
  ['nim', 'nam'],
  ['ndm', 'nam'],
  ['ndam', 'nam'],
  ['niam', 'nam'],
  ['thiang', 'thang'],
  ['thing', 'thang'],
  ['hing', 'hang'],
  ['tir', 'tu'],
  ['ttr', 'tu'],
  ['tr', 'tu'],
  ['cdc', 'cac'],
  ['thudng', 'thuong'],
  ['thwong', 'thuong'],
  ['thuwong', 'thuong'],
  ['qui', 'quy'],
]);

/** Words that only say "deadline:" or "do it"; they carry no timing. */
const LEAD_FILLER = /^(?:thoi gian (?:hoan thanh|thuc hien) )?(?:hoan thanh |thuc hien )?/;

/**
 * Folded text with OCR noise repaired and punctuation reduced to what the patterns use:
 * letters, digits, single spaces, `/` and `-` (without spaces around them) and `.` between digits.
 */
function normalizeDeadlineText(text: string): string {
  const folded = foldVietnamese(text).replace(/[€¢]/g, (c) => OCR_CHARACTERS.get(c) ?? c);
  const spaced = splitGluedNumbers(repairOcrDigits(simplifyPunctuation(folded)))
    .replace(/\bqu y\b/g, 'quy')
    .split(' ')
    .map((word) => OCR_WORDS.get(word) ?? word)
    .join(' ');
  return spaced.replace(LEAD_FILLER, '').trim();
}

function simplifyPunctuation(s: string): string {
  return s
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[^a-z0-9/.\- ]/g, ' ')
    .replace(/\.(?!\d)|(?<!\d)\./g, ' ')
    .replace(/\s*([/-])\s*/g, '$1')
    .replace(/^[\s/-]+|[\s/-]+$/g, '')
    .replace(/\s+/g, ' ');
}

/**
 * Inside a number, `o` is a misread `0` and `l` a misread `1` ("2O24", "l0/2021", "Nam2O24").
 * A run starts at a digit or at the start of a word, so the `o` of "so2024" is left alone.
 */
function repairOcrDigits(s: string): string {
  return s.replace(/(?<![a-z])[\dol][\dol/.-]*|\d[\dol/.-]*/g, (run) =>
    /\d/.test(run) ? run.replace(/o/g, '0').replace(/l/g, '1') : run,
  );
}

/** "Nam2024" and "T2/2024" lose the space between word and number in OCR and hurried typing. */
function splitGluedNumbers(s: string): string {
  return s.replace(/([a-z])(\d)/g, '$1 $2');
}

// ---------------------------------------------------------------------------------------------
// Calendar periods

/** A span of calendar days named by one phrase ("Quý IV/2022" is 2022-10-01 … 2022-12-31). */
interface Period {
  kind: 'date' | 'month' | 'quarter' | 'year' | 'half';
  start: string;
  end: string;
}

/** Words in front of a period that do not move it: "trong năm 2024", "đến hết quý I/2022". */
const PERIOD_PREFIX = /^(?:(?:trong|vao|den het|den|het|cuoi|cham nhat(?: la| vao)?) )?/;
const DATE_NUMERIC = /^(?:ngay )?(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const DATE_WORDS = /^(?:ngay )?(\d{1,2}) thang (\d{1,2}) nam (\d{4})$/;
/** "thang 2/2024", "t 2/2024", "02/2024", "thang 2 nam 2024"; "thang 10" only with a year to inherit. */
const MONTH = /^(?:(thang|t) )?(\d{1,2})(?:(?:[/-]| nam )(\d{4}))?$/;
/** "quy iv/2022", "quy 1 nam 2022", "q 4/2022"; OCR writes I as 1 ("quy 1v/2022", "quy 111/2021"). */
const QUARTER = /^(?:quy|q) ?([ivxl1-4]+)(?:(?:[/-]| nam )(\d{4}))?$/;
/** "6 thang dau nam 2024" (first half), "sau thang cuoi nam 2024", "nua dau nam 2024". */
const HALF = /^(?:6 thang|sau thang|nua) (dau|cuoi) nam (\d{4})$/;
const YEAR = /^(?:nam )?(\d{4})$/;

/**
 * Parses a phrase naming exactly one period. `inheritedYear` completes a month or quarter written
 * without its year, as in the first half of "Tháng 10 - Tháng 12/2024"; it is never invented.
 */
function parsePeriod(phrase: string, inheritedYear?: number): Period | null {
  const s = phrase.replace(PERIOD_PREFIX, '');
  return (
    parseDate(s) ??
    parseMonth(s, inheritedYear) ??
    parseQuarter(s, inheritedYear) ??
    parseHalf(s) ??
    parseYear(s)
  );
}

function parseDate(s: string): Period | null {
  const numeric = DATE_NUMERIC.exec(s);
  const words = numeric ? null : DATE_WORDS.exec(s);
  const parts = numeric
    ? [numeric[1], numeric[3], numeric[4]]
    : words
      ? [words[1], words[2], words[3]]
      : null;
  if (!parts) return null;
  const [d, m, year] = parts.map(Number) as [number, number, number];
  const y = validYear(year);
  if (y === null || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  const iso = isoDate(y, m, d);
  return { kind: 'date', start: iso, end: iso };
}

function parseMonth(s: string, inheritedYear?: number): Period | null {
  const match = MONTH.exec(s);
  if (!match) return null;
  const [, keyword, month, year] = match;
  // A bare number ("6") is not a month; it needs the word "tháng" or a year next to it.
  if (keyword === undefined && year === undefined) return null;
  const y = yearOrInherited(year, inheritedYear);
  const m = Number(month);
  if (y === null || m < 1 || m > 12) return null;
  return monthSpan('month', y, m, m);
}

function parseQuarter(s: string, inheritedYear?: number): Period | null {
  const match = QUARTER.exec(s);
  if (!match) return null;
  const q = quarterNumber(match[1]!);
  const y = yearOrInherited(match[2], inheritedYear);
  if (q === null || y === null) return null;
  return monthSpan('quarter', y, 3 * q - 2, 3 * q);
}

/**
 * Quarters are written in Roman numerals or digits; OCR reads I (and l) as 1, so "11" is II and
 * "1V" is IV. No quarter is above 4, which keeps this reading unambiguous.
 */
function quarterNumber(numeral: string): number | null {
  if (/^[1-4]$/.test(numeral)) return Number(numeral);
  const q = parseRoman(numeral.replace(/[1l]/g, 'i'));
  return q !== null && q >= 1 && q <= 4 ? q : null;
}

function parseHalf(s: string): Period | null {
  const match = HALF.exec(s);
  const y = match ? validYear(Number(match[2])) : null;
  if (!match || y === null) return null;
  return match[1] === 'dau' ? monthSpan('half', y, 1, 6) : monthSpan('half', y, 7, 12);
}

function parseYear(s: string): Period | null {
  const match = YEAR.exec(s);
  const y = match ? validYear(Number(match[1])) : null;
  return y === null ? null : monthSpan('year', y, 1, 12);
}

/** Four digits outside this window are OCR noise or a document number, not a plan year. */
function validYear(y: number): number | null {
  return y >= 1900 && y <= 2199 ? y : null;
}

function yearOrInherited(written: string | undefined, inherited: number | undefined): number | null {
  return written === undefined ? (inherited ?? null) : validYear(Number(written));
}

function monthSpan(kind: Period['kind'], year: number, firstMonth: number, lastMonth: number): Period {
  return {
    kind,
    start: isoDate(year, firstMonth, 1),
    end: isoDate(year, lastMonth, daysInMonth(year, lastMonth)),
  };
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids time-zone shifts.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dayBefore(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

// ---------------------------------------------------------------------------------------------
// Phrase families

const ANNUAL = /^(?:dinh ky )?(?:hang|moi) nam\b/;

/** "hằng năm", "hàng năm", "mỗi năm", "định kỳ hằng năm", "của các năm". */
const EVERY_YEAR = '(?:(?:dinh ky )?(?:hang|moi) nam|cua cac nam|cac nam)';
/** "Tháng 11 hằng năm", "Quý I hằng năm", "Trước ngày 15/12 hằng năm" and the year-first order. */
const YEARLY_AFTER = new RegExp(`^(.+?),? ${EVERY_YEAR}$`);
const YEARLY_BEFORE = new RegExp(`^${EVERY_YEAR},? (?:vao |trong )?(.+)$`);
/** "Định kỳ 5 năm", "Định kỳ 02 năm/lần", "5 năm một lần", "05 năm/lần". */
const EVERY_N_YEARS = /^(?:dinh ky )?(\d{1,2}) nam(?:\/lan| mot lan| 1 lan)?$/;

/**
 * Yearly duties that name when in the year they fall due. A month or quarter means its last day;
 * "trước ngày 15/12" means the 14th, read literally like `matchBefore`.
 */
function matchYearly(s: string): Shape | null {
  const every = EVERY_N_YEARS.exec(s);
  if (every && (s.startsWith('dinh ky') || s.includes('lan'))) {
    const n = Number(every[1]);
    if (n >= 1 && n <= 20) {
      return {
        kind: 'recurring_annual',
        due: null,
        start: null,
        yearly: { everyYears: n, month: null, day: null },
      };
    }
  }
  const match = YEARLY_AFTER.exec(s) ?? YEARLY_BEFORE.exec(s);
  if (!match) return null;
  const point = dayInYear(match[1]!.replace(PERIOD_PREFIX, ''));
  return point
    ? { kind: 'recurring_annual', due: null, start: null, yearly: { everyYears: 1, ...point } }
    : null;
}

/** A day of any year, 2001 standing in for it (so February ends on the 28th). */
function dayInYear(s: string): { month: number; day: number } | null {
  const before = /^truoc (.+)$/.exec(s);
  if (before) {
    const point = dayInYear(before[1]!.replace(PERIOD_PREFIX, ''));
    if (!point) return null;
    const previous = dayBefore(isoDate(2001, point.month, point.day));
    return { month: Number(previous.slice(5, 7)), day: Number(previous.slice(8, 10)) };
  }
  const date =
    /^(?:ngay )?(\d{1,2})[/.-](\d{1,2})$/.exec(s) ?? /^(?:ngay )?(\d{1,2}) thang (\d{1,2})$/.exec(s);
  if (date) {
    const [day, month] = [Number(date[1]), Number(date[2])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2001, month)) return null;
    return { month, day };
  }
  const month = /^(?:thang|t) (\d{1,2})$/.exec(s);
  if (month) {
    const m = Number(month[1]);
    return m >= 1 && m <= 12 ? { month: m, day: daysInMonth(2001, m) } : null;
  }
  const quarter = /^(?:quy|q) ?([ivxl1-4]+)$/.exec(s);
  const q = quarter ? quarterNumber(quarter[1]!) : null;
  if (q !== null) return { month: 3 * q, day: daysInMonth(2001, 3 * q) };
  const half = /^(?:6 thang|sau thang|nua) (dau|cuoi) nam$/.exec(s);
  if (half) return half[1] === 'dau' ? { month: 6, day: 30 } : { month: 12, day: 31 };
  if (/^cuoi nam$/.test(s)) return { month: 12, day: 31 };
  return null;
}
/**
 * Monthly, quarterly, weekly duties ("Hằng tháng", "Hàng quý", "Định kỳ 6 tháng") are `ongoing`:
 * like "Thường xuyên" they are reported every period and never finish as a whole, and there is no
 * kind for a cadence shorter than a year. Their cadence stays readable in `text`.
 */
const ONGOING = /^(?:thuong xuyen|lien tuc|(?:dinh ky )?(?:hang|moi) (?:ngay|tuan|thang|quy)|dinh ky)\b/;

function matchRecurring(s: string): Shape | null {
  if (ANNUAL.test(s)) return { kind: 'recurring_annual', due: null, start: null };
  if (ONGOING.test(s)) return { kind: 'ongoing', due: null, start: null };
  return null;
}

function matchSinglePeriod(s: string): Shape | null {
  const period = parsePeriod(s);
  if (!period) return null;
  // Half years are spans, so they carry their start like any other range.
  if (period.kind === 'half') return { kind: 'range', due: period.end, start: period.start };
  return { kind: period.kind, due: period.end, start: null };
}

/**
 * "Trước ngày 31/3/2024", "Trước quý IV/2024": read literally, the last allowed day is the one
 * before the period starts. For a reminder bot, a day early is safer than a day late.
 */
function matchBefore(s: string): Shape | null {
  const match = /^truoc (.+)$/.exec(s);
  const period = match ? parsePeriod(match[1]!) : null;
  return period ? { kind: 'date', due: dayBefore(period.start), start: null } : null;
}

const RANGE_LEAD = /^(?:trong )?(?:giai doan |(?:ke |bat dau )?tu )?/;
const RANGE_SEPARATOR = / (?:den het|den|toi) |-/g;

/**
 * "Từ tháng 10/2021 đến hết quý I/2022", "Tháng 10/2021 - Quý I/2022", "Giai đoạn 2022-2025".
 * Dates use `-` too ("15-02-2024"), so every separator is tried until both sides read as periods.
 */
function matchRange(s: string): Shape | null {
  for (const separator of s.matchAll(RANGE_SEPARATOR)) {
    const left = s.slice(0, separator.index).replace(RANGE_LEAD, '');
    const right = s.slice(separator.index + separator[0].length);
    const range = rangeOf(left, right);
    if (range) return range;
  }
  return null;
}

function rangeOf(left: string, right: string): Shape | null {
  const last = parsePeriod(right);
  const first = last ? parsePeriod(left, yearOf(last.start)) : null;
  if (!last || !first || first.start > last.end) return null;
  return { kind: 'range', due: last.end, start: first.start };
}

/**
 * "Năm 2021 và các năm tiếp theo", "Từ năm 2024 trở đi", "Từ năm 2024": work that starts in a
 * period and then repeats every year. The first year must be done by its end.
 */
const OPEN_ENDED = [
  /^(?:(?:ke |bat dau )?tu )?(.+?) (?:va )?(?:cac|nhung) nam (?:tiep theo|tiep|sau|ke tiep)$/,
  /^(?:(?:ke |bat dau )?tu )?(.+?) tro (?:di|ve sau)$/,
  /^(?:ke |bat dau )?tu (.+)$/,
];

function matchOpenEnded(s: string): Shape | null {
  for (const pattern of OPEN_ENDED) {
    const match = pattern.exec(s);
    const period = match ? parsePeriod(match[1]!) : null;
    if (period) {
      return { kind: 'recurring_annual_from', due: `${yearOf(period.start)}-12-31`, start: period.start };
    }
  }
  return null;
}

/**
 * Deadlines tied to someone else's event: "Sau khi có hướng dẫn…", "Khi có yêu cầu",
 * "Theo tiến độ của Bộ Công an", "Tùy theo…". "sau thang" is "sáu tháng" (six months), not "after".
 */
const CONDITIONAL = /^(?:ngay )?(?:sau(?! thang)|khi|theo|tuy|phu thuoc)\b/;

function matchConditional(s: string): Shape | null {
  return CONDITIONAL.test(s) ? { kind: 'conditional', due: null, start: null } : null;
}
