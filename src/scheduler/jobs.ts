/**
 * The scheduler's jobs as definitions (id, schedule, handler), in the manner of documenso's
 * background jobs: `schedule` says when occurrences fall (from the pure planner), `handler` decides
 * who gets what for one occurrence. Handlers only read; the scheduler writes their messages to the
 * outbox in one transaction with the record that the occurrence was decided.
 */

import type { CoreDeps } from '../app/core-deps.ts';
import type { RosterMember, RosterRepository, SnoozeRecord } from '../app/ports/stores.ts';
import { summaryData } from '../app/use-cases/summarize.ts';
import type { ReminderTask, ReminderView, SummaryView, View } from '../app/views.ts';
import { daysOverdue, isDated } from '../domain/overdue.ts';
import { type Period, periodOf } from '../domain/period.ts';
import type { TaskStanding } from '../domain/report.ts';
import { standingOf } from '../domain/summary.ts';
import type { WorkingCalendar } from '../domain/working-days.ts';
import { isoInZone } from '../domain/zoned-time.ts';
import type { NewOutboxMessage, OutboxStore } from '../store/outbox-store.ts';
import type { TaskRow } from '../store/plan-store.ts';
import { pairKey } from '../store/roster-store.ts';
import { type Address, type Audience, type Skipped, viewerOf } from './audience.ts';
import type { ScheduleConfig } from './config.ts';
import {
  dailyOccurrences,
  type JobId,
  meetingOccurrences,
  type Occurrence,
  type PlanInput,
  type PlannedMeeting,
  reportMonth,
} from './plan-occurrences.ts';

/** Outbox kinds: one per job, plus the notes to the chair. */
export type MessageKind = JobId | 'unreachable-unit' | 'undeliverable';

export interface JobContext {
  deps: CoreDeps;
  config: ScheduleConfig;
  calendar: WorkingCalendar;
  audience: Audience;
  roster: RosterRepository;
  outbox: OutboxStore;
  now: Date;
  /** Today in the group's time zone. */
  today: string;
}

export interface JobOutput {
  messages: NewOutboxMessage[];
  marks?: string[];
}

export interface JobDefinition {
  id: JobId;
  /** When it runs, in words (docs/scheduler.md lists the same). */
  when: string;
  /** Its occurrences in the plan's window. */
  schedule(input: PlanInput): Occurrence[];
  /** Who gets what for one occurrence. Reads only. */
  handler(ctx: JobContext, occurrence: Occurrence): Promise<JobOutput>;
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

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
  const done = new Set(doneBefore.map((d) => pairKey(d.taskId, d.unitCode)));
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

function reminderTask(
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
    deadline: { text: task.deadline.text, due: task.deadline.due },
    standing,
    daysOverdue: daysOverdue(task.deadline, standing, today),
    ...(snooze ? { snoozedUntil: snooze.until, snoozeReason: snooze.reason } : {}),
  };
}

function meetingView(meeting: PlannedMeeting, timeZone: string): ReminderView['meeting'] {
  return {
    startsAt: isoInZone(meeting.startsAt, timeZone),
    place: meeting.place,
    agenda: meeting.agenda,
    note: meeting.note,
  };
}

