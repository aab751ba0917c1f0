/**
 * Scheduler test support: fake channels (plain objects implementing `Channel`, the scheduler's
 * process edge), a scheduler over the core fixture with a clock the test moves, and a reset between
 * scenarios that share one database.
 */
import type { Clock } from '../../src/app/clock.ts';
import type { CoreDeps } from '../../src/app/core-deps.ts';
import type {
  Channel,
  Delivery as DeliveryKey,
  Recipient,
  SendOutcome,
} from '../../src/app/ports/channel.ts';
import type { ReminderView, View } from '../../src/app/views.ts';
import type { Platform } from '../../src/domain/roles.ts';
import { SCHEDULER_DEFAULTS, type SchedulerSettings } from '../../src/scheduler/config.ts';
import {
  createScheduler,
  type Scheduler,
  type SchedulerOptions,
  type Timer,
} from '../../src/scheduler/scheduler.ts';
import type { Database } from '../../src/store/open-database.ts';
import { createStores } from '../../src/store/stores.ts';

export interface Delivery {
  recipient: Recipient;
  view: View;
  /** "member:3", "group". */
  to: string;
  /** The outbox's delivery key and, when an earlier attempt may have landed, since when. */
  delivery?: DeliveryKey;
}

type Script = (
  recipient: Recipient,
  view: View,
  call: number,
  delivery?: DeliveryKey,
) => SendOutcome | undefined | Promise<SendOutcome | undefined>;

/** A channel that records what it delivers; `script` may answer otherwise (429, 5xx, not reachable). */
export class FakeChannel implements Channel {
  readonly routes = [];
  readonly delivered: Delivery[] = [];
  calls = 0;
  script: Script | null = null;
  /** Members this channel cannot reach at all (canReach false). */
  readonly unreachable = new Set<number>();
  groupReachable = true;

  constructor(readonly platform: Platform = 'terminal') {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async send(recipient: Recipient, view: View, delivery?: DeliveryKey): Promise<SendOutcome> {
    this.calls++;
    const scripted = await this.script?.(recipient, view, this.calls, delivery);
    if (scripted && (!scripted.ok || scripted.alreadyDelivered)) return scripted;
    this.delivered.push({ recipient, view, to: who(recipient), ...(delivery ? { delivery } : {}) });
    return { ok: true, messageId: `m${this.calls}` };
  }

  async canReach(recipient: Recipient): Promise<boolean> {
    return recipient.kind === 'group' ? this.groupReachable : !this.unreachable.has(recipient.memberId);
  }

  /** Deliveries of one topic (or view kind). */
  of(topic: ReminderView['topic'] | 'summary'): Delivery[] {
    return this.delivered.filter((d) =>
      topic === 'summary' ? d.view.kind === 'summary' : d.view.kind === 'reminder' && d.view.topic === topic,
    );
  }

  clear(): void {
    this.delivered.length = 0;
    this.calls = 0;
    this.script = null;
  }
}

export function who(recipient: Recipient): string {
  return recipient.kind === 'group' ? 'group' : `member:${recipient.memberId}`;
}

/** How many times each recipient got something. */
export function countByRecipient(deliveries: Delivery[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of deliveries) counts.set(d.to, (counts.get(d.to) ?? 0) + 1);
  return counts;
}

/** A timer that only records: the sweep's callbacks, and the alarm set last (its callback and wait). */
export const manualTimer: Timer & {
  callbacks: (() => void)[];
  alarms: { callback: () => void; ms: number }[];
} = {
  callbacks: [],
  alarms: [],
  setInterval(callback) {
    this.callbacks.push(callback);
    return this.callbacks.length;
  },
  clearInterval() {},
  setAlarm(callback, ms) {
    const alarm = { callback, ms };
    this.alarms.push(alarm);
    return alarm;
  },
  clearAlarm(handle) {
    const index = this.alarms.indexOf(handle as { callback: () => void; ms: number });
    if (index >= 0) this.alarms.splice(index, 1);
  },
};

export function schedulerFor(
  deps: CoreDeps,
  db: Database,
  channels: Channel[],
  clock: Clock,
  settings: Partial<SchedulerSettings> = {},
  extra: Partial<SchedulerOptions> = {},
): Scheduler {
  // The scheduler's own stores over `db` (a second connection plays a second process); the jobs
  // read tasks and reports through the core's.
  const stores = createStores(db, deps.group.id);
  return createScheduler({
    deps: { ...deps, meetings: stores.meetings, calendar: stores.calendar, roster: stores.roster },
    outbox: stores.outbox,
    channels,
    clock,
    settings: { ...SCHEDULER_DEFAULTS, ...settings },
    timer: manualTimer,
    ...extra,
  });
}

/** Clears what scenarios leave behind, keeping units, the plan and members. */
export async function resetScheduling(db: Database): Promise<void> {
  const c = db.client;
  await c.outboxMessage.deleteMany({});
  await c.meeting.deleteMany({});
  await c.calendarDay.deleteMany({});
  await c.taskSnooze.deleteMany({});
  await c.statusReportRevision.deleteMany({});
  await c.statusReport.deleteMany({});
  await c.auditEntry.deleteMany({ where: { entity: { in: ['Meeting', 'WorkingGroup'] } } });
  await c.workingGroup.updateMany({ data: { meetingRule: null } });
  await c.member.updateMany({ data: { leaveFrom: null, leaveUntil: null, active: true } });
}

export const good = {
  status: 'in_progress',
  percent: '40',
  done: 'Đã triển khai một phần',
  blockers: '',
  evidenceUrl: '',
};
