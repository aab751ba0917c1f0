/**
 * The summary of one reporting period: each task's standing from its lead units' reports, counts
 * per standing and per unit, overdue tasks, kiến nghị (blockers) for the chair, units that have not
 * reported, and the change since the previous period.
 *
 * Standing rules (lead units only; coordinating units' reports count for blockers, not standing):
 * a lead unit's word this period is its report, or `done` carried from an earlier period when it
 * has no report now (a new report wins over the carried `done`). Then, in order:
 * every lead unit done → done; any lead report blocked → blocked; any lead report in progress or
 * done → in_progress; any lead report not started → not_started; otherwise not_reported.
 * A task without lead units is not_reported.
 */
import type { Deadline } from './deadline.ts';
import { carriesDone, currentDue, daysOverdue } from './overdue.ts';
import type { Period } from './period.ts';
import type { UnresolvedUnit } from './plan.ts';
import type { Status, TaskStanding } from './report.ts';

export interface SummaryTaskInput {
  id: number;
  code: string;
  planNumber: string;
  content: string;
  section: string | null;
  leadUnits: string[];
  coordinatingUnits: string[];
  deadline: Deadline;
  /** Unit names kept as written by `--allow-unresolved`, not linked to a unit yet. */
  unresolved?: UnresolvedUnit[];
}

export interface SummaryReportInput {
  taskId: number;
  unitCode: string;
  periodKey: string;
  status: Status;
  percent: number;
  done: string;
  blockers: string | null;
  evidenceUrl: string | null;
  late: boolean;
  memberName: string;
  updatedAt: string;
}

/**
 * What the summary's maths reads of a report: its standing, its lateness and its kiến nghị (the
 * summary never shows what was done or the evidence, so its reads leave those texts out).
 */
export type SummaryStanding = Pick<
  SummaryReportInput,
  'taskId' | 'unitCode' | 'status' | 'percent' | 'blockers' | 'late' | 'memberName' | 'updatedAt'
>;

export interface SummaryInput {
  period: Period;
  today: string;
  /** Every unit that may appear (names for display). */
  units: { code: string; name: string }[];
  /** Tasks in scope. */
  tasks: SummaryTaskInput[];
  /** Current reports of THIS period (one per task + unit; on a duplicate the later `updatedAt` wins). */
  reports: SummaryStanding[];
  /** Units that reported 'done' on a task in an EARLIER period (done carries forward). */
  doneBefore: { taskId: number; unitCode: string; periodKey: string }[];
  /** The previous period, for "change since previous period". */
  previous: {
    period: Period;
    reports: SummaryStanding[];
    doneBefore: { taskId: number; unitCode: string; periodKey: string }[];
  } | null;
  /**
   * null = whole group; a unit code = a member's view: only tasks where that unit leads or
   * coordinates, and only that unit's row.
   */
  scopeUnit: string | null;
}

export interface TaskStandingRow {
  taskId: number;
  code: string;
  content: string;
  leadUnits: string[];
  standing: TaskStanding;
  percent: number | null;
  reportedLeads: number;
}

export interface SummaryData {
  period: Period;
  today: string;
  scopeUnit: string | null;
  taskCount: number;
  /** Per task standing, sums to taskCount. */
  totals: Record<TaskStanding, number>;
  /** In input order. */
  tasks: TaskStandingRow[];
  /**
   * One row per unit that leads ≥1 task in scope (only scopeUnit when set), sorted by overdue desc,
   * then code. Counts are over the tasks the unit leads and describe the unit's own word on each:
   * `reported` = done + inProgress + blocked + notStarted (a carried `done` counts as reported), and
   * `overdue` counts late tasks whose part by this unit is not done.
   */
  units: {
    code: string;
    name: string;
    lead: number;
    reported: number;
    done: number;
    inProgress: number;
    blocked: number;
    notStarted: number;
    overdue: number;
  }[];
  /** Sorted by daysOverdue desc (input order among equals). */
  overdue: {
    taskId: number;
    code: string;
    content: string;
    leadUnits: string[];
    due: string;
    daysOverdue: number;
    standing: TaskStanding;
    /** Lead unit names kept as written (`--allow-unresolved`), not linked to a unit yet. */
    unresolvedLeads?: string[];
  }[];
  /**
   * Reports of this period with non-empty blockers (kiến nghị) or status blocked, from any unit
   * (coordinating units too), for the chair. In task order, then by unit code.
   */
  blockers: {
    taskId: number;
    code: string;
    content: string;
    unitCode: string;
    unitName: string;
    memberName: string;
    status: Status;
    text: string;
  }[];
  /**
   * Lead units with ≥1 task in scope where they have neither a report this period nor a carried
   * `done`; sorted by number of tasks desc, then code. `taskCodes` in task order.
   */
  notReported: { code: string; name: string; taskCodes: string[] }[];
  /** Late reports of this period on tasks in scope (only scopeUnit's when set). */
  lateReports: number;
  /**
   * Tasks in scope that name units the directory could not map (imported with
   * `--allow-unresolved`), in task order: the chair sees an owner nobody is reminded for.
   */
  unresolved: { taskId: number; code: string; content: string; names: UnresolvedUnit[] }[];
  change: {
    previousKey: string;
    totalsBefore: Record<TaskStanding, number>;
    newlyDone: { taskId: number; code: string; content: string }[];
  } | null;
}

