/**
 * Prepared statements on the very SQLite connection the Prisma adapter uses, for the request hot
 * paths (identify a member, list the plan's tasks, store a status report).
 *
 * Why: Prisma costs 0.2–0.3 ms of CPU per query on this hardware (query interpretation plus a fresh
 * `prepare` in the adapter), and a form submission made 10–15 of them; better-sqlite3 runs a
 * prepared statement in microseconds. Since better-sqlite3 is synchronous, each Prisma query of a
 * request also resolved at once, so a submission held the event loop for milliseconds under load
 * (docs/performance.md). With these statements a submission's database work is one short
 * synchronous block.
 *
 * Why the same connection: a second connection in this process would have to wait for SQLite's
 * write lock synchronously, which blocks the very event loop that would release it. One connection
 * is safe because JavaScript runs one statement at a time, except while a Prisma interactive
 * transaction is open across awaits: then a statement here would run inside it. `free` tells; the
 * callers fall back to their Prisma path, which queues behind the transaction.
 */
import type BetterSqlite3 from 'better-sqlite3';

type Param = string | number | bigint | null | Buffer;

/**
 * The tables a `cached` read may depend on: who the members are and the plan. They change when an
 * admin edits members or imports a plan, not when members report.
 */
const DIRECTORY_TABLES = ['Member', 'MemberIdentity', 'Unit', 'Plan', 'Task', 'TaskUnit'] as const;

/** Entries kept at most; past that the cache starts again (a group has hundreds of members and tasks). */
const CACHE_LIMIT = 5000;

export class SqliteDirect {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly arrayStatements = new Map<string, BetterSqlite3.Statement>();
  private readonly cache = new Map<string, unknown>();
  /** Writes to the directory tables on this connection, counted by TEMP triggers (watchDirectory). */
  private directoryWrites = 0;
  /** What the cache's entries were read at: directoryWrites and SQLite's data_version. */
  private cachedAt: readonly [number, number] = [-1, -1];
  private dataVersion: BetterSqlite3.Statement | null = null;
  /** data_version as read in this turn of the event loop, or null until it is read. */
  private othersThisTurn: number | null = null;

  constructor(private readonly connection: BetterSqlite3.Database) {}

