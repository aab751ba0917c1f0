/**
 * The emulation scoreboard (bảng xếp hạng thi đua, Kế hoạch 4398/KH-BHXH): per lead unit and period,
 * three measures and a ranking. Pure maths; the use case loads the reports.
 *
 * Over the months of the period that have begun by `asOf` (the period's last day, or today while it
 * runs), for each unit and the tasks it leads:
 *
 * 1. On-time reporting: a (task, month) pair NEEDS a report when the task's reporting has begun
 *    (`reportsFrom` ≤ the month's last day) and the unit has not reported it `done` in an earlier
 *    month. It is ON TIME when the unit's report of that month exists and is not `late` (received by
 *    the month's last day). Rate = on time / needed.
 * 2. Tasks done on time: among the unit's dated tasks due by `asOf`, those where the unit's part is
 *    done at `asOf` and its first `done` report is of a month ≤ the due date's month. Share = done on
 *    time / due.
 * 3. Overdue days: over the unit's dated tasks due before `asOf` whose part is not done at `asOf`,
 *    the sum of days from the due date to `asOf`.
 *
 * A unit's part of a task is done at `asOf` when its last report in the period is `done`, or it has
 * no report in the period and reported `done` before it.
 *
 * Ranking, best first: (a) share done on time, higher first; (b) overdue days, fewer first;
 * (c) on-time reporting rate, higher first; (d) tasks led, more first. A measure with nothing to
 * count ("—") ranks as 100 %. Units equal on (a)–(d) share a rank (1, 2, 2, 4) and are listed by code.
 */

import type { Deadline } from './deadline.ts';
import type { BucketCounts } from './deadline-buckets.ts';
import { isDated } from './overdue.ts';
import { daysBetween, monthsOf, type Period, periodOf } from './period.ts';
import type { Status } from './report.ts';

export interface ScoreTaskInput {
  id: number;
  code: string;
  leadUnits: string[];
  deadline: Deadline;
  /** First day reports are expected: the later of 1 January of the plan's year and the deadline's start. */
  reportsFrom: string;
}

export interface ScoreReportInput {
  taskId: number;
  unitCode: string;
  /** A month key ("2024-06"). */
  periodKey: string;
  status: Status;
  late: boolean;
}

export interface ScoreboardInput {
  period: Period;
  asOf: string;
  /** Units that may be ranked (names for display); lead units not listed here are left out. */
  units: { code: string; name: string }[];
  tasks: ScoreTaskInput[];
  /** Current reports of the period's months (other months are ignored). */
  reports: ScoreReportInput[];
  /** Every `done` report of a month that ended by the period's end (before the period and within it). */
  doneReports: { taskId: number; unitCode: string; periodKey: string }[];
}

/** A count over a count; `rate` is null when there was nothing to count. */
export interface Ratio {
  count: number;
  of: number;
  rate: number | null;
}

export interface ScoreRow {
  rank: number;
  code: string;
  name: string;
  /** Tasks the unit leads. */
  lead: number;
  /** Reports received on time over reports needed. */
  reporting: Ratio;
  /** Tasks done on time over dated tasks due by `asOf`. */
  doneOnTime: Ratio;
  overdueTasks: number;
  overdueDays: number;
}

export interface Scoreboard {
  period: Period;
  asOf: string;
  /** The months counted (begun by `asOf`). */
  months: string[];
  /** Ranked, best first. */
  rows: ScoreRow[];
  /**
   * Each unit's four deadline buckets since the plan began, as of `asOf` (deadline-buckets.ts),
   * shown beside its rank; they do not change the ranking rule. Absent when not computed.
   */
  buckets?: Record<string, BucketCounts>;
}

export function ratio(count: number, of: number): Ratio {
  return { count, of, rate: of === 0 ? null : count / of };
}

export function computeScoreboard(input: ScoreboardInput): Scoreboard {
  const { period, asOf } = input;
  const months = monthsOf(period).filter((m) => m.startsOn <= asOf);
  const monthKeys = new Set(months.map((m) => m.key));
  const names = new Map(input.units.map((u) => [u.code, u.name]));

  const reports = reportsByPair(input, monthKeys);
  const doneMonths = doneMonthsByPair(input, period);

  const rows = new Map<string, Tally>();
  for (const task of input.tasks) {
    for (const unit of new Set(task.leadUnits)) {
      const name = names.get(unit);
      if (name === undefined) continue;
      let row = rows.get(unit);
      if (!row) {
        row = {
          code: unit,
          name,
          lead: 0,
          reporting: ratio(0, 0),
          doneOnTime: ratio(0, 0),
          overdueTasks: 0,
          overdueDays: 0,
          needed: 0,
          onTime: 0,
          due: 0,
          doneDue: 0,
        };
        rows.set(unit, row);
      }
      row.lead++;
      const k = key(task.id, unit);
      countPair(row, task, months, reports.get(k), doneMonths.get(k) ?? [], period, asOf);
    }
  }

  const scored = [...rows.values()].map(({ needed, onTime, due, doneDue, ...row }) => ({
    ...row,
    reporting: ratio(onTime, needed),
    doneOnTime: ratio(doneDue, due),
  }));
  scored.sort((a, b) => compareScores(a, b) || compareText(a.code, b.code));
  const ranked: ScoreRow[] = [];
  scored.forEach((row, i) => {
    const previous = ranked[i - 1];
    const rank = previous && compareScores(previous, row) === 0 ? previous.rank : i + 1;
    ranked.push({ rank, ...row });
  });
  return { period, asOf, months: months.map((m) => m.key), rows: ranked };
}