type UnitRow = SummaryData['units'][number];
type DoneRecord = SummaryInput['doneBefore'][number];
/** One task's reports of a period by unit code. */
type ReportsByUnit = Map<string, SummaryStanding>;

interface Standing {
  standing: TaskStanding;
  percent: number | null;
  reportedLeads: number;
}

/**
 * A task's standing from its lead units' reports of one period and the units that reported `done`
 * earlier (keys `${taskId}:${unitCode}`). `reportedLeads` counts lead units with a report this
 * period or a carried `done`; `percent` is the rounded mean of their percents (a carried `done`
 * counts 100), null when there are none.
 *
 * The task is `taskId` or, when omitted, the task of `reports`; pass `taskId` when the task may
 * have no report this period, or carried `done`s cannot be found. Reports of other tasks are ignored.
 */
export function standingOf(
  leadUnits: string[],
  reports: SummaryStanding[],
  doneBefore: Set<string>,
  taskId?: number,
): Standing {
  const id = taskId ?? reports[0]?.taskId;
  const byUnit: ReportsByUnit = new Map();
  for (const report of reports) {
    if (report.taskId === id) keepLatest(byUnit, report);
  }
  return id === undefined
    ? standingFrom(leadUnits, () => null)
    : standingFrom(leadUnits, (unit) => unitWord(id, unit, byUnit, doneBefore));
}

export function computeSummary(input: SummaryInput): SummaryData {
  const { today, scopeUnit } = input;
  const tasks =
    scopeUnit === null
      ? input.tasks
      : input.tasks.filter((t) => t.leadUnits.includes(scopeUnit) || t.coordinatingUnits.includes(scopeUnit));
  const taskIds = new Set(tasks.map((t) => t.id));
  const reports = indexReports(input.reports, taskIds);
  const doneBefore = doneKeys(carriedDone(input.doneBefore, tasks, input.period.key));
  const unitNames = new Map(input.units.map((u) => [u.code, u.name]));
  const nameOf = (code: string) => unitNames.get(code) ?? code;

  const totals = emptyTotals();
  const rows: TaskStandingRow[] = [];
  const overdue: SummaryData['overdue'] = [];
  const blockers: SummaryData['blockers'] = [];
  const unitRows = new Map<string, UnitRow>();
  const missing = new Map<string, string[]>();
  let lateReports = 0;

  for (const task of tasks) {
    const byUnit = reports.get(task.id);
    const wordOf = (unit: string) => unitWord(task.id, unit, byUnit, doneBefore);
    const { standing, percent, reportedLeads } = standingFrom(task.leadUnits, wordOf);
    totals[standing]++;
    const { id: taskId, code, content, leadUnits } = task;
    rows.push({ taskId, code, content, leadUnits, standing, percent, reportedLeads });

    const days = daysOverdue(task.deadline, standing, today);
    if (days !== null) {
      overdue.push({
        taskId: task.id,
        code: task.code,
        content: task.content,
        leadUnits: task.leadUnits,
        due: currentDue(task.deadline, today)!,
        daysOverdue: days,
        standing,
        ...unresolvedLeadsOf(task),
      });
    }

    for (const unit of new Set(task.leadUnits)) {
      if (scopeUnit !== null && unit !== scopeUnit) continue;
      countUnit(unitRows, missing, task, unit, wordOf(unit)?.status ?? null, today, nameOf);
    }

    if (!byUnit) continue;
    for (const report of byUnit.values()) {
      if (report.late && (scopeUnit === null || report.unitCode === scopeUnit)) lateReports++;
    }
    blockers.push(...blockersOf(task, byUnit, nameOf));
  }

  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue);
  const units = [...unitRows.values()].sort((a, b) => b.overdue - a.overdue || compareText(a.code, b.code));
  const notReported = [...missing]
    .map(([code, taskCodes]) => ({ code, name: nameOf(code), taskCodes }))
    .sort((a, b) => b.taskCodes.length - a.taskCodes.length || compareText(a.code, b.code));

  return {
    period: input.period,
    today,
    scopeUnit,
    taskCount: tasks.length,
    totals,
    tasks: rows,
    units,
    overdue,
    blockers,
    notReported,
    lateReports,
    unresolved: unresolvedOf(tasks),
    change: input.previous === null ? null : changeSince(input.previous, tasks, taskIds, rows),
  };
}

