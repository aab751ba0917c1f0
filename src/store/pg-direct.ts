/**
 * On PostgreSQL, the request hot paths as single named (prepared) statements on the very `pg` pool
 * Prisma's adapter uses — the counterpart of sqlite-direct.ts (ADR 6), see
 * docs/adr/0024-postgresql-hot-paths.md.
 *
 * Why: through Prisma, a status-form submission was 14 statements, each one network round trip
 * (docs/performance.md, "PostgreSQL"): 4 to find the member behind a Slack id (Prisma reads an
 * `include` as one query per relation), 2 for the task, and an interactive transaction of 8 (BEGIN,
 * three for the period's upsert, the report, its revision, the audit entry, COMMIT) during which the
 * report's row stayed locked. Here the member is one statement, and the whole write is one statement
 * whose CTEs insert the period if new, upsert the report, add the revision and the audit entry: one
 * round trip, atomic as any single statement, the row lock held only while it runs and commits.
 *
 * Named statements are parsed and planned once per connection (`pg` remembers which connection has
 * which name). Nothing is cached across requests: every answer is read from the database.
 */
import { createRequire } from 'node:module';
import type pg from 'pg';

export type PgParam = string | number | boolean | null;

export class PgDirect {
  constructor(private readonly pool: pg.Pool) {}

  /** The rows of a named statement (`name` must always go with the same `text`). */
  async rows<T extends Record<string, unknown>>(name: string, text: string, values: PgParam[]): Promise<T[]> {
    const result = await this.pool.query<T>({ name, text, values });
    return result.rows;
  }

  /**
   * The rows of a named read statement as Prisma's `$queryRaw` gives them, but for the driver's own
   * representation of numbers (bigint columns come as strings: `raw-rows.ts` normalises). Timestamps
   * without time zone (`timestamp(3)`, how Prisma stores a DateTime) are read as UTC, as Prisma does.
   */
  async read(name: string, text: string, values: PgParam[]): Promise<Record<string, unknown>[]> {
    const result = await this.pool.query({ name, text, values, types: utcTypes() });
    return result.rows;
  }

  /**
   * `work` in one transaction on one connection of the pool: committed when it resolves, rolled back
   * when it throws. For the rare hot write that needs a second statement after the first's answer.
   */
  async transaction<T>(work: (rows: PgDirect['rows']) => Promise<T>): Promise<T> {
    const connection = await this.pool.connect();
    try {
      await connection.query('BEGIN');
      const value = await work(
        async <R extends Record<string, unknown>>(name: string, text: string, values: PgParam[]) =>
          (await connection.query<R>({ name, text, values })).rows,
      );
      await connection.query('COMMIT');
      connection.release();
      return value;
    } catch (error) {
      // A connection whose ROLLBACK fails is not given back to the pool but closed.
      const broken = await connection.query('ROLLBACK').then(
        () => undefined,
        (rollbackError: unknown) =>
          rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError)),
      );
      connection.release(broken);
      throw error;
    }
  }
}

let types: pg.CustomTypesConfig | null = null;

/** pg's parsers, but `timestamp` (oid 1114) as UTC: pg's default takes it as the process's local time. */
function utcTypes(): pg.CustomTypesConfig {
  if (types) return types;
  // pg is loaded already when a PgDirect exists (its pool); required here, not imported, so that a
  // SQLite process never loads it (open-database.ts).
  const parsers = (createRequire(import.meta.url)('pg') as typeof pg).types;
  const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
    oid === 1114
      ? (value: string) => new Date(`${value.replace(' ', 'T')}Z`)
      : parsers.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'];
  types = { getTypeParser };
  return types;
}

const registry = new WeakMap<object, PgDirect>();

/** Called by `openDatabase` for a PostgreSQL client, with the pool its adapter opened. */
export function registerPgDirect(client: object, direct: PgDirect): void {
  registry.set(client, direct);
}

/**
 * The PgDirect of a PostgreSQL client, else null (SQLite, or a transaction client: those are never
 * registered, so code inside a Prisma transaction keeps to it).
 */
export function pgDirectFor(client: object): PgDirect | null {
  return registry.get(client) ?? null;
}

/**
 * An instant as PostgreSQL's `timestamp(3)` columns (without time zone) hold Prisma's DateTime: UTC
 * wall time. (`pg` would send a Date as local time with an offset, which such a column drops.)
 */
export function pgTimestamp(instant: Date): string {
  return instant.toISOString().replace('Z', '');
}
