import { currentDue } from '../../domain/overdue.ts';
import { pairKey } from '../../store/roster-store.ts';
import type { JobDefinition } from './job.ts';
import { dailyJob, messages, overdueListView, overduePairs, reach, type UnitTask } from './shared.ts';

export const overdueEscalationJob: JobDefinition = {
  id: 'overdue-escalation',
  when: 'every working day at OVERDUE_CHECK_AT: tasks ESCALATE_AFTER_WORKING_DAYS working days overdue, once each, to the chair and vice-chairs, offering the reminder letter (/da06 letter)',
  schedule: dailyJob('overdue-escalation'),
  async handler(ctx, occurrence) {
    const late = (await overduePairs(ctx)).filter(
      (p) =>
        ctx.calendar.workingDaysAfter(currentDue(p.task.deadline, ctx.today)!, ctx.today) >=
        ctx.config.escalateAfter,
    );
    const markOf = (p: UnitTask) =>
      `escalated/${pairKey(p.task.id, p.unitCode)}:${currentDue(p.task.deadline, ctx.today)}`;
    const already = await ctx.outbox.marked(late.map(markOf));
    const fresh = late.filter((p) => !already.has(markOf(p)));
    if (fresh.length === 0) return { messages: [] };
    // The chair is offered the reminder letter (công văn đôn đốc) to the units concerned.
    const letterUnits = [...new Set(fresh.map((p) => p.unitCode))].sort();
    const view = { ...(await overdueListView(ctx, 'overdue_escalation', fresh)), letterUnits };
    const out = messages(
      'overdue-escalation',
      occurrence.key,
      reach(ctx, ctx.audience.leaders()),
      view,
      occurrence.at,
    );
    // Remember only what someone was told; with nobody to tell, tomorrow's check tries again.
    return out.length > 0 ? { messages: out, marks: fresh.map(markOf) } : { messages: [] };
  },
};
