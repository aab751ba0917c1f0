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

export class SqliteDirect {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly connection: BetterSqlite3.Database) {}

  /** False while a transaction (Prisma's or ours) is open on the connection. */
  get free(): boolean {
    return this.connection.open && !this.connection.inTransaction;
  }

  all<T = Record<string, unknown>>(sql: string, ...params: Param[]): T[] {
    return this.statement(sql).all(...params) as T[];
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
