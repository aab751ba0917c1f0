/** Bench members in bulk: `count` members of one unit, each with the platform accounts `identities(i)` gives. */
import type { Platform } from '../../src/domain/roles.ts';
import type { Database } from '../../src/store/open-database.ts';

export interface BenchMember {
  memberId: number;
  /** Platform → external id, as given. */
  identities: Partial<Record<Platform, string>>;
}

export async function addBenchMembers(
  db: Database,
  options: {
    groupId: number;
    unitCode: string;
    count: number;
    identities: (index: number) => Partial<Record<Platform, string>>;
    prefix?: string;
  },
): Promise<BenchMember[]> {
  const prefix = options.prefix ?? 'Thành viên bench';
  const unit = await db.client.unit.findUniqueOrThrow({
    where: { code: options.unitCode },
    select: { id: true },
  });
  const out: BenchMember[] = [];
  for (let start = 0; start < options.count; start += 500) {
    const size = Math.min(500, options.count - start);
    const created = await db.client.member.createManyAndReturn({
      data: Array.from({ length: size }, (_, k) => ({
        groupId: options.groupId,
        unitId: unit.id,
        displayName: `${prefix} ${start + k + 1}`,
        role: 'member',
      })),
      select: { id: true },
    });
    const batch = created.map((row, k) => ({ memberId: row.id, identities: options.identities(start + k) }));
    await db.client.memberIdentity.createMany({
      data: batch.flatMap((m) =>
        Object.entries(m.identities).map(([platform, externalId]) => ({
          memberId: m.memberId,
          platform,
          externalId,
        })),
      ),
    });
    out.push(...batch);
  }
  return out;
}
