/**
 * Status reports. One current report per (task, period, unit); every submission is also kept as a
 * revision, so an edit, or two members of a unit submitting at once, loses nothing: the later one
 * becomes current and both stay in the history.
 */

import type {
  Receipt,
  ReportHistory,
  ReportRepository,
  StoredReport,
  SubmitReport,
} from '../app/ports/stores.ts';
import type { Period } from '../domain/period.ts';
import type { Status } from '../domain/report.ts';
import { audit, auditDirect } from './audit.ts';
import type { Db, Tx } from './open-database.ts';
import { bool, int, iso, RawQuery, rawRows, text } from './raw-rows.ts';
import { directFor, type SqliteDirect, sqliteTimestamp } from './sqlite-direct.ts';

export type { Receipt, StoredReport, SubmitReport };

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

const PERIOD_REPORTS = new RawQuery(`
  SELECT r."taskId", u."code" AS "unitCode", p."key" AS "periodKey", r."status", r."percent", r."done",
         r."blockers", r."evidenceUrl", r."late", m."displayName" AS "memberName", r."updatedAt", r."revision"
  FROM "StatusReport" r
  JOIN "ReportingPeriod" p ON p."id" = r."periodId"
  JOIN "Unit" u ON u."id" = r."unitId"
  JOIN "Member" m ON m."id" = r."memberId"
  WHERE p."key" = ?
  ORDER BY r."id"`);

const DONE_BEFORE = new RawQuery(`
  SELECT pairs."taskId", pairs."code" AS "unitCode",
    (SELECT MIN(p."key") FROM "StatusReport" r JOIN "ReportingPeriod" p ON p."id" = r."periodId"
      WHERE r."taskId" = pairs."taskId" AND r."unitId" = pairs."unitId" AND r."status" = 'done'
        AND p."kind" = 'month' AND p."endsOn" < ?) AS "periodKey"
  FROM (SELECT DISTINCT tu."taskId", tu."unitId", u."code" FROM "TaskUnit" tu JOIN "Unit" u ON u."id" = tu."unitId") pairs`);

export class ReportStore implements ReportRepository {
  constructor(private readonly db: Db) {}

