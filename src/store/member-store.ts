/** Members of the working group and their accounts on each chat platform. */
import type { MemberRecord, MemberRepository, NewMember } from '../app/ports/stores.ts';
import { AppError } from '../domain/errors.ts';
import type { Locale, Platform, Role } from '../domain/roles.ts';
import { audit } from './audit.ts';
import type { Db, Tx } from './open-database.ts';
import { type PgDirect, pgDirectFor } from './pg-direct.ts';
import { bool, int, text } from './raw-rows.ts';
import { directFor, type SqliteDirect } from './sqlite-direct.ts';

export type { MemberRecord, NewMember };

const memberInclude = { unit: { select: { code: true, name: true } }, identities: true } as const;

type MemberRow = {
  id: number;
  displayName: string;
  role: string;
  email: string | null;
  locale: string;
  active: boolean;
  unit: { code: string; name: string };
  identities: { platform: string; externalId: string }[];
};

function toRecord(row: MemberRow): MemberRecord {
  return {
    id: row.id,
    displayName: row.displayName,
    role: row.role as Role,
    unitCode: row.unit.code,
    unitName: row.unit.name,
    email: row.email,
    locale: row.locale as Locale,
    active: row.active,
    identities: Object.fromEntries(
      row.identities.map((identity) => [identity.platform, identity.externalId]),
    ),
  };
}

export class MemberStore implements MemberRepository {
  constructor(
    private readonly db: Db,
    private readonly groupId: number,
  ) {}

  async add(member: NewMember, actor: string): Promise<MemberRecord> {
    return this.db.$transaction(async (tx) => {
      const unit = await tx.unit.findUnique({ where: { code: member.unitCode } });
      if (!unit) throw new AppError('unit.unknown', { unit: member.unitCode });
      await refuseDuplicateName(tx, this.groupId, member.displayName);
      const created = await tx.member.create({
        data: {
          groupId: this.groupId,
          unitId: unit.id,
          displayName: member.displayName.trim(),
          role: member.role,
          email: member.email ?? null,
          locale: member.locale ?? 'vi',
          identities: {
            create: Object.entries(member.identities ?? {}).map(([platform, externalId]) => ({
              platform,
              externalId,
            })),
          },
        },
        include: memberInclude,
      });
      await audit(tx, {
        actor,
        action: 'member.add',
        entity: 'Member',
        entityId: created.id,
        details: member,
      });
      return toRecord(created);
    });
  }

  async list(options: { includeInactive?: boolean } = {}): Promise<MemberRecord[]> {
    const rows = await this.db.member.findMany({
      where: { groupId: this.groupId, ...(options.includeInactive ? {} : { active: true }) },
      include: memberInclude,
      orderBy: { id: 'asc' },
    });
    return rows.map(toRecord);
  }

  async byId(id: number): Promise<MemberRecord | null> {
    const row = await this.db.member.findFirst({
      where: { id, groupId: this.groupId },
      include: memberInclude,
    });
    return row ? toRecord(row) : null;
  }

  /** The active member behind a platform account, or null when nobody has linked it. */
  async byIdentity(platform: Platform, externalId: string): Promise<MemberRecord | null> {
    // Every chat event starts here: on SQLite, one prepared statement instead of a Prisma query, and
    // its answer kept until the members change (SqliteDirect.cached); on PostgreSQL one named
    // statement, answered from a cache only inside a submission's optimistic scope (PgDirect.directory).
    const direct = directFor(this.db);
    if (direct) {
      return direct.cached(`member:${this.groupId}:${platform}:${externalId}`, () =>
        byIdentityDirect(direct, this.groupId, platform, externalId),
      );
    }
    const pg = pgDirectFor(this.db);
    if (pg) return byIdentityPg(pg, this.groupId, platform, externalId);
    const identity = await this.db.memberIdentity.findUnique({
      where: { platform_externalId: { platform, externalId } },
      include: { member: { include: memberInclude } },
    });
    if (!identity?.member.active || identity.member.groupId !== this.groupId) return null;
    return toRecord(identity.member);
  }

  /** Members whose name matches, ignoring case (for `link NAME`, `as NAME`). */
  async findByName(name: string, options: { includeInactive?: boolean } = {}): Promise<MemberRecord[]> {
    const wanted = name.trim().toLocaleLowerCase('vi');
    return (await this.list(options)).filter(
      (member) => member.displayName.toLocaleLowerCase('vi') === wanted,
    );
  }

  async inactiveIdentity(platform: Platform, externalId: string): Promise<boolean> {
    const identity = await this.db.memberIdentity.findUnique({
      where: { platform_externalId: { platform, externalId } },
      include: { member: { select: { active: true, groupId: true } } },
    });
    return identity !== null && !identity.member.active && identity.member.groupId === this.groupId;
  }

