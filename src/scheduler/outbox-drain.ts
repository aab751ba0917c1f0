/**
 * One run of `Outbox.drain` (see outbox.ts for the rules): claims batches of due rows, sends them
 * through `concurrency` lanes, and settles each row by its `SendOutcome`. The state of one drain
 * (the claimed queue, the channels asked to wait, the tally) lives in one `OutboxDrain`.
 */

import {
  type Channel,
  type Delivery,
  failedSend,
  type Recipient,
  type SendOutcome,
} from '../app/ports/channel.ts';
import type { View } from '../app/views.ts';
import type { MeetingRecord } from '../store/meeting-store.ts';
import type { OutboxRow, OutboxStore } from '../store/outbox-store.ts';
import type { RosterMember } from '../store/roster-store.ts';
import { parseRecipient } from './audience.ts';

export interface SchedulerLogger {
  info(data: object, message?: string): void;
  warn(data: object, message?: string): void;
  error(data: object, message?: string): void;
}

export interface DrainPolicy {
  /** Rows claimed at once (one statement). */
  batchSize: number;
  /** Sends in flight at once within a drain. */
  concurrency: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  notReachableRetryMs: number;
  /** How often a draining worker records that it is alive (its heartbeat). */
  heartbeatMs: number;
  /** A worker silent this long is dead: its claims are taken over (issue 16). */
  deadWorkerMs: number;
  staleClaimMs: number;
  /** Rows sent are marked in one statement at least this often (and every `batchSize` rows). */
  markSentEveryMs: number;
}

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

/** What a drain needs from its outbox. */
export interface DrainHost {
  store: OutboxStore;
  workerId: string;
  logger: SchedulerLogger;
  /** The group's language, for messages to the group channel. */
  locale: string;
  now(): Date;
  membersById(ids: number[]): Promise<Map<number, RosterMember>>;
  /** Why a row is no longer worth sending, or null. */
  staleness(row: OutboxRow, now: Date, cache: Map<string, MeetingRecord | null>): Promise<string | null>;
  /** Enqueues the chair's note about unreachable members; whether one was written. */
  reportUndeliverable(channels: Channel[]): Promise<boolean>;
}

type NotSent = Extract<SendOutcome, { ok: false }>;

export class OutboxDrain {
  readonly result: DrainResult;
  private readonly byPlatform: Map<string, Channel>;
  /** Channels that asked to wait (429), until when. */
  private readonly waitUntil = new Map<string, Date>();
  private readonly meetingCache = new Map<string, MeetingRecord | null>();
  /** Claimed rows not yet taken by a lane, and their recipients (read with the batch). */
  private readonly queue: OutboxRow[] = [];
  private readonly members = new Map<number, RosterMember>();
  private readonly views = new ViewCache();
  private readonly marks: SentMarks;
  private exhausted = false;
  private claiming: Promise<void> | null = null;
  private reportUnreachable = false;

  constructor(
    private readonly host: DrainHost,
    private readonly channels: Channel[],
    private readonly policy: DrainPolicy,
    private readonly options: DrainOptions,
    result: DrainResult,
  ) {
    this.result = result;
    this.byPlatform = new Map(channels.map((c) => [c.platform as string, c]));
    this.marks = new SentMarks(host.store, host.workerId, policy, host.now, (rows, unmarked) => {
      if (unmarked > 0) host.logger.warn({ unmarked }, 'outbox: claims lost before marking sent');
      for (const row of rows) options.onSent?.(row, this.views.of(row));
    });
  }

  /** Runs the lanes until nothing is due (or a stop is asked), then the chair's note if needed. */
  async run(): Promise<DrainResult> {
    let reported = false;
    try {
      for (;;) {
        this.exhausted = false;
        const lanes = await Promise.allSettled(
          Array.from({ length: Math.max(1, Math.floor(this.policy.concurrency)) }, () => this.lane()),
        );
        // A claim still running when the lanes stopped must land before anything is released.
        await (this.claiming as Promise<void> | null)?.catch(() => {});
        await this.marks.flush();
        const failure = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
        if (failure) throw failure.reason;
        if (this.stopAsked()) break;
        // The chair's note about unreachable members is itself a message: enqueue it, then drain it.
        if (this.reportUnreachable && !reported) {
          reported = true;
          if (await this.host.reportUndeliverable(this.channels)) continue;
        }
        break;
      }
    } finally {
      // Rows claimed and not attempted (stopped, or a failure) go back now rather than after
      // staleClaimMs. Rows sent but not marked (a failed flush) stay claimed: released as stale
      // later, they are checked before being posted again.
      await this.marks.flush().catch(() => {});
      const left = this.queue.splice(0).map((row) => row.id);
      if (left.length > 0) this.result.released += await this.host.store.release(this.host.workerId, left);
    }
    return this.result;
  }

  private stopAsked(): boolean {
    return this.options.shouldStop?.() ?? false;
  }

  private async refill(): Promise<void> {
    if (this.policy.batchSize <= 0) {
      this.exhausted = true;
      return;
    }
    const open = [...this.byPlatform.keys()].filter((p) => !this.waitUntil.has(p));
    const batch = await this.host.store.claim(
      this.host.workerId,
      this.host.now(),
      open,
      this.policy.batchSize,
    );
    if (batch.length === 0) {
      this.exhausted = true;
      return;
    }
    // Lanes may still hold rows of the previous batch: add to the members known, never replace.
    for (const [id, member] of await this.host.membersById(memberIdsOf(batch))) this.members.set(id, member);
    this.queue.push(...batch);
  }