  /**
   * `read()`'s answer, remembered until one of the directory tables changes (the member behind a
   * Slack id, a task by id: every form submission asks both). Not timed, but told:
   * - this connection's own writes to those tables, however they are made (Prisma, raw SQL, these
   *   statements), are counted as they happen by TEMP triggers (never in the schema or migrations);
   * - another connection's commits (another process on the same file, such as `da06 members add`)
   *   move SQLite's `data_version`, read once per turn of the event loop: a read transaction on a
   *   WAL database costs as much as the lookups it saves, so the requests of one turn share it, as
   *   if they had all arrived when it began.
   * Only for reads of the directory tables. The answer is frozen: callers copy it to change it.
   */
  cached<T>(key: string, read: () => T): T {
    const version = [this.directoryWrites, this.othersVersion()] as const;
    if (version[0] !== this.cachedAt[0] || version[1] !== this.cachedAt[1]) {
      this.cache.clear();
      this.cachedAt = version;
    }
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = deepFreeze(read());
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, value);
    return value;
  }

  private othersVersion(): number {
    if (this.othersThisTurn !== null) return this.othersThisTurn;
    if (!this.dataVersion) {
      watchDirectory(this.connection, () => {
        this.directoryWrites++;
      });
      this.dataVersion = this.connection.prepare('PRAGMA data_version').pluck().safeIntegers(false);
    }
    this.othersThisTurn = this.dataVersion.get() as number;
    setImmediate(() => {
      this.othersThisTurn = null;
    });
    return this.othersThisTurn;
  }

  /** False while a transaction (Prisma's or ours) is open on the connection. */
  get free(): boolean {
    return this.connection.open && !this.connection.inTransaction;
  }

  all<T = Record<string, unknown>>(sql: string, ...params: Param[]): T[] {
    return this.statement(sql).all(...params) as T[];
  }

  /**
   * `all` with each row as an array of its columns, in the query's order: a read of thousands of rows
   * (the dashboard's) spends less creating arrays than objects with named properties.
   */
  allArrays(sql: string, ...params: Param[]): unknown[][] {
    let statement = this.arrayStatements.get(sql);
    if (!statement) {
      statement = this.connection.prepare(sql).safeIntegers(false).raw(true);
      this.arrayStatements.set(sql, statement);
    }
    return statement.all(...params) as unknown[][];
  }

  get<T = Record<string, unknown>>(sql: string, ...params: Param[]): T | undefined {
    return this.statement(sql).get(...params) as T | undefined;
  }

  run(sql: string, ...params: Param[]): BetterSqlite3.RunResult {
    return this.statement(sql).run(...params);
  }

  /** Runs `work` in one transaction (BEGIN IMMEDIATE: it is going to write), all or nothing. */
  transaction<T>(work: () => T): T {
    return this.connection.transaction(work).immediate();
  }

  /**
   * Group commit: `work` runs in a transaction shared with the other writes queued in this turn of
   * the event loop (each in its own savepoint, so one failing undoes only itself). A commit costs
   * more than the few rows a submission writes (the WAL frames of every page touched), and 50
   * members submitting at once would otherwise pay it 50 times. A lone write waits one
   * `setImmediate`; while a Prisma transaction holds the connection, the batch waits for it.
   */
  write<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private readonly queue: {
    work: () => unknown;
    resolve: (value: unknown) => void;
    reject: (error: unknown) => void;
  }[] = [];
  private flushScheduled = false;

  private flush(): void {
    if (this.connection.open && this.connection.inTransaction) {
      setTimeout(() => this.flush(), 1);
      return;
    }
    this.flushScheduled = false;
    const jobs = this.queue.splice(0);
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.connection
        .transaction(() => {
          for (const job of jobs) {
            try {
              outcomes.push({ ok: true, value: this.connection.transaction(job.work)() });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    for (const [index, job] of jobs.entries()) {
      const outcome = outcomes[index]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    }
  }

  private statement(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      // The adapter opens the connection with safe integers (bigint); ids and counts here fit a number.
      statement = this.connection.prepare(sql).safeIntegers(false);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/**
 * TEMP triggers (this connection's own, never in the schema or the migrations) that call back into
 * JavaScript on every write to the directory tables made on this connection.
 */
function watchDirectory(connection: BetterSqlite3.Database, changed: () => void): void {
  connection.function('da06_directory_changed', { deterministic: false }, () => {
    changed();
    return null;
  });
  for (const table of DIRECTORY_TABLES) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      connection.exec(`CREATE TEMP TRIGGER IF NOT EXISTS da06_directory_${table}_${event.toLowerCase()}
        AFTER ${event} ON main."${table}" BEGIN SELECT da06_directory_changed(); END;`);
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The client's direct statements, registered by `openDatabase` (SQLite only). */
const registry = new WeakMap<object, SqliteDirect>();

export function registerDirect(client: object, direct: SqliteDirect): void {
  registry.set(client, direct);
}

/**
 * The direct statements for a Prisma client, when it is a SQLite client opened by `openDatabase` and
 * no transaction is open on its connection; otherwise null, and the caller takes its Prisma path.
 * A transaction client (`tx`) is never registered, so code inside `$transaction` stays on Prisma.
 */
export function directFor(client: object): SqliteDirect | null {
  const direct = registry.get(client);
  return direct?.free ? direct : null;
}

/** How Prisma's SQLite adapter writes a DateTime (its default `iso8601` format), so both read alike. */
export function sqliteTimestamp(instant: Date): string {
  return instant.toISOString().replace('Z', '+00:00');
}
