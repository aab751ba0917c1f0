/**
 * What the scheduler needs to know about people: active members with their unit, role, leave and
 * platform accounts, and the snoozes units asked for. Leave is written here too (`setLeave`).
 */

import type { NewSnooze, RosterMember, RosterRepository, SnoozeRecord } from '../app/ports/stores.ts';
import type { Role } from '../domain/roles.ts';
import { audit } from './audit.ts';
import type { Db } from './open-database.ts';
import { claimInTx } from './request-store.ts';

export type { RosterMember, SnoozeRecord };

export class RosterStore implements RosterRepository {
  constructor(
    private readonly db: Db,
    private readonly groupId: number,
  ) {}

  /** Members of the group, active ones only unless asked. */
  async members(
    options: { includeInactive?: boolean; id?: number; ids?: number[] } = {},
  ): Promise<RosterMember[]> {
    const rows = await this.db.member.findMany({
      where: {
        groupId: this.groupId,
        ...(options.includeInactive ? {} : { active: true }),
        ...(options.id === undefined ? {} : { id: options.id }),
        ...(options.ids === undefined ? {} : { id: { in: options.ids } }),
      },
      include: {
        unit: { select: { code: true, name: true } },
        identities: { select: { platform: true, externalId: true } },
      },
      orderBy: { id: 'asc' },
    });
    return rows.map((row) => ({
      id: row.id,
      displayName: row.displayName,
      role: row.role as Role,
      unitCode: row.unit.code,
      unitName: row.unit.name,
      locale: row.locale === 'en' ? 'en' : 'vi',
      active: row.active,
      leaveFrom: row.leaveFrom,
      leaveUntil: row.leaveUntil,
      identities: Object.fromEntries(row.identities.map((i) => [i.platform, i.externalId])),
    }));
  }

  /** One member of the group (active or not), or null. */
  async member(id: number): Promise<RosterMember | null> {
    // One row, not the roster: the outbox asks once per message, and a fan-out sends thousands.
    const [member] = await this.members({ includeInactive: true, id });
    return member ?? null;
  }

  /** These members of the group (active or not) by id, in one query: the outbox reads a batch's recipients. */
  async membersById(ids: number[]): Promise<Map<number, RosterMember>> {
    if (ids.length === 0) return new Map();
    const found = await this.members({ includeInactive: true, ids });
    return new Map(found.map((member) => [member.id, member]));
  }

  /** Sets (or clears, with nulls) a member's leave, inclusive days YYYY-MM-DD. */
  async setLeave(memberId: number, from: string | null, until: string | null, actor: string): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await tx.member.update({ where: { id: memberId }, data: { leaveFrom: from, leaveUntil: until } });
      await audit(tx, {
        actor,
        action: 'member.leave',
        entity: 'Member',
        entityId: memberId,
        details: { from, until },
      });
    });
  }

  /** Records a snooze ("Nhắc lại sau") and its audit entry in one transaction. */
  async snooze(input: NewSnooze): Promise<void> {
    await this.db.$transaction(async (tx) => {
      // A replay of the request that asked for it (ADR 25) writes nothing.
      if (input.requestKey && !(await claimInTx(tx, input.requestKey, `member:${input.memberId}`))) return;
      const snooze = await tx.taskSnooze.create({
        data: {
          taskId: input.taskId,
          unitId: input.unitId,
          memberId: input.memberId,
          until: input.until,
          reason: input.reason?.trim() || null,
        },
      });
      await audit(tx, {
        actor: `member:${input.memberId}`,
        action: 'task.snooze',
        entity: 'TaskSnooze',
        entityId: snooze.id,
        details: { task: input.taskCode, until: input.until, reason: input.reason },
      });
    });
  }

  /**
   * Snoozes still running on `today` (until ≥ today), the latest per task and unit. Snoozes are
   * global to the database, like tasks' units; tasks of other groups simply never match.
   */
  async activeSnoozes(today: string): Promise<Map<string, SnoozeRecord>> {
    const rows = await this.db.taskSnooze.findMany({
      where: { until: { gte: today } },
      include: { unit: { select: { code: true } } },
      orderBy: [{ until: 'asc' }, { id: 'asc' }],
    });
    const byPair = new Map<string, SnoozeRecord>();
    for (const row of rows) {
      byPair.set(pairKey(row.taskId, row.unit.code), {
        taskId: row.taskId,
        unitCode: row.unit.code,
        until: row.until,
        reason: row.reason,
      });
    }
    return byPair;
  }
}

/** "12:CNTT": a task and one of its units. */
export function pairKey(taskId: number, unitCode: string): string {
  return `${taskId}:${unitCode}`;
}
