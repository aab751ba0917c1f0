/** Appends to the audit log inside the caller's transaction, so a change and its record commit together. */

import type { AuditLog } from '../app/ports/channel-stores.ts';
import type { AuditRecord } from '../app/ports/stores.ts';
import type { Db, Tx } from './open-database.ts';
import { pgDirectFor } from './pg-direct.ts';
import { RawQuery, rawRows } from './raw-rows.ts';
import { directFor, type SqliteDirect, sqliteTimestamp } from './sqlite-direct.ts';

export type { AuditRecord };

export async function audit(tx: Tx, record: AuditRecord): Promise<void> {
  await tx.auditEntry.create({ data: auditRow(record) });
}

/**
 * Appends one entry on its own (no surrounding change to commit with). On SQLite it joins the
 * current group commit (sqlite-direct.ts) instead of paying for a Prisma query and a commit alone.
 */
export async function recordAudit(db: Db, record: AuditRecord): Promise<void> {
  const direct = directFor(db);
  if (!direct) {
    await db.auditEntry.create({ data: auditRow(record) });
    return;
  }
  const at = new Date();
  await direct.write(() => auditDirect(direct, record, at));
}

/** `audit` as a prepared statement, for writes already inside a SqliteDirect transaction. */
export function auditDirect(direct: SqliteDirect, record: AuditRecord, at: Date): void {
  const row = auditRow(record);
  direct.run(
    `INSERT INTO "AuditEntry" ("at", "actor", "action", "entity", "entityId", "details") VALUES (?, ?, ?, ?, ?, ?)`,
    sqliteTimestamp(at),
    row.actor,
    row.action,
    row.entity,
    row.entityId,
    row.details,
  );
}

/** An audit record as its row's columns (details as JSON text). */
export function auditRow(record: AuditRecord) {
  return {
    actor: record.actor,
    action: record.action,
    entity: record.entity,
    entityId: record.entityId == null ? null : String(record.entityId),
    details: record.details === undefined ? null : JSON.stringify(record.details),
  };
}

const FIRST_DETAILS = new RawQuery(`
  SELECT "details" FROM "AuditEntry" WHERE "entity" = ? AND "entityId" = ? ORDER BY "id" LIMIT 1`);

const FIRST_DETAILS_PG = `
  SELECT "details" FROM "AuditEntry" WHERE "entity" = $1 AND "entityId" = $2 ORDER BY "id" LIMIT 1`;

/** The details (JSON text) of the first entry about an entity, or null. */
export async function firstAuditDetails(db: Db, entity: string, entityId: string): Promise<string | null> {
  // Every Teams card submission asks (the card ledger): a named statement on PostgreSQL (pg-direct.ts).
  const pg = pgDirectFor(db);
  const [row] = pg
    ? await pg.rows('da06_first_audit_details', FIRST_DETAILS_PG, [entity, entityId])
    : await rawRows(db, FIRST_DETAILS, entity, entityId);
  return row?.details == null ? null : String(row.details);
}

/** The audit log as the channels use it (src/app/ports/channel-stores.ts). */
export class AuditStore implements AuditLog {
  constructor(private readonly db: Db) {}

  record(record: AuditRecord): Promise<void> {
    return recordAudit(this.db, record);
  }

  firstDetails(entity: string, entityId: string): Promise<string | null> {
    return firstAuditDetails(this.db, entity, entityId);
  }
}
