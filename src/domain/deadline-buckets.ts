/**
 * The four deadline buckets of Vietnamese task tracking (the Prime Minister's Working Group's report
 * 1270/BC-TCTTTg, the Government Office's task-tracking system): "đã hoàn thành đúng hạn" (done on
 * time), "hoàn thành quá hạn" (done late), "chưa hoàn thành, trong hạn" (open, still in time),
 * "chưa hoàn thành, quá hạn" (open and overdue). The README's section "Bốn nhóm tiến độ" says the
 * same in Vietnamese; change both together.
 *
 * Counting rules
 * 1. What is counted is a deadline (an occurrence), not a task:
 *    - a task with one final day (a date, month, quarter, year, or a range with an end) has one
 *      occurrence, due that day;
 *    - a yearly duty has one occurrence per year, due on its day of that year: "Tháng 11 hằng năm" on
 *      30/11, "Quý I hằng năm" on 31/3, "Trước ngày 15/12 hằng năm" on 14/12 (Deadline.yearly);
 *      "Hằng năm" without a day and "Năm 2021 và các năm tiếp theo" on 31/12; "Định kỳ N năm" every
 *      N years from the plan's first year, on its month's last day or 31/12. Years run from the
 *      plan's first year (or the "from" year) to the year of the as-of day;
 *    - "Thường xuyên" (ongoing), conditional deadlines ("Sau khi có hướng dẫn…") and unreadable ones
 *      have no occurrence: they are counted apart as `undated`, never in a bucket. The bot does not
 *      record when a condition is met, so a conditional task stays undated until its plan is
 *      re-imported with a date.
 * 2. An occurrence is done when every lead unit (chủ trì) has a `done` report for it; coordinating
 *    units do not count, and a task without lead units is never done. A unit's part is done on the
 *    day `done` was first submitted on a monthly report, or on that month's last day when earlier (a
 *    report sent late for a month speaks for that month). For a one-off deadline the unit's earliest
 *    `done` counts; for a yearly occurrence only reports of months of that year. The occurrence is
 *    done on the latest of its lead units' days.
 * 3. As of day A (the period's last day, or today when earlier), `done` reports after A ignored:
 *    done on or before the due day → done on time; done after it → done late; not done and A on or
 *    before the due day → open in time; not done and A after it → open overdue.
 * 4. Per unit: the same over the occurrences the unit leads, judged by the unit's own part.
 * 5. A period counts the occurrences due within it; "cumulative" counts every occurrence since the
 *    plan began: every one-off deadline (those due later are open in time) and the yearly
 *    occurrences of the years up to A's.
 */
import type { Deadline } from './deadline.ts';
import { daysBetween } from './period.ts';

export const BUCKETS = ['done_on_time', 'done_late', 'open_in_time', 'open_overdue'] as const;
export type Bucket = (typeof BUCKETS)[number];
export type BucketCounts = Record<Bucket, number>;

export interface BucketTask {
  id: number;
  code: string;
  leadUnits: string[];
  deadline: Deadline;
}

/** A unit's `done` report: the month it is for and the day it counts from (rule 2). */
export interface BucketDone {
  taskId: number;
  unitCode: string;
  /** "2024-06" */
  periodKey: string;
  /** YYYY-MM-DD: the first day `done` was submitted, or the month's last day when earlier. */
  doneOn: string;
}

export interface BucketsInput {
  tasks: BucketTask[];
  done: BucketDone[];
  /** The as-of day A. */
  asOf: string;
  /** The year of the group's first plan: where yearly occurrences start. */
  firstYear: number;
  /** Count occurrences due within these days; null for cumulative since the plan began. */
  window: { startsOn: string; endsOn: string } | null;
  /** Names for the unit rows. */
  units: { code: string; name: string }[];
  /** A unit code: only occurrences that unit leads, and only its row. */
  scopeUnit: string | null;
}

/** One deadline of one task as counted. */
export interface CountedOccurrence {
  taskId: number;
  code: string;
  due: string;
  /** The year of a yearly occurrence, null for a one-off deadline. */
  year: number | null;
  bucket: Bucket;
  /** Days past due when open and overdue (as of A), else null. */
  daysOverdue: number | null;
  /** Each lead unit's own bucket. */
  byUnit: Record<string, Bucket>;
}

export interface BucketsResult {
  asOf: string;
  overall: BucketCounts;
  /** Tasks in scope with no occurrence (ongoing, conditional, unreadable). */
  undated: number;
  /** One row per lead unit with ≥1 occurrence, most overdue first, then by code. */
  units: { code: string; name: string; counts: BucketCounts }[];
  occurrences: CountedOccurrence[];
}

export function emptyCounts(): BucketCounts {
  return { done_on_time: 0, done_late: 0, open_in_time: 0, open_overdue: 0 };
}

/**
 * The due days of a deadline's occurrences up to `lastYear` (rule 1): one for a one-off deadline,
 * one per year for yearly duties, none for undated ones.
 */
