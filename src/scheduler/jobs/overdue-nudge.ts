/**
 * Overdue nudges on the ladder (NUDGE_LADDER, src/domain/nudge-ladder.ts): a lead unit hears of its
 * overdue tasks on the working days its ladder names for any of them (counted per task from its
 * first working day overdue), never every morning. Each nudge lists the unit's overdue tasks (not
 * snoozed) and what changed since its last nudge: tasks newly overdue and tasks reported done since.
 * The last nudge of each unit is a mark "nudge/UNIT/DAY:taskIds" in the outbox.
 */

import { isNudgeDay } from '../../domain/nudge-ladder.ts';
import { currentDue, daysOverdue } from '../../domain/overdue.ts';
import { periodOf } from '../../domain/period.ts';
import { pairKey } from '../../store/roster-store.ts';
import type { JobContext, JobDefinition } from './job.ts';
import {
  dailyJob,
  fanOutToUnits,
  groupByUnit,
  leadUnitTasks,
  reminder,
  reminderTask,
  type UnitTask,
  unitEntry,
  unitNames,
} from './shared.ts';

export const overdueNudgeJob: JobDefinition = {
  id: 'overdue-nudge',
  when: 'working days the NUDGE_LADDER names (per task, from its first working day overdue) at OVERDUE_CHECK_AT, to the lead units of overdue tasks (snoozed ones skipped), with what changed since the last nudge',
  schedule: dailyJob('overdue-nudge'),
  async handler(ctx, occurrence) {
    const snoozes = await ctx.roster.activeSnoozes(ctx.today);
    const everyPair = await leadUnitTasks(ctx.deps, periodOf('month', ctx.today));
    const pairs = everyPair.filter(
      (p) =>
        daysOverdue(p.task.deadline, p.standing, ctx.today) !== null &&
        !snoozes.has(pairKey(p.task.id, p.unitCode)),
    );
    const due = [...groupByUnit(pairs)].filter(([, list]) => list.some((p) => onLadder(ctx, p)));
    if (due.length === 0) return { messages: [] };
    const names = await unitNames(ctx);
    const changes = new Map<string, NudgeChanges | undefined>();
    const marks: string[] = [];
    for (const [unitCode, list] of due) {
      const last = await ctx.outbox.latestMark(`nudge/${unitCode}/`);
      changes.set(
        unitCode,
        changesSince(
          last,
          list,
          everyPair.filter((p) => p.unitCode === unitCode),
        ),
      );
      marks.push(
        `nudge/${unitCode}/${ctx.today}:${list
          .map((p) => p.task.id)
          .sort((a, b) => a - b)
          .join(',')}`,
      );
    }
    const messages = fanOutToUnits(ctx, 'overdue-nudge', occurrence, new Map(due), names, (unitCode, list) =>
      reminder('overdue_nudge', {
        tasks: list.map((p) => reminderTask(p.task, p.standing, ctx.today)),
        units: [unitEntry(unitCode, list, names)],
        actions: true,
        ...withChanges(changes.get(unitCode)),
      }),
    );
    return { messages, marks };
  },
};

type NudgeChanges = { since: string; newOverdue: string[]; doneSince: string[] };

/** Whether today is a ladder day for this task: steps count from its first working day overdue. */
function onLadder(ctx: JobContext, pair: UnitTask): boolean {
  const due = currentDue(pair.task.deadline, ctx.today);
  if (due === null) return false;
  const step = ctx.calendar.workingDaysAfter(due, ctx.today) - 1;
  return isNudgeDay(ctx.config.nudgeLadder, step);
}

/**
 * What changed since the unit's last nudge (mark "nudge/UNIT/DAY:ids"): tasks overdue now that the
 * last one did not list, and tasks it listed that the unit has since reported done. Undefined for
 * a unit's first nudge.
 */
function changesSince(mark: string | null, now: UnitTask[], unitPairs: UnitTask[]): NudgeChanges | undefined {
  if (mark === null) return undefined;
  const [day, ids] = mark.slice(mark.lastIndexOf('/') + 1).split(':') as [string, string | undefined];
  const before = new Set(
    (ids ?? '')
      .split(',')
      .filter((s) => s !== '')
      .map(Number),
  );
  const current = new Set(now.map((p) => p.task.id));
  return {
    since: day,
    newOverdue: now.filter((p) => !before.has(p.task.id)).map((p) => p.task.code),
    doneSince: unitPairs
      .filter((p) => before.has(p.task.id) && !current.has(p.task.id) && p.standing === 'done')
      .map((p) => p.task.code),
  };
}

function withChanges(changes: NudgeChanges | undefined): { changes?: NudgeChanges } {
  return changes ? { changes } : {};
}
