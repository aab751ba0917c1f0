import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { appliedMigrations, migrateDatabase } from '../../src/store/migrations/migrate.ts';
import {
  migrationChecksums,
  migrationNames,
  migrationsDir,
  schemaText,
} from '../../src/store/migrations/migration-files.ts';
import { migrationsUpToDate } from '../../src/store/migrations/migration-status.ts';
import { NO_FILTERS, withSchemaEngine } from '../../src/store/migrations/schema-engine.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('migrations', (db, provider) => {
  it('bring an empty database to the current schema and record themselves as the Prisma CLI does', async () => {
    expect(await appliedMigrations(db())).toEqual(migrationNames(provider));
    const rows = await db().client.$queryRawUnsafe<
      { migration_name: string; checksum: string; applied_steps_count: number }[]
    >('SELECT migration_name, checksum, applied_steps_count FROM _prisma_migrations ORDER BY migration_name');
    for (const row of rows) {
      const sql = readFileSync(join(migrationsDir(provider), row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(Number(row.applied_steps_count)).toBe(1);
    }
  });

  it('do nothing on a second run', async () => {
    await db().client.$disconnect(); // the client reconnects on its next query
    expect(await migrateDatabase(db().url)).toEqual({ applied: [] });
    expect(await appliedMigrations(db())).toEqual(migrationNames(provider));
  });

  it('are found up to date without the schema engine when every folder is recorded with its checksum', async () => {
    expect(migrationChecksums(provider).map((m) => m.name)).toEqual(migrationNames(provider));
    expect(await migrationsUpToDate(db().url)).toBe(true);
  });

  it('are not up to date when a migration is missing, failed, edited or unknown to the folders', async () => {
    const client = db().client;
    const last = migrationNames(provider).at(-1)!;
    const row = (
      await client.$queryRawUnsafe<{ id: string; checksum: string }[]>(
        `SELECT id, checksum FROM _prisma_migrations WHERE migration_name = '${last}'`,
      )
    )[0]!;
    const check = async (change: string, undo: string) => {
      await client.$executeRawUnsafe(change);
      try {
        return await migrationsUpToDate(db().url);
      } finally {
        await client.$executeRawUnsafe(undo);
      }
    };
    const restore = `UPDATE _prisma_migrations SET migration_name = '${last}', checksum = '${row.checksum}', finished_at = started_at, rolled_back_at = NULL WHERE id = '${row.id}'`;
    expect(
      await check(
        `UPDATE _prisma_migrations SET rolled_back_at = started_at WHERE id = '${row.id}'`,
        restore,
      ),
    ).toBe(false);
    expect(
      await check(`UPDATE _prisma_migrations SET finished_at = NULL WHERE id = '${row.id}'`, restore),
    ).toBe(false);
    expect(
      await check(`UPDATE _prisma_migrations SET checksum = 'edited' WHERE id = '${row.id}'`, restore),
    ).toBe(false);
    expect(
      await check(
        `UPDATE _prisma_migrations SET migration_name = '29991231000000_newer' WHERE id = '${row.id}'`,
        restore,
      ),
    ).toBe(false);
    expect(await migrationsUpToDate(db().url)).toBe(true);
  });

  it('leave tables the generated client can use', async () => {
    const group = await db().client.workingGroup.create({ data: { name: 'Tổ công tác' } });
    expect(await db().client.workingGroup.findUnique({ where: { id: group.id } })).toMatchObject({
      timeZone: 'Asia/Ho_Chi_Minh',
      locale: 'vi',
    });
  });

  if (provider === 'sqlite') {
    // The engine can describe a SQLite database through the adapter (not a PostgreSQL one: it fails on
    // catalog columns of type "char"), so the proof that the history builds the schema runs here.
    it('build exactly the schema in schema.prisma (no migration forgotten)', async () => {
      const schema = schemaText('sqlite');
      const diff = await withSchemaEngine(db().factory, schema, (engine) =>
        engine.diff({
          from: {
            tag: 'schemaDatasource',
            files: [{ path: 'schema.prisma', content: schema }],
            configDir: '.',
          },
          to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
          script: true,
          exitCode: null,
          filters: NO_FILTERS,
        }),
      );
      expect(diff.stdout).toContain('This is an empty migration.');
    });
  }
});

it('an unreachable database or one never migrated is not up to date (the engine then decides)', async () => {
  expect(await migrationsUpToDate('postgresql://u:p@127.0.0.1:1/none')).toBe(false);
  const dir = mkdtempSync(join(tmpdir(), 'da06-migrations-'));
  expect(await migrationsUpToDate(`file:${join(dir, 'empty.db')}`)).toBe(false);
});
