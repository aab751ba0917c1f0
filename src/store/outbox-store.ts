/**
 * The outbox (docs/scheduler.md, "Why an outbox"): messages the scheduler decided to send, keyed by
 * (kind, occurrence, recipient), and the records of the decisions themselves.
 *
 * Besides messages, two kinds of bookkeeping rows live here, never drained (status `recorded`):
 * - `job`: one per job occurrence decided ("overdue-nudge/2024-06-20"). Writing it first, in the
 *   same transaction as the messages, makes a decision happen once: a second planner (another
 *   process, a restart) finds it, or on PostgreSQL waits on its unique key and then skips.
 * - `mark`: facts a job must remember, e.g. that a task's lateness was escalated to the chair.
 *
 * Claiming a batch: on PostgreSQL one statement, `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP
 * LOCKED) RETURNING …`, so replicas never take the same row; on SQLite (one process) the ids due,
 * then one conditional `UPDATE … WHERE id IN (…) AND status = 'pending' RETURNING …`.
 *
 * `sentAt` on a row that is not `sent` means "may have been delivered from this moment on": its
 * sender died holding the claim (`releaseStale` copies the claim's time there) or a send's fate was
 * unknown (`markRetry` with `unconfirmedSince`). It stays until the row is sent, and every attempt
 * meanwhile asks the channel to look before it posts (docs/adr/0008-exactly-once-delivery.md).
 */
import { type Database, LONG_TRANSACTION, type Tx } from './open-database.ts';

export type OutboxStatus = 'pending' | 'claimed' | 'sent' | 'failed' | 'recorded';

export interface OutboxRow {
  id: number;
  kind: string;
  occurrence: string;
  recipient: string;
  channel: string;
  payload: string;
  status: string;
  attempts: number;
  notBefore: Date;
  claimedBy: string | null;
  claimedAt: Date | null;
  sentAt: Date | null;
  lastError: string | null;
  createdAt: Date;
}

export interface NewOutboxMessage {
  kind: string;
  occurrence: string;
  recipient: string;
  channel: string;
  payload: string;
  notBefore: Date;
}

export interface Decision {
  /** Job id and occurrence: "overdue-nudge", "2024-06-20". */
  job: string;
  occurrence: string;
  messages: NewOutboxMessage[];
  /** Facts to remember, as `mark` rows: e.g. "escalated/12:CNTT:2024-02-29". */
  marks?: string[];
}

export const JOB_KIND = 'job';
export const MARK_KIND = 'mark';
const BOOKKEEPING = '-';

export class OutboxStore {
  constructor(private readonly db: Database) {}

  /** Messages waiting (pending or claimed), failed for good, and when the oldest pending one was written. */
  async stats(): Promise<{ waiting: number; failed: number; oldestPendingAt: Date | null }> {
    const [waiting, failed, oldest] = await Promise.all([
      this.client.outboxMessage.count({ where: { status: { in: ['pending', 'claimed'] } } }),
      this.client.outboxMessage.count({ where: { status: 'failed' } }),
      this.client.outboxMessage.findFirst({ where: { status: 'pending' }, orderBy: { createdAt: 'asc' } }),
    ]);
    return { waiting, failed, oldestPendingAt: oldest?.createdAt ?? null };
  }

  /** Messages still pending, due now or later. */
  async pendingCount(): Promise<number> {
    return this.client.outboxMessage.count({ where: { status: 'pending' } });
  }

  private get client() {
    return this.db.client;
  }

  /**
   * Records a decision and its messages in one transaction. Returns false (writing nothing) when the
   * same job occurrence was decided before, by this process or another.
   */
  async record(decision: Decision, now: Date): Promise<{ recorded: boolean; messages: number }> {
    const jobKey = `${decision.job}/${decision.occurrence}`;
    return this.client.$transaction(async (tx) => {
      const won = await this.insertIgnoring(tx, [bookkeeping(JOB_KIND, jobKey, now)]);
      if (won === 0) return { recorded: false, messages: 0 };
      const messages = await this.insertIgnoring(
        tx,
        decision.messages.map((m) => ({ ...m, status: 'pending', createdAt: now })),
      );
      const marks = decision.marks ?? [];
      if (marks.length > 0)
        await this.insertIgnoring(
          tx,
          marks.map((mark) => bookkeeping(MARK_KIND, mark, now)),
        );
      return { recorded: true, messages };
    }, LONG_TRANSACTION);
  }

