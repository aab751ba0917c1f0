/**
 * The SQLite fast path (src/store/sqlite-direct.ts): prepared statements on the Prisma client's own
 * connection, group commit, and the fall-back to Prisma while a Prisma transaction holds it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/store/audit.ts';
import { directFor } from '../../src/store/sqlite-direct.ts';
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

  it('rejects queued writes once the database is closed, instead of hanging', async () => {
    const other = await createTempDatabase('sqlite');
    const d = directFor(other.db.client)!;
    await other.db.close();
    await expect(d.write(() => d.run('SELECT 1'))).rejects.toThrow();
    await other.drop().catch(() => {});
    expect(await auditCount('Nothing')).toBe(0);
  });
});
