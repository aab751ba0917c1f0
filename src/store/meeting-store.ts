/**
 * Giao ban occurrences (Meeting, one per group and month) and the group's meeting rule. The
 * scheduler writes the months ahead from the rule; the chair's moves and cancellations are audited
 * (`meeting.move`, `meeting.cancel`), which is how the scheduler knows not to recompute those rows.
 */

import type { MeetingFields, MeetingRecord, MeetingRepository, MeetingStatus } from '../app/ports/stores.ts';
import { audit } from './audit.ts';
import type { Db } from './open-database.ts';

export type { MeetingFields, MeetingRecord, MeetingStatus };

const CHAIR_ACTIONS = ['meeting.move', 'meeting.cancel'];

export class MeetingStore implements MeetingRepository {
  constructor(
    private readonly db: Db,
    private readonly groupId: number,
  ) {}

  /** The rule the chair set (JSON), or null when the config rule applies. */
  async readRule(): Promise<string | null> {
    const group = await this.db.workingGroup.findUnique({
      where: { id: this.groupId },
      select: { meetingRule: true },
    });
    return group?.meetingRule ?? null;
  }

  async saveRule(json: string | null, actor: string): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await tx.workingGroup.update({ where: { id: this.groupId }, data: { meetingRule: json } });
      await audit(tx, {
        actor,
        action: 'meeting.rule',
        entity: 'WorkingGroup',
        entityId: this.groupId,
        details: json,
      });
    });
  }

  async byOccurrences(months: string[]): Promise<Map<string, MeetingRecord>> {
    if (months.length === 0) return new Map();
    const rows = await this.db.meeting.findMany({
      where: { groupId: this.groupId, occurrence: { in: months } },
    });
    const chairSet = await this.chairSet(rows.map((row) => row.id));
    return new Map(rows.map((row) => [row.occurrence, toRecord(row, chairSet.has(row.id))]));
  }

  async byOccurrence(month: string): Promise<MeetingRecord | null> {
    return (await this.byOccurrences([month])).get(month) ?? null;
  }

  /** The first planned meeting starting at `from` or later, or null. */
  async nextPlanned(from: Date) {
    return this.db.meeting.findFirst({
      where: { groupId: this.groupId, status: 'planned', startsAt: { gte: from } },
      orderBy: { startsAt: 'asc' },
      select: { startsAt: true, place: true, agenda: true, note: true },
    });
  }

  /**
   * Writes the occurrences that have no row yet; a row another process wrote meanwhile is kept (one
   * insert per month, a handful per tick, so a unique-key clash is caught row by row on any database).
   */
  async insertMissing(meetings: MeetingFields[]): Promise<number> {
    if (meetings.length === 0) return 0;
    const existing = await this.db.meeting.findMany({
      where: { groupId: this.groupId, occurrence: { in: meetings.map((m) => m.occurrence) } },
      select: { occurrence: true },
    });
    const taken = new Set(existing.map((row) => row.occurrence));
    let inserted = 0;
    for (const meeting of meetings.filter((m) => !taken.has(m.occurrence))) {
      try {
        await this.db.meeting.create({ data: { groupId: this.groupId, ...meeting } });
        inserted++;
      } catch (error) {
        if ((error as { code?: string }).code !== 'P2002') throw error;
      }
    }
    return inserted;
  }

  /** Re-plans a rule-decided, still planned row (the rule or the calendar changed). */
  async updatePlanned(id: number, fields: Omit<MeetingFields, 'occurrence'>): Promise<void> {
    await this.db.meeting.updateMany({
      where: { id, status: 'planned' },
      data: { ...fields, sequence: { increment: 1 } },
    });
  }

  /** The chair moves one occurrence (also brings a cancelled one back). */
  async move(
    id: number,
    fields: { startsAt: Date; note: string | null; place?: string | null; agenda?: string | null },
    actor: string,
  ): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await tx.meeting.update({
        where: { id },
        data: { ...fields, status: 'planned', sequence: { increment: 1 } },
      });
      await audit(tx, { actor, action: 'meeting.move', entity: 'Meeting', entityId: id, details: fields });
    });
  }

  async cancel(id: number, note: string | null, actor: string): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await tx.meeting.update({
        where: { id },
        data: { status: 'cancelled', note, sequence: { increment: 1 } },
      });
      await audit(tx, {
        actor,
        action: 'meeting.cancel',
        entity: 'Meeting',
        entityId: id,
        details: { note },
      });
    });
  }

  private async chairSet(ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const entries = await this.db.auditEntry.findMany({
      where: { entity: 'Meeting', action: { in: CHAIR_ACTIONS }, entityId: { in: ids.map(String) } },
      select: { entityId: true },
    });
    return new Set(entries.map((e) => Number(e.entityId)));
  }
}

function toRecord(
  row: {
    id: number;
    occurrence: string;
    startsAt: Date;
    place: string | null;
    agenda: string | null;
    status: string;
    note: string | null;
    sequence: number;
  },
  chairSet: boolean,
): MeetingRecord {
  const status: MeetingStatus = row.status === 'cancelled' || row.status === 'held' ? row.status : 'planned';
  return {
    id: row.id,
    occurrence: row.occurrence,
    startsAt: row.startsAt,
    place: row.place,
    agenda: row.agenda,
    status,
    note: row.note,
    chairSet,
    sequence: row.sequence,
  };
}