/** A unit's row while counting: the ratios' parts before they become ratios. */
type Tally = Omit<ScoreRow, 'rank'> & { needed: number; onTime: number; due: number; doneDue: number };

/** `${taskId}:${unit}` → month key → report of that month (months of the period only). */
function reportsByPair(
  input: ScoreboardInput,
  monthKeys: Set<string>,
): Map<string, Map<string, ScoreReportInput>> {
  const reports = new Map<string, Map<string, ScoreReportInput>>();
  for (const report of input.reports) {
    if (!monthKeys.has(report.periodKey)) continue;
    const k = key(report.taskId, report.unitCode);
    let byMonth = reports.get(k);
    if (!byMonth) {
      byMonth = new Map();
      reports.set(k, byMonth);
    }
    byMonth.set(report.periodKey, report);
  }
  return reports;
}

/** `${taskId}:${unit}` → month keys of its `done` reports up to the period's end, sorted. */
function doneMonthsByPair(input: ScoreboardInput, period: ScoreboardInput['period']): Map<string, string[]> {
  const doneMonths = new Map<string, string[]>();
  const lastMonth = period.endsOn.slice(0, 7);
  for (const done of input.doneReports) {
    if (done.periodKey > lastMonth) continue;
    const k = key(done.taskId, done.unitCode);
    const list = doneMonths.get(k);
    if (list) list.push(done.periodKey);
    else doneMonths.set(k, [done.periodKey]);
  }
  for (const list of doneMonths.values()) list.sort();
  return doneMonths;
}

/** Counts one (task, lead unit) pair into its unit's row: months reported on time, done by the deadline, overdue. */
function countPair(
  row: Tally,
  task: ScoreboardInput['tasks'][number],
  months: ReturnType<typeof monthsOf>,
  byMonth: Map<string, ScoreReportInput> | undefined,
  dones: string[],
  period: ScoreboardInput['period'],
  asOf: string,
): void {
  for (const month of months) {
    if (task.reportsFrom > month.endsOn) continue;
    if (dones.some((m) => m < month.key)) continue;
    row.needed++;
    const report = byMonth?.get(month.key);
    if (report && !report.late) row.onTime++;
  }

  if (!isDated(task.deadline)) return;
  const due = task.deadline.due!;
  const doneAtEnd = partDone(byMonth, dones, period);
  if (due <= asOf) {
    row.due++;
    const dueMonth = periodOf('month', due).key;
    if (doneAtEnd && dones[0]! <= dueMonth) row.doneDue++;
  }
  if (due < asOf && !doneAtEnd) {
    row.overdueTasks++;
    row.overdueDays += daysBetween(due, asOf);
  }
}

/**
 * Negative when `a` ranks before `b`: share done on time (desc), overdue days (asc), reporting rate
 * (desc), tasks led (desc). Ratios compare exactly (cross-multiplied); "—" counts as 100 %.
 */
export function compareScores(a: Omit<ScoreRow, 'rank'>, b: Omit<ScoreRow, 'rank'>): number {
  return (
    compareRatios(b.doneOnTime, a.doneOnTime) ||
    a.overdueDays - b.overdueDays ||
    compareRatios(b.reporting, a.reporting) ||
    b.lead - a.lead
  );
}

/** Sign of a − b, with an empty ratio counted as 1 (100 %). */
function compareRatios(a: Ratio, b: Ratio): number {
  const [an, ad] = a.of === 0 ? [1, 1] : [a.count, a.of];
  const [bn, bd] = b.of === 0 ? [1, 1] : [b.count, b.of];
  return Math.sign(an * bd - bn * ad);
}

/** The unit's part is done at the period's end: last report in the period `done`, or none and done before. */
function partDone(
  byMonth: Map<string, ScoreReportInput> | undefined,
  dones: string[],
  period: Period,
): boolean {
  if (byMonth && byMonth.size > 0) {
    const last = [...byMonth.keys()].sort().at(-1)!;
    return byMonth.get(last)!.status === 'done';
  }
  return dones.some((m) => m < period.startsOn.slice(0, 7));
}

function key(taskId: number, unitCode: string): string {
  return `${taskId}:${unitCode}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
