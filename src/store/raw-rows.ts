/**
 * Helpers for the few hot read paths written in SQL (summaries run over ~100k report rows, where
 * Prisma's per-row mapping cost most of the time). Drivers differ in what they hand back: SQLite
 * gives integers as bigint and dates as text, PostgreSQL gives Date objects; these normalise.
 */
import type { Db } from './open-database.ts';
import { pgDirectFor } from './pg-direct.ts';
import { directFor } from './sqlite-direct.ts';

export const int = (value: unknown): number => Number(value);

export const bool = (value: unknown): boolean => value === true || Number(value) === 1;

export const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

/** How Prisma's SQLite adapter writes a DateTime: UTC, milliseconds, `+00:00` (sqliteTimestamp). */
const SQLITE_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/;

export function iso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const raw = String(value);
  // The common case without a Date: the same instant, already in ISO form but for its zone's spelling.
  if (SQLITE_UTC.test(raw)) return `${raw.slice(0, 23)}Z`;
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
  /** The text for PostgreSQL's own protocol (`$1`, `$2`, …) and the name it is prepared under. */
  readonly pg: { name: string; text: string };

  constructor(readonly text: string) {
    const parts = text.split('?');
    this.parts = Object.assign(parts, { raw: parts }) as unknown as TemplateStringsArray;
    this.pg = {
      name: `da06_raw_${++rawQueries}`,
      text: parts.reduce((sql, part, i) => (i === 0 ? part : `${sql}$${i}${part}`), ''),
    };
  }
}

let rawQueries = 0;

/**
 * Rows of a `RawQuery`: prepared on SQLite's connection when free; on PostgreSQL as a named statement
 * on the pool Prisma's adapter uses (pg-direct.ts), where Prisma's `$queryRaw` cost ~6 µs per row
 * (docs/performance.md, "Dashboard months"); inside a transaction (a `tx` client), through Prisma.
 */
export async function rawRows(db: Db, query: RawQuery, ...params: (string | number)[]) {
  const direct = directFor(db);
  if (direct) return direct.all(query.text, ...params);
  const pgDirect = pgDirectFor(db);
  if (pgDirect) return pgDirect.read(query.pg.name, query.pg.text, params);
  return db.$queryRaw<Record<string, unknown>[]>(query.parts, ...params);
}

/**
 * `rawRows` with each row as an array of its columns in the query's order (the reads of thousands
 * of rows: creating an array costs less than an object with named properties, on both drivers).
 */
export async function rawArrays(
  db: Db,
  query: RawQuery,
  ...params: (string | number)[]
): Promise<unknown[][]> {
  const direct = directFor(db);
  if (direct) return direct.allArrays(query.text, ...params);
  const pgDirect = pgDirectFor(db);
  if (pgDirect) return pgDirect.readArrays(query.pg.name, query.pg.text, params);
  const rows = await db.$queryRaw<Record<string, unknown>[]>(query.parts, ...params);
  return rows.map((row) => Object.values(row));
}
