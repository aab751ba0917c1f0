/** The working group the bot serves. One process serves one group; the data model allows several. */

import type { GroupRecord } from '../app/ports/stores.ts';
import type { Db } from './open-database.ts';

export type { GroupRecord };

/** The group with this name, created on first use. */
export async function ensureGroup(db: Db, group: Omit<GroupRecord, 'id'>): Promise<GroupRecord> {
  const existing = await db.workingGroup.findFirst({ where: { name: group.name }, orderBy: { id: 'asc' } });
  if (existing) return existing;
  return db.workingGroup.create({ data: group });
}