  /** Which of these job occurrences ("job/occurrence") were decided already. */
  async decided(jobKeys: string[]): Promise<Set<string>> {
    if (jobKeys.length === 0) return new Set();
    const rows = await this.client.outboxMessage.findMany({
      where: { kind: JOB_KIND, recipient: BOOKKEEPING, occurrence: { in: jobKeys } },
      select: { occurrence: true },
    });
    return new Set(rows.map((row) => row.occurrence));
  }

  /** Which of these marks exist. */
  async marked(marks: string[]): Promise<Set<string>> {
    if (marks.length === 0) return new Set();
    const found = new Set<string>();
    for (let i = 0; i < marks.length; i += 500) {
      const rows = await this.client.outboxMessage.findMany({
        where: { kind: MARK_KIND, recipient: BOOKKEEPING, occurrence: { in: marks.slice(i, i + 500) } },
        select: { occurrence: true },
      });
      for (const row of rows) found.add(row.occurrence);
    }
    return found;
  }

  /** The last (in text order) mark starting with `prefix`, or null: marks that end in a date find the latest. */
  async latestMark(prefix: string): Promise<string | null> {
    const row = await this.client.outboxMessage.findFirst({
      where: { kind: MARK_KIND, recipient: BOOKKEEPING, occurrence: { startsWith: prefix } },
      orderBy: { occurrence: 'desc' },
      select: { occurrence: true },
    });
    return row?.occurrence ?? null;
  }

  /** Inserts rows, skipping any whose (kind, occurrence, recipient) exists; returns how many were new. */
  private async insertIgnoring(
    tx: Tx,
    rows: (NewOutboxMessage & { status: string; createdAt: Date })[],
  ): Promise<number> {
    if (rows.length === 0) return 0;
    if (this.db.provider === 'postgresql') {
      // ON CONFLICT DO NOTHING: a concurrent transaction inserting the same key makes this one wait
      // for its commit, then skip the row.
      // The client is typed as SQLite's, which lacks `skipDuplicates`; PostgreSQL's has it.
      const args = { data: rows, skipDuplicates: true } as unknown as Parameters<
        typeof tx.outboxMessage.createMany
      >[0];
      return (await tx.outboxMessage.createMany(args)).count;
    }
    // SQLite has no skipDuplicates in Prisma; its write transactions are serialised, so look first.
    const existing = new Set<string>();
    for (let i = 0; i < rows.length; i += 300) {
      const slice = rows.slice(i, i + 300);
      const found = await tx.outboxMessage.findMany({
        where: { OR: slice.map((r) => ({ kind: r.kind, occurrence: r.occurrence, recipient: r.recipient })) },
        select: { kind: true, occurrence: true, recipient: true },
      });
      for (const f of found) existing.add(keyOf(f));
    }
    const fresh = uniqueBy(
      rows.filter((r) => !existing.has(keyOf(r))),
      keyOf,
    );
    if (fresh.length === 0) return 0;
    return (await tx.outboxMessage.createMany({ data: fresh })).count;
  }

  /**
   * Puts claims older than `staleBefore` (their process died) back to pending, marked as possibly
   * delivered since the claim was taken (`sentAt`, unless an earlier moment is there already): the
   * dead sender may have posted any of them before it could record it.
   */
  async releaseStale(staleBefore: Date): Promise<number> {
    return this.releaseClaims({ claimedAt: { lt: staleBefore } });
  }

  /** Records that `workerId` is alive and draining at `at` (its claims are not to be taken over). */
  async beat(workerId: string, at: Date): Promise<void> {
    await this.client.workerHeartbeat.upsert({
      where: { workerId },
      create: { workerId, beatAt: at },
      update: { beatAt: at },
    });
  }

  /**
   * Releases, as `releaseStale` does, the claims of workers whose last heartbeat is older than
   * `silentSince` (issue 16: a dead replica's claims are taken over within a minute). A claim whose
   * owner never beat waits for `releaseStale`.
   */
  async releaseOrphaned(silentSince: Date): Promise<number> {
    const owners = await this.client.outboxMessage.findMany({
      where: { status: 'claimed' },
      select: { claimedBy: true },
      distinct: ['claimedBy'],
    });
    const ids = owners.map((o) => o.claimedBy).filter((id): id is string => id !== null);
    if (ids.length === 0) return 0;
    const silent = await this.client.workerHeartbeat.findMany({
      where: { workerId: { in: ids }, beatAt: { lt: silentSince } },
      select: { workerId: true },
    });
    if (silent.length === 0) return 0;
    return this.releaseClaims({ claimedBy: { in: silent.map((w) => w.workerId) } });
  }

