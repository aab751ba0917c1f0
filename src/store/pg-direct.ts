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
 * which name).
 *
 * The member and the task a submission reads are also kept between requests, tagged with the
 * directory's version they were read at (the `DirectoryVersion` row, which triggers move in the same
 * transaction as every write to the directory's tables), but are served from there only inside an
 * optimistic scope (`optimistic`), and everything that scope produced from them is checked before its
 * answer leaves: the submission's write carries the version as a guard (`writeGuard`: when it moved,
 * the statement writes and claims nothing), or, when the scope ends without such a write (a refusal,
 * field errors), one read of the version. When the check fails the cache is dropped and the scope's
 * work runs again on fresh reads. Outside a scope every answer is read from the database, as before.
 * See docs/adr/0024-postgresql-hot-paths.md, addendum 3.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import type pg from 'pg';
import { StaleDirectoryError } from '../app/ports/stores.ts';
import { GroupCommit } from './group-commit.ts';

/** A statement parameter; an array is sent as a PostgreSQL array (a batch's column, see `batch`). */
export type PgParam = string | number | boolean | null | PgParam[];

/** The directory's version as PostgreSQL gives a bigint: text. */
type Version = string;

/** One run of an optimistic scope's work. */
interface Scope {
  /** The first run may be served from the cache; the second one (after a failed check) may not. */
  readonly cached: boolean;
  /** The version every directory read of this run found; set by the first one. */
  assumed: Version | null;
  /** Something of this run came from the cache, so its outcome must be checked. */
  usedCache: boolean;
  /** A read or the write's guard found the directory moved: the run's outcome is not to be used. */
  stale: boolean;
  /** A guarded write found the version unchanged: what follows is checked already. */
  checked: boolean;
}

const scopes = new AsyncLocalStorage<Scope>();

/** Entries kept at most; past that the cache starts again (as SqliteDirect's). */
const CACHE_LIMIT = 5000;

/** The directory's version, read alone (the check at the end of a scope without a guarded write). */
const DIRECTORY_VERSION = `SELECT "version"::text AS "version" FROM "DirectoryVersion" WHERE "id" = 1`;

export class PgDirect {
  private readonly cache = new Map<string, unknown>();
  /** The version every entry of `cache` was read at, or null while it is empty. */
  private cacheVersion: Version | null = null;

  /** One group commit per batched statement (by its name). */
  private readonly batches = new Map<string, GroupCommit<BatchJob, Record<string, unknown>>>();

  constructor(private readonly pool: pg.Pool) {}

  /**
   * The row of one statement's `values`, sent together with the others queued while a batch of the
   * same `name` is in flight (group-commit.ts): `text` takes, for each parameter of the single
   * statement, the array of the batch's values (`$k` is the array of every job's k-th value) and
   * answers one row per job, with its 1-based position in the arrays as `ord`. Jobs of one `key`
   * never share a batch.
   */
  async batch(name: string, text: string, values: PgParam[], key: string): Promise<Record<string, unknown>> {
    let group = this.batches.get(name);
    if (!group) {
      group = new GroupCommit<BatchJob, Record<string, unknown>>({
        keyOf: (job) => job.key,
        run: async (jobs) => {
          const columns = jobs[0]!.values.map((_, k) => jobs.map((job) => job.values[k] ?? null));
          const result = await this.pool.query({ name, text, values: columns });
          const byOrd = new Map(result.rows.map((row) => [Number(row.ord), row as Record<string, unknown>]));
          return jobs.map((_, i) => {
            const row = byOrd.get(i + 1);
            if (!row) throw new Error(`${name}: no row for job ${i + 1} of ${jobs.length}`);
            return row;
          });
        },
      });
      this.batches.set(name, group);
    }
    return group.submit({ values, key });
  }

