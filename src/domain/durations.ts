/**
 * How long before an event a reminder goes out: "3d", "1d", "1h", "30m", or combined "1d12h".
 * Days count on the wall calendar of the group's time zone (same time of day, N days earlier);
 * hours and minutes are plain elapsed time. Lists are comma-separated: MEETING_REMINDER_OFFSETS=3d,1d,1h.
 */
import { addDays } from './period.ts';
import { wallClock, zonedInstant } from './zoned-time.ts';

export interface Offset {
  /** As written, normalised: "3d", "1h", "1d12h". Used in outbox occurrence keys. */
  label: string;
  days: number;
  /** Hours and minutes, in minutes. */
  minutes: number;
}

const PART = /(\d+)\s*([dhm])/g;
const WHOLE = /^(?:\d+\s*[dhm]\s*)+$/;

/** One offset ("3d", "1h", "1d12h", "90m"); null when unreadable or zero. */
export function parseOffset(text: string): Offset | null {
  const s = text.trim().toLowerCase();
  if (!WHOLE.test(s)) return null;
  let days = 0;
  let minutes = 0;
  for (const [, n, unit] of s.matchAll(PART)) {
    const value = Number(n);
    if (unit === 'd') days += value;
    else if (unit === 'h') minutes += value * 60;
    else minutes += value;
  }
  if (days === 0 && minutes === 0) return null;
  return { label: labelOf(days, minutes), days, minutes };
}

/** A comma-separated list, largest first, without duplicates. Throws on an unreadable item. */
export function parseOffsets(text: string): Offset[] {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const offsets = items.map((item) => {
    const offset = parseOffset(item);
    if (!offset) throw new Error(`Not a duration: ${JSON.stringify(item)} (use e.g. 3d, 1d, 1h, 30m)`);
    return offset;
  });
  const unique = new Map(offsets.map((o) => [o.label, o]));
  return [...unique.values()].sort((a, b) => totalMinutes(b) - totalMinutes(a));
}

/** "3,1" → [3, 1]: whole days, largest first, positive, no duplicates. Throws on anything else. */
export function parseDayList(text: string): number[] {
  const days = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      if (!/^\d+$/.test(item) || Number(item) < 1)
        throw new Error(`Not a number of days: ${JSON.stringify(item)}`);
      return Number(item);
    });
  return [...new Set(days)].sort((a, b) => b - a);
}

/** `instant` moved back by `offset` in `timeZone`: days on the wall calendar, then elapsed minutes. */
export function subtractOffset(instant: Date, offset: Offset, timeZone: string): Date {
  let moved = instant;
  if (offset.days > 0) {
    const wall = wallClock(instant, timeZone);
    moved = zonedInstant(addDays(wall.day, -offset.days), wall.time, timeZone);
  }
  return new Date(moved.getTime() - offset.minutes * 60_000);
}

/** Whether the offset is whole days (its reminder may move to a working day). */
export function isWholeDays(offset: Offset): boolean {
  return offset.minutes === 0;
}

export function totalMinutes(offset: Offset): number {
  return offset.days * 1440 + offset.minutes;
}

function labelOf(days: number, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${days > 0 ? `${days}d` : ''}${h > 0 ? `${h}h` : ''}${m > 0 ? `${m}m` : ''}`;
}