  async link(memberId: number, platform: Platform, externalId: string, actor: string): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const taken = await tx.memberIdentity.findUnique({
        where: { platform_externalId: { platform, externalId } },
      });
      if (taken && taken.memberId !== memberId)
        throw new AppError('member.identity_taken', { account: externalId });
      // Linking the same account again keeps its row: Teams stores how to reach the member there.
      await tx.memberIdentity.deleteMany({ where: { memberId, platform, externalId: { not: externalId } } });
      if (!taken) await tx.memberIdentity.create({ data: { memberId, platform, externalId } });
      await audit(tx, {
        actor,
        action: 'member.link',
        entity: 'Member',
        entityId: memberId,
        details: { platform, externalId },
      });
    });
  }

  async setRole(memberId: number, role: Role, actor: string): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await tx.member.update({ where: { id: memberId }, data: { role } });
      await audit(tx, {
        actor,
        action: 'member.role',
        entity: 'Member',
        entityId: memberId,
        details: { role },
      });
    });
  }

  /** Deactivated members keep their reports and history; they just stop being asked and recognised. */
  async deactivate(memberId: number, actor: string): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await tx.member.update({ where: { id: memberId }, data: { active: false, deactivatedAt: new Date() } });
      await audit(tx, { actor, action: 'member.deactivate', entity: 'Member', entityId: memberId });
    });
  }

  async reactivate(memberId: number, actor: string): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await tx.member.update({ where: { id: memberId }, data: { active: true, deactivatedAt: null } });
      await audit(tx, { actor, action: 'member.reactivate', entity: 'Member', entityId: memberId });
    });
  }
}

function byIdentityDirect(
  direct: SqliteDirect,
  groupId: number,
  platform: Platform,
  externalId: string,
): MemberRecord | null {
  const row = direct.get(
    `SELECT m."id", m."groupId", m."displayName", m."role", m."email", m."locale", m."active",
            u."code" AS "unitCode", u."name" AS "unitName",
            (SELECT json_group_array(json_array(o."platform", o."externalId"))
               FROM (SELECT "platform", "externalId" FROM "MemberIdentity" WHERE "memberId" = m."id" ORDER BY "id") o
            ) AS "identities"
     FROM "MemberIdentity" i JOIN "Member" m ON m."id" = i."memberId" JOIN "Unit" u ON u."id" = m."unitId"
     WHERE i."platform" = ? AND i."externalId" = ?`,
    platform,
    externalId,
  );
  return identityRecord(row, groupId);
}

/**
 * The same read as `byIdentityDirect` as one PostgreSQL statement (pg-direct.ts), with the directory's
 * version it was read at; one row even when nobody has the account (then its columns are null).
 */
const MEMBER_BY_IDENTITY_PG = `
  SELECT (SELECT "version" FROM "DirectoryVersion" WHERE "id" = 1)::text AS "directoryVersion", x.*
  FROM (SELECT 1) AS one LEFT JOIN (
    SELECT m."id", m."groupId", m."displayName", m."role", m."email", m."locale", m."active",
           u."code" AS "unitCode", u."name" AS "unitName",
           (SELECT json_agg(json_build_array(o."platform", o."externalId") ORDER BY o."id")::text
              FROM "MemberIdentity" o WHERE o."memberId" = m."id") AS "identities"
    FROM "MemberIdentity" i JOIN "Member" m ON m."id" = i."memberId" JOIN "Unit" u ON u."id" = m."unitId"
    WHERE i."platform" = $1 AND i."externalId" = $2
  ) AS x ON true`;

/** `MEMBER_BY_IDENTITY_PG`: read, or inside a submission's optimistic scope perhaps cached. */
function byIdentityPg(
  direct: PgDirect,
  groupId: number,
  platform: Platform,
  externalId: string,
): Promise<MemberRecord | null> {
  return direct.directory(
    `member:${groupId}:${platform}:${externalId}`,
    'da06_member_by_identity',
    MEMBER_BY_IDENTITY_PG,
    [platform, externalId],
    (row) => identityRecord(row.id == null ? undefined : row, groupId),
  );
}

/** A row of the identity reads above as the member it names, or null (inactive, another group). */
function identityRecord(row: Record<string, unknown> | undefined, groupId: number): MemberRecord | null {
  if (!row || !bool(row.active) || int(row.groupId) !== groupId) return null;
  const identities = (JSON.parse(String(row.identities)) as [string, string][]).map(
    ([platform, externalId]) => ({ platform, externalId }),
  );
  return toRecord({
    id: int(row.id),
    displayName: String(row.displayName),
    role: String(row.role),
    email: text(row.email),
    locale: String(row.locale),
    active: true,
    unit: { code: String(row.unitCode), name: String(row.unitName) },
    identities,
  });
}

/** A name as people tell names apart: composed, single-spaced, ignoring case. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

/**
 * Two members of a group with one name could not be told apart by name in any command (`members
 * role Lan` would be ambiguous), so a second one is refused, active or not, naming the first one's unit.
 */
async function refuseDuplicateName(tx: Tx, groupId: number, displayName: string): Promise<void> {
  const wanted = nameKey(displayName);
  const rows = await tx.member.findMany({
    where: { groupId },
    select: { displayName: true, unit: { select: { code: true } } },
  });
  const same = rows.find((row) => nameKey(row.displayName) === wanted);
  if (same) throw new AppError('member.duplicate_name', { member: same.displayName, unit: same.unit.code });
}
