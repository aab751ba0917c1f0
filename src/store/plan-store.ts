/** Plans and their tasks. A re-import updates tasks by code, so reports stay attached to them. */

import type { PlanHeader, PlanRepository, SavePlanResult, TaskRow } from '../app/ports/stores.ts';
import { type Deadline, type DeadlineKind, parseDeadline } from '../domain/deadline.ts';
import type { ParsedTask, UnresolvedUnit } from '../domain/plan.ts';
import { foldVietnamese } from '../domain/text.ts';
import { audit } from './audit.ts';
import { type Db, LONG_TRANSACTION, type Tx } from './open-database.ts';
import { pgDirectFor } from './pg-direct.ts';
import { int, RawQuery, rawRows, text } from './raw-rows.ts';
import { directFor } from './sqlite-direct.ts';

export type { PlanHeader, SavePlanResult, TaskRow };

const TASKS = new RawQuery(`
  SELECT t."id", pl."number" AS "planNumber", t."code", t."section", t."content", t."deadlineText",
         t."deadlineKind", t."deadlineDue", t."deadlineStart", t."product", t."unresolvedUnits",
         t."deadlineEveryYears", t."deadlineMonth", t."deadlineDay"
  FROM "Task" t JOIN "Plan" pl ON pl."id" = t."planId"
  WHERE pl."groupId" = ? AND t."closedAt" IS NULL
  ORDER BY t."planId", t."position"`);

const TASK_UNITS = new RawQuery(`
  SELECT tu."taskId", tu."role", u."code"
  FROM "TaskUnit" tu JOIN "Unit" u ON u."id" = tu."unitId"
  JOIN "Task" t ON t."id" = tu."taskId" JOIN "Plan" pl ON pl."id" = t."planId"
  WHERE pl."groupId" = ?
  ORDER BY u."code"`);

const TASK_BY_ID = new RawQuery(`
  SELECT t."id", pl."number" AS "planNumber", t."code", t."section", t."content", t."deadlineText",
         t."deadlineKind", t."deadlineDue", t."deadlineStart", t."product", t."unresolvedUnits",
         t."deadlineEveryYears", t."deadlineMonth", t."deadlineDay"
  FROM "Task" t JOIN "Plan" pl ON pl."id" = t."planId"
  WHERE pl."groupId" = ? AND t."id" = ?`);

const UNITS_OF_TASK = new RawQuery(`
  SELECT tu."taskId", tu."role", u."code"
  FROM "TaskUnit" tu JOIN "Unit" u ON u."id" = tu."unitId"
  WHERE tu."taskId" = ?
  ORDER BY u."code"`);

/**
 * TASK_BY_ID and UNITS_OF_TASK in one PostgreSQL statement: the units as a JSON array of [role, code],
 * with the directory's version it was read at; one row even when there is no such task (then its
 * columns are null).
 */
const TASK_BY_ID_PG = `
  SELECT (SELECT "version" FROM "DirectoryVersion" WHERE "id" = 1)::text AS "directoryVersion", x.*
  FROM (SELECT 1) AS one LEFT JOIN (
    SELECT t."id", pl."number" AS "planNumber", t."code", t."section", t."content", t."deadlineText",
           t."deadlineKind", t."deadlineDue", t."deadlineStart", t."product", t."unresolvedUnits",
           (SELECT COALESCE(json_agg(json_build_array(tu."role", u."code") ORDER BY u."code"), '[]')::text
              FROM "TaskUnit" tu JOIN "Unit" u ON u."id" = tu."unitId" WHERE tu."taskId" = t."id") AS "units"
    FROM "Task" t JOIN "Plan" pl ON pl."id" = t."planId"
    WHERE pl."groupId" = $1 AND t."id" = $2
  ) AS x ON true`;

export class PlanStore implements PlanRepository {
  constructor(private readonly db: Db) {}

