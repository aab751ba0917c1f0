/** Extra days off and make-up working days an admin adds for a group (CalendarDay), on top of holidays. */

import type { CalendarRepository } from '../app/ports/stores.ts';
import type { CalendarOverride, DayKind } from '../domain/working-days.ts';
import { audit } from './audit.ts';
import type { Db } from './open-database.ts';

export class CalendarStore implements CalendarRepository {
  constructor(
    private readonly db: Db,
    private readonly groupId: number,
  ) {}

  /** Every day the admins set, oldest first (a few dozen a year: the scheduler reads them all). */
  async list(): Promise<CalendarOverride[]> {
    const rows = await this.db.calendarDay.findMany({
      where: { groupId: this.groupId },
      orderBy: { day: 'asc' },
    });
    return rows.map((row) => ({ day: row.day, kind: row.kind === 'work' ? 'work' : 'off', note: row.note }));
  }

  async set(day: string, kind: DayKind, note: string | null, actor: string): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const row = await tx.calendarDay.upsert({
        where: { groupId_day: { groupId: this.groupId, day } },
        create: { groupId: this.groupId, day, kind, note },
        update: { kind, note },
      });
      await audit(tx, {
        actor,
        action: 'calendar.set',
        entity: 'CalendarDay',
        entityId: row.id,
        details: { day, kind, note },
      });
    });
  }

  /** Removes the admin's entry for `day`; false when there was none. */
  async remove(day: string, actor: string): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.calendarDay.deleteMany({ where: { groupId: this.groupId, day } });
      if (count > 0)
        await audit(tx, { actor, action: 'calendar.remove', entity: 'CalendarDay', details: { day } });
      return count > 0;
    });
  }
}