  private async releaseClaims(where: { claimedAt?: { lt: Date }; claimedBy?: { in: string[] } }) {
    const stale = await this.client.outboxMessage.findMany({
      where: { status: 'claimed', ...where },
      select: { id: true, claimedAt: true, sentAt: true },
    });
    // One update per claim (a batch shares its claim time), each only if that claim is still there.
    const groups = new Map<string, { claimedAt: Date; marked: boolean; ids: number[] }>();
    for (const row of stale) {
      const claimedAt = row.claimedAt as Date;
      const marked = row.sentAt !== null;
      const key = `${claimedAt.getTime()}/${marked}`;
      const group = groups.get(key) ?? { claimedAt, marked, ids: [] };
      group.ids.push(row.id);
      groups.set(key, group);
    }
    let released = 0;
    for (const { claimedAt, marked, ids } of groups.values()) {
      const { count } = await this.client.outboxMessage.updateMany({
        where: { id: { in: ids }, status: 'claimed', claimedAt },
        data: {
          status: 'pending',
          claimedBy: null,
          claimedAt: null,
          ...(marked ? {} : { sentAt: claimedAt }),
        },
      });
      released += count;
    }
    return released;
  }

  /** Puts this worker's claims back to pending (on stop, or when a channel asks to wait). */
  async release(workerId: string, ids?: number[], notBefore?: Date): Promise<number> {
    const { count } = await this.client.outboxMessage.updateMany({
      where: { status: 'claimed', claimedBy: workerId, ...(ids ? { id: { in: ids } } : {}) },
      data: { status: 'pending', claimedBy: null, claimedAt: null, ...(notBefore ? { notBefore } : {}) },
    });
    return count;
  }

  /**
   * Claims up to `limit` pending rows due by `now` on the given channels for `workerId`, oldest due
   * first, and returns them as claimed.
   */
  async claim(workerId: string, now: Date, channels: string[], limit: number): Promise<OutboxRow[]> {
    if (channels.length === 0 || limit <= 0) return [];
    const rows =
      this.db.provider === 'postgresql'
        ? await this.claimPostgres(workerId, now, channels, limit)
        : await this.claimSqlite(workerId, now, channels, limit);
    return rows.sort((a, b) => a.notBefore.getTime() - b.notBefore.getTime() || a.id - b.id);
  }

  private async claimSqlite(
    workerId: string,
    now: Date,
    channels: string[],
    limit: number,
  ): Promise<OutboxRow[]> {
    // One process per SQLite file: nothing can take these rows between the two statements, and the
    // status condition would skip any that something did.
    const due = await this.client.outboxMessage.findMany({
      where: { status: 'pending', notBefore: { lte: now }, channel: { in: channels } },
      orderBy: [{ notBefore: 'asc' }, { id: 'asc' }],
      take: limit,
      select: { id: true },
    });
    if (due.length === 0) return [];
    return this.client.outboxMessage.updateManyAndReturn({
      where: { id: { in: due.map((row) => row.id) }, status: 'pending' },
      data: { status: 'claimed', claimedBy: workerId, claimedAt: now },
    });
  }

