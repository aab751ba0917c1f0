/**
 * The scheduler: a tick loop over an injected clock and timer. Each tick
 * 1. plans the meetings around now (writing new months, re-planning rule-decided ones),
 * 2. finds the job occurrences due in the last SCHEDULER_GRACE_HOURS that nobody decided yet
 *    (missed ones after a restart or an outage included, once), runs their handlers and records
 *    each decision with its messages in one transaction (src/scheduler/outbox.ts),
 * 3. drains the outbox through the channels.
 * `start()` ticks at once, then at each planned moment (node-schedule, ADR 12: the alarm is set again
 * after every tick) and on a 5-minute safety sweep; `tick()` is callable directly (tests, `/da06 remind
 * now`); `stop()` ends the loop, lets a running tick finish its current send and releases its claims.
 */
import { hostname } from 'node:os';
import type { Clock } from '../app/clock.ts';
import type { CoreDeps } from '../app/core-deps.ts';
import type { Channel } from '../app/ports/channel.ts';
import type { CalendarRepository, MeetingRepository, RosterRepository } from '../app/ports/stores.ts';
import { todayIn } from '../domain/period.ts';
import { WorkingCalendar } from '../domain/working-days.ts';
import { isoInZone, wallClock, zonedInstant } from '../domain/zoned-time.ts';
import type { OutboxStore } from '../store/outbox-store.ts';
import { Audience } from './audience.ts';
import { effectiveRule, type ScheduleConfig, type SchedulerSettings, scheduleConfig } from './config.ts';
import { JOBS, type JobContext, jobById } from './jobs/index.ts';
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
import { realTimer, type Timer } from './timer.ts';

export { realTimer, type Timer } from './timer.ts';

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
  /** How often the safety sweep ticks; 5 minutes by default (the alarm fires at each planned moment). */
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
  /** Sets the alarm again for the next planned moment (after meetings or the rule changed). */
  rearm(): Promise<void>;
}

/** The safety sweep: anything the alarms missed (a clock jump, a meeting moved by another process). */
const DEFAULT_INTERVAL_MS = 5 * 60_000;
/** The shortest wait the alarm is set for (rows due now that this process cannot send wait for the sweep). */
const MIN_ALARM_MS = 1_000;

export function createScheduler(options: SchedulerOptions): Scheduler {
  return new TickScheduler(options);
}

/** The scheduler of one process: `tick()` plans, decides and drains; `start()` runs it on the timer. */
class TickScheduler implements Scheduler {
  readonly workerId: string;
  readonly config: ScheduleConfig;
  private readonly group: CoreDeps['group'];
  private readonly logger: SchedulerLogger;
  private readonly timer: Timer;
  private readonly meetings: MeetingRepository;
  private readonly calendarStore: CalendarRepository;
  private readonly roster: RosterRepository;
  private readonly outbox: Outbox;
  private handle: unknown = null;
  private alarm: unknown = null;
  private arming: Promise<void> = Promise.resolve();
  private running: Promise<TickResult> | null = null;
  private stopping = false;

  constructor(private readonly options: SchedulerOptions) {
    const { deps, clock } = options;
    this.group = deps.group;
    this.config = scheduleConfig(options.settings, this.group);
    this.logger = options.logger ?? silentLogger;
    this.timer = options.timer ?? realTimer;
    this.workerId =
      options.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
    this.meetings = deps.meetings;
    this.calendarStore = deps.calendar;
    this.roster = deps.roster;
    this.outbox = new Outbox({
      stores: { outbox: options.outbox, meetings: deps.meetings, roster: deps.roster },
      group: this.group,
      clock,
      workerId: this.workerId,
      logger: this.logger,
    });
  }

