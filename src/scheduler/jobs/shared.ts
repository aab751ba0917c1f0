/** What the jobs share: the lead units' tasks, reminder views, addresses and the fan-out to units. */

import type { CoreDeps } from '../../app/core-deps.ts';
import type { RosterMember, SnoozeRecord } from '../../app/ports/stores.ts';
import type { ReminderTask, ReminderView, View } from '../../app/views.ts';
import { carriesDone, currentDue, daysOverdue } from '../../domain/overdue.ts';
import { type Period, periodOf } from '../../domain/period.ts';
import type { TaskStanding } from '../../domain/report.ts';
import { standingOf } from '../../domain/summary.ts';
import { isoInZone } from '../../domain/zoned-time.ts';
import type { NewOutboxMessage } from '../../store/outbox-store.ts';
import type { TaskRow } from '../../store/plan-store.ts';
import { pairKey } from '../../store/roster-store.ts';
import type { Address, Skipped } from '../audience.ts';
import {
  dailyOccurrences,
  type JobId,
  meetingOccurrences,
  type Occurrence,
  type PlanInput,
  type PlannedMeeting,
  reportMonth,
} from '../plan-occurrences.ts';
import type { JobContext, JobDefinition, MessageKind } from './job.ts';

/** A task with its lead unit's own standing (the unit's report this month, or a carried done). */
export interface UnitTask {
  task: TaskRow;
  unitCode: string;
  standing: TaskStanding;
}

/** Every (task, lead unit) pair of the group's plans with the unit's standing in `month`. */
export async function leadUnitTasks(deps: CoreDeps, month: Period): Promise<UnitTask[]> {
  const tasks = await deps.plans.listTasks(deps.group.id);
  const ids = tasks.map((t) => t.id);
  const [reports, doneBefore] = await Promise.all([
    deps.reports.forPeriod(month.key, ids),
    deps.reports.doneBefore(month.startsOn, ids),
  ]);
  const deadlines = new Map(tasks.map((t) => [t.id, t.deadline]));
  const done = new Set(
    doneBefore
      .filter((d) => carriesDone(deadlines.get(d.taskId)!, d.periodKey, month.key))
      .map((d) => pairKey(d.taskId, d.unitCode)),
  );
  const byTask = new Map<number, typeof reports>();
  for (const report of reports) {
    const list = byTask.get(report.taskId);
    if (list) list.push(report);
    else byTask.set(report.taskId, [report]);
  }
  const out: UnitTask[] = [];
  for (const task of tasks) {
    for (const unitCode of new Set(task.leadUnits)) {
      const own = (byTask.get(task.id) ?? []).filter((r) => r.unitCode === unitCode);
      out.push({ task, unitCode, standing: standingOf([unitCode], own, done, task.id).standing });
    }
  }
  return out;
}

export function reminderTask(
  task: TaskRow,
  standing: TaskStanding,
  today: string,
  snooze?: SnoozeRecord | null,
): ReminderTask {
  return {
    taskId: task.id,
    code: task.code,
    content: task.content,
    leadUnits: task.leadUnits,
    deadline: { text: task.deadline.text, due: currentDue(task.deadline, today) },
    standing,
    daysOverdue: daysOverdue(task.deadline, standing, today),
    ...(snooze ? { snoozedUntil: snooze.until, snoozeReason: snooze.reason } : {}),
  };
}

export function meetingView(meeting: PlannedMeeting, timeZone: string): ReminderView['meeting'] {
  return {
    startsAt: isoInZone(meeting.startsAt, timeZone),
    place: meeting.place,
    agenda: meeting.agenda,
    note: meeting.note,
  };
}

export function reminder(topic: ReminderView['topic'], fields: Partial<ReminderView> = {}): ReminderView {
  return {
    kind: 'reminder',
    topic,
    period: null,
    meeting: null,
    tasks: [],
    units: [],
    actions: false,
    ...fields,
  };
}

