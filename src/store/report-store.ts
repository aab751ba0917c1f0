/**
 * Status reports. One current report per (task, period, unit); every submission is also kept as a
 * revision, so an edit, or two members of a unit submitting at once, loses nothing: the later one
 * becomes current and both stay in the history.
 */
import type { Period } from '../domain/period.ts';
import type { ReportInput, Status } from '../domain/report.ts';
import type { SummaryReportInput } from '../domain/summary.ts';
import { audit } from './audit.ts';
import type { Db, Tx } from './open-database.ts';

export interface SubmitReport {
  taskId: number;
  period: Period;
  unitId: number;
  memberId: number;
  input: ReportInput;
  late: boolean;
}

export interface StoredReport extends SummaryReportInput {
  revision: number;
}

const reportSelect = {
  taskId: true,
  status: true,
  percent: true,
  done: true,
  blockers: true,
  evidenceUrl: true,
  late: true,
  revision: true,
  updatedAt: true,
  unit: { select: { code: true } },
  member: { select: { displayName: true } },
  period: { select: { key: true } },
} as const;

type ReportRow = {
  taskId: number;
  status: string;
  percent: number;
  done: string;
  blockers: string | null;
  evidenceUrl: string | null;
  late: boolean;
  revision: number;
  updatedAt: Date;
  unit: { code: string };
  member: { displayName: string };
  period: { key: string };
};

function toStored(row: ReportRow): StoredReport {
  return {
    taskId: row.taskId,
    unitCode: row.unit.code,
    periodKey: row.period.key,
    status: row.status as Status,
    percent: row.percent,
    done: row.done,
    blockers: row.blockers,
    evidenceUrl: row.evidenceUrl,
    late: row.late,
    memberName: row.member.displayName,
    updatedAt: row.updatedAt.toISOString(),
    revision: row.revision,
  };
}

export class ReportStore {
  constructor(private readonly db: Db) {}

  /** Stores a submission as the current report and as a revision; returns the revision number. */
  async submit(report: SubmitReport, actor: string): Promise<{ revision: number }> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.$transaction((tx) => this.write(tx, report, actor));
      } catch (error) {
        // Two first submissions racing on PostgreSQL: one insert loses the unique index; run it again
        // as an update, so it becomes the later revision instead of an error.
        if (attempt < 3 && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }

  private async write(tx: Tx, report: SubmitReport, actor: string): Promise<{ revision: number }> {
    const periodId = await ensurePeriod(tx, report.period);
    const fields = { ...report.input, memberId: report.memberId, late: report.late };
    const current = await tx.statusReport.upsert({
      where: { taskId_periodId_unitId: { taskId: report.taskId, periodId, unitId: report.unitId } },
      create: { taskId: report.taskId, periodId, unitId: report.unitId, ...fields },
      update: { ...fields, revision: { increment: 1 } },
      select: { id: true, revision: true },
    });
    await tx.statusReportRevision.create({
      data: { reportId: current.id, revision: current.revision, ...report.input, memberId: report.memberId },
    });
    await audit(tx, {
      actor,
      action: current.revision === 1 ? 'report.submit' : 'report.edit',
      entity: 'StatusReport',
      entityId: current.id,
      details: { period: report.period.key, ...report.input, late: report.late },
    });
    return { revision: current.revision };
  }

  /** Current reports of a period, optionally for some tasks only. */
  async forPeriod(periodKey: string, taskIds?: number[]): Promise<StoredReport[]> {
    const rows = await this.db.statusReport.findMany({
      where: { period: { key: periodKey }, ...(taskIds ? { taskId: { in: taskIds } } : {}) },
      select: reportSelect,
      orderBy: { id: 'asc' },
    });
    return rows.map(toStored);
  }

  /**
   * Units that reported a task done in a month before `beforeDay` (done carries forward). Only 'done'
   * rows are read, so the cost follows the tasks, not the length of the history.
   */
  async doneBefore(
    beforeDay: string,
    taskIds?: number[],
  ): Promise<{ taskId: number; unitCode: string; periodKey: string }[]> {
    const rows = await this.db.statusReport.findMany({
      where: {
        status: 'done',
        period: { kind: 'month', endsOn: { lt: beforeDay } },
        ...(taskIds ? { taskId: { in: taskIds } } : {}),
      },
      select: { taskId: true, unit: { select: { code: true } }, period: { select: { key: true } } },
    });
    return rows.map((row) => ({ taskId: row.taskId, unitCode: row.unit.code, periodKey: row.period.key }));
  }

  /** A unit's most recent report on each of the given tasks, across periods up to `upToDay`. */
  async latestOfUnit(
    unitCode: string,
    taskIds: number[],
    upToDay: string,
  ): Promise<Map<number, StoredReport>> {
    const rows = await this.db.statusReport.findMany({
      where: { unit: { code: unitCode }, taskId: { in: taskIds }, period: { startsOn: { lte: upToDay } } },
      select: reportSelect,
      orderBy: [{ period: { endsOn: 'desc' } }, { updatedAt: 'desc' }],
    });
    const latest = new Map<number, StoredReport>();
    for (const row of rows) if (!latest.has(row.taskId)) latest.set(row.taskId, toStored(row));
    return latest;
  }

  /** Every revision of one report, oldest first. */
  async history(taskId: number, periodKey: string, unitCode: string) {
    return this.db.statusReportRevision.findMany({
      where: { report: { taskId, period: { key: periodKey }, unit: { code: unitCode } } },
      include: { member: { select: { displayName: true } } },
      orderBy: { revision: 'asc' },
    });
  }
}

async function ensurePeriod(tx: Tx, period: Period): Promise<number> {
  const row = await tx.reportingPeriod.upsert({
    where: { key: period.key },
    create: { key: period.key, kind: period.kind, startsOn: period.startsOn, endsOn: period.endsOn },
    update: {},
    select: { id: true },
  });
  return row.id;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}