  /** Writes the plan and all its tasks in one transaction: a failure leaves the database as it was. */
  async save(
    groupId: number,
    header: PlanHeader,
    tasks: ParsedTask[],
    actor: string,
  ): Promise<SavePlanResult> {
    const unitIds = await this.unitIdsByCode();
    return this.db.$transaction(async (tx) => {
      const plan = await tx.plan.upsert({
        where: { groupId_number: { groupId, number: header.number } },
        create: { groupId, ...header },
        update: { title: header.title, year: header.year, issuedOn: header.issuedOn },
      });
      const before = await tx.task.findMany({
        where: { planId: plan.id },
        select: { id: true, code: true, closedAt: true },
      });
      const existing = new Map(before.map((task) => [task.code, task.id]));
      for (const [position, task] of tasks.entries()) {
        const id = await upsertTask(tx, plan.id, position, task);
        await replaceTaskUnits(tx, id, task, unitIds);
      }
      const listed = new Set(tasks.map((task) => task.code));
      const gone = before.filter((task) => !listed.has(task.code) && task.closedAt === null);
      await tx.task.updateMany({
        where: { id: { in: gone.map((task) => task.id) } },
        data: { closedAt: new Date() },
      });
      const result: SavePlanResult = {
        planId: plan.id,
        created: tasks.filter((task) => !existing.has(task.code)).length,
        updated: tasks.filter((task) => existing.has(task.code)).length,
        closed: gone.map((task) => task.code),
      };
      await audit(tx, {
        actor,
        action: 'plan.import',
        entity: 'Plan',
        entityId: plan.id,
        details: { ...header, ...result },
      });
      return result;
    }, LONG_TRANSACTION);
  }

  /** How many plans the database holds (none on a fresh database). */
  async count(): Promise<number> {
    return this.db.plan.count();
  }

  /** The year of the group's earliest plan, or null when no plan was imported. */
  async firstYear(groupId: number): Promise<number | null> {
    const first = await this.db.plan.findFirst({ where: { groupId }, orderBy: { year: 'asc' } });
    return first?.year ?? null;
  }

  /** The group's plans of `year` and earlier, oldest first (by year, then number). */
  async plansUpTo(groupId: number, year: number): Promise<Array<PlanHeader & { id: number }>> {
    return this.db.plan.findMany({
      where: { groupId, year: { lte: year } },
      orderBy: [{ year: 'asc' }, { number: 'asc' }],
      select: { id: true, number: true, title: true, year: true, issuedOn: true },
    });
  }

  /** The lead-unit wording of each task as the plan printed it, by task id. */
  async leadTexts(taskIds: number[]): Promise<Map<number, string>> {
    const rows = await this.db.task.findMany({
      where: { id: { in: taskIds } },
      select: { id: true, leadText: true },
    });
    return new Map(rows.map((row) => [row.id, row.leadText]));
  }

  async listPlans(groupId: number) {
    return this.db.plan.findMany({
      where: { groupId },
      orderBy: [{ year: 'desc' }, { number: 'asc' }],
      include: { _count: { select: { tasks: true } } },
    });
  }

  /**
   * Tasks of a plan (or of every plan of the group), in plan order, with their unit codes (sorted).
   * Two SQL queries: every command that lists or summarises tasks starts here.
   */
  async listTasks(groupId: number, planNumber?: string): Promise<TaskRow[]> {
    const tasks = await rawRows(this.db, TASKS, groupId);
    const units = await rawRows(this.db, TASK_UNITS, groupId);
    return toTaskRows(
      tasks.filter((task) => planNumber === undefined || task.planNumber === planNumber),
      units,
    );
  }