  /** The next claimed row for a lane, claiming a batch when none is left; null when done. */
  private async next(): Promise<OutboxRow | null> {
    for (;;) {
      if (this.stopAsked()) return null;
      const row = this.queue.shift();
      if (row) return row;
      if (this.exhausted) return null;
      this.claiming ??= this.refill().finally(() => {
        this.claiming = null;
      });
      await this.claiming;
    }
  }

  /** A channel asked to wait: its rows still queued go back at that time. */
  private async holdChannel(channel: string, until: Date): Promise<void> {
    const held = this.queue.filter((row) => row.channel === channel);
    if (held.length === 0) return;
    for (const row of held) this.queue.splice(this.queue.indexOf(row), 1);
    this.result.released += await this.host.store.release(
      this.host.workerId,
      held.map((row) => row.id),
      until,
    );
  }

  private release(row: OutboxRow, until?: Date): Promise<number> {
    return this.host.store.release(this.host.workerId, [row.id], until);
  }

  /** One lane: takes rows one at a time until none is left or a stop is asked. */
  private async lane(): Promise<void> {
    for (;;) {
      const row = await this.next();
      if (!row) return;
      if (!(await this.prepareAndSend(row))) return;
    }
  }

  /** Settles one row; false when a stop was asked before it was attempted (the lane ends). */
  private async prepareAndSend(row: OutboxRow): Promise<boolean> {
    const { store, workerId } = this.host;
    const wait = this.waitUntil.get(row.channel);
    if (wait) {
      this.result.released += await this.release(row, wait);
      return true;
    }
    const stale = await this.host.staleness(row, this.host.now(), this.meetingCache);
    if (stale) {
      await store.markFailed(row.id, workerId, stale, false);
      this.result.expired++;
      return true;
    }
    let view: View;
    try {
      view = this.views.of(row);
    } catch {
      await store.markFailed(row.id, workerId, 'rejected: the payload is not a view');
      this.result.failed++;
      return true;
    }
    const recipient = this.recipientOf(row);
    if (this.stopAsked()) {
      // Asked between sends: this row was not attempted.
      this.result.released += await this.release(row);
      return false;
    }
    const held = this.waitUntil.get(row.channel);
    if (held) {
      // The channel asked to wait while this row was being prepared.
      this.result.released += await this.release(row, held);
      return true;
    }
    const started = this.host.now();
    const outcome = await this.send(row, this.byPlatform.get(row.channel)!, recipient, view);
    if (outcome.ok) {
      this.result.sent++;
      if (outcome.alreadyDelivered) this.result.confirmed++;
      await this.marks.add(row);
    } else {
      await this.settleFailure(row, outcome, started, this.host.now());
    }
    return true;
  }

  /** A send that did not succeed: retried later, held, or failed (see outbox.ts). */
  private async settleFailure(row: OutboxRow, outcome: NotSent, started: Date, at: Date): Promise<void> {
    const { store, workerId } = this.host;
    const policy = this.policy;
    const error = `${outcome.code}: ${outcome.reason}`;
    // The attempt may have been delivered after all: every later attempt looks first.
    const unconfirmedSince = outcome.uncertain && !row.sentAt ? started : undefined;
    if (outcome.code === 'not_reachable') {
      const retryAt = new Date(at.getTime() + policy.notReachableRetryMs);
      await store.markRetry(row.id, workerId, retryAt, error, true, unconfirmedSince);
      this.result.unreachable++;
      if (row.kind !== 'undeliverable') this.reportUnreachable = true;
      return;
    }
    if (outcome.retryable && row.attempts + 1 < policy.maxAttempts) {
      const delay =
        outcome.retryAfterMs ?? Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** row.attempts);
      const notBefore = new Date(at.getTime() + delay);
      // At once, before any await: the other lanes must not start another send to this channel.
      if (outcome.code === 'rate_limited') this.waitUntil.set(row.channel, notBefore);
      await store.markRetry(row.id, workerId, notBefore, error, true, unconfirmedSince);
      if (outcome.code === 'rate_limited') await this.holdChannel(row.channel, notBefore);
      this.result.retried++;
      return;
    }
    await store.markFailed(row.id, workerId, error);
    this.result.failed++;
    this.host.logger.warn(
      { id: row.id, kind: row.kind, recipient: row.recipient, error },
      'outbox: message failed',
    );
  }

  private async send(
    row: OutboxRow,
    channel: Channel,
    recipient: Recipient | NotSent | null,
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
      return failedSend(error);
    }
  }

  /**
   * The channel address of a row's recipient, from the members read with its batch (read at claim
   * time: an account may have been linked since the message was decided).
   */
  private recipientOf(row: OutboxRow): Recipient | NotSent | null {
    const parsed = parseRecipient(row.recipient);
    if (!parsed) return null;
    const locale = this.host.locale === 'en' ? 'en' : 'vi';
    if (parsed.kind === 'group') return { kind: 'group', locale };
    const member = this.members.get(parsed.memberId);
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

/** One view object per payload: a fan-out's rows share theirs, and channels may cache its rendering. */
class ViewCache {
  private readonly views = new Map<string, View>();

  of(row: OutboxRow): View {
    let view = this.views.get(row.payload);
    if (!view) {
      if (this.views.size >= 1000) this.views.clear();
      view = JSON.parse(row.payload) as View;
      this.views.set(row.payload, view);
    }
    return view;
  }
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
