/**
 * The scheduler: a tick loop over an injected clock and timer. Each tick
 * 1. plans the meetings around now (writing new months, re-planning rule-decided ones),
 * 2. finds the job occurrences due in the last SCHEDULER_GRACE_HOURS that nobody decided yet
 *    (missed ones after a restart or an outage included, once), runs their handlers and records
 *    each decision with its messages in one transaction (src/scheduler/outbox.ts),
 * 3. drains the outbox through the channels.
 * `start()` ticks at once and then every ~30 s; `tick()` is callable directly (tests, `/da06 remind
 * now`); `stop()` ends the loop, lets a running tick finish its current send and releases its claims.
 */
import { hostname } from 'node:os';
import type { Clock } from '../app/clock.ts';
import type { CoreDeps } from '../app/core-deps.ts';
import type { Channel } from '../app/ports/channel.ts';
import { todayIn } from '../domain/period.ts';
import { WorkingCalendar } from '../domain/working-days.ts';
import { isoInZone, wallClock, zonedInstant } from '../domain/zoned-time.ts';
import type { OutboxStore } from '../store/outbox-store.ts';
import { Audience } from './audience.ts';
import { effectiveRule, type ScheduleConfig, type SchedulerSettings, scheduleConfig } from './config.ts';
import { JOBS, type JobContext, jobById } from './jobs.ts';
import { loadMeetings } from './meetings.ts';
import {
  DEFAULT_DRAIN_POLICY,
  type DrainOptions,
  type DrainPolicy,
  type DrainResult,
  emptyDrainResult,
  Outbox,
  type SchedulerLogger,
  silentLogger,
} from './outbox.ts';
import {
  type JobId,
  monthsAround,
  type Occurrence,
  type PlannedMeeting,
  planOccurrences,
} from './plan-occurrences.ts';