  private async claimPostgres(
    workerId: string,
    now: Date,
    channels: string[],
    limit: number,
  ): Promise<OutboxRow[]> {
    // One statement: the rows locked by SKIP LOCKED are the rows updated; a concurrent claimer skips
    // them, and sees them claimed once this commits.
    const placeholders = channels.map((_, i) => `$${i + 4}`).join(', ');
    const rows = await this.client.$queryRawUnsafe<RawRow[]>(
      `UPDATE "OutboxMessage" SET "status" = 'claimed', "claimedBy" = $1, "claimedAt" = $2::timestamp(3)
        WHERE "id" IN (
          SELECT "id" FROM "OutboxMessage"
           WHERE "status" = 'pending' AND "notBefore" <= $3::timestamp(3) AND "channel" IN (${placeholders})
           ORDER BY "notBefore", "id"
           LIMIT ${Math.floor(limit)}
           FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      workerId,
      utcTimestamp(now),
      utcTimestamp(now),
      ...channels,
    );
    return rows.map(fromRaw);
  }

  /** Marks a claimed row sent. False when the claim was lost (released as stale meanwhile). */
  async markSent(id: number, workerId: string, now: Date): Promise<boolean> {
    return (await this.markSentMany([id], workerId, now)) === 1;
  }

  /** Marks claimed rows sent in one statement; returns how many were still this worker's claims. */
  async markSentMany(ids: number[], workerId: string, now: Date): Promise<number> {
    if (ids.length === 0) return 0;
    const { count } = await this.client.outboxMessage.updateMany({
      where: { id: { in: ids }, status: 'claimed', claimedBy: workerId },
      data: { status: 'sent', sentAt: now, attempts: { increment: 1 }, lastError: null },
    });
    return count;
  }

  /**
   * Back to pending, to be tried at `notBefore`; `attempted` counts it as a send attempt.
   * `unconfirmedSince`: the attempt may have been delivered after all (see the top of this file).
   */
  async markRetry(
    id: number,
    workerId: string,
    notBefore: Date,
    error: string,
    attempted = true,
    unconfirmedSince?: Date,
  ): Promise<boolean> {
    const { count } = await this.client.outboxMessage.updateMany({
      where: { id, status: 'claimed', claimedBy: workerId },
      data: {
        status: 'pending',
        notBefore,
        lastError: error.slice(0, 1000),
        claimedBy: null,
        claimedAt: null,
        ...(attempted ? { attempts: { increment: 1 } } : {}),
        ...(unconfirmedSince ? { sentAt: unconfirmedSince } : {}),
      },
    });
    return count === 1;
  }

  async markFailed(id: number, workerId: string, error: string, attempted = true): Promise<boolean> {
    const { count } = await this.client.outboxMessage.updateMany({
      where: { id, status: 'claimed', claimedBy: workerId },
      data: {
        status: 'failed',
        lastError: error.slice(0, 1000),
        ...(attempted ? { attempts: { increment: 1 } } : {}),
      },
    });
    return count === 1;
  }

  /** Pending rows whose last attempt found the recipient unreachable (for the chair's daily note). */
  async unreachable(): Promise<OutboxRow[]> {
    return this.client.outboxMessage.findMany({
      where: { status: 'pending', lastError: { startsWith: 'not_reachable' } },
      orderBy: { id: 'asc' },
    });
  }

  /** Messages for the admins' view, newest first; bookkeeping rows are left out. */
  async list(options: { status?: OutboxStatus; limit?: number } = {}): Promise<OutboxRow[]> {
    return this.client.outboxMessage.findMany({
      where: {
        kind: { notIn: [JOB_KIND, MARK_KIND] },
        ...(options.status ? { status: options.status } : {}),
      },
      orderBy: [{ notBefore: 'desc' }, { id: 'desc' }],
      take: options.limit ?? 100,
    });
  }

  /** When the earliest pending message waiting past `after` becomes due (a retry, a later send), or null. */
  async nextDue(after: Date): Promise<Date | null> {
    const row = await this.client.outboxMessage.findFirst({
      where: { status: 'pending', notBefore: { gt: after }, kind: { notIn: [JOB_KIND, MARK_KIND] } },
      orderBy: { notBefore: 'asc' },
      select: { notBefore: true },
    });
    return row?.notBefore ?? null;
  }

  /** Message counts by status (bookkeeping rows left out). */
  async counts(): Promise<Record<string, number>> {
    const groups = await this.client.outboxMessage.groupBy({
      by: ['status'],
      where: { kind: { notIn: [JOB_KIND, MARK_KIND] } },
      _count: { _all: true },
    });
    return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
  }
}

/** A row as `RETURNING *` gives it through `$queryRawUnsafe` (PostgreSQL). */
type RawRow = Omit<OutboxRow, 'notBefore' | 'claimedAt' | 'sentAt' | 'createdAt'> & {
  notBefore: Date | string;
  claimedAt: Date | string | null;
  sentAt: Date | string | null;
  createdAt: Date | string;
};

function fromRaw(row: RawRow): OutboxRow {
  // TIMESTAMP(3) without a zone holds UTC (Prisma's convention); a driver may hand it over as text.
  const date = (value: Date | string) =>
    value instanceof Date
      ? value
      : new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value.replace(' ', 'T')}Z`);
  return {
    ...row,
    id: Number(row.id),
    attempts: Number(row.attempts),
    notBefore: date(row.notBefore),
    claimedAt: row.claimedAt === null ? null : date(row.claimedAt),
    sentAt: row.sentAt === null ? null : date(row.sentAt),
    createdAt: date(row.createdAt),
  };
}

function bookkeeping(kind: string, occurrence: string, now: Date) {
  return {
    kind,
    occurrence,
    recipient: BOOKKEEPING,
    channel: BOOKKEEPING,
    payload: '{}',
    status: 'recorded',
    notBefore: now,
    createdAt: now,
  };
}

function keyOf(row: { kind: string; occurrence: string; recipient: string }): string {
  return `${row.kind}\u0000${row.occurrence}\u0000${row.recipient}`;
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/** "2024-06-20 01:30:00.000": TIMESTAMP(3) columns hold UTC without a zone (Prisma's convention). */
function utcTimestamp(instant: Date): string {
  return instant.toISOString().replace('T', ' ').replace('Z', '');
}