/** `{ unresolvedLeads }` when the task has lead names not linked to a unit, else nothing. */
function unresolvedLeadsOf(task: SummaryTaskInput): { unresolvedLeads?: string[] } {
  const names = (task.unresolved ?? []).filter((u) => u.role === 'lead').map((u) => u.name);
  return names.length > 0 ? { unresolvedLeads: names } : {};
}

/** Tasks with unit names not linked to a unit yet, lead names first. */
function unresolvedOf(tasks: SummaryTaskInput[]): SummaryData['unresolved'] {
  return tasks
    .filter((task) => (task.unresolved ?? []).length > 0)
    .map((task) => ({
      taskId: task.id,
      code: task.code,
      content: task.content,
      names: [...task.unresolved!].sort((a, b) => Number(a.role !== 'lead') - Number(b.role !== 'lead')),
    }));
}

/** Adds one (task, lead unit) pair to the unit's row, or to the unit's tasks not reported. */
function countUnit(
  unitRows: Map<string, UnitRow>,
  missing: Map<string, string[]>,
  task: SummaryTaskInput,
  unit: string,
  status: SummaryReportInput['status'] | null,
  today: string,
  nameOf: (code: string) => string,
): void {
  let row = unitRows.get(unit);
  if (!row) {
    row = emptyUnitRow(unit, nameOf(unit));
    unitRows.set(unit, row);
  }
  row.lead++;
  if (status === null) {
    const codes = missing.get(unit);
    if (codes) codes.push(task.code);
    else missing.set(unit, [task.code]);
  } else {
    row.reported++;
    if (status === 'done') row.done++;
    else if (status === 'in_progress') row.inProgress++;
    else if (status === 'blocked') row.blocked++;
    else row.notStarted++;
  }
  if (daysOverdue(task.deadline, status ?? 'not_reported', today) !== null) row.overdue++;
}

/** The blockers reported on one task (and its blocked reports), by unit code. */
function blockersOf(
  task: SummaryTaskInput,
  byUnit: ReportsByUnit,
  nameOf: (code: string) => string,
): SummaryData['blockers'] {
  const found: SummaryData['blockers'] = [];
  for (const report of byUnit.values()) {
    const text = report.blockers?.trim() ?? '';
    if (text === '' && report.status !== 'blocked') continue;
    found.push({
      taskId: task.id,
      code: task.code,
      content: task.content,
      unitCode: report.unitCode,
      unitName: nameOf(report.unitCode),
      memberName: report.memberName,
      status: report.status,
      text,
    });
  }
  return found.sort((a, b) => compareText(a.unitCode, b.unitCode));
}

