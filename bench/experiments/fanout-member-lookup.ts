/**
 * Experiment for docs/performance.md (not part of `npm run bench`): the fanout scenario with
 * `RosterStore.member` replaced, in this process only, by a query for that one member — what the
 * proposed fix to the outbox's recipient lookup would do (today it loads every member of the group
 * with their accounts for each message). Nothing under src/ is changed.
 *
 * Historical: the fix landed (`RosterStore.member` reads one member), and `Outbox.drain` now reads a
 * claimed batch's members in one query (`membersById`), so this patch no longer changes anything.
 *
 * `node bin/run-ts.js bench/experiments/fanout-member-lookup.ts [MESSAGES] [--as-is]`
 */
import type { Locale, Role } from '../../src/domain/roles.ts';
import type { Db } from '../../src/store/open-database.ts';
import { type RosterMember, RosterStore } from '../../src/store/roster-store.ts';
import { FULL, measureFanout } from '../scenarios/fanout.ts';

const messages = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? FULL.messages);

if (!process.argv.includes('--as-is')) {
  RosterStore.prototype.member = async function (
    this: RosterStore,
    id: number,
  ): Promise<RosterMember | null> {
    const { db, groupId } = this as unknown as { db: Db; groupId: number };
    const row = await db.member.findFirst({
      where: { id, groupId },
      include: {
        unit: { select: { code: true, name: true } },
        identities: { select: { platform: true, externalId: true } },
      },
    });
    if (!row) return null;
    return {
      id: row.id,
      displayName: row.displayName,
      role: row.role as Role,
      unitCode: row.unit.code,
      unitName: row.unit.name,
      locale: (row.locale === 'en' ? 'en' : 'vi') as Locale,
      active: row.active,
      leaveFrom: row.leaveFrom,
      leaveUntil: row.leaveUntil,
      identities: Object.fromEntries(row.identities.map((i) => [i.platform, i.externalId])),
    };
  };
}

const rows = await measureFanout({
  size: { ...FULL, messages },
  log: (line) => process.stderr.write(`${line}\n`),
});
for (const row of rows) process.stdout.write(`${row.metric}: ${row.value} ${row.unit}\n`);