  /** One task of the group with its unit codes (a form submission names its task by id), or null. */
  async taskById(groupId: number, taskId: number): Promise<TaskRow | null> {
    // On SQLite the answer is kept until the plan changes (SqliteDirect.cached).
    const direct = directFor(this.db);
    if (direct) {
      return direct.cached(`task:${groupId}:${taskId}`, () => {
        const tasks = direct.all(TASK_BY_ID.text, groupId, taskId);
        return tasks.length === 0
          ? null
          : (toTaskRows(tasks, direct.all(UNITS_OF_TASK.text, taskId))[0] ?? null);
      });
    }
    const pg = pgDirectFor(this.db);
    if (pg) {
      // One named statement (pg-direct.ts): the task with its units as JSON, one round trip; inside a
      // submission's optimistic scope perhaps answered from the cache (PgDirect.directory).
      return pg.directory(
        `task:${groupId}:${taskId}`,
        'da06_task_by_id',
        TASK_BY_ID_PG,
        [groupId, taskId],
        (task) => {
          if (task.id == null) return null;
          const units = (JSON.parse(String(task.units)) as [string, string][]).map(([role, code]) => ({
            taskId,
            role,
            code,
          }));
          return toTaskRows([task], units)[0] ?? null;
        },
      );
    }
    const tasks = await rawRows(this.db, TASK_BY_ID, groupId, taskId);
    if (tasks.length === 0) return null;
    return toTaskRows(tasks, await rawRows(this.db, UNITS_OF_TASK, taskId))[0] ?? null;
  }

  /**
   * Links the tasks that name `name` among their unresolved units to unit `code` (in the role the
   * plan gave it) and drops the name from their unresolved list: `da06 units alias` without a
   * re-import. Returns the codes of the tasks linked.
   */
  async linkUnresolved(groupId: number, name: string, code: string, actor: string): Promise<string[]> {
    const folded = foldVietnamese(name);
    return this.db.$transaction(async (tx) => {
      const unit = await tx.unit.findUnique({ where: { code }, select: { id: true } });
      if (!unit) return [];
      const tasks = await tx.task.findMany({
        where: { unresolvedUnits: { not: null }, plan: { groupId } },
        select: { id: true, code: true, unresolvedUnits: true },
      });
      const linked: string[] = [];
      for (const task of tasks) {
        const names = JSON.parse(task.unresolvedUnits ?? '[]') as UnresolvedUnit[];
        const matching = names.filter((n) => foldVietnamese(n.name) === folded);
        if (matching.length === 0) continue;
        const roles = new Set(matching.map((n) => n.role));
        const existing = await tx.taskUnit.findMany({ where: { taskId: task.id, unitId: unit.id } });
        // A unit that leads is not also its own coordinator.
        const role = roles.has('lead') ? 'lead' : 'coordinating';
        if (existing.length === 0)
          await tx.taskUnit.create({ data: { taskId: task.id, unitId: unit.id, role } });
        else if (role === 'lead')
          await tx.taskUnit.updateMany({ where: { taskId: task.id, unitId: unit.id }, data: { role } });
        const rest = names.filter((n) => foldVietnamese(n.name) !== folded);
        await tx.task.update({
          where: { id: task.id },
          data: { unresolvedUnits: rest.length > 0 ? JSON.stringify(rest) : null },
        });
        linked.push(task.code);
      }
      if (linked.length > 0) {
        await audit(tx, {
          actor,
          action: 'task.link_unit',
          entity: 'Unit',
          entityId: code,
          details: { name, tasks: linked },
        });
      }
      return linked;
    });
  }

  /**
   * Stores the yearly part of deadlines imported before it was kept (migration
   * task_yearly_deadline cannot parse text): re-parses the yearly-kind rows that have none. Rows
   * whose text names no day in the year ("Hằng năm") stay as they are and are read again next time.
   */
  async backfillYearlyDeadlines(): Promise<number> {
    const rows = await this.db.task.findMany({
      where: { deadlineKind: 'recurring_annual', deadlineEveryYears: null },
      select: { id: true, deadlineText: true },
    });
    let updated = 0;
    for (const row of rows) {
      const yearly = parseDeadline(row.deadlineText).yearly;
      if (!yearly) continue;
      await this.db.task.update({
        where: { id: row.id },
        data: { deadlineEveryYears: yearly.everyYears, deadlineMonth: yearly.month, deadlineDay: yearly.day },
      });
      updated++;
    }
    return updated;
  }