/** Totals of the previous period under the same rules, and the tasks done now but not then. */
function changeSince(
  previous: NonNullable<SummaryInput['previous']>,
  tasks: SummaryTaskInput[],
  taskIds: Set<number>,
  rows: TaskStandingRow[],
): NonNullable<SummaryData['change']> {
  const reports = indexReports(previous.reports, taskIds);
  const doneBefore = doneKeys(carriedDone(previous.doneBefore, tasks, previous.period.key));
  const totalsBefore = emptyTotals();
  const newlyDone: { taskId: number; code: string; content: string }[] = [];
  tasks.forEach((task, i) => {
    const byUnit = reports.get(task.id);
    const { standing } = standingFrom(task.leadUnits, (unit) => unitWord(task.id, unit, byUnit, doneBefore));
    totalsBefore[standing]++;
    if (rows[i]!.standing === 'done' && standing !== 'done') {
      newlyDone.push({ taskId: task.id, code: task.code, content: task.content });
    }
  });
  return { previousKey: previous.period.key, totalsBefore, newlyDone };
}

/** The standing rules, given each lead unit's word this period (null: nothing reported, nothing carried). */
function standingFrom(leadUnits: string[], wordOf: (unit: string) => UnitWord | null): Standing {
  let allDone = leadUnits.length > 0;
  let blocked = false;
  let progressing = false;
  let notStarted = false;
  let sum = 0;
  let reportedLeads = 0;
  for (const unit of new Set(leadUnits)) {
    const word = wordOf(unit);
    if (word === null) {
      allDone = false;
      continue;
    }
    reportedLeads++;
    sum += word.percent;
    if (word.status !== 'done') allDone = false;
    // A carried `done` is not a report of this period: it finishes the task, but does not move it.
    if (word.carried) continue;
    if (word.status === 'blocked') blocked = true;
    else if (word.status === 'in_progress' || word.status === 'done') progressing = true;
    else notStarted = true;
  }
  const standing: TaskStanding = allDone
    ? 'done'
    : blocked
      ? 'blocked'
      : progressing
        ? 'in_progress'
        : notStarted
          ? 'not_started'
          : 'not_reported';
  return { standing, percent: reportedLeads === 0 ? null : Math.round(sum / reportedLeads), reportedLeads };
}

/** A unit's word on a task this period: its report, else a `done` carried from an earlier period. */
interface UnitWord {
  status: Status;
  percent: number;
  carried: boolean;
}

const CARRIED_DONE: UnitWord = { status: 'done', percent: 100, carried: true };

function unitWord(
  taskId: number,
  unit: string,
  byUnit: ReportsByUnit | undefined,
  doneBefore: DoneSet | Set<string>,
): UnitWord | null {
  const report = byUnit?.get(unit);
  if (report) return { status: report.status, percent: report.percent, carried: false };
  const carried =
    doneBefore instanceof Map ? carries(doneBefore, taskId, unit) : doneBefore.has(`${taskId}:${unit}`);
  return carried ? CARRIED_DONE : null;
}

/** The carried `done`s that still hold in `periodKey`: a yearly duty's only within its year. */
function carriedDone(records: DoneRecord[], tasks: SummaryTaskInput[], periodKey: string): DoneRecord[] {
  const deadlines = new Map(tasks.map((t) => [t.id, t.deadline]));
  return records.filter((r) => {
    const deadline = deadlines.get(r.taskId);
    return deadline === undefined || carriesDone(deadline, r.periodKey, periodKey);
  });
}

/** The units carrying a `done`, by task id (no string keys: the dashboard builds twelve of these per page). */
type DoneSet = Map<number, Set<string>>;

function doneKeys(records: DoneRecord[]): DoneSet {
  const done: DoneSet = new Map();
  for (const record of records) {
    const units = done.get(record.taskId);
    if (units) units.add(record.unitCode);
    else done.set(record.taskId, new Set([record.unitCode]));
  }
  return done;
}

function carries(done: DoneSet, taskId: number, unit: string): boolean {
  return done.get(taskId)?.has(unit) === true;
}

/** Reports of the given tasks by task, then unit; of two reports by one unit the later `updatedAt` wins. */
function indexReports(reports: SummaryStanding[], taskIds: Set<number>): Map<number, ReportsByUnit> {
  const byTask = new Map<number, ReportsByUnit>();
  for (const report of reports) {
    if (!taskIds.has(report.taskId)) continue;
    let byUnit = byTask.get(report.taskId);
    if (!byUnit) {
      byUnit = new Map();
      byTask.set(report.taskId, byUnit);
    }
    keepLatest(byUnit, report);
  }
  return byTask;
}

