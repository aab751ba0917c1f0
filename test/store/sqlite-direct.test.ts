/**
 * The SQLite fast path (src/store/sqlite-direct.ts): prepared statements on the Prisma client's own
 * connection, group commit, the fall-back to Prisma while a Prisma transaction holds it, and the
 * directory cache that any write to the members or the plan clears.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/store/audit.ts';
import { ensureGroup } from '../../src/store/group-store.ts';
import { MemberStore } from '../../src/store/member-store.ts';
import { directFor } from '../../src/store/sqlite-direct.ts';
import { UnitStore } from '../../src/store/unit-store.ts';
import { createTempDatabase, type TempDatabase } from '../support/temp-database.ts';

describe('SqliteDirect', () => {
  let temp: TempDatabase;
  const client = () => temp.db.client;
  const direct = () => {
    const found = directFor(client());
    if (!found) throw new Error('no direct statements on a free SQLite client');
    return found;
  };
  const auditCount = (entity: string) => client().auditEntry.count({ where: { entity } });

  beforeAll(async () => {
    temp = await createTempDatabase('sqlite');
  });
  afterAll(async () => {
    await temp.drop();
  });

  it('is offered for an open SQLite client, never for a transaction client', async () => {
    expect(directFor(client())).not.toBeNull();
    await client().$transaction(async (tx) => {
      expect(directFor(tx)).toBeNull();
      // The connection is inside Prisma's transaction now: a statement here would run inside it.
      expect(directFor(client())).toBeNull();
    });
    expect(directFor(client())).not.toBeNull();
    expect(directFor({})).toBeNull();
  });

  it('returns integers as numbers, not bigint (the adapter opens the connection with safe integers)', () => {
    const row = direct().get<{ n: unknown }>('SELECT 41 + 1 AS "n"');
    expect(row?.n).toBe(42);
  });

  it('commits the writes queued in one turn together; a failing one undoes only itself', async () => {
    const d = direct();
    const insert = (id: string) => () =>
      d.run(
        `INSERT INTO "AuditEntry" ("at", "actor", "action", "entity", "entityId") VALUES (?, 'test', 'x', 'Batch', ?)`,
        new Date().toISOString(),
        id,
      );
    const results = await Promise.allSettled([
      d.write(insert('1')),
      d.write(() => {
        insert('2')();
        throw new Error('second fails after writing');
      }),
      d.write(insert('3')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const ids = await client().auditEntry.findMany({ where: { entity: 'Batch' }, orderBy: { id: 'asc' } });
    expect(ids.map((row) => row.entityId)).toEqual(['1', '3']);
  });

  it('holds a batch while a Prisma transaction has the connection, then commits it after', async () => {
    const d = direct();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const prisma = client().$transaction(async (tx) => {
      await tx.auditEntry.create({
        data: { actor: 'test', action: 'x', entity: 'Held', entityId: 'prisma' },
      });
      await held;
    });
    // Let Prisma open its transaction first.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const queued = d.write(() =>
      d.run(
        `INSERT INTO "AuditEntry" ("at", "actor", "action", "entity", "entityId") VALUES (?, 'test', 'x', 'Held', 'direct')`,
        new Date().toISOString(),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    release();
    await prisma;
    await queued;
    const rows = await client().auditEntry.findMany({ where: { entity: 'Held' }, orderBy: { id: 'asc' } });
    expect(rows.map((row) => row.entityId)).toEqual(['prisma', 'direct']);
  });

  it('writes timestamps Prisma reads back as the same instant', async () => {
    const before = Date.now();
    await recordAudit(client(), { actor: 'test', action: 'x', entity: 'Stamp', details: { a: 1 } });
    const row = await client().auditEntry.findFirstOrThrow({ where: { entity: 'Stamp' } });
    expect(row.at).toBeInstanceOf(Date);
    expect(row.at.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(row.at.getTime()).toBeLessThanOrEqual(Date.now() + 1);
    expect(JSON.parse(row.details ?? 'null')).toEqual({ a: 1 });
  });

  describe('cached (the directory: members, units, the plan)', () => {
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    let reads = 0;
    const unitName = () =>
      direct().cached('unit-name:CNTT', () => {
        reads++;
        return direct().get<{ name: string }>(`SELECT "name" FROM "Unit" WHERE "code" = 'CNTT'`) ?? null;
      });

    beforeAll(async () => {
      await client().unit.create({
        data: { code: 'CNTT', name: 'Trung tâm Công nghệ thông tin', kind: 'central' },
      });
    });

    it('answers from memory until the directory changes, and the answer is frozen', async () => {
      await nextTurn();
      reads = 0;
      const first = unitName();
      expect(first).toEqual({ name: 'Trung tâm Công nghệ thông tin' });
      expect(unitName()).toBe(first);
      expect(reads).toBe(1);
      expect(Object.isFrozen(first)).toBe(true);
      // Reports and the audit trail are not the directory: writing them keeps the answer.
      await recordAudit(client(), { actor: 'test', action: 'x', entity: 'Cache', details: null });
      await nextTurn();
      expect(unitName()).toBe(first);
      expect(reads).toBe(1);
    });

    it('reads again after this connection writes a directory table, through Prisma or SQL', async () => {
      unitName();
      reads = 0;
      await client().unit.update({ where: { code: 'CNTT' }, data: { name: 'Trung tâm CNTT' } });
      expect(unitName()).toEqual({ name: 'Trung tâm CNTT' });
      await client().$executeRawUnsafe(
        `UPDATE "Unit" SET "name" = 'Trung tâm Công nghệ thông tin' WHERE "code" = 'CNTT'`,
      );
      expect(unitName()).toEqual({ name: 'Trung tâm Công nghệ thông tin' });
      expect(reads).toBe(2);
    });

    it('reads again after another process commits to the file, from the next turn of the event loop', async () => {
      unitName();
      reads = 0;
      const other = new Database(temp.url.replace(/^file:/, ''));
      try {
        other.prepare(`UPDATE "Unit" SET "name" = 'Đổi từ tiến trình khác' WHERE "code" = 'CNTT'`).run();
      } finally {
        other.close();
      }
      await nextTurn();
      expect(unitName()).toEqual({ name: 'Đổi từ tiến trình khác' });
      expect(reads).toBe(1);
    });

    it('a member deactivated or re-linked is seen at once by byIdentity', async () => {
      const group = await ensureGroup(client(), {
        name: 'Tổ công tác cache',
        timeZone: 'Asia/Ho_Chi_Minh',
        locale: 'vi',
      });
      const members = new MemberStore(client(), group.id);
      const unitId = await new UnitStore(client()).idOf('CNTT');
      const added = await client().member.create({
        data: { groupId: group.id, unitId, displayName: 'Trần Cache', role: 'member', locale: 'vi' },
      });
      await members.link(added.id, 'slack', 'UCACHE1', 'test');
      expect((await members.byIdentity('slack', 'UCACHE1'))?.displayName).toBe('Trần Cache');
      await client().member.update({ where: { id: added.id }, data: { role: 'chair' } });
      expect((await members.byIdentity('slack', 'UCACHE1'))?.role).toBe('chair');
      await members.link(added.id, 'slack', 'UCACHE2', 'test');
      expect(await members.byIdentity('slack', 'UCACHE1')).toBeNull();
      await client().member.update({ where: { id: added.id }, data: { active: false } });
      expect(await members.byIdentity('slack', 'UCACHE2')).toBeNull();
    });
  });

  it('rejects queued writes once the database is closed, instead of hanging', async () => {
    const other = await createTempDatabase('sqlite');
    const d = directFor(other.db.client)!;
    await other.db.close();
    await expect(d.write(() => d.run('SELECT 1'))).rejects.toThrow();
    await other.drop().catch(() => {});
    expect(await auditCount('Nothing')).toBe(0);
  });
});
