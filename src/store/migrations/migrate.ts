/**
 * Applies `prisma/<provider>/migrations` to a database with Prisma's own schema engine, so the
 * database ends up exactly as `prisma migrate deploy` would leave it, `_prisma_migrations` included.
 * Runs at start-up and from `da06 db migrate`; a second run is a no-op.
 */
import { adapterFactoryFor, type Database } from '../open-database.ts';
import { providerOf } from '../provider.ts';
import { readMigrationList, schemaText } from './migration-files.ts';
import { NO_FILTERS, withSchemaEngine } from './schema-engine.ts';

export interface MigrationResult {
  applied: string[];
}

/**
 * Migrates the database at `url` over connections of its own, closed when done. Call it before
 * `openDatabase` (see there why not while a client is connected to SQLite).
 */
export async function migrateDatabase(url: string): Promise<MigrationResult> {
  const provider = providerOf(url);
  const output = await withSchemaEngine(
    adapterFactoryFor(url, { poolSize: 1 }),
    schemaText(provider),
    (engine) => engine.applyMigrations({ migrationsList: readMigrationList(provider), filters: NO_FILTERS }),
  );
  return { applied: output.appliedMigrationNames };
}

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
