/**
 * Wall-clock time in a named time zone, without a library: a day and a time ("2024-06-25", "09:00")
 * in "Asia/Ho_Chi_Minh" ↔ an instant. Vietnam has kept UTC+7 since 1975 and has no daylight saving,
 * but the group's zone is a setting, so every conversion asks Intl for the offset at that instant.
 */

const MINUTE_MS = 60_000;

export interface WallClock {
  /** YYYY-MM-DD */
  day: string;
  /** HH:MM */
  time: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  return f;
}

function fields(instant: Date, timeZone: string) {
  const parts = new Map(
    format(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.get('year')),
    month: Number(parts.get('month')),
    day: Number(parts.get('day')),
    hour: Number(parts.get('hour')) % 24,
    minute: Number(parts.get('minute')),
    second: Number(parts.get('second')),
  };
}

/** Minutes the zone is ahead of UTC at `instant` (+420 for Vietnam). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const f = fields(instant, timeZone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  const truncated = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - truncated) / MINUTE_MS);
}

/** The day, time and weekday `instant` shows on a wall clock in `timeZone`. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const f = fields(instant, timeZone);
  const day = `${String(f.year).padStart(4, '0')}-${pad2(f.month)}-${pad2(f.day)}`;
  return { day, time: `${pad2(f.hour)}:${pad2(f.minute)}`, weekday: weekdayOf(day) };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant a wall clock in `timeZone` shows `time` on `day`. In a zone with daylight saving, a
 * time skipped by the spring change resolves to the instant after the gap; an hour that repeats in
 * autumn resolves to its first occurrence.
 */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const d = DAY.exec(day);
  const t = TIME.exec(time);
  if (!d || !t) throw new Error(`Not a day and time: ${JSON.stringify(day)} ${JSON.stringify(time)}`);
  const guess = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  const first = guess - offsetMinutes(new Date(guess), timeZone) * MINUTE_MS;
  const second = guess - offsetMinutes(new Date(first), timeZone) * MINUTE_MS;
  return new Date(Math.min(first, second));
}

/** ISO 8601 with the zone's offset, as people in that zone read it: "2024-06-25T09:00:00+07:00". */
export function isoInZone(instant: Date, timeZone: string): string {
  const f = fields(instant, timeZone);
  const offset = offsetMinutes(instant, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${String(f.year).padStart(4, '0')}-${pad2(f.month)}-${pad2(f.day)}T${pad2(f.hour)}:${pad2(f.minute)}:${pad2(f.second)}` +
    `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
  );
}

/** 0 = Sunday … 6 = Saturday, for a calendar day (no time zone involved). */
export function weekdayOf(day: string): number {
  const d = DAY.exec(day);
  if (!d) throw new Error(`Not a YYYY-MM-DD day: ${JSON.stringify(day)}`);
  return new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]))).getUTCDay();
}

/** Whether `text` is a valid HH:MM time of day. */
export function isTimeOfDay(text: string): boolean {
  return TIME.test(text);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
