/**
 * What a written report of a period says, from the months' reports: each task's standing at the end
 * of the period, every unit's last words in it, the kiến nghị raised in any of its months, overdue
 * tasks, units that did not report, next month's priorities, and the standings month by month (for
 * the chart). Pure: the use case loads the reports, renderers (DOCX, XLSX, CSV) only lay this out.
 *
 * A month is its own reports. A half-year or a year aggregates its months up to `asOf`:
 * - a unit's word on a task is its report of the LATEST month of the period it reported in
 *   (a later month replaces an earlier one; within a month the later `updatedAt` wins);
 * - a task's standing applies the summary's standing rules (src/domain/summary.ts) to those words,
 *   with `done` carried from months before the period;
 * - kiến nghị are collected from every month, once per unit and wording, with the months raised.
 * Overdue days count to `asOf`: the period's last day, or today while the period runs.
 */
import type { Deadline } from './deadline.ts';
import { isRecurring } from './deadline.ts';
import { daysOverdue, isDated } from './overdue.ts';
import { addDays, containsDay, type Period, periodOf } from './period.ts';
import type { UnresolvedUnit } from './plan.ts';
import type { Status, TaskStanding } from './report.ts';
import { type SummaryReportInput, type SummaryTaskInput, standingOf } from './summary.ts';

export interface PeriodTaskInput extends SummaryTaskInput {
  /** The plan's own wording of the lead units ("Trung tâm CNTT", "BHXH các tỉnh"). */
  leadText: string;
  product: string | null;
}

export interface MonthReports {
  /** A month. */
  period: Period;
  /** Current reports of that month. */
  reports: SummaryReportInput[];
}

export interface ReportPeriodInput {
  period: Period;
  /** The day the figures stand at: the period's last day, or today while the period runs. */
  asOf: string;
  units: { code: string; name: string }[];
  /** Tasks in plan order. */
  tasks: PeriodTaskInput[];
  /**
   * Consecutive months, oldest first, ending with the period's last month up to `asOf`. Months
   * before the period (up to five, for the chart) count only as history: their `done` carries on.
   */
  months: MonthReports[];
  /** Units that reported a task `done` in a month before the first of `months`. */
  doneBefore: { taskId: number; unitCode: string; periodKey: string }[];
}

/** A unit's last word on a task within the period. */
export interface UnitWord {
  unitCode: string;
  unitName: string;
  role: 'lead' | 'coordinating';
  periodKey: string;
  status: Status;
  percent: number;
  done: string;
  blockers: string | null;
  evidenceUrl: string | null;
  memberName: string;
  late: boolean;
}

/** A kiến nghị as a unit wrote it, with every month of the period it was raised in. */
export interface RaisedBlocker {
  taskId: number;
  code: string;
  content: string;
  unitCode: string;
  unitName: string;
  role: 'lead' | 'coordinating';
  memberName: string;
  status: Status;
  text: string;
  /** Month keys, oldest first. */
  periodKeys: string[];
}

export interface PeriodTaskRow {
  taskId: number;
  code: string;
  planNumber: string;
  section: string | null;
  content: string;
  leadUnits: string[];
  leadText: string;
  /** Unit names kept as written on import (`--allow-unresolved`), not linked to a unit yet. */
  unresolved: UnresolvedUnit[];
  coordinatingUnits: string[];
  deadline: Deadline;
  product: string | null;
  standing: TaskStanding;
  percent: number | null;
  /** Days past the due date at `asOf` when dated and not done; else null. */
  daysOverdue: number | null;
  /** Last words: lead units in the plan's order, then the other units by code. */
  words: UnitWord[];
  /** Lead units with `done` carried from before the period and no word in it. */
  carriedDone: string[];
  blockers: RaisedBlocker[];
}

export interface TaskGroup {
  planNumber: string;
  /** The plan's section row ("Công tác lãnh đạo, chỉ đạo"), null for tasks before any section. */
  section: string | null;
  tasks: PeriodTaskRow[];
}

export interface UnitProgress {
  code: string;
  name: string;
  /** Tasks the unit leads. */
  lead: number;
  /** Of those, with a word of the unit in the period or a carried `done`. */
  reported: number;
  /** Of those, where the unit's last word is `done` (or a carried `done`). */
  done: number;
  /** done / lead × 100, unrounded. */
  donePercent: number;
  /**
   * Mean "tỷ lệ hoàn thành" over the tasks the unit leads: its last word's percent, 100 for a
   * carried `done`, 0 where it has not reported; unrounded.
   */
  meanPercent: number;
}

