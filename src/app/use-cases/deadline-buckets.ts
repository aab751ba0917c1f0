/**
 * The four deadline buckets (src/domain/deadline-buckets.ts has the rules) over what the database
 * holds: for a period and cumulative since the plan began, per unit and overall. The summary, the
 * report files, the scoreboard and the reminder letter read them from here.
 */
import { type BucketDone, type BucketsResult, countBuckets } from '../../domain/deadline-buckets.ts';
import { type Period, todayIn } from '../../domain/period.ts';
import type { CoreDeps } from '../core-deps.ts';
import type { TaskRow } from '../ports/stores.ts';
import { rollReport, rollTask, rollUpOn } from './roll-up.ts';
import { allTasks, tasksOfUnit } from './task-scope.ts';

export interface DeadlineBuckets {
  /** The occurrences due within the period. */
  period: BucketsResult;
  /** Every occurrence since the plan began, as of the same day. */
  cumulative: BucketsResult;
}

/**
 * The buckets of `period` as of its last day (or `today` when earlier); `scopeUnit` limits them to
 * the occurrences that unit leads. Units that no longer exist count under their successor.
 */
export async function deadlineBuckets(
  deps: CoreDeps,
  scopeUnit: string | null,
  period: Period,
  today: string,
  known?: TaskRow[],
): Promise<DeadlineBuckets> {
  const asOf = earlierDay(period.endsOn, today);
  const tasks = known ?? (await allTasks(deps));
  const inScope = scopeUnit ? tasksOfUnit(tasks, scopeUnit) : tasks;
  const ids = inScope.map((task) => task.id);
  const [roll, rows, firstYear] = await Promise.all([
    rollUpOn(deps, asOf),
    deps.reports.doneReports(ids),
    deps.plans.firstYear(deps.group.id),
  ]);
  const done: BucketDone[] = rows.map((row) => {
    const submitted = todayIn(deps.group.timeZone, row.firstDoneAt);
    return rollReport(
      {
        taskId: row.taskId,
        unitCode: row.unitCode,
        periodKey: row.periodKey,
        doneOn: earlierDay(submitted, row.periodEndsOn),
      },
      roll,
    );
  });
  const common = {
    tasks: inScope.map((task) => rollTask(task, roll)),
    done,
    asOf,
    firstYear: firstYear ?? Number(asOf.slice(0, 4)),
    units: roll.names(),
    scopeUnit: scopeUnit ? roll.code(scopeUnit) : null,
  };
  return {
    period: countBuckets({ ...common, window: { startsOn: period.startsOn, endsOn: period.endsOn } }),
    cumulative: countBuckets({ ...common, window: null }),
  };
}

/** The earlier of two days (YYYY-MM-DD). */
export function earlierDay(a: string, b: string): string {
  return a <= b ? a : b;
}