function keepLatest(byUnit: ReportsByUnit, report: SummaryStanding): void {
  const kept = byUnit.get(report.unitCode);
  if (!kept || kept.updatedAt <= report.updatedAt) byUnit.set(report.unitCode, report);
}

function emptyTotals(): Record<TaskStanding, number> {
  return { not_reported: 0, not_started: 0, in_progress: 0, blocked: 0, done: 0 };
}

function emptyUnitRow(code: string, name: string): UnitRow {
  return { code, name, lead: 0, reported: 0, done: 0, inProgress: 0, blocked: 0, notStarted: 0, overdue: 0 };
}

/** Code-point order, the same in every locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What the dashboard's heat map and trend read of one month's summary (`monthCounts`). */
export interface MonthCounts {
  taskCount: number;
  /** Tasks whose standing is `done`: `computeSummary(...).totals.done`. */
  done: number;
  /** `computeSummary(...).units` reduced to each unit's lead tasks and those it reported on, by code. */
  units: { code: string; name: string; lead: number; reported: number }[];
}

/**
 * One month's word of each unit on each task, reduced to what `monthCounts` reads of it: whether the
 * unit reported, and whether it said `done` (true). By task id, then unit code.
 */
export type MonthWords = Map<number, Map<string, boolean>>;

/** The words of one month's reports: of two reports by one unit the later `updatedAt` wins, as in the summary. */
export function monthWords(reports: SummaryStanding[]): MonthWords {
  const words: MonthWords = new Map();
  for (const [taskId, byUnit] of indexReports(reports, new Set(reports.map((r) => r.taskId)))) {
    words.set(taskId, new Map([...byUnit].map(([unit, report]) => [unit, report.status === 'done'])));
  }
  return words;
}

/**
 * The counts of `computeSummary` the dashboard's twelve months need, under the same rules (scope,
 * latest report per unit, carried `done`), without the overdue, blocker and change work each
 * month's full summary does. `previous` is not read.
 */
export function monthCounts(input: Omit<SummaryInput, 'previous'>): MonthCounts {
  return monthCountsOfWords({ ...input, words: monthWords(input.reports) });
}

/** A reported word that is not `done`: which of the other statuses does not change these counts. */
const NOT_DONE: UnitWord = { status: 'in_progress', percent: 0, carried: false };
const DONE: UnitWord = { status: 'done', percent: 100, carried: false };

/**
 * `monthCounts` from the month's words instead of its reports (the dashboard reads them as bits, one
 * row per task and unit). A unit counts as reported when it has a word or a carried `done`; a task
 * is done when every lead unit's word is `done` or it carries one (`standingFrom`): neither depends
 * on which status a word other than `done` is, nor on percents.
 */
export function monthCountsOfWords(
  input: Omit<SummaryInput, 'previous' | 'reports'> & { words: MonthWords },
): MonthCounts {
  const { scopeUnit, words } = input;
  const tasks =
    scopeUnit === null
      ? input.tasks
      : input.tasks.filter((t) => t.leadUnits.includes(scopeUnit) || t.coordinatingUnits.includes(scopeUnit));
  const doneBefore = doneKeys(carriedDone(input.doneBefore, tasks, input.period.key));
  const unitNames = new Map(input.units.map((u) => [u.code, u.name]));
  const units = new Map<string, MonthCounts['units'][number]>();
  let done = 0;
  for (const task of tasks) {
    const byUnit = words.get(task.id);
    const wordOf = (unit: string): UnitWord | null => {
      const isDone = byUnit?.get(unit);
      if (isDone !== undefined) return isDone ? DONE : NOT_DONE;
      return carries(doneBefore, task.id, unit) ? CARRIED_DONE : null;
    };
    if (standingFrom(task.leadUnits, wordOf).standing === 'done') done++;
    for (const unit of new Set(task.leadUnits)) {
      if (scopeUnit !== null && unit !== scopeUnit) continue;
      let row = units.get(unit);
      if (!row) {
        row = { code: unit, name: unitNames.get(unit) ?? unit, lead: 0, reported: 0 };
        units.set(unit, row);
      }
      row.lead++;
      if (wordOf(unit) !== null) row.reported++;
    }
  }
  return { taskCount: tasks.length, done, units: [...units.values()] };
}