export function messages(
  kind: MessageKind,
  occurrence: string,
  addresses: Address[],
  view: View,
  at: Date,
): NewOutboxMessage[] {
  const payload = JSON.stringify(view);
  const unique = new Map(addresses.map((a) => [a.recipient, a]));
  return [...unique.values()].map((a) => ({
    kind,
    occurrence,
    recipient: a.recipient,
    channel: a.platform,
    payload,
    notBefore: at,
  }));
}

/** Members present today (and on `extraDays`) with their addresses. */
export function reach(ctx: JobContext, members: RosterMember[], extraDays: string[] = []): Address[] {
  const days = [ctx.today, ...extraDays];
  return members
    .filter((m) => !days.some((day) => ctx.audience.onLeave(m, day)))
    .flatMap((m) => ctx.audience.addressesOf(m));
}

/** The chair(s) present today; if none can be reached, the vice-chairs. */
export function chairAddresses(ctx: JobContext): Address[] {
  const chairs = reach(ctx, ctx.audience.chairs());
  return chairs.length > 0 ? chairs : reach(ctx, ctx.audience.leaders());
}

export function unitName(ctx: JobContext, code: string): string {
  return ctx.audience.members.find((m) => m.unitCode === code)?.unitName ?? code;
}

export async function unitNames(ctx: JobContext): Promise<Map<string, string>> {
  const units = await ctx.deps.units.names();
  return new Map(units.map((u) => [u.code, u.name]));
}

export function groupByUnit(pairs: UnitTask[]): Map<string, UnitTask[]> {
  const byUnit = new Map<string, UnitTask[]>();
  for (const pair of pairs) {
    const list = byUnit.get(pair.unitCode);
    if (list) list.push(pair);
    else byUnit.set(pair.unitCode, [pair]);
  }
  return byUnit;
}

/**
 * Sends each unit its own tasks; units nobody can be reached in are gathered into one note to the
 * chair (topic unreachable_unit), with the members skipped and why.
 */
export function fanOutToUnits(
  ctx: JobContext,
  job: JobId,
  occurrence: Occurrence,
  byUnit: Map<string, UnitTask[]>,
  names: Map<string, string>,
  view: (unitCode: string, pairs: UnitTask[]) => ReminderView,
): NewOutboxMessage[] {
  const out: NewOutboxMessage[] = [];
  const unreachable: ReminderView['units'] = [];
  const skippedPeople: Skipped[] = [];
  const locale = ctx.audience.chairLocale();
  for (const [unitCode, pairs] of byUnit) {
    const { addresses, skipped } = ctx.audience.reachUnit(unitCode, [ctx.today], locale);
    if (addresses.length === 0) {
      unreachable.push({
        code: unitCode,
        name: names.get(unitCode) ?? unitName(ctx, unitCode),
        taskCodes: pairs.map((p) => p.task.code),
      });
      skippedPeople.push(...skipped);
      continue;
    }
    out.push(...messages(job, occurrence.key, addresses, view(unitCode, pairs), occurrence.at));
  }
  if (unreachable.length > 0) {
    const note = reminder('unreachable_unit', {
      period: occurrence.period,
      units: unreachable,
      people: skippedPeople.map((s) => ({
        name: s.member.displayName,
        unitCode: s.member.unitCode,
        reason: s.reason,
      })),
    });
    out.push(
      ...messages('unreachable-unit', `${job}/${occurrence.key}`, chairAddresses(ctx), note, occurrence.at),
    );
  }
  return out;
}

/** Tasks past their last day (this year's, for a yearly duty) whose lead unit has not reported them done. */
export async function overduePairs(ctx: JobContext): Promise<UnitTask[]> {
  const pairs = await leadUnitTasks(ctx.deps, periodOf('month', ctx.today));
  return pairs.filter((p) => daysOverdue(p.task.deadline, p.standing, ctx.today) !== null);
}

