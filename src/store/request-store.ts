/**
 * Handled requests (ADR 25): one row per request that wrote something, keyed by what the request
 * carries (Slack's view or trigger id, Teams' activity or card id). The row is inserted before the
 * request's own writes — in their transaction when they have one (a report) — with `ON CONFLICT DO
 * NOTHING`, so of two deliveries of one request, on one process or two, after a restart or at the
 * same instant, exactly one inserts it and goes on; the other finds it and writes nothing.
 *
 * On PostgreSQL a second inserter of a key still uncommitted waits for the first transaction: it
 * inserts the key if that one rolls back and sees it (conflict) if it commits. On SQLite writers are
 * serialised (BEGIN IMMEDIATE), so the second runs after the first committed.
 */
import type { RequestRepository } from '../app/ports/stores.ts';
import type { Db, Tx } from './open-database.ts';
import { RawQuery, rawRows } from './raw-rows.ts';
import { directFor, type SqliteDirect } from './sqlite-direct.ts';

const INSERT = new RawQuery(
  `INSERT INTO "HandledRequest" ("key", "actor") VALUES (?, ?) ON CONFLICT ("key") DO NOTHING`,
);
const OUTCOME = new RawQuery(`SELECT "outcome" FROM "HandledRequest" WHERE "key" = ?`);

/** Inserts `key` inside the caller's transaction; false when it was there already (a replay). */
export async function claimInTx(tx: Tx, key: string, actor: string): Promise<boolean> {
  return (await tx.$executeRaw(INSERT.parts, key, actor)) === 1;
}

/** `claimInTx` on SQLite's direct connection, inside a `SqliteDirect` transaction. */
export function claimDirect(direct: SqliteDirect, key: string, actor: string): boolean {
  return direct.run(INSERT.text, key, actor).changes === 1;
}

/** What the first delivery of `key` recorded as its outcome (JSON text), inside the caller's transaction. */
export async function outcomeInTx(tx: Tx, key: string): Promise<string | null> {
  const rows = await tx.$queryRaw<{ outcome: string | null }[]>(OUTCOME.parts, key);
  return rows[0]?.outcome ?? null;
}

export function outcomeDirect(direct: SqliteDirect, key: string): string | null {
  return direct.get<{ outcome: string | null }>(OUTCOME.text, key)?.outcome ?? null;
}

export async function setOutcomeInTx(tx: Tx, key: string, outcome: unknown): Promise<void> {
  await tx.handledRequest.update({ where: { key }, data: { outcome: JSON.stringify(outcome) } });
}

export function setOutcomeDirect(direct: SqliteDirect, key: string, outcome: unknown): void {
  direct.run(`UPDATE "HandledRequest" SET "outcome" = ? WHERE "key" = ?`, JSON.stringify(outcome), key);
}

export class RequestStore implements RequestRepository {
  constructor(private readonly db: Db) {}

  /** Records `key` as handled; false when it was already (this request is a replay). */
  async claim(key: string, actor: string): Promise<boolean> {
    const direct = directFor(this.db);
    if (direct) return direct.write(() => claimDirect(direct, key, actor));
    return (await this.db.$executeRaw(INSERT.parts, key, actor)) === 1;
  }

  /** Forgets `key` (its work failed before writing anything), so a retry of the request runs. */
  async release(key: string): Promise<void> {
    await this.db.handledRequest.deleteMany({ where: { key } });
  }

  /** Whether `key` has been handled. */
  async handled(key: string): Promise<boolean> {
    return (await rawRows(this.db, OUTCOME, key)).length > 0;
  }
}
