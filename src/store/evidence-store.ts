/**
 * Evidence files of reports (ReportEvidence): one row per file, linked to the report revision it came
 * with; the bytes are in the evidence store (src/files), the row says where, how big, its SHA-256, who
 * and when. Recording a file is audited (`evidence.add`).
 */
import type { EvidenceRecord, EvidenceRepository, NewEvidence } from '../app/ports/stores.ts';
import { audit } from './audit.ts';
import type { Db } from './open-database.ts';

const INCLUDE = {
  revision: {
    select: {
      revision: true,
      member: { select: { displayName: true } },
      report: { select: { unit: { select: { code: true } }, period: { select: { key: true } } } },
    },
  },
} as const;

type Row = {
  id: number;
  taskId: number;
  memberId: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
  createdAt: Date;
  revision: {
    revision: number;
    member: { displayName: string };
    report: { unit: { code: string }; period: { key: string } };
  };
};

export class EvidenceStore implements EvidenceRepository {
  constructor(private readonly db: Db) {}

  async latestRevision(taskId: number, unitCode: string, periodKey: string | null) {
    const row = await this.db.statusReportRevision.findFirst({
      where: {
        report: { taskId, unit: { code: unitCode }, ...(periodKey ? { period: { key: periodKey } } : {}) },
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true, revision: true },
    });
    return row ?? null;
  }

  async add(evidence: NewEvidence, actor: string): Promise<EvidenceRecord> {
    const row = await this.db.$transaction(async (tx) => {
      const created = await tx.reportEvidence.create({ data: evidence, include: INCLUDE });
      await audit(tx, {
        actor,
        action: 'evidence.add',
        entity: 'ReportEvidence',
        entityId: created.id,
        details: {
          file: evidence.fileName,
          sha256: evidence.sha256,
          size: evidence.size,
          key: evidence.storageKey,
        },
      });
      return created;
    });
    return toRecord(row as Row);
  }

  async forTasks(taskIds: number[]): Promise<EvidenceRecord[]> {
    if (taskIds.length === 0) return [];
    const rows = await this.db.reportEvidence.findMany({
      where: { taskId: { in: taskIds } },
      include: INCLUDE,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map((row) => toRecord(row as Row));
  }
}

function toRecord(row: Row): EvidenceRecord {
  return {
    id: row.id,
    taskId: row.taskId,
    unitCode: row.revision.report.unit.code,
    periodKey: row.revision.report.period.key,
    revision: row.revision.revision,
    memberId: row.memberId,
    memberName: row.revision.member.displayName,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    storageKey: row.storageKey,
    createdAt: row.createdAt,
  };
}
