import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { appliedMigrations, migrateDatabase } from '../../src/store/migrations/migrate.ts';
import { migrationNames, migrationsDir, schemaText } from '../../src/store/migrations/migration-files.ts';
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