  private async unitIdsByCode(): Promise<Map<string, number>> {
    const units = await this.db.unit.findMany({ select: { id: true, code: true } });
    return new Map(units.map((unit) => [unit.code, unit.id]));
  }
}

async function upsertTask(tx: Tx, planId: number, position: number, task: ParsedTask): Promise<number> {
  const fields = {
    position,
    section: task.section,
    objective: task.objective,
    taskTitle: task.task,
    activity: task.activity,
    content: task.content,
    leadText: task.leadText,
    coordinatingText: task.coordinatingText,
    deadlineText: task.deadline.text,
    deadlineKind: task.deadline.kind,
    deadlineStart: task.deadline.start,
    deadlineDue: task.deadline.due,
    deadlineEveryYears: task.deadline.yearly?.everyYears ?? null,
    deadlineMonth: task.deadline.yearly?.month ?? null,
    deadlineDay: task.deadline.yearly?.day ?? null,
    product: task.product,
    unresolvedUnits: task.unresolved && task.unresolved.length > 0 ? JSON.stringify(task.unresolved) : null,
    closedAt: null,
  };
  const saved = await tx.task.upsert({
    where: { planId_code: { planId, code: task.code } },
    create: { planId, code: task.code, ...fields },
    update: fields,
    select: { id: true },
  });
  return saved.id;
}

async function replaceTaskUnits(
  tx: Tx,
  taskId: number,
  task: ParsedTask,
  unitIds: Map<string, number>,
): Promise<void> {
  await tx.taskUnit.deleteMany({ where: { taskId } });
  const rows = [
    ...task.leadUnits.map((code) => ({ code, role: 'lead' })),
    ...task.coordinatingUnits
      .filter((code) => !task.leadUnits.includes(code))
      .map((code) => ({ code, role: 'coordinating' })),
  ].map(({ code, role }) => {
    const unitId = unitIds.get(code);
    if (unitId === undefined)
      throw new Error(`Unit ${code} is not in the database: sync the unit directory first.`);
    return { taskId, unitId, role };
  });
  if (rows.length > 0) await tx.taskUnit.createMany({ data: rows });
}

/** Task rows and their (taskId, role, code) unit rows as `TaskRow`s, in the order of `tasks`. */
function toTaskRows(tasks: Record<string, unknown>[], units: Record<string, unknown>[]): TaskRow[] {
  const byTask = new Map<number, { lead: string[]; coordinating: string[] }>();
  for (const row of units) {
    const id = int(row.taskId);
    const entry = byTask.get(id) ?? { lead: [], coordinating: [] };
    (row.role === 'lead' ? entry.lead : entry.coordinating).push(String(row.code));
    byTask.set(id, entry);
  }
  return tasks.map((task) => {
    const id = int(task.id);
    return {
      id,
      planNumber: String(task.planNumber),
      code: String(task.code),
      section: text(task.section),
      content: String(task.content),
      leadUnits: byTask.get(id)?.lead ?? [],
      coordinatingUnits: byTask.get(id)?.coordinating ?? [],
      deadline: {
        text: String(task.deadlineText),
        kind: task.deadlineKind as DeadlineKind,
        due: text(task.deadlineDue),
        start: text(task.deadlineStart),
        ...yearlyOf(task),
      },
      product: text(task.product),
      unresolved: task.unresolvedUnits ? (JSON.parse(String(task.unresolvedUnits)) as UnresolvedUnit[]) : [],
    };
  });
}

/** The stored yearly part of a deadline, absent when the row has none (as `parseDeadline` leaves it). */
function yearlyOf(task: Record<string, unknown>): Pick<Deadline, 'yearly'> {
  if (task.deadlineEveryYears === null || task.deadlineEveryYears === undefined) return {};
  const month =
    task.deadlineMonth === null || task.deadlineMonth === undefined ? null : int(task.deadlineMonth);
  const day = task.deadlineDay === null || task.deadlineDay === undefined ? null : int(task.deadlineDay);
  return { yearly: { everyYears: int(task.deadlineEveryYears), month, day } };
}