export interface ReportPeriodData {
  period: Period;
  asOf: string;
  /** The period's months up to `asOf`. */
  periodMonths: Period[];
  taskCount: number;
  totals: Record<TaskStanding, number>;
  /** Plan order. */
  tasks: PeriodTaskRow[];
  groups: TaskGroup[];
  /** Lead units by tasks led (desc), then code. */
  units: UnitProgress[];
  /** Overdue at `asOf`, most days first (plan order among equals). */
  overdue: PeriodTaskRow[];
  /** Every kiến nghị of the period, in task order then unit order. */
  blockers: RaisedBlocker[];
  /** Lead units with neither a word in the period nor a carried `done` on some of their tasks. */
  notReported: { code: string; name: string; taskCodes: string[] }[];
  /** Reports received in the period (every month, every unit). */
  reportCount: number;
  /** Units that sent at least one report in the period. */
  reportingUnits: number;
  lateReports: number;
  /** False when no unit reported anything in the period. */
  hasReports: boolean;
  /** Standing totals of each month of `months` (the chart), oldest first. */
  monthTotals: { period: Period; totals: Record<TaskStanding, number> }[];
  next: {
    /** The month after the period; the running month while the period runs (the month of `asOf` + 1 day). */
    period: Period;
    /** Dated, not done, due within that month. */
    dueNext: PeriodTaskRow[];
    /** Overdue at `asOf` (not done). */
    overdue: PeriodTaskRow[];
    /** Recurring ("Thường xuyên", "Hằng năm", "Năm 2024 và các năm tiếp theo"), not done. */
    recurring: PeriodTaskRow[];
  };
}

export const STANDINGS: readonly TaskStanding[] = [
  'done',
  'in_progress',
  'blocked',
  'not_started',
  'not_reported',
];

export function emptyTotals(): Record<TaskStanding, number> {
  return { not_reported: 0, not_started: 0, in_progress: 0, blocked: 0, done: 0 };
}

export function computeReportPeriod(input: ReportPeriodInput): ReportPeriodData {
  const { period, asOf } = input;
  const unitNames = new Map(input.units.map((u) => [u.code, u.name]));
  const nameOf = (code: string) => unitNames.get(code) ?? code;
  const inPeriod = input.months.filter((m) => containsDay(period, m.period.startsOn));
  const before = input.months.filter((m) => m.period.endsOn < period.startsOn);
  const carried = new Set(input.doneBefore.map((d) => key(d.taskId, d.unitCode)));
  for (const month of before) {
    for (const r of month.reports) if (r.status === 'done') carried.add(key(r.taskId, r.unitCode));
  }

  // Last word of each unit on each task, and every kiến nghị, over the period's months.
  const { lastWords, raised, reportCount, lateReports, reportingUnits } = readMonths(inPeriod);

  const rows = input.tasks.map((task) => taskRow(task, lastWords, raised, carried, nameOf, asOf));

  const totals = emptyTotals();
  for (const row of rows) totals[row.standing]++;
  // The month after `asOf`: the next month once a period is over, the running month while it runs.
  const next = periodOf('month', addDays(asOf, 1));
  const open = rows.filter((row) => row.standing !== 'done');
  const overdue = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.daysOverdue !== null)
    .sort((a, b) => b.row.daysOverdue! - a.row.daysOverdue! || a.index - b.index)
    .map(({ row }) => row);

  return {
    period,
    asOf,
    periodMonths: inPeriod.map((m) => m.period),
    taskCount: rows.length,
    totals,
    tasks: rows,
    groups: groupsOf(rows),
    units: unitProgress(rows, lastWords, carried, nameOf),
    overdue,
    blockers: rows.flatMap((row) => row.blockers),
    notReported: notReported(rows, nameOf),
    reportCount,
    reportingUnits: reportingUnits.size,
    lateReports,
    hasReports: reportCount > 0,
    monthTotals: monthTotals(input),
    next: {
      period: next,
      dueNext: open.filter((row) => isDated(row.deadline) && containsDay(next, row.deadline.due!)),
      overdue,
      recurring: open.filter((row) => isRecurring(row.deadline)),
    },
  };
}

type Month = ReportPeriodInput['months'][number];
type Raised = Map<string, { report: SummaryReportInput; periodKeys: string[] }>;

