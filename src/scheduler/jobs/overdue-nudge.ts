import { pairKey } from '../../store/roster-store.ts';
import type { JobDefinition } from './job.ts';
import {
  dailyJob,
  fanOutToUnits,
  groupByUnit,
  overduePairs,
  reminder,
  reminderTask,
  unitEntry,
  unitNames,
} from './shared.ts';

export const overdueNudgeJob: JobDefinition = {
  id: 'overdue-nudge',
  when: 'every working day at OVERDUE_CHECK_AT, to the lead units of overdue tasks (snoozed ones skipped)',
  schedule: dailyJob('overdue-nudge'),
  async handler(ctx, occurrence) {
    const snoozes = await ctx.roster.activeSnoozes(ctx.today);
    const pairs = (await overduePairs(ctx)).filter((p) => !snoozes.has(pairKey(p.task.id, p.unitCode)));
    const names = await unitNames(ctx);
    return {
      messages: fanOutToUnits(ctx, 'overdue-nudge', occurrence, groupByUnit(pairs), names, (unitCode, list) =>
        reminder('overdue_nudge', {
          tasks: list.map((p) => reminderTask(p.task, p.standing, ctx.today)),
          units: [unitEntry(unitCode, list, names)],
          actions: true,
        }),
      ),
    };
  },
};
