/**
 * The scheduler's jobs as definitions (id, schedule, handler), in the manner of documenso's
 * background jobs: `schedule` says when occurrences fall (from the pure planner), `handler` decides
 * who gets what for one occurrence. Handlers only read; the scheduler writes their messages to the
 * outbox in one transaction with the record that the occurrence was decided.
 */
import type { JobId, Occurrence, PlanInput } from '../plan-occurrences.ts';
import type { JobDefinition } from './job.ts';
import { meetingReminderJob } from './meeting-reminder.ts';
import { overdueDigestJob } from './overdue-digest.ts';
import { overdueEscalationJob } from './overdue-escalation.ts';
import { overdueNudgeJob } from './overdue-nudge.ts';
import { roundOpenJob } from './round-open.ts';
import { roundReminderJob } from './round-reminder.ts';
import { summaryJob } from './summary.ts';

export type { JobContext, JobDefinition, JobOutput, MessageKind } from './job.ts';
export { leadUnitTasks, type UnitTask } from './shared.ts';
export {
  meetingReminderJob,
  overdueDigestJob,
  overdueEscalationJob,
  overdueNudgeJob,
  roundOpenJob,
  roundReminderJob,
  summaryJob,
};

export const JOBS: readonly JobDefinition[] = [
  meetingReminderJob,
  roundOpenJob,
  roundReminderJob,
  summaryJob,
  overdueNudgeJob,
  overdueEscalationJob,
  overdueDigestJob,
];

export function jobById(id: JobId): JobDefinition {
  const job = JOBS.find((j) => j.id === id);
  if (!job) throw new Error(`Unknown job ${id}`);
  return job;
}

/** Occurrences of every job in the window, by time (the same as planOccurrences without meetings). */
export function scheduleAll(input: PlanInput): Occurrence[] {
  return JOBS.flatMap((job) => job.schedule(input)).sort((a, b) => a.at.getTime() - b.at.getTime());
}