export interface Timer {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const realTimer: Timer = {
  setInterval: (callback, ms) => {
    const handle = setInterval(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export interface SchedulerOptions {
  /** The stores, the group and the clock the core uses (the jobs read tasks and reports through them). */
  deps: CoreDeps;
  /** The outbox's rows (`createStores(…).outbox`). */
  outbox: OutboxStore;
  channels: Channel[];
  clock: Clock;
  settings: SchedulerSettings;
  logger?: SchedulerLogger;
  timer?: Timer;
  /** How often the loop ticks; 30 s by default. */
  intervalMs?: number;
  /** Names this process's claims; unique per process by default. */
  workerId?: string;
  /** Retry and claim timings (tests shorten them). */
  drain?: Partial<DrainPolicy> & Pick<DrainOptions, 'onSent'>;
}

export interface TickResult extends DrainResult {
  /** Occurrences decided in this tick (by this process). */
  decided: number;
  /** Messages written to the outbox in this tick. */
  planned: number;
  /** Messages still waiting (pending) after the tick, due now or later. */
  pending: number;
}

export interface PreviewItem {
  kind: 'meeting' | 'meeting-reminder' | 'round-open' | 'round-reminder' | 'summary';
  /** ISO date-time with the group's offset: "2024-06-25T09:00:00+07:00". */
  at: string;
  /** The meeting's month, "2024-06". */
  occurrence: string;
  /** The reporting period of a round ("2024-06", "2024-H1", "2024"). */
  period?: string;
  /** "3d", "1h" for reminders. */
  offset?: string;
  /** Meetings: planned or cancelled. */
  status?: string;
  place?: string | null;
  /** Why it moved, if it moved. */
  note?: string;
}

export interface Scheduler {
  readonly workerId: string;
  readonly config: ScheduleConfig;
  start(): Promise<void>;
  stop(): Promise<void>;
  tick(): Promise<TickResult>;
  /** Meetings and rounds from `from` for `months` months, without writing or sending anything. */
  preview(from: Date, months: number): Promise<PreviewItem[]>;
  /** The next occurrence of any job after `after` (the simulation jumps its clock there). */
  nextOccurrence(after: Date, horizonDays?: number): Promise<Occurrence | null>;
}

const DEFAULT_INTERVAL_MS = 30_000;

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { deps, channels, clock } = options;
  const group = deps.group;
  const config = scheduleConfig(options.settings, group);
  const logger = options.logger ?? silentLogger;
  const timer = options.timer ?? realTimer;
  const workerId =
    options.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const meetings = deps.meetings;
  const calendarStore = deps.calendar;
  const roster = deps.roster;
  const outbox = new Outbox({
    stores: { outbox: options.outbox, meetings: deps.meetings, roster: deps.roster },
    group,
    clock,
    workerId,
    logger,
  });

  let handle: unknown = null;
  let running: Promise<TickResult> | null = null;
  let stopping = false;

  async function context(now: Date, write: boolean, from: Date, to: Date) {
    const calendar = new WorkingCalendar(await calendarStore.list());
    const rule = effectiveRule(await meetings.readRule(), config);
    const planned: PlannedMeeting[] = await loadMeetings({
      store: meetings,
      rule,
      calendar,
      config,
      months: monthsAround(from, to, config.timeZone),
      now,
      write,
    });
    return { calendar, rule, meetings: planned };
  }

  async function runTick(): Promise<TickResult> {
    const now = clock.now();
    const from = new Date(now.getTime() - config.graceMs);
    const { calendar, meetings: planned } = await context(now, true, from, now);
    const due = planOccurrences({ meetings: planned, calendar, config, from, to: now }).filter(
      (o): o is Occurrence & { job: JobId } => o.job !== 'meeting' && stillUseful(o, now),
    );
    const decided = await outbox.store.decided(due.map((o) => `${o.job}/${o.key}`));
    const todo = due.filter((o) => !decided.has(`${o.job}/${o.key}`));
    let decidedCount = 0;
    let planned_ = 0;
    if (todo.length > 0) {
      const today = todayIn(config.timeZone, now);
      // Reminders for a unit that no longer exists also reach its successor's members (issue 15).
      const history = await deps.units.history({ aliases: false });
      const ctx: JobContext = {
        deps,
        config,
        calendar,
        audience: await Audience.load(roster, channels, group, (code) => history.rollUp(code, today).code),
        roster,
        outbox: outbox.store,
        now,
        today,
      };
      for (const occurrence of todo) {
        if (stopping) break;
        const output = await jobById(occurrence.job).handler(ctx, occurrence);
        const notBefore = (at: Date) => (at.getTime() > now.getTime() ? at : now);
        const { recorded, messages } = await outbox.enqueue({
          job: occurrence.job,
          occurrence: occurrence.key,
          messages: output.messages.map((m) => ({ ...m, notBefore: notBefore(m.notBefore) })),
          marks: output.marks,
        });
        if (!recorded) continue;
        decidedCount++;
        planned_ += messages;
        logger.info({ job: occurrence.job, occurrence: occurrence.key, messages }, 'scheduler: decided');
      }
    }
    const drained = stopping
      ? emptyDrainResult()
      : await outbox.drain(channels, { ...options.drain, shouldStop: () => stopping });
    const pending = await outbox.store.pendingCount();
    return { ...drained, decided: decidedCount, planned: planned_, pending };
  }

  function tick(): Promise<TickResult> {
    if (running) return running;
    running = runTick().finally(() => {
      running = null;
    });
    return running;
  }

  function loopTick(): void {
    tick().catch((error) => logger.error({ err: error }, 'scheduler: tick failed'));
  }

  return {
    workerId,
    config,
    async start() {
      stopping = false;
      if (handle !== null) return;
      handle = timer.setInterval(loopTick, options.intervalMs ?? DEFAULT_INTERVAL_MS);
      await tick().catch((error) => logger.error({ err: error }, 'scheduler: first tick failed'));
    },
    async stop() {
      stopping = true;
      if (handle !== null) timer.clearInterval(handle);
      handle = null;
      await running?.catch(() => {});
      await outbox.releaseAll();
    },
    tick,
    async preview(from, months) {
      const to = endOfMonths(from, months, config.timeZone);
      const { calendar, meetings: planned } = await context(clock.now(), false, from, to);
      return planOccurrences({ meetings: planned, calendar, config, from, to })
        .filter((o) => o.job === 'meeting' || PREVIEW_JOBS.has(o.job))
        .map((o) => previewItem(o, config.timeZone));
    },
    async nextOccurrence(after, horizonDays = 40) {
      const from = new Date(after.getTime() + 1);
      const to = new Date(after.getTime() + horizonDays * 86_400_000);
      const { calendar, meetings: planned } = await context(clock.now(), false, from, to);
      return (
        planOccurrences({ meetings: planned, calendar, config, from, to }).find((o) => o.job !== 'meeting') ??
        null
      );
    },
  };
}

const PREVIEW_JOBS = new Set<string>(['meeting-reminder', 'round-open', 'round-reminder', 'summary']);

/** A missed occurrence is decided late only while it is still useful: never after its meeting started. */
function stillUseful(o: Occurrence, now: Date): boolean {
  if (!o.meeting) return true;
  return o.meeting.status === 'planned' && o.meeting.startsAt.getTime() > now.getTime();
}

function previewItem(o: Occurrence, timeZone: string): PreviewItem {
  const item: PreviewItem = {
    kind: o.job as PreviewItem['kind'],
    at: isoInZone(o.at, timeZone),
    occurrence: o.meeting?.month ?? o.key,
  };
  if (o.period) item.period = o.period.key;
  if (o.offset) item.offset = o.offset;
  if (o.job === 'meeting' && o.meeting) {
    item.status = o.meeting.status;
    item.place = o.meeting.place;
  }
  if (o.note) item.note = o.note;
  return item;
}

/** The end of the `months`-th month counted from the month of `from`, in the group's zone. */
function endOfMonths(from: Date, months: number, timeZone: string): Date {
  const local = wallClock(from, timeZone).day;
  const month = Number(local.slice(5, 7)) - 1 + Math.max(1, months);
  const year = Number(local.slice(0, 4)) + Math.floor(month / 12);
  const first = `${year}-${String((month % 12) + 1).padStart(2, '0')}-01`;
  return new Date(zonedInstant(first, '00:00', timeZone).getTime() - 1);
}

export { DEFAULT_DRAIN_POLICY, JOBS };
