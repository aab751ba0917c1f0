/**
 * Working days of a Vietnamese state body: Monday to Friday, minus public holidays, adjusted by the
 * days the government moves each year.
 *
 * In order of precedence:
 * 1. days an admin adds for the group (CalendarDay: `off` = extra day off, `work` = make-up working day);
 * 2. the official adjustments announced for civil servants (`OFFICIAL_ADJUSTMENTS`, from
 *    src/domain/official-days.ts: the days around Tết and the 1/1, 30/4, 1/5 and 2/9 holidays that
 *    the yearly notice gives off or swaps for a Saturday, and nghỉ bù), built in for 2024–2027;
 * 3. public holidays from `date-holidays` ('VN', type public): Tết Dương lịch, the five days of Tết
 *    Nguyên Đán, Giỗ Tổ Hùng Vương, 30/4, 1/5, 2/9;
 * 4. Saturdays and Sundays.
 *
 * For a year not in `OFFICIAL_ADJUSTMENTS`, an admin adds that year's announced days (nghỉ bù,
 * hoán đổi, làm bù) as CalendarDay rows: `da06 schedule calendar add …`.
 */
import Holidays from 'date-holidays';
import { type DayKind, OFFICIAL_DAYS, type OfficialDay } from './official-days.ts';
import { addDays } from './period.ts';
import { weekdayOf } from './zoned-time.ts';

export type { DayKind };

export interface CalendarOverride {
  day: string;
  kind: DayKind;
  note: string | null;
}

/** Why a day is not a working day (or null when it is one). */
export type DayOffReason =
  | { kind: 'weekend'; weekday: 0 | 6 }
  | { kind: 'holiday'; name: string }
  | { kind: 'official'; name: string }
  | { kind: 'extra'; note: string | null };

/**
 * The official days for civil servants on top of date-holidays, 2024–2027, each with its source
 * (src/domain/official-days.ts).
 */
export const OFFICIAL_ADJUSTMENTS: readonly OfficialDay[] = OFFICIAL_DAYS;

const holidayCache = new Map<number, Map<string, string>>();

/**
 * Public holidays of Vietnam in `year` from date-holidays, day → name. Multi-day holidays (Tết
 * Nguyên Đán is one entry spanning five days) count every day they cover.
 */
export function publicHolidays(year: number): ReadonlyMap<string, string> {
  let days = holidayCache.get(year);
  if (days) return days;
  days = new Map();
  const holidays = new Holidays('VN', { types: ['public'] });
  const spans = (holidays.getHolidays(year) || [])
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => ({
      name: holiday.name,
      first: holiday.date.slice(0, 10),
      span: Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000)),
    }))
    // A day's own holiday names it ("Tết Nguyên Đán" on mùng 1), before a span that covers it.
    .sort((a, b) => a.span - b.span);
  for (const { name, first, span } of spans) {
    for (let i = 0; i < span; i++) {
      const day = addDays(first, i);
      if (!days.has(day)) days.set(day, name);
    }
  }
  holidayCache.set(year, days);
  return days;
}

const OFFICIAL = new Map(OFFICIAL_ADJUSTMENTS.map((a) => [a.day, a]));

/** A year never needs more than this many steps to reach a working day; guards against a bad calendar. */
const MAX_STEPS = 400;

export class WorkingCalendar {
  private readonly overrides: Map<string, CalendarOverride>;

  constructor(overrides: readonly CalendarOverride[] = []) {
    this.overrides = new Map(overrides.map((o) => [o.day, o]));
  }

  /** Why `day` is off, or null when it is a working day. */
  dayOff(day: string): DayOffReason | null {
    const override = this.overrides.get(day);
    if (override) return override.kind === 'work' ? null : { kind: 'extra', note: override.note };
    const official = OFFICIAL.get(day);
    if (official) return official.kind === 'work' ? null : { kind: 'official', name: official.name };
    const holiday = publicHolidays(Number(day.slice(0, 4))).get(day);
    if (holiday) return { kind: 'holiday', name: holiday };
    const weekday = weekdayOf(day);
    if (weekday === 0 || weekday === 6) return { kind: 'weekend', weekday };
    return null;
  }

  isWorkingDay(day: string): boolean {
    return this.dayOff(day) === null;
  }

  /** `day` itself when it is a working day, else the first working day after it. */
  nextWorkingDay(day: string): string {
    return this.walk(day, 1);
  }

  /** `day` itself when it is a working day, else the last working day before it. */
  previousWorkingDay(day: string): string {
    return this.walk(day, -1);
  }

  /** Working days d with `from` < d ≤ `to` (0 when `to` ≤ `from`): "working days overdue". */
  workingDaysAfter(from: string, to: string): number {
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) count++;
    }
    return count;
  }

  /** The `n`-th working day after `day` (n ≥ 1). */
  addWorkingDays(day: string, n: number): string {
    let current = day;
    for (let i = 0; i < n; i++) current = this.walk(addDays(current, 1), 1);
    return current;
  }

  private walk(day: string, step: 1 | -1): string {
    let current = day;
    for (let i = 0; i < MAX_STEPS; i++) {
      if (this.isWorkingDay(current)) return current;
      current = addDays(current, step);
    }
    throw new Error(`No working day within ${MAX_STEPS} days of ${day}: check the calendar days`);
  }
}

export interface CalendarEntry {
  day: string;
  kind: DayKind;
  name: string;
  source: string;
}

/**
 * Every day of `year` that differs from a plain Monday-to-Friday week, in date order: public
 * holidays on weekdays (date-holidays), the official days (with their source), the group's own days
 * (which override the others).
 */
export function yearCalendar(year: number, overrides: readonly CalendarOverride[] = []): CalendarEntry[] {
  const entries = new Map<string, CalendarEntry>();
  for (const [day, name] of publicHolidays(year)) {
    const weekday = weekdayOf(day);
    if (weekday !== 0 && weekday !== 6)
      entries.set(day, { day, kind: 'off', name, source: 'Bộ luật Lao động 2019, Điều 112 (date-holidays)' });
  }
  for (const official of OFFICIAL_DAYS) {
    if (!official.day.startsWith(`${year}-`)) continue;
    const source = official.confirmed ? official.source : `${official.source} (chưa xác nhận)`;
    entries.set(official.day, { day: official.day, kind: official.kind, name: official.name, source });
  }
  for (const override of overrides) {
    if (!override.day.startsWith(`${year}-`)) continue;
    entries.set(override.day, {
      day: override.day,
      kind: override.kind,
      name: override.note ?? (override.kind === 'off' ? 'Ngày nghỉ thêm' : 'Ngày làm bù'),
      source: 'da06 schedule calendar add',
    });
  }
  return [...entries.values()].sort((a, b) => a.day.localeCompare(b.day));
}
