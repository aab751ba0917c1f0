/**
 * The outbox's two halves: `enqueue` records a decision and its messages in one transaction, and
 * `drain` sends what is due through the channels, exactly once per row even with several bot
 * processes on one PostgreSQL database (see docs/scheduler.md, "Why an outbox").
 *
 * `drain` claims a batch of due rows in one statement, reads their recipients in one query, and
 * sends up to `concurrency` rows at a time (the channels pace themselves at the platform's rate);
 * rows sent are marked in groups (one statement per `batchSize` rows or `markSentEveryMs`). Per row:
 * - drops it (status failed, reason `expired`/`cancelled`/`superseded`) when it is no longer useful:
 *   meeting reminders, rounds and summaries once their meeting started or was cancelled or moved;
 *   nudges after a day, escalations after three, digests after six;
 * - sends it with its delivery key (`Delivery`: the row's id and key, and, when an earlier attempt
 *   may have been delivered, since when, so the channel looks before it posts); ok → `sent`;
 * - 429/5xx/network → back to pending at `notBefore` = now + Retry-After, else exponential backoff
 *   (30 s, 1 min, 2 min … capped at an hour), `failed` after `maxAttempts`. A channel that asked to
 *   wait gets nothing more in this drain; a send whose fate is unknown marks the row as possibly
 *   delivered;
 * - not_reachable → pending again in 6 hours (the member may install the app meanwhile), and the
 *   chair gets one `undeliverable` note a day naming who could not be reached;
 * - rejected → `failed` with the reason.
 * Claims of a worker whose heartbeat stopped `deadWorkerMs` ago (its process died; a draining worker
 * beats every `heartbeatMs`), and claims older than `staleClaimMs`, are released first, marked as
 * possibly delivered. `shouldStop` is asked before each send: the sends in flight finish, the rest is released.
 */

import type { Channel } from '../app/ports/channel.ts';
import type { MeetingRecord, MeetingRepository, RosterRepository } from '../app/ports/stores.ts';
import type { View } from '../app/views.ts';
import { todayIn } from '../domain/period.ts';
import type { Decision, OutboxRow, OutboxStore } from '../store/outbox-store.ts';
import { Audience, parseRecipient } from './audience.ts';
import {
  type DrainHost,
  type DrainOptions,
  type DrainPolicy,
  type DrainResult,
  OutboxDrain,
  type SchedulerLogger,
} from './outbox-drain.ts';
import { localStart } from './plan-occurrences.ts';

export type { DrainOptions, DrainPolicy, DrainResult, SchedulerLogger } from './outbox-drain.ts';
export { deliveryKey } from './outbox-drain.ts';

export const silentLogger: SchedulerLogger = { info() {}, warn() {}, error() {} };

export const DEFAULT_DRAIN_POLICY: DrainPolicy = {
  batchSize: 25,
  concurrency: 4,
  maxAttempts: 8,
  backoffBaseMs: 30_000,
  backoffMaxMs: 3_600_000,
  notReachableRetryMs: 6 * 3_600_000,
  staleClaimMs: 10 * 60_000,
  heartbeatMs: 15_000,
  deadWorkerMs: 60_000,
  markSentEveryMs: 200,
};

/** A drain that did nothing (a fresh tally to count into). */
export function emptyDrainResult(): DrainResult {
  return { sent: 0, retried: 0, failed: 0, expired: 0, unreachable: 0, released: 0, confirmed: 0 };
}

export interface OutboxContext {
  /** The outbox's rows, and the meetings and members its messages are checked against (`createStores`). */
  stores: { outbox: OutboxStore; meetings: MeetingRepository; roster: RosterRepository };
  group: { id: number; timeZone: string; locale: string };
  clock: { now(): Date };
  workerId: string;
  logger?: SchedulerLogger;
}

const HOUR = 3_600_000;
/** How long a message without a meeting stays worth sending after it was decided. */
const LIFETIME_MS: Record<string, number> = {
  'overdue-nudge': 20 * HOUR,
  'overdue-escalation': 72 * HOUR,
  'overdue-digest': 144 * HOUR,
  'unreachable-unit': 24 * HOUR,
  undeliverable: 24 * HOUR,
};
const MEETING_KINDS = new Set(['meeting-reminder', 'round-open', 'round-reminder', 'summary']);

export class Outbox {
  readonly store: OutboxStore;
  private readonly meetings: MeetingRepository;
  private readonly roster: RosterRepository;
  private readonly logger: SchedulerLogger;

  constructor(private readonly ctx: OutboxContext) {
    this.store = ctx.stores.outbox;
    this.meetings = ctx.stores.meetings;
    this.roster = ctx.stores.roster;
    this.logger = ctx.logger ?? silentLogger;
  }

  /** Records a decision and its messages in one transaction; false when it was decided before. */
  enqueue(decision: Decision): Promise<{ recorded: boolean; messages: number }> {
    return this.store.record(decision, this.ctx.clock.now());
  }

