/**
 * The outbox's two halves: `enqueue` records a decision and its messages in one transaction, and
 * `drain` sends what is due through the channels, exactly once per row even with several bot
 * processes on one PostgreSQL database (see docs/scheduler.md, "Why an outbox").
 *
 * Per claimed row, `drain`:
 * - drops it (status failed, reason `expired`/`cancelled`/`superseded`) when it is no longer useful:
 *   meeting reminders, rounds and summaries once their meeting started or was cancelled or moved;
 *   nudges after a day, escalations after three, digests after six;
 * - sends it; ok → `sent`;
 * - 429/5xx/network → back to pending at `notBefore` = now + Retry-After, else exponential backoff
 *   (30 s, 1 min, 2 min … capped at an hour), `failed` after `maxAttempts`. A channel that asked to
 *   wait gets nothing more in this drain;
 * - not_reachable → pending again in 6 hours (the member may install the app meanwhile), and the
 *   chair gets one `undeliverable` note a day naming who could not be reached;
 * - rejected → `failed` with the reason.
 * Claims older than `staleClaimMs` (their process died) are released first.
 */
import type { View } from '../app/views.ts';
import type { Channel, Recipient, SendOutcome } from '../channels/channel.ts';
import { todayIn } from '../domain/period.ts';
import { type MeetingRecord, MeetingStore } from '../store/meeting-store.ts';
import type { Database } from '../store/open-database.ts';
import { type Decision, type OutboxRow, OutboxStore } from '../store/outbox-store.ts';
import { RosterStore } from '../store/roster-store.ts';
import { Audience, parseRecipient } from './audience.ts';
import { localStart } from './plan-occurrences.ts';

export interface SchedulerLogger {
  info(data: object, message?: string): void;
  warn(data: object, message?: string): void;
  error(data: object, message?: string): void;
}

export const silentLogger: SchedulerLogger = { info() {}, warn() {}, error() {} };

export interface DrainPolicy {
  batchSize: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  notReachableRetryMs: number;
  staleClaimMs: number;
}

export const DEFAULT_DRAIN_POLICY: DrainPolicy = {
  batchSize: 25,
  maxAttempts: 8,
  backoffBaseMs: 30_000,
  backoffMaxMs: 3_600_000,
  notReachableRetryMs: 6 * 3_600_000,
  staleClaimMs: 10 * 60_000,
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
}

export interface OutboxContext {
  db: Database;
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
  private readonly meetings: MeetingStore;
  private readonly roster: RosterStore;
  private readonly logger: SchedulerLogger;

  constructor(private readonly ctx: OutboxContext) {
    this.store = new OutboxStore(ctx.db);
    this.meetings = new MeetingStore(ctx.db.client, ctx.group.id);
    this.roster = new RosterStore(ctx.db.client, ctx.group.id);
    this.logger = ctx.logger ?? silentLogger;
  }

  /** Records a decision and its messages in one transaction; false when it was decided before. */
  enqueue(decision: Decision): Promise<{ recorded: boolean; messages: number }> {
    return this.store.record(decision, this.ctx.clock.now());
  }

  /** Sends every due message this process has a channel for; returns what happened. */
  async drain(channels: Channel[], options: DrainOptions = {}): Promise<DrainResult> {
    const policy = { ...DEFAULT_DRAIN_POLICY, ...options };
    const result: DrainResult = { sent: 0, retried: 0, failed: 0, expired: 0, unreachable: 0, released: 0 };
    const byPlatform = new Map(channels.map((c) => [c.platform as string, c]));
    const { workerId } = this.ctx;
    const now = () => this.ctx.clock.now();
    const released = await this.store.releaseStale(new Date(now().getTime() - policy.staleClaimMs));
    if (released > 0) this.logger.warn({ released }, 'outbox: released stale claims');

    const waitUntil = new Map<string, Date>();
    const meetingCache = new Map<string, MeetingRecord | null>();
    let reportUnreachable = false;
    let reported = false;
    for (;;) {
      if (options.shouldStop?.()) break;
      const open = [...byPlatform.keys()].filter((p) => !waitUntil.has(p));
      const batch = await this.store.claim(workerId, now(), open, policy.batchSize);
      if (batch.length === 0) {
        // The chair's note about unreachable members is itself a message: enqueue it, then drain it.
        if (reportUnreachable && !reported) {
          reported = true;
          if (await this.reportUndeliverable(channels)) continue;
        }
        break;
      }
      for (const [index, row] of batch.entries()) {
        if (options.shouldStop?.()) {
          result.released += await this.store.release(
            workerId,
            batch.slice(index).map((r) => r.id),
          );
          break;
        }
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
        const outcome = await this.send(row, byPlatform.get(row.channel)!);
        const at = now();
        if (outcome.ok) {
          const kept = await this.store.markSent(row.id, workerId, at);
          if (!kept) this.logger.warn({ id: row.id }, 'outbox: claim lost before marking sent');
          result.sent++;
          options.onSent?.(row, JSON.parse(row.payload) as View);
          continue;
        }
        const error = `${outcome.code}: ${outcome.reason}`;
        if (outcome.code === 'not_reachable') {
          await this.store.markRetry(
            row.id,
            workerId,
            new Date(at.getTime() + policy.notReachableRetryMs),
            error,
          );
          result.unreachable++;
          if (row.kind !== 'undeliverable') reportUnreachable = true;
          continue;
        }
        if (outcome.retryable && row.attempts + 1 < policy.maxAttempts) {
          const delay =
            outcome.retryAfterMs ?? Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** row.attempts);
          const notBefore = new Date(at.getTime() + delay);
          await this.store.markRetry(row.id, workerId, notBefore, error);
          if (outcome.code === 'rate_limited') waitUntil.set(row.channel, notBefore);
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
    }
    if (options.shouldStop?.()) result.released += await this.store.release(workerId);
    return result;
  }

  /** Puts back everything this worker holds (on stop). */
  releaseAll(): Promise<number> {
    return this.store.release(this.ctx.workerId);
  }

  private async send(row: OutboxRow, channel: Channel): Promise<SendOutcome> {
    const recipient = await this.recipientOf(row);
    if (!recipient)
      return { ok: false, retryable: false, code: 'rejected', reason: `unknown recipient ${row.recipient}` };
    if ('code' in recipient) return recipient;
    try {
      return await channel.send(recipient, JSON.parse(row.payload) as View);
    } catch (error) {
      return {
        ok: false,
        retryable: true,
        code: 'network',
        reason: error instanceof Error ? error.message : String(error),
      };
    }
  }

  /** The channel address of a row's recipient, read now (an account may have been linked since). */
  private async recipientOf(row: OutboxRow): Promise<Recipient | Extract<SendOutcome, { ok: false }> | null> {
    const parsed = parseRecipient(row.recipient);
    if (!parsed) return null;
    const locale = this.ctx.group.locale === 'en' ? 'en' : 'vi';
    if (parsed.kind === 'group') return { kind: 'group', locale };
    const member = await this.roster.member(parsed.memberId);
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