/** The last word of each unit on each task over `months`, every kiến nghị raised, and the counts. */
function readMonths(months: Month[]) {
  const lastWords = new Map<string, SummaryReportInput>();
  const raised: Raised = new Map();
  let reportCount = 0;
  let lateReports = 0;
  const reportingUnits = new Set<string>();
  for (const month of months) {
    for (const report of latestPerUnit(month.reports)) {
      reportCount++;
      if (report.late) lateReports++;
      reportingUnits.add(report.unitCode);
      lastWords.set(key(report.taskId, report.unitCode), report);
      const text = report.blockers?.trim() ?? '';
      if (text === '') continue;
      const blockerKey = `${key(report.taskId, report.unitCode)}:${text}`;
      const seen = raised.get(blockerKey);
      if (seen) {
        seen.report = report;
        if (!seen.periodKeys.includes(month.period.key)) seen.periodKeys.push(month.period.key);
      } else raised.set(blockerKey, { report, periodKeys: [month.period.key] });
    }
  }
  return { lastWords, raised, reportCount, lateReports, reportingUnits };
}

/** One task's row: its standing from its lead units' last words, overdue days, words and blockers. */
function taskRow(
  task: ReportPeriodInput['tasks'][number],
  lastWords: Map<string, SummaryReportInput>,
  raised: Raised,
  carried: Set<string>,
  nameOf: (code: string) => string,
  asOf: string,
): PeriodTaskRow {
  const words = wordsOf(task, lastWords, nameOf);
  const leadWords = words.filter((w) => w.role === 'lead').map((w) => asReport(task.id, w));
  const { standing, percent } = standingOf(task.leadUnits, leadWords, carried, task.id);
  const spoken = new Set(words.map((w) => w.unitCode));
  return {
    taskId: task.id,
    code: task.code,
    planNumber: task.planNumber,
    section: task.section,
    content: task.content,
    leadUnits: task.leadUnits,
    leadText: task.leadText,
    unresolved: task.unresolved ?? [],
    coordinatingUnits: task.coordinatingUnits,
    deadline: task.deadline,
    product: task.product,
    standing,
    percent,
    daysOverdue: daysOverdue(task.deadline, standing, asOf),
    words,
    carriedDone: unique(task.leadUnits).filter((u) => !spoken.has(u) && carried.has(key(task.id, u))),
    blockers: blockersOf(task, raised, nameOf),
  };
}

function key(taskId: number, unitCode: string): string {
  return `${taskId}:${unitCode}`;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** One report per task and unit: the later `updatedAt` wins. */
function latestPerUnit(reports: SummaryReportInput[]): SummaryReportInput[] {
  const kept = new Map<string, SummaryReportInput>();
  for (const report of reports) {
    const k = key(report.taskId, report.unitCode);
    const current = kept.get(k);
    if (!current || current.updatedAt <= report.updatedAt) kept.set(k, report);
  }
  return [...kept.values()];
}

function wordsOf(
  task: PeriodTaskInput,
  lastWords: Map<string, SummaryReportInput>,
  nameOf: (code: string) => string,
): UnitWord[] {
  const leads = unique(task.leadUnits);
  const others: string[] = [];
  const prefix = `${task.id}:`;
  for (const k of lastWords.keys()) {
    if (!k.startsWith(prefix)) continue;
    const unit = k.slice(prefix.length);
    if (!leads.includes(unit)) others.push(unit);
  }
  others.sort(compareText);
  const words: UnitWord[] = [];
  for (const unit of [...leads, ...others]) {
    const report = lastWords.get(key(task.id, unit));
    if (!report) continue;
    words.push({
      unitCode: unit,
      unitName: nameOf(unit),
      role: leads.includes(unit) ? 'lead' : 'coordinating',
      periodKey: report.periodKey,
      status: report.status,
      percent: report.percent,
      done: report.done,
      blockers: report.blockers,
      evidenceUrl: report.evidenceUrl,
      memberName: report.memberName,
      late: report.late,
    });
  }
  return words;
}

function asReport(taskId: number, word: UnitWord): SummaryReportInput {
  return {
    taskId,
    unitCode: word.unitCode,
    periodKey: word.periodKey,
    status: word.status,
    percent: word.percent,
    done: word.done,
    blockers: word.blockers,
    evidenceUrl: word.evidenceUrl,
    late: word.late,
    memberName: word.memberName,
    updatedAt: '',
  };
}

function blockersOf(
  task: PeriodTaskInput,
  raised: Map<string, { report: SummaryReportInput; periodKeys: string[] }>,
  nameOf: (code: string) => string,
): RaisedBlocker[] {
  const leads = unique(task.leadUnits);
  const found: RaisedBlocker[] = [];
  for (const { report, periodKeys } of raised.values()) {
    if (report.taskId !== task.id) continue;
    found.push({
      taskId: task.id,
      code: task.code,
      content: task.content,
      unitCode: report.unitCode,
      unitName: nameOf(report.unitCode),
      role: leads.includes(report.unitCode) ? 'lead' : 'coordinating',
      memberName: report.memberName,
      status: report.status,
      text: report.blockers!.trim(),
      periodKeys,
    });
  }
  const rank = (b: RaisedBlocker) => (b.role === 'lead' ? leads.indexOf(b.unitCode) : leads.length);
  return found.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      compareText(a.unitCode, b.unitCode) ||
      compareText(a.periodKeys[0]!, b.periodKeys[0]!),
  );
}