export function deadlineOccurrences(
  deadline: Deadline,
  firstYear: number,
  lastYear: number,
): { due: string; year: number | null }[] {
  const oneOff = ['date', 'month', 'quarter', 'year', 'range'];
  if (oneOff.includes(deadline.kind)) return deadline.due === null ? [] : [{ due: deadline.due, year: null }];
  if (deadline.kind !== 'recurring_annual' && deadline.kind !== 'recurring_annual_from') return [];
  const every = Math.max(1, deadline.yearly?.everyYears ?? 1);
  const from =
    deadline.kind === 'recurring_annual_from' && deadline.start
      ? Number(deadline.start.slice(0, 4))
      : firstYear;
  const out: { due: string; year: number }[] = [];
  for (let year = from; year <= lastYear; year += every) out.push({ due: yearlyDue(deadline, year), year });
  return out;
}

/** The due day of a yearly duty in `year`: its month and day, else 31/12. */
export function yearlyDue(deadline: Deadline, year: number): string {
  const month = deadline.yearly?.month ?? 12;
  const day = deadline.yearly?.day ?? lastDayOfMonth(year, month);
  return `${year}-${pad(month)}-${pad(Math.min(day, lastDayOfMonth(year, month)))}`;
}

/** Whether a deadline falls due once a year (or every N years): its `done` holds for one year only. */
export function isYearly(deadline: Deadline): boolean {
  return deadline.kind === 'recurring_annual' || deadline.kind === 'recurring_annual_from';
}

export function countBuckets(input: BucketsInput): BucketsResult {
  const { asOf, window, scopeUnit } = input;
  const lastYear = Number(asOf.slice(0, 4));
  const doneIndex = indexDone(input.done, asOf);
  const overall = emptyCounts();
  const unitCounts = new Map<string, BucketCounts>();
  const occurrences: CountedOccurrence[] = [];
  let undated = 0;
  for (const task of input.tasks) {
    const leads = [...new Set(task.leadUnits)];
    if (scopeUnit !== null && !leads.includes(scopeUnit)) continue;
    const all = deadlineOccurrences(task.deadline, input.firstYear, lastYear);
    if (all.length === 0) {
      undated++;
      continue;
    }
    for (const { due, year } of all) {
      if (window !== null && (due < window.startsOn || due > window.endsOn)) continue;
      const unitDays = leads.map((unit) => doneIndex.get(`${task.id}:${unit}`)?.(year) ?? null);
      const byUnit: Record<string, Bucket> = {};
      leads.forEach((unit, i) => {
        byUnit[unit] = bucketOf(due, unitDays[i]!, asOf);
      });
      const taskDay = leads.length === 0 ? null : latestDay(unitDays);
      const bucket = bucketOf(due, taskDay, asOf);
      const counted = scopeUnit === null ? bucket : byUnit[scopeUnit]!;
      overall[counted]++;
      for (const unit of leads) {
        if (scopeUnit !== null && unit !== scopeUnit) continue;
        const counts = unitCounts.get(unit) ?? emptyCounts();
        counts[byUnit[unit]!]++;
        unitCounts.set(unit, counts);
      }
      const daysOverdue = counted === 'open_overdue' ? daysBetween(due, asOf) : null;
      occurrences.push({ taskId: task.id, code: task.code, due, year, bucket: counted, daysOverdue, byUnit });
    }
  }
  const names = new Map(input.units.map((u) => [u.code, u.name]));
  const units = [...unitCounts]
    .map(([code, counts]) => ({ code, name: names.get(code) ?? code, counts }))
    .sort(
      (a, b) =>
        b.counts.open_overdue - a.counts.open_overdue || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
  return { asOf, overall, undated, units, occurrences };
}

/** Rule 3. */
export function bucketOf(due: string, doneOn: string | null, asOf: string): Bucket {
  if (doneOn !== null) return doneOn <= due ? 'done_on_time' : 'done_late';
  return asOf <= due ? 'open_in_time' : 'open_overdue';
}

/** Sum of a unit's or the group's counts. */
export function totalOf(counts: BucketCounts): number {
  return BUCKETS.reduce((sum, b) => sum + counts[b], 0);
}

/**
 * Per (task, unit): given an occurrence's year (null for one-off), the first day its `done` counts
 * from, among reports counted by A (rule 2), or null.
 */
function indexDone(done: BucketDone[], asOf: string): Map<string, (year: number | null) => string | null> {
  const byPair = new Map<string, BucketDone[]>();
  for (const record of done) {
    if (record.doneOn > asOf) continue;
    const key = `${record.taskId}:${record.unitCode}`;
    const list = byPair.get(key);
    if (list) list.push(record);
    else byPair.set(key, [record]);
  }
  const index = new Map<string, (year: number | null) => string | null>();
  for (const [key, records] of byPair) {
    index.set(key, (year) => {
      let first: string | null = null;
      for (const r of records) {
        if (year !== null && Number(r.periodKey.slice(0, 4)) !== year) continue;
        if (first === null || r.doneOn < first) first = r.doneOn;
      }
      return first;
    });
  }
  return index;
}

/** The latest of the units' days, or null when any unit is not done. */
function latestDay(days: (string | null)[]): string | null {
  let latest = '';
  for (const day of days) {
    if (day === null) return null;
    if (day > latest) latest = day;
  }
  return latest;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