function reminder(topic: ReminderView['topic'], fields: Partial<ReminderView> = {}): ReminderView {
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

function messages(
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
function reach(ctx: JobContext, members: RosterMember[], extraDays: string[] = []): Address[] {
  const days = [ctx.today, ...extraDays];
  return members
    .filter((m) => !days.some((day) => ctx.audience.onLeave(m, day)))
    .flatMap((m) => ctx.audience.addressesOf(m));
}

/** The chair(s) present today; if none can be reached, the vice-chairs. */
function chairAddresses(ctx: JobContext): Address[] {
  const chairs = reach(ctx, ctx.audience.chairs());
  return chairs.length > 0 ? chairs : reach(ctx, ctx.audience.leaders());
}

function unitName(ctx: JobContext, code: string): string {
  return ctx.audience.members.find((m) => m.unitCode === code)?.unitName ?? code;
}

async function unitNames(ctx: JobContext): Promise<Map<string, string>> {
  const units = await ctx.deps.units.names();
  return new Map(units.map((u) => [u.code, u.name]));
}

function groupByUnit(pairs: UnitTask[]): Map<string, UnitTask[]> {
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
function fanOutToUnits(
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

/** Dated tasks past their last day whose lead unit has not reported them done. */
async function overduePairs(ctx: JobContext): Promise<UnitTask[]> {
  const pairs = await leadUnitTasks(ctx.deps, periodOf('month', ctx.today));
  return pairs.filter(
    (p) => isDated(p.task.deadline) && daysOverdue(p.task.deadline, p.standing, ctx.today) !== null,
  );
}

/** Tasks of `pairs`, once each, with a snooze of any of their units (for the chair and the digest). */
function tasksWithSnoozes(
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

function unitsOf(pairs: UnitTask[], names: Map<string, string>): ReminderView['units'] {
  return [...groupByUnit(pairs)].map(([code, list]) => ({
    code,
    name: names.get(code) ?? code,
    taskCodes: list.map((p) => p.task.code),
  }));
}

const inWindow = (input: PlanInput) => (o: Occurrence) =>
  o.at.getTime() >= input.from.getTime() && o.at.getTime() <= input.to.getTime();
const meetingJob = (id: JobId) => (input: PlanInput) =>
  input.meetings
    .flatMap((m) => meetingOccurrences(m, input))
    .filter((o) => o.job === id && inWindow(input)(o));
const dailyJob = (id: JobId) => (input: PlanInput) =>
  dailyOccurrences(input).filter((o) => o.job === id && inWindow(input)(o));

// ---------------------------------------------------------------------------------------------
// The jobs

export const meetingReminderJob: JobDefinition = {
  id: 'meeting-reminder',
  when: 'MEETING_REMINDER_OFFSETS before each meeting (whole days: on the working day before, if off)',
  schedule: meetingJob('meeting-reminder'),
  async handler(ctx, occurrence) {
    const meeting = occurrence.meeting!;
    const view = reminder('meeting', { meeting: meetingView(meeting, ctx.config.timeZone) });
    const addresses = [...ctx.audience.groupAddresses, ...reach(ctx, ctx.audience.members, [meeting.day])];
    return { messages: messages('meeting-reminder', occurrence.key, addresses, view, occurrence.at) };
  },
};

/**
 * A reporting round's messages: each lead unit's members get the unit's tasks that `wanted` keeps,
 * with the report buttons. The round opening and its reminders differ only in that filter and topic.
 */
async function roundMessages(
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
      units: [
        {
          code: unitCode,
          name: names.get(unitCode) ?? unitCode,
          taskCodes: unitPairs.map((p) => p.task.code),
        },
      ],
      actions: true,
    }),
  );
}

export const roundOpenJob: JobDefinition = {
  id: 'round-open',
  when: 'ROUND_OPEN_DAYS_BEFORE days before each meeting, at OVERDUE_CHECK_AT',
  schedule: meetingJob('round-open'),
  async handler(ctx, occurrence) {
    return {
      messages: await roundMessages(ctx, occurrence, 'round-open', (standing) => standing !== 'done'),
    };
  },
};

export const roundReminderJob: JobDefinition = {
  id: 'round-reminder',
  when: 'ROUND_REMINDER_DAYS_BEFORE days before each meeting, at OVERDUE_CHECK_AT, to units that have not reported',
  schedule: meetingJob('round-reminder'),
  async handler(ctx, occurrence) {
    return {
      messages: await roundMessages(
        ctx,
        occurrence,
        'round-reminder',
        (standing) => standing === 'not_reported',
      ),
    };
  },
};

export const summaryJob: JobDefinition = {
  id: 'summary',
  when: 'the working day before each meeting at 16:00, to the chair',
  schedule: meetingJob('summary'),
  async handler(ctx, occurrence) {
    const period = occurrence.period!;
    const data = await summaryData(ctx.deps, null, period, ctx.today);
    const out: NewOutboxMessage[] = [];
    const chairs = ctx.audience.chairs().filter((m) => !ctx.audience.onLeave(m, ctx.today));
    for (const chair of chairs) {
      const view: SummaryView = { kind: 'summary', viewer: viewerOf(chair), ...data };
      out.push(...messages('summary', occurrence.key, ctx.audience.addressesOf(chair), view, occurrence.at));
    }
    return { messages: out };
  },
};

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
          units: [
            {
              code: unitCode,
              name: names.get(unitCode) ?? unitCode,
              taskCodes: list.map((p) => p.task.code),
            },
          ],
          actions: true,
        }),
      ),
    };
  },
};

export const overdueEscalationJob: JobDefinition = {
  id: 'overdue-escalation',
  when: 'every working day at OVERDUE_CHECK_AT: tasks ESCALATE_AFTER_WORKING_DAYS working days overdue, once each, to the chair and vice-chairs',
  schedule: dailyJob('overdue-escalation'),
  async handler(ctx, occurrence) {
    const late = (await overduePairs(ctx)).filter(
      (p) => ctx.calendar.workingDaysAfter(p.task.deadline.due!, ctx.today) >= ctx.config.escalateAfter,
    );
    const markOf = (p: UnitTask) => `escalated/${pairKey(p.task.id, p.unitCode)}:${p.task.deadline.due}`;
    const already = await ctx.outbox.marked(late.map(markOf));
    const fresh = late.filter((p) => !already.has(markOf(p)));
    if (fresh.length === 0) return { messages: [] };
    const snoozes = await ctx.roster.activeSnoozes(ctx.today);
    const names = await unitNames(ctx);
    const view = reminder('overdue_escalation', {
      tasks: tasksWithSnoozes(ctx, fresh, snoozes),
      units: unitsOf(fresh, names),
    });
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

export const overdueDigestJob: JobDefinition = {
  id: 'overdue-digest',
  when: 'the first working day of each week at OVERDUE_CHECK_AT, to the group channel',
  schedule: dailyJob('overdue-digest'),
  async handler(ctx, occurrence) {
    const pairs = await overduePairs(ctx);
    if (pairs.length === 0 || ctx.audience.groupAddresses.length === 0) return { messages: [] };
    const snoozes = await ctx.roster.activeSnoozes(ctx.today);
    const names = await unitNames(ctx);
    const view = reminder('overdue_digest', {
      tasks: tasksWithSnoozes(ctx, pairs, snoozes),
      units: unitsOf(pairs, names),
    });
    return {
      messages: messages('overdue-digest', occurrence.key, ctx.audience.groupAddresses, view, occurrence.at),
    };
  },
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
