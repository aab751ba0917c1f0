/**
 * Applies `prisma/<provider>/migrations` to a database with Prisma's own schema engine, so the
 * database ends up exactly as `prisma migrate deploy` would leave it, `_prisma_migrations` included.
 * Runs at start-up and from `da06 db migrate`; a second run is a no-op. When `_prisma_migrations`
 * already records every migration folder (names and checksums), the engine is not even loaded.
 */

import { adapterFactoryFor } from '../open-database.ts';
import { providerOf } from '../provider.ts';
import { readMigrationList, schemaText } from './migration-files.ts';
import { migrationsUpToDate } from './migration-status.ts';

export { appliedMigrations } from './migration-status.ts';

export interface MigrationResult {
  applied: string[];
}

/**
 * Migrates the database at `url` over connections of its own, closed when done. Call it before
 * `openDatabase` (see there why not while a client is connected to SQLite).
 */
export async function migrateDatabase(url: string): Promise<MigrationResult> {
  if (await migrationsUpToDate(url)) return { applied: [] };
  const provider = providerOf(url);
  // The engine (JS bindings and WebAssembly) is imported only when something may be pending.
  const { NO_FILTERS, withSchemaEngine } = await import('./schema-engine.ts');
  const output = await withSchemaEngine(
    adapterFactoryFor(url, { poolSize: 1 }),
    schemaText(provider),
    (engine) => engine.applyMigrations({ migrationsList: readMigrationList(provider), filters: NO_FILTERS }),
  );
  return { applied: output.appliedMigrationNames };
}
