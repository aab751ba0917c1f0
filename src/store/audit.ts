/** Appends to the audit log inside the caller's transaction, so a change and its record commit together. */
import type { Tx } from './open-database.ts';

export interface AuditRecord {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | number | null;
  details?: unknown;
}

export async function audit(tx: Tx, record: AuditRecord): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actor: record.actor,
      action: record.action,
      entity: record.entity,
      entityId: record.entityId == null ? null : String(record.entityId),
      details: record.details === undefined ? null : JSON.stringify(record.details),
    },
  });
}