  /**
   * Runs `work` (a channel's submission: who is asking, then what they submit) in an optimistic
   * scope: its member and task reads (`directory`) may be answered from the cache, and its outcome
   * is checked before it is returned. When the check fails, the cache is dropped and `work` runs a
   * second time with every read from the database (and no guard: as outside a scope). Work that
   * runs inside a scope already runs in it.
   */
  async optimistic<T>(work: () => Promise<T>): Promise<T> {
    if (scopes.getStore()) return work();
    const first: Scope = { cached: true, assumed: null, usedCache: false, stale: false, checked: false };
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: await scopes.run(first, work) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    if (!first.stale && first.usedCache && !first.checked) {
      const [row] = await this.rows<{ version: string | null }>(
        'da06_directory_version',
        DIRECTORY_VERSION,
        [],
      );
      first.stale = (row?.version ?? null) !== first.assumed;
    }
    if (!first.stale) {
      if (outcome.ok) return outcome.value;
      throw outcome.error;
    }
    this.forget();
    const second: Scope = { cached: false, assumed: null, usedCache: false, stale: false, checked: false };
    return scopes.run(second, work);
  }

  /**
   * A directory read (a member, a task) by a named statement whose single row has the directory's
   * version in a `directoryVersion` column, the read's own columns null when it found nothing.
   * Inside an optimistic scope's first run the answer may come from the cache (frozen: callers copy
   * it to change it); anywhere else it is read, and kept for later scopes.
   */
  async directory<T>(
    key: string,
    name: string,
    text: string,
    values: PgParam[],
    decode: (row: Record<string, unknown>) => T,
  ): Promise<T> {
    const scope = this.openScope();
    if (
      scope?.cached &&
      this.cacheVersion !== null &&
      (scope.assumed === null || scope.assumed === this.cacheVersion) &&
      this.cache.has(key)
    ) {
      scope.assumed = this.cacheVersion;
      scope.usedCache = true;
      return this.cache.get(key) as T;
    }
    const [row] = await this.rows(name, text, values);
    if (!row) throw new Error(`${name}: no row`);
    // Without the DirectoryVersion row (never deleted by the bot) nothing is cached: reads stay fresh.
    const version = row.directoryVersion == null ? null : String(row.directoryVersion);
    const value = deepFreeze(decode(row));
    if (version === null) return value;
    this.remember(key, version, value);
    if (scope?.cached) {
      if (scope.assumed !== null && scope.assumed !== version) scope.stale = true;
      scope.assumed ??= version;
    }
    return value;
  }

  /**
   * The version a write in the current scope must still find, or null when it needs no guard
   * (outside a scope, in a second run, nothing cached used, or checked already). Throws, writing
   * nothing, when the run is known to be stale already.
   */
  writeGuard(): Version | null {
    const scope = this.openScope();
    if (!scope?.cached || !scope.usedCache) return null;
    if (scope.stale) throw new StaleDirectoryError();
    return scope.assumed;
  }

  /** What a guarded write found: the version unchanged (true), or moved (throws, nothing written). */
  guarded(unchanged: boolean): void {
    const scope = this.openScope();
    if (!scope) return;
    if (unchanged) {
      scope.checked = true;
      return;
    }
    scope.stale = true;
    throw new StaleDirectoryError();
  }

  /**
   * For a write that cannot carry the guard in its own statement: the version read just before it
   * (as a fresh read of the member and task would be), throwing when it moved.
   */
  async checkBeforeWrite(): Promise<void> {
    const assumed = this.writeGuard();
    if (assumed === null) return;
    const [row] = await this.rows<{ version: string | null }>(
      'da06_directory_version',
      DIRECTORY_VERSION,
      [],
    );
    this.guarded(row?.version === assumed);
  }

  /** Drops every cached answer. */
  forget(): void {
    this.cache.clear();
    this.cacheVersion = null;
  }

  private openScope(): Scope | null {
    const scope = scopes.getStore();
    return scope && !scope.checked ? scope : null;
  }

  private remember(key: string, version: Version, value: unknown): void {
    if (this.cacheVersion !== null && version !== this.cacheVersion) {
      // An older read finishing late is not kept; a newer one starts the cache again.
      if (BigInt(version) < BigInt(this.cacheVersion)) return;
      this.cache.clear();
    }
    this.cacheVersion = version;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, value);
  }

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

  /** `read` with each row as an array of its columns, in the query's order. */
  async readArrays(name: string, text: string, values: PgParam[]): Promise<unknown[][]> {
    const result = await this.pool.query({ name, text, values, types: utcTypes(), rowMode: 'array' });
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

interface BatchJob {
  values: PgParam[];
  key: string;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
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