  /** Sends every due message this process has a channel for; returns what happened. */
  async drain(channels: Channel[], options: DrainOptions = {}): Promise<DrainResult> {
    const policy = { ...DEFAULT_DRAIN_POLICY, ...options };
    const result = emptyDrainResult();
    const now = () => this.ctx.clock.now();
    const workerId = this.ctx.workerId;
    await this.store.beat(workerId, now());
    const released =
      (await this.store.releaseOrphaned(new Date(now().getTime() - policy.deadWorkerMs))) +
      (await this.store.releaseStale(new Date(now().getTime() - policy.staleClaimMs)));
    if (released > 0) this.logger.warn({ released }, 'outbox: released stale claims');
    // Alive while draining: a heartbeat every `heartbeatMs`, so nobody takes over these claims.
    const heartbeat = setInterval(() => {
      this.store.beat(workerId, now()).catch((error: unknown) => {
        this.logger.warn({ error: String(error) }, 'outbox: heartbeat failed');
      });
    }, policy.heartbeatMs);
    heartbeat.unref();
    const host: DrainHost = {
      store: this.store,
      workerId: this.ctx.workerId,
      logger: this.logger,
      locale: this.ctx.group.locale,
      now,
      membersById: (ids) => this.roster.membersById(ids),
      staleness: (row, at, cache) => this.staleness(row, at, cache),
      reportUndeliverable: (to) => this.reportUndeliverable(to),
    };
    try {
      return await new OutboxDrain(host, channels, policy, options, result).run();
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Puts back everything this worker holds (on stop). */
  releaseAll(): Promise<number> {
    return this.store.release(this.ctx.workerId);
  }

  /** Why a row is no longer worth sending, or null. */
  private async staleness(
    row: OutboxRow,
    now: Date,
    cache: Map<string, MeetingRecord | null>,
  ): Promise<string | null> {
    const meetingKind =
      MEETING_KINDS.has(row.kind) || (row.kind === 'unreachable-unit' && /^round-/.test(row.occurrence));
    if (meetingKind) {
      const month =
        (row.kind === 'unreachable-unit' ? row.occurrence.split('/')[1] : row.occurrence)?.slice(0, 7) ?? '';
      if (!cache.has(month)) cache.set(month, await this.meetings.byOccurrence(month));
      const meeting = cache.get(month);
      if (!meeting) return null;
      if (meeting.status === 'cancelled') return 'cancelled: the meeting was cancelled';
      if (meeting.startsAt.getTime() <= now.getTime()) return 'expired: the meeting has started';
      if (
        row.kind === 'meeting-reminder' &&
        !row.occurrence.endsWith(`/${localStart(meeting.startsAt, this.ctx.group.timeZone)}`)
      ) {
        return 'superseded: the meeting was moved';
      }
      return null;
    }
    const lifetime = LIFETIME_MS[row.kind];
    if (lifetime !== undefined && now.getTime() - row.createdAt.getTime() > lifetime)
      return 'expired: too old to be useful';
    return null;
  }

  /**
   * One note a day to the chair listing the members messages could not reach (pending rows whose
   * last attempt said not_reachable). Returns whether a note was written.
   */
  private async reportUndeliverable(channels: Channel[]): Promise<boolean> {
    const rows = (await this.store.unreachable()).filter((r) => r.kind !== 'undeliverable');
    const people = new Map<number, string>();
    for (const row of rows) {
      const parsed = parseRecipient(row.recipient);
      if (parsed?.kind === 'member' && !people.has(parsed.memberId)) {
        people.set(parsed.memberId, (row.lastError ?? '').replace(/^not_reachable:\s*/, ''));
      }
    }
    if (people.size === 0) return false;
    const audience = await Audience.load(this.roster, channels, this.ctx.group);
    const today = todayIn(this.ctx.group.timeZone, this.ctx.clock.now());
    const chairs = audience.chairs().filter((m) => !audience.onLeave(m, today));
    const named = [...people].map(([id, reason]) => {
      const member = audience.members.find((m) => m.id === id);
      return { name: member?.displayName ?? `#${id}`, unitCode: member?.unitCode ?? '—', reason };
    });
    const view: View = {
      kind: 'reminder',
      topic: 'undeliverable',
      period: null,
      meeting: null,
      tasks: [],
      units: [],
      people: named,
      actions: false,
    };
    const payload = JSON.stringify(view);
    const now = this.ctx.clock.now();
    const addresses = new Map(chairs.flatMap((c) => audience.addressesOf(c)).map((a) => [a.recipient, a]));
    const { recorded } = await this.enqueue({
      job: 'undeliverable',
      occurrence: today,
      messages: [...addresses.values()].map((a) => ({
        kind: 'undeliverable',
        occurrence: today,
        recipient: a.recipient,
        channel: a.platform,
        payload,
        notBefore: now,
      })),
    });
    return recorded && addresses.size > 0;
  }
}
