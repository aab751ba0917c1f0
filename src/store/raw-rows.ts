/**
 * Helpers for the few hot read paths written in SQL (summaries run over ~100k report rows, where
 * Prisma's per-row mapping cost most of the time). Drivers differ in what they hand back: SQLite
 * gives integers as bigint and dates as text, PostgreSQL gives Date objects; these normalise.
 */
import type { Db } from './open-database.ts';
import { directFor } from './sqlite-direct.ts';

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

/**
 * A read query written once for both paths: SQLite's prepared statements (`sqlite-direct.ts`) take it
 * as is, Prisma's `$queryRaw` takes the text around its `?` parameters as a tagged template's parts
 * (and numbers them for PostgreSQL). The text must not contain `?` anywhere else.
 */
export class RawQuery {
  readonly parts: TemplateStringsArray;

  constructor(readonly text: string) {
    const parts = text.split('?');
    this.parts = Object.assign(parts, { raw: parts }) as unknown as TemplateStringsArray;
  }
}

/** Rows of a `RawQuery`: prepared on SQLite's connection when free, else through Prisma. */
export async function rawRows(db: Db, query: RawQuery, ...params: (string | number)[]) {
  const direct = directFor(db);
  if (direct) return direct.all(query.text, ...params);
  return db.$queryRaw<Record<string, unknown>[]>(query.parts, ...params);
}
