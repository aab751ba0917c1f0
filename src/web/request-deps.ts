/**
 * The overview asks the summary use case for 13 months in one request. Over these request-scoped
 * deps the reads the months share are made once: the tasks, the unit history, each month's reports
 * (one month's "previous" is the month before's "current"), and the first month each task was done
 * (one read for the latest month; earlier months are its rows before them, the same answer the
 * store gives: the first done month, when it is before the month, is the first done before it).
 * Nothing outlives the request.
 */
import type { CoreDeps } from '../app/core-deps.ts';

function memo<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  const cache = new Map<string, Promise<R>>();
  return (...args: A) => {
    const key = JSON.stringify(args);
    let hit = cache.get(key);
    if (!hit) {
      hit = fn(...args);
      cache.set(key, hit);
    }
    return hit;
  };
}

/** An object that answers as `original` except for `overrides`. */
function over<T extends object>(original: T, overrides: Partial<T>): T {
  return Object.assign(Object.create(original) as T, overrides);
}

export function sharedReads(deps: CoreDeps, latestMonthStart: string): CoreDeps {
  const { plans, units, reports } = deps;
  const done = memo((ids: number[] | undefined) => reports.doneBefore(latestMonthStart, ids));
  return {
    ...deps,
    plans: over(plans, { listTasks: memo((groupId: number) => plans.listTasks(groupId)) }),
    units: over(units, { history: memo((options?: { aliases?: boolean }) => units.history(options)) }),
    reports: over(reports, {
      forPeriod: memo((key: string, ids?: number[]) => reports.forPeriod(key, ids)),
      doneBefore: async (beforeDay: string, ids?: number[]) => {
        if (beforeDay > latestMonthStart) return reports.doneBefore(beforeDay, ids);
        const month = beforeDay.slice(0, 7);
        return (await done(ids)).filter((row) => row.periodKey < month);
      },
    }),
  };
}
