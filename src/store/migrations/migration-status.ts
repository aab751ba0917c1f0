/**
 * What `_prisma_migrations` says, read without the schema engine: the engine's WebAssembly costs
 * about half a second and 50 MB to load, so start-up asks first whether anything is pending and
 * runs the engine only then (docs/performance.md, footprint). /readyz reads the same table.
 */
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import { adapterFactoryFor, type Database } from '../open-database.ts';
import { providerOf } from '../provider.ts';
import { migrationChecksums } from './migration-files.ts';

/** Names of the migrations recorded as finished in `_prisma_migrations` (empty when the table is missing). */
export async function appliedMigrations(db: Database): Promise<string[]> {
  try {
    const rows = await db.client.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name',
    );
    return rows.map((row) => row.migration_name);
  } catch {
    return [];
  }
}

/**
 * Whether the database at `url` has exactly the migrations of `prisma/<provider>/migrations` applied:
 * each folder recorded as finished (not rolled back) under its name with the checksum the engine
 * records, no migration left failed or half-applied, and none the folders do not know. Anything
 * else — the table missing, a failed migration, an unreachable database, any error — answers false,
 * and the caller runs the schema engine, which applies, reports or fails as it always did.
 * Reads over a connection of its own, closed before it returns (SQLite: the engine needs the lock).
 */
export async function migrationsUpToDate(url: string): Promise<boolean> {
  let connection: SqlDriverAdapter | undefined;
  try {
    const expected = migrationChecksums(providerOf(url));
    connection = await adapterFactoryFor(url, { poolSize: 1 }).connect();
    const result = await connection.queryRaw({
      sql: 'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations',
      args: [],
      argTypes: [],
    });
    const column = (name: string) => result.columnNames.indexOf(name);
    const [name, checksum, finished, rolledBack] = [
      column('migration_name'),
      column('checksum'),
      column('finished_at'),
      column('rolled_back_at'),
    ];
    const applied = new Map<string, string[]>();
    for (const row of result.rows) {
      if (row[rolledBack] !== null) continue;
      if (row[finished] === null) return false; // failed or still running: the engine says what to do
      const sums = applied.get(String(row[name])) ?? [];
      sums.push(String(row[checksum]));
      applied.set(String(row[name]), sums);
    }
    const known = new Set(expected.map((m) => m.name));
    if ([...applied.keys()].some((recorded) => !known.has(recorded))) return false;
    return expected.every((m) => applied.get(m.name)?.includes(m.checksum) ?? false);
  } catch {
    return false;
  } finally {
    await connection?.dispose().catch(() => {});
  }
}
