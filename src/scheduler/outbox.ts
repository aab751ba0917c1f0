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
 * Claims older than `staleClaimMs` (their process died) are released first, marked as possibly
 * delivered. `shouldStop` is asked before each send: the sends in flight finish, the rest is released.
 */

import type { Channel, Delivery, Recipient, SendOutcome } from '../app/ports/channel.ts';
import type {
  MeetingRecord,
  MeetingRepository,
  RosterMember,
  RosterRepository,
} from '../app/ports/stores.ts';
import type { View } from '../app/views.ts';
import { todayIn } from '../domain/period.ts';
import type { Decision, OutboxRow, OutboxStore } from '../store/outbox-store.ts';
import { Audience, parseRecipient } from './audience.ts';
import { localStart } from './plan-occurrences.ts';

export interface SchedulerLogger {
  info(data: object, message?: string): void;
  warn(data: object, message?: string): void;
  error(data: object, message?: string): void;
}

export const silentLogger: SchedulerLogger = { info() {}, warn() {}, error() {} };

export interface DrainPolicy {
  /** Rows claimed at once (one statement). */
  batchSize: number;
  /** Sends in flight at once within a drain. */
  concurrency: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  notReachableRetryMs: number;
  staleClaimMs: number;
  /** Rows sent are marked in one statement at least this often (and every `batchSize` rows). */
  markSentEveryMs: number;
}

export const DEFAULT_DRAIN_POLICY: DrainPolicy = {
  batchSize: 25,
  concurrency: 4,
  maxAttempts: 8,
  backoffBaseMs: 30_000,
  backoffMaxMs: 3_600_000,
  notReachableRetryMs: 6 * 3_600_000,
  staleClaimMs: 10 * 60_000,
  markSentEveryMs: 200,
};

