/**
 * Helpers for the few hot read paths written in SQL (summaries run over ~100k report rows, where
 * Prisma's per-row mapping cost most of the time). Drivers differ in what they hand back: SQLite
 * gives integers as bigint and dates as text, PostgreSQL gives Date objects; these normalise.
 */
export const int = (value: unknown): number => Number(value);

export const bool = (value: unknown): boolean => value === true || Number(value) === 1;

export const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

export function iso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const raw = String(value);
  // SQLite stores Prisma DateTime as ISO text (or epoch milliseconds with another timestamp format).
  return /^\d+$/.test(raw) ? new Date(Number(raw)).toISOString() : new Date(raw).toISOString();
}