function groupsOf(rows: PeriodTaskRow[]): TaskGroup[] {
  const groups: TaskGroup[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.planNumber === row.planNumber && last.section === row.section) last.tasks.push(row);
    else groups.push({ planNumber: row.planNumber, section: row.section, tasks: [row] });
  }
  return groups;
}

function unitProgress(
  rows: PeriodTaskRow[],
  lastWords: Map<string, SummaryReportInput>,
  carried: Set<string>,
  nameOf: (code: string) => string,
): UnitProgress[] {
  const units = new Map<string, UnitProgress & { percentSum: number }>();
  for (const row of rows) {
    for (const unit of unique(row.leadUnits)) {
      let progress = units.get(unit);
      if (!progress) {
        progress = {
          code: unit,
          name: nameOf(unit),
          lead: 0,
          reported: 0,
          done: 0,
          donePercent: 0,
          meanPercent: 0,
          percentSum: 0,
        };
        units.set(unit, progress);
      }
      progress.lead++;
      const word = lastWords.get(key(row.taskId, unit));
      const carriedDone = !word && carried.has(key(row.taskId, unit));
      if (word || carriedDone) progress.reported++;
      if (carriedDone || word?.status === 'done') progress.done++;
      progress.percentSum += carriedDone ? 100 : (word?.percent ?? 0);
    }
  }
  return [...units.values()]
    .map(({ percentSum, ...u }) => ({
      ...u,
      donePercent: (u.done / u.lead) * 100,
      meanPercent: percentSum / u.lead,
    }))
    .sort((a, b) => b.lead - a.lead || compareText(a.code, b.code));
}

function notReported(rows: PeriodTaskRow[], nameOf: (code: string) => string) {
  const missing = new Map<string, string[]>();
  for (const row of rows) {
    const spoken = new Set([...row.words.map((w) => w.unitCode), ...row.carriedDone]);
    for (const unit of unique(row.leadUnits)) {
      if (spoken.has(unit)) continue;
      const codes = missing.get(unit);
      if (codes) codes.push(row.code);
      else missing.set(unit, [row.code]);
    }
  }
  return [...missing]
    .map(([code, taskCodes]) => ({ code, name: nameOf(code), taskCodes }))
    .sort((a, b) => b.taskCodes.length - a.taskCodes.length || compareText(a.code, b.code));
}

/** Each month's standings by the summary's rules: that month's reports, `done` carried from before it. */
function monthTotals(input: ReportPeriodInput): ReportPeriodData['monthTotals'] {
  const carried = new Set(input.doneBefore.map((d) => key(d.taskId, d.unitCode)));
  return input.months.map((month) => {
    const totals = emptyTotals();
    const byTask = new Map<number, SummaryReportInput[]>();
    for (const report of month.reports) {
      const list = byTask.get(report.taskId);
      if (list) list.push(report);
      else byTask.set(report.taskId, [report]);
    }
    for (const task of input.tasks) {
      const reports = (byTask.get(task.id) ?? []).filter((r) => task.leadUnits.includes(r.unitCode));
      totals[standingOf(task.leadUnits, reports, carried, task.id).standing]++;
    }
    for (const report of month.reports) {
      if (report.status === 'done') carried.add(key(report.taskId, report.unitCode));
    }
    return { period: month.period, totals };
  });
}

/** Code-point order, the same in every locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