export interface DrainOptions extends Partial<DrainPolicy> {
  /** Asked between sends: true stops the drain and releases what it still holds. */
  shouldStop?: () => boolean;
  /** Called after each successful send (the simulation prints here; tests count). */
  onSent?: (row: OutboxRow, view: View) => void;
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
  expired: number;
  unreachable: number;
  released: number;
  /** Of `sent`: rows an earlier attempt had delivered after all (the channel found them, posted nothing). */
  confirmed: number;
}

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
    const byPlatform = new Map(channels.map((c) => [c.platform as string, c]));
    const { workerId } = this.ctx;
    const now = () => this.ctx.clock.now();
    const stopAsked = () => options.shouldStop?.() ?? false;
    const released = await this.store.releaseStale(new Date(now().getTime() - policy.staleClaimMs));
    if (released > 0) this.logger.warn({ released }, 'outbox: released stale claims');

    const waitUntil = new Map<string, Date>();
    const meetingCache = new Map<string, MeetingRecord | null>();
    /** Claimed rows not yet taken by a lane, and their recipients (read with the batch). */
    const queue: OutboxRow[] = [];
    const members = new Map<number, RosterMember>();
    // One view object per payload: a fan-out's rows share theirs, and channels may cache its rendering.
    const views = new Map<string, View>();
    const viewOf = (row: OutboxRow): View => {
      let view = views.get(row.payload);
      if (!view) {
        if (views.size >= 1000) views.clear();
        view = JSON.parse(row.payload) as View;
        views.set(row.payload, view);
      }
      return view;
    };
    let exhausted = false;
    let claiming: Promise<void> | null = null;
    let reportUnreachable = false;
    let reported = false;
    const marks = new SentMarks(this.store, workerId, policy, now, (rows, unmarked) => {
      if (unmarked > 0) this.logger.warn({ unmarked }, 'outbox: claims lost before marking sent');
      for (const row of rows) options.onSent?.(row, viewOf(row));
    });

    const refill = async () => {
      if (policy.batchSize <= 0) {
        exhausted = true;
        return;
      }
      const open = [...byPlatform.keys()].filter((p) => !waitUntil.has(p));
      const batch = await this.store.claim(workerId, now(), open, policy.batchSize);
      if (batch.length === 0) {
        exhausted = true;
        return;
      }
      // Lanes may still hold rows of the previous batch: add to the members known, never replace.
      for (const [id, member] of await this.roster.membersById(memberIdsOf(batch))) members.set(id, member);
      queue.push(...batch);
    };
    /** The next claimed row for a lane, claiming a batch when none is left; null when done. */
    const next = async (): Promise<OutboxRow | null> => {
      for (;;) {
        if (stopAsked()) return null;
        const row = queue.shift();
        if (row) return row;
        if (exhausted) return null;
        claiming ??= refill().finally(() => {
          claiming = null;
        });
        await claiming;
      }
    };
    /** A channel asked to wait: its rows still queued go back at that time. */
    const holdChannel = async (channel: string, until: Date) => {
      const held = queue.filter((row) => row.channel === channel);
      if (held.length === 0) return;
      for (const row of held) queue.splice(queue.indexOf(row), 1);
      result.released += await this.store.release(
        workerId,
        held.map((row) => row.id),
        until,
      );
    };

    const lane = async () => {
      for (;;) {
        const row = await next();
        if (!row) return;
        const wait = waitUntil.get(row.channel);
        if (wait) {
          result.released += await this.store.release(workerId, [row.id], wait);
          continue;
        }
        const stale = await this.staleness(row, now(), meetingCache);
        if (stale) {
          await this.store.markFailed(row.id, workerId, stale, false);
          result.expired++;
          continue;
        }
        let view: View;
        try {
          view = viewOf(row);
        } catch {
          await this.store.markFailed(row.id, workerId, 'rejected: the payload is not a view');
          result.failed++;
          continue;
        }
        const recipient = this.recipientOf(row, members);
        if (stopAsked()) {
          // Asked between sends: this row was not attempted.
          result.released += await this.store.release(workerId, [row.id]);
          return;
        }
        const held = waitUntil.get(row.channel);
        if (held) {
          // The channel asked to wait while this row was being prepared.
          result.released += await this.store.release(workerId, [row.id], held);
          continue;
        }
        const started = now();
        const outcome = await this.send(row, byPlatform.get(row.channel)!, recipient, view);
        const at = now();
        if (outcome.ok) {
          result.sent++;
          if (outcome.alreadyDelivered) result.confirmed++;
          await marks.add(row);
          continue;
        }
        const error = `${outcome.code}: ${outcome.reason}`;
        // The attempt may have been delivered after all: every later attempt looks first.
        const unconfirmedSince = outcome.uncertain && !row.sentAt ? started : undefined;
        if (outcome.code === 'not_reachable') {
          await this.store.markRetry(
            row.id,
            workerId,
            new Date(at.getTime() + policy.notReachableRetryMs),
            error,
            true,
            unconfirmedSince,
          );
          result.unreachable++;
          if (row.kind !== 'undeliverable') reportUnreachable = true;
          continue;
        }
        if (outcome.retryable && row.attempts + 1 < policy.maxAttempts) {
          const delay =
            outcome.retryAfterMs ?? Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** row.attempts);
          const notBefore = new Date(at.getTime() + delay);
          // At once, before any await: the other lanes must not start another send to this channel.
          if (outcome.code === 'rate_limited') waitUntil.set(row.channel, notBefore);
          await this.store.markRetry(row.id, workerId, notBefore, error, true, unconfirmedSince);
          if (outcome.code === 'rate_limited') await holdChannel(row.channel, notBefore);
          result.retried++;
          continue;
        }
        await this.store.markFailed(row.id, workerId, error);
        result.failed++;
        this.logger.warn(
          { id: row.id, kind: row.kind, recipient: row.recipient, error },
          'outbox: message failed',
        );
      }
    };

    try {
      for (;;) {
        exhausted = false;
        const lanes = await Promise.allSettled(
          Array.from({ length: Math.max(1, Math.floor(policy.concurrency)) }, () => lane()),
        );
        // A claim still running when the lanes stopped must land before anything is released.
        await (claiming as Promise<void> | null)?.catch(() => {});
        await marks.flush();
        const failure = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
        if (failure) throw failure.reason;
        if (stopAsked()) break;
        // The chair's note about unreachable members is itself a message: enqueue it, then drain it.
        if (reportUnreachable && !reported) {
          reported = true;
          if (await this.reportUndeliverable(channels)) continue;
        }
        break;
      }
    } finally {
      // Rows claimed and not attempted (stopped, or a failure) go back now rather than after
      // staleClaimMs. Rows sent but not marked (a failed flush) stay claimed: released as stale
      // later, they are checked before being posted again.
      await marks.flush().catch(() => {});
      const left = queue.splice(0).map((row) => row.id);
      if (left.length > 0) result.released += await this.store.release(workerId, left);
    }
    return result;
  }

  /** Puts back everything this worker holds (on stop). */
  releaseAll(): Promise<number> {
    return this.store.release(this.ctx.workerId);
  }

  private async send(
    row: OutboxRow,
    channel: Channel,
    recipient: ReturnType<Outbox['recipientOf']>,
    view: View,
  ): Promise<SendOutcome> {
    if (!recipient)
      return { ok: false, retryable: false, code: 'rejected', reason: `unknown recipient ${row.recipient}` };
    if ('code' in recipient) return recipient;
    const delivery: Delivery = {
      key: deliveryKey(row),
      // A row that is not sent but has a sentAt may have been delivered then (outbox-store.ts).
      ...(row.sentAt ? { unconfirmedSince: row.sentAt } : {}),
    };
    try {
      return await channel.send(recipient, view, delivery);
    } catch (error) {
      return {
        ok: false,
        retryable: true,
        code: 'network',
        reason: error instanceof Error ? error.message : String(error),
      };
    }
  }

  /**
   * The channel address of a row's recipient, from the members read with its batch (read at claim
   * time: an account may have been linked since the message was decided).
   */
  private recipientOf(
    row: OutboxRow,
    members: Map<number, RosterMember>,
  ): Recipient | Extract<SendOutcome, { ok: false }> | null {
    const parsed = parseRecipient(row.recipient);
    if (!parsed) return null;
    const locale = this.ctx.group.locale === 'en' ? 'en' : 'vi';
    if (parsed.kind === 'group') return { kind: 'group', locale };
    const member = members.get(parsed.memberId);
    if (!member?.active) return { ok: false, retryable: false, code: 'rejected', reason: 'member inactive' };
    const externalId = member.identities[parsed.platform];
    if (!externalId) {
      return {
        ok: false,
        retryable: true,
        code: 'not_reachable',
        reason: `no ${parsed.platform} account linked`,
      };
    }
    return { kind: 'member', memberId: member.id, externalId, locale: member.locale };
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

/** The key a channel carries in the message: the row's id and what it is ("812/overdue-nudge/2024-06-20"). */
export function deliveryKey(row: Pick<OutboxRow, 'id' | 'kind' | 'occurrence'>): string {
  return `${row.id}/${row.kind}/${row.occurrence}`;
}

function memberIdsOf(rows: OutboxRow[]): number[] {
  const ids = new Set<number>();
  for (const row of rows) {
    const parsed = parseRecipient(row.recipient);
    if (parsed?.kind === 'member') ids.add(parsed.memberId);
  }
  return [...ids];
}

/**
 * Rows sent, marked `sent` in groups: one statement per `batchSize` rows, or once the oldest waited
 * `markSentEveryMs`, and whenever the drain pauses or ends. Until then a row stays claimed: if the
 * process dies first, it is released as possibly delivered and its next attempt finds the message
 * instead of posting it again. Flushes run one at a time, in order.
 */
class SentMarks {
  private rows: OutboxRow[] = [];
  private since = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: OutboxStore,
    private readonly workerId: string,
    private readonly policy: Pick<DrainPolicy, 'batchSize' | 'markSentEveryMs'>,
    private readonly now: () => Date,
    private readonly marked: (rows: OutboxRow[], unmarked: number) => void,
  ) {}

  add(row: OutboxRow): Promise<void> {
    if (this.rows.length === 0) this.since = performance.now();
    this.rows.push(row);
    const full = this.rows.length >= Math.max(1, this.policy.batchSize);
    const old = performance.now() - this.since >= this.policy.markSentEveryMs;
    return full || old ? this.flush() : Promise.resolve();
  }

  flush(): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    if (rows.length > 0) {
      // A failed flush fails its own waiters only; its rows stay claimed (see above).
      this.chain = this.chain
        .catch(() => {})
        .then(async () => {
          const count = await this.store.markSentMany(
            rows.map((row) => row.id),
            this.workerId,
            this.now(),
          );
          this.marked(rows, rows.length - count);
        });
    }
    return this.chain;
  }
}