  /**
   * Stores a submission as the current report and as a revision; returns the revision number.
   * `receipt`, when given, is one more audit entry committed in the same transaction (what a channel
   * records to recognise a repeat of this request, ADR 9).
   */
  async submit(report: SubmitReport, actor: string, receipt?: Receipt): Promise<{ revision: number }> {
    const direct = directFor(this.db);
    if (direct) return direct.write(() => writeDirect(direct, report, actor, new Date(), receipt));
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.$transaction((tx) => this.write(tx, report, actor, receipt));
      } catch (error) {
        // Two first submissions racing on PostgreSQL: one insert loses the unique index; run it again
        // as an update, so it becomes the later revision instead of an error.
        if (attempt < 3 && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }

  private async write(
    tx: Tx,
    report: SubmitReport,
    actor: string,
    receipt?: Receipt,
  ): Promise<{ revision: number }> {
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
    if (receipt) await audit(tx, receipt(current.revision));
    return { revision: current.revision };
  }

  /** How many current reports the database holds (none on a fresh one). */
  async count(): Promise<number> {
    return this.db.statusReport.count();
  }

  /** Current reports of a period, optionally for some tasks only. One SQL query: this is the summary's hot path. */
  async forPeriod(periodKey: string, taskIds?: number[]): Promise<StoredReport[]> {
    const rows = await rawRows(this.db, PERIOD_REPORTS, periodKey);
    const wanted = taskIds ? new Set(taskIds) : null;
    return rows
      .filter((row) => !wanted || wanted.has(int(row.taskId)))
      .map((row) => ({
        taskId: int(row.taskId),
        unitCode: String(row.unitCode),
        periodKey: String(row.periodKey),
        status: row.status as Status,
        percent: int(row.percent),
        done: String(row.done),
        blockers: text(row.blockers),
        evidenceUrl: text(row.evidenceUrl),
        late: bool(row.late),
        memberName: String(row.memberName),
        updatedAt: iso(row.updatedAt),
        revision: int(row.revision),
      }));
  }

  /**
   * Units that reported a task done in a month that ended before `beforeDay` (done carries forward),
   * with the first such month. One index probe per (task, unit) pair, so the cost follows the plan,
   * not the length of the history.
   */
  async doneBefore(
    beforeDay: string,
    taskIds?: number[],
  ): Promise<{ taskId: number; unitCode: string; periodKey: string }[]> {
    const rows = await rawRows(this.db, DONE_BEFORE, beforeDay);
    const wanted = taskIds ? new Set(taskIds) : null;
    return rows
      .filter((row) => row.periodKey !== null && (!wanted || wanted.has(int(row.taskId))))
      .map((row) => ({
        taskId: int(row.taskId),
        unitCode: String(row.unitCode),
        periodKey: String(row.periodKey),
      }));
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

  async taskHistory(taskId: number, unitCode: string | null): Promise<ReportHistory[]> {
    const rows = await this.db.statusReport.findMany({
      where: { taskId, ...(unitCode ? { unit: { code: unitCode } } : {}) },
      include: {
        period: { select: { key: true } },
        unit: { select: { code: true, name: true } },
        revisions: { orderBy: { revision: 'asc' }, include: { member: { select: { displayName: true } } } },
      },
    });
    return rows
      .map((row) => ({
        periodKey: row.period.key,
        unitCode: row.unit.code,
        unitName: row.unit.name,
        late: row.late,
        revisions: row.revisions.map((r) => ({
          revision: r.revision,
          memberName: r.member.displayName,
          at: r.createdAt.toISOString(),
          status: r.status as Status,
          percent: r.percent,
          done: r.done,
          blockers: r.blockers,
          evidenceUrl: r.evidenceUrl,
        })),
      }))
      .sort((a, b) => b.periodKey.localeCompare(a.periodKey) || a.unitCode.localeCompare(b.unitCode));
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

/** A report's own columns, in the order the statements below name them. */
function reportFields(input: SubmitReport['input']) {
  return [input.status, input.percent, input.done, input.blockers, input.evidenceUrl] as const;
}

/** The id of the reporting period's row, inserted when it is the period's first report. */
function periodIdDirect(direct: SqliteDirect, period: SubmitReport['period']): number {
  return (
    direct.get<{ id: number }>(`SELECT "id" FROM "ReportingPeriod" WHERE "key" = ?`, period.key)?.id ??
    Number(
      direct.run(
        `INSERT INTO "ReportingPeriod" ("key", "kind", "startsOn", "endsOn") VALUES (?, ?, ?, ?)`,
        period.key,
        period.kind,
        period.startsOn,
        period.endsOn,
      ).lastInsertRowid,
    )
  );
}

/** The next revision of an existing report. */
function updateReportDirect(
  direct: SqliteDirect,
  existing: { id: number; revision: number },
  report: SubmitReport,
  late: number,
  at: string,
): { id: number; revision: number } {
  const { input } = report;
  const id = existing.id;
  const revision = existing.revision + 1;
  direct.run(
    `UPDATE "StatusReport" SET "status" = ?, "percent" = ?, "done" = ?, "blockers" = ?, "evidenceUrl" = ?,
       "memberId" = ?, "late" = ?, "revision" = ?, "updatedAt" = ? WHERE "id" = ?`,
    ...reportFields(input),
    report.memberId,
    late,
    revision,
    at,
    id,
  );
  return { id, revision };
}

/** A unit's first report on a task for a period; its id. */
function insertReportDirect(
  direct: SqliteDirect,
  report: SubmitReport,
  periodId: number,
  late: number,
  at: string,
): number {
  const { input } = report;
  return Number(
    direct.run(
      `INSERT INTO "StatusReport" ("taskId", "periodId", "unitId", "memberId", "status", "percent", "done",
         "blockers", "evidenceUrl", "late", "revision", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
      report.taskId,
      periodId,
      report.unitId,
      report.memberId,
      ...reportFields(input),
      late,
      at,
      at,
    ).lastInsertRowid,
  );
}

/**
 * `write` as prepared statements in one SQLite transaction (the submission hot path, see
 * sqlite-direct.ts): the same rows, with timestamps in the format Prisma's adapter writes.
 */
function writeDirect(
  direct: SqliteDirect,
  report: SubmitReport,
  actor: string,
  now: Date,
  receipt?: Receipt,
): { revision: number } {
  const at = sqliteTimestamp(now);
  const { period, input } = report;
  const periodId = periodIdDirect(direct, period);
  const late = report.late ? 1 : 0;
  const existing = direct.get<{ id: number; revision: number }>(
    `SELECT "id", "revision" FROM "StatusReport" WHERE "taskId" = ? AND "periodId" = ? AND "unitId" = ?`,
    report.taskId,
    periodId,
    report.unitId,
  );
  const { id, revision } = existing
    ? updateReportDirect(direct, existing, report, late, at)
    : { id: insertReportDirect(direct, report, periodId, late, at), revision: 1 };
  direct.run(
    `INSERT INTO "StatusReportRevision" ("reportId", "revision", "memberId", "status", "percent", "done",
       "blockers", "evidenceUrl", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    id,
    revision,
    report.memberId,
    ...reportFields(input),
    at,
  );
  auditDirect(
    direct,
    {
      actor,
      action: revision === 1 ? 'report.submit' : 'report.edit',
      entity: 'StatusReport',
      entityId: id,
      details: { period: period.key, ...input, late: report.late },
    },
    now,
  );
  if (receipt) auditDirect(direct, receipt(revision), now);
  return { revision };
}
