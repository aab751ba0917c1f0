/**
 * The dashboard's heat map and trend over a run of months (issue 18): for each month, each unit's
 * lead tasks and how many it reported on, and how many tasks were done. The same answer as the
 * summary use case's `summaryData` for each month (the same domain maths, the same roll-up and
 * carried `done`), from two reads for the whole run instead of four per month: each (task, unit)
 * pair's months as bits (reported, done: `monthMarks`, one row per pair), and the first month each
 * task was done before the last month. Each month is counted by `monthCountsOfWords` (the summary's
 * rules without its overdue, blocker and change work).
 */
import { type Period, previousPeriod } from '../../domain/period.ts';
import {
  type MonthCounts,
  type MonthWords,
  monthCountsOfWords,
  monthWords,
  type SummaryReportInput,
} from '../../domain/summary.ts';
import type { CoreDeps } from '../core-deps.ts';
import { MONTH_MARKS_MAX, type MonthlyStatus, type MonthMarks } from '../ports/stores.ts';
import { type RollUp, rollReport, rollTask, rollUpOn } from './roll-up.ts';
import { allTasks, tasksOfUnit } from './task-scope.ts';

/** A month's counts (units as its summary lists them, by code: lead tasks, tasks reported on). */
export interface DashboardMonth extends MonthCounts {
  period: Period;
}

/** A status row as the summary maths takes a report: the texts the heat map does not read are empty. */
function asReport(row: MonthlyStatus): SummaryReportInput {
  return {
    taskId: row.taskId,
    unitCode: row.unitCode,
    periodKey: row.periodKey,
    status: row.status,
    percent: row.percent,
    updatedAt: row.updatedAt,
    done: '',
    blockers: null,
    evidenceUrl: null,
    late: false,
    memberName: '',
  };
}

/** `months` are consecutive month periods, oldest first; `scopeUnit` as `summaryScope` gives it. */
export async function dashboardMonths(
  deps: CoreDeps,
  scopeUnit: string | null,
  months: Period[],
  today: string,
): Promise<DashboardMonth[]> {
  const tasks = await allTasks(deps);
  const inScope = scopeUnit ? tasksOfUnit(tasks, scopeUnit) : tasks;
  const ids = new Set(inScope.map((task) => task.id));
  // From the month before the run: a month's names, as its summary's, count the units rolled into a
  // successor by the previous month's reports too (the summary's change since then reads them).
  const [marks, done] = await Promise.all([
    readMarks(deps, [previousPeriod(months[0]!), ...months], ids),
    deps.reports.doneBefore(months.at(-1)!.startsOn, [...ids]),
  ]);
  const reportedBy = unitsReported(marks);
  return Promise.all(
    months.map(async (period, i) => {
      const roll = await rollUpOn(deps, period.endsOn < today ? period.endsOn : today);
      const [chunk, bit] = marksOf(marks, i + 1);
      const words =
        wordsOf(reportedBy.get(chunk)!, bit, roll) ?? (await wordsFromRows(deps, period, ids, roll));
      const [before, previousBit] = marksOf(marks, i);
      for (const [unit, { reported }] of reportedBy.get(before)!) if (reported & previousBit) roll.code(unit);
      const rolledTasks = inScope.map((task) => rollTask(task, roll));
      const doneBefore = done.filter((d) => d.periodKey < period.key).map((d) => rollReport(d, roll));
      const rolledScope = scopeUnit ? roll.code(scopeUnit) : null;
      // The names last, as summaryData takes them: a successor's name lists the predecessors rolled
      // into it by the tasks and reports above.
      const units = roll.names();
      const counts = monthCountsOfWords({
        period,
        today,
        units,
        tasks: rolledTasks,
        words,
        doneBefore,
        scopeUnit: rolledScope,
      });
      return { period, ...counts };
    }),
  );
}

/** The run's marks of the tasks in scope, MONTH_MARKS_MAX months a read. */
async function readMarks(deps: CoreDeps, months: Period[], ids: Set<number>): Promise<MonthMarks[][]> {
  const runs: Period[][] = [];
  for (let i = 0; i < months.length; i += MONTH_MARKS_MAX) runs.push(months.slice(i, i + MONTH_MARKS_MAX));
  const read = await Promise.all(runs.map((run) => deps.reports.monthMarks(run[0]!.key, run.at(-1)!.key)));
  return read.map((rows) => rows.filter((row) => ids.has(row.taskId)));
}

/** A unit's marks in one read, and the months it reported in at all (the OR of their bits). */
interface UnitMarks {
  reported: number;
  marks: MonthMarks[];
}

/** Each read of marks by unit: a month's work then rolls each unit up once, not once per task. */
function unitsReported(marks: MonthMarks[][]): Map<MonthMarks[], Map<string, UnitMarks>> {
  return new Map(
    marks.map((chunk) => {
      const byUnit = new Map<string, UnitMarks>();
      for (const mark of chunk) {
        const unit = byUnit.get(mark.unitCode);
        if (unit) {
          unit.reported |= mark.reported;
          unit.marks.push(mark);
        } else byUnit.set(mark.unitCode, { reported: mark.reported, marks: [mark] });
      }
      return [chunk, byUnit];
    }),
  );
}

/** The marks read with the `index`-th month of the run, and that month's bit in them. */
function marksOf(marks: MonthMarks[][], index: number): [MonthMarks[], number] {
  return [marks[Math.floor(index / MONTH_MARKS_MAX)]!, 1 << (index % MONTH_MARKS_MAX)];
}

/**
 * The month's words (`bit` of each pair's marks) with units rolled up on the month's day; null when
 * two units rolled into one reported on a task that month and only one said `done`: then the later
 * report decides, which the bits cannot tell.
 */
function wordsOf(units: Map<string, UnitMarks>, bit: number, roll: RollUp): MonthWords | null {
  const words: MonthWords = new Map();
  for (const [code, { reported, marks }] of units) {
    if ((reported & bit) === 0) continue;
    const unit = roll.code(code);
    for (const mark of marks) {
      if ((mark.reported & bit) === 0) continue;
      const done = (mark.done & bit) !== 0;
      let byUnit = words.get(mark.taskId);
      if (!byUnit) {
        byUnit = new Map();
        words.set(mark.taskId, byUnit);
      }
      if (byUnit.get(unit) === !done) return null;
      byUnit.set(unit, done);
    }
  }
  return words;
}

/** The month's words from its status rows (with `updatedAt`), rolled up: the rare month `wordsOf` cannot answer. */
async function wordsFromRows(
  deps: CoreDeps,
  period: Period,
  ids: Set<number>,
  roll: RollUp,
): Promise<MonthWords> {
  const rows = await deps.reports.monthlyStatuses(period.key, period.key);
  return monthWords(rows.filter((row) => ids.has(row.taskId)).map((row) => rollReport(asReport(row), roll)));
}