/** Tasks of `pairs`, once each, with a snooze of any of their units (for the chair and the digest). */
export function tasksWithSnoozes(
  ctx: JobContext,
  pairs: UnitTask[],
  snoozes: Map<string, SnoozeRecord>,
): ReminderTask[] {
  const byTask = new Map<number, ReminderTask>();
  for (const pair of pairs) {
    if (byTask.has(pair.task.id)) continue;
    const snoozed = pairs
      .filter((p) => p.task.id === pair.task.id)
      .map((p) => snoozes.get(pairKey(p.task.id, p.unitCode)))
      .find((s) => s !== undefined);
    byTask.set(pair.task.id, reminderTask(pair.task, pair.standing, ctx.today, snoozed));
  }
  return [...byTask.values()].sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0));
}

export function unitsOf(pairs: UnitTask[], names: Map<string, string>): ReminderView['units'] {
  return [...groupByUnit(pairs)].map(([code, list]) => ({
    code,
    name: names.get(code) ?? code,
    taskCodes: list.map((p) => p.task.code),
  }));
}

export const inWindow = (input: PlanInput) => (o: Occurrence) =>
  o.at.getTime() >= input.from.getTime() && o.at.getTime() <= input.to.getTime();
export const meetingJob = (id: JobId) => (input: PlanInput) =>
  input.meetings
    .flatMap((m) => meetingOccurrences(m, input))
    .filter((o) => o.job === id && inWindow(input)(o));
export const dailyJob = (id: JobId) => (input: PlanInput) =>
  dailyOccurrences(input).filter((o) => o.job === id && inWindow(input)(o));

/** One unit of a reminder: its code, name and the codes of its tasks in `pairs`. */
export function unitEntry(
  unitCode: string,
  pairs: UnitTask[],
  names: Map<string, string>,
): ReminderView['units'][number] {
  return { code: unitCode, name: names.get(unitCode) ?? unitCode, taskCodes: pairs.map((p) => p.task.code) };
}

/**
 * A reporting round's messages: each lead unit's members get the unit's tasks that `wanted` keeps,
 * with the report buttons. The round opening and its reminders differ only in that filter and topic.
 */
export async function roundMessages(
  ctx: Parameters<JobDefinition['handler']>[0],
  occurrence: Parameters<JobDefinition['handler']>[1],
  job: 'round-open' | 'round-reminder',
  wanted: (standing: TaskStanding) => boolean,
) {
  const period = occurrence.period!;
  const names = await unitNames(ctx);
  const pairs = (await leadUnitTasks(ctx.deps, reportMonth(period))).filter((p) => wanted(p.standing));
  const meeting = meetingView(occurrence.meeting!, ctx.config.timeZone);
  const topic = job === 'round-open' ? 'round_open' : 'round_reminder';
  return fanOutToUnits(ctx, job, occurrence, groupByUnit(pairs), names, (unitCode, unitPairs) =>
    reminder(topic, {
      period,
      meeting,
      tasks: unitPairs.map((p) => reminderTask(p.task, p.standing, ctx.today)),
      units: [unitEntry(unitCode, unitPairs, names)],
      actions: true,
    }),
  );
}

/** The chair's and the group's list of overdue tasks (with their snoozes) and the units leading them. */
export async function overdueListView(
  ctx: JobContext,
  topic: 'overdue_escalation' | 'overdue_digest',
  pairs: UnitTask[],
): Promise<ReminderView> {
  const snoozes = await ctx.roster.activeSnoozes(ctx.today);
  const names = await unitNames(ctx);
  return reminder(topic, { tasks: tasksWithSnoozes(ctx, pairs, snoozes), units: unitsOf(pairs, names) });
}

/** A reporting round's job: its units' tasks that `wanted` keeps (round-open.ts, round-reminder.ts). */
export function roundJob(
  id: 'round-open' | 'round-reminder',
  when: string,
  wanted: (standing: TaskStanding) => boolean,
): JobDefinition {
  return {
    id,
    when,
    schedule: meetingJob(id),
    handler: async (ctx, occurrence) => ({ messages: await roundMessages(ctx, occurrence, id, wanted) }),
  };
}