  async start(): Promise<void> {
    this.stopping = false;
    if (this.handle !== null) return;
    this.handle = this.timer.setInterval(
      () => this.loopTick(),
      this.options.intervalMs ?? DEFAULT_INTERVAL_MS,
    );
    await this.tick().catch((error) => this.logger.error({ err: error }, 'scheduler: first tick failed'));
    await this.arming;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.handle !== null) this.timer.clearInterval(this.handle);
    this.handle = null;
    await this.running?.catch(() => {});
    await this.arming;
    this.clearAlarm();
    await this.outbox.releaseAll();
  }

  tick(): Promise<TickResult> {
    if (this.running) return this.running;
    this.running = this.runTick().finally(() => {
      this.running = null;
      if (this.handle !== null && !this.stopping) {
        this.rearm().catch((error) =>
          this.logger.error({ err: error }, 'scheduler: setting the alarm failed'),
        );
      }
    });
    return this.running;
  }

  /** Settings of the alarm, one at a time (after each tick, and when meetings or the rule change). */
  rearm(): Promise<void> {
    this.arming = this.arming
      .then(() => this.setAlarm())
      .catch((error) => this.logger.error({ err: error }, 'scheduler: setting the alarm failed'));
    return this.arming;
  }

  /** The alarm for the next planned occurrence or the next message due in the outbox. */
  private async setAlarm(): Promise<void> {
    if (this.handle === null || this.stopping) return;
    const now = this.options.clock.now();
    const [occurrence, due] = await Promise.all([this.nextOccurrence(now), this.outbox.store.nextDue(now)]);
    const next = [occurrence?.at, due].filter((at): at is Date => at instanceof Date);
    this.clearAlarm();
    if (next.length === 0 || this.handle === null || this.stopping) return;
    const at = Math.min(...next.map((d) => d.getTime()));
    const wait = Math.max(MIN_ALARM_MS, at - this.options.clock.now().getTime());
    this.alarm = this.timer.setAlarm(() => {
      this.alarm = null;
      this.loopTick();
    }, wait);
  }

  private clearAlarm(): void {
    if (this.alarm !== null) this.timer.clearAlarm(this.alarm);
    this.alarm = null;
  }

  async preview(from: Date, months: number): Promise<PreviewItem[]> {
    const config = this.config;
    const to = endOfMonths(from, months, config.timeZone);
    const { calendar, meetings: planned } = await this.context(this.options.clock.now(), false, from, to);
    return planOccurrences({ meetings: planned, calendar, config, from, to })
      .filter((o) => o.job === 'meeting' || PREVIEW_JOBS.has(o.job))
      .map((o) => previewItem(o, config.timeZone));
  }

  async nextOccurrence(after: Date, horizonDays = 40): Promise<Occurrence | null> {
    const from = new Date(after.getTime() + 1);
    const to = new Date(after.getTime() + horizonDays * 86_400_000);
    const { calendar, meetings: planned } = await this.context(this.options.clock.now(), false, from, to);
    const config = this.config;
    return (
      planOccurrences({ meetings: planned, calendar, config, from, to }).find((o) => o.job !== 'meeting') ??
      null
    );
  }

  private loopTick(): void {
    this.tick().catch((error) => this.logger.error({ err: error }, 'scheduler: tick failed'));
  }

  private async context(now: Date, write: boolean, from: Date, to: Date) {
    const config = this.config;
    const calendar = new WorkingCalendar(await this.calendarStore.list());
    const rule = effectiveRule(await this.meetings.readRule(), config);
    const planned: PlannedMeeting[] = await loadMeetings({
      store: this.meetings,
      rule,
      calendar,
      config,
      months: monthsAround(from, to, config.timeZone),
      now,
      write,
    });
    return { calendar, rule, meetings: planned };
  }

  private async runTick(): Promise<TickResult> {
    const now = this.options.clock.now();
    const config = this.config;
    const from = new Date(now.getTime() - config.graceMs);
    const { calendar, meetings: planned } = await this.context(now, true, from, now);
    const due = planOccurrences({ meetings: planned, calendar, config, from, to: now }).filter(
      (o): o is Occurrence & { job: JobId } => o.job !== 'meeting' && stillUseful(o, now),
    );
    const decided = await this.outbox.store.decided(due.map((o) => `${o.job}/${o.key}`));
    const todo = due.filter((o) => !decided.has(`${o.job}/${o.key}`));
    const { decided: decidedCount, planned: plannedCount } =
      todo.length > 0 ? await this.decide(todo, calendar, now) : { decided: 0, planned: 0 };
    const drained = this.stopping
      ? emptyDrainResult()
      : await this.outbox.drain(this.options.channels, {
          ...this.options.drain,
          shouldStop: () => this.stopping,
        });
    const pending = await this.outbox.store.pendingCount();
    return { ...drained, decided: decidedCount, planned: plannedCount, pending };
  }

  /** Runs the handlers of the occurrences due and nobody decided, recording each decision with its messages. */
  private async decide(
    todo: (Occurrence & { job: JobId })[],
    calendar: WorkingCalendar,
    now: Date,
  ): Promise<{ decided: number; planned: number }> {
    const today = todayIn(this.config.timeZone, now);
    // Reminders for a unit that no longer exists also reach its successor's members (issue 15).
    const history = await this.options.deps.units.history({ aliases: false });
    const ctx: JobContext = {
      deps: this.options.deps,
      config: this.config,
      calendar,
      audience: await Audience.load(
        this.roster,
        this.options.channels,
        this.group,
        (code) => history.rollUp(code, today).code,
      ),
      roster: this.roster,
      outbox: this.outbox.store,
      now,
      today,
    };
    let decided = 0;
    let planned = 0;
    const notBefore = (at: Date) => (at.getTime() > now.getTime() ? at : now);
    for (const occurrence of todo) {
      if (this.stopping) break;
      const output = await jobById(occurrence.job).handler(ctx, occurrence);
      const { recorded, messages } = await this.outbox.enqueue({
        job: occurrence.job,
        occurrence: occurrence.key,
        messages: output.messages.map((m) => ({ ...m, notBefore: notBefore(m.notBefore) })),
        marks: output.marks,
      });
      if (!recorded) continue;
      decided++;
      planned += messages;
      this.logger.info({ job: occurrence.job, occurrence: occurrence.key, messages }, 'scheduler: decided');
    }
    return { decided, planned };
  }
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
