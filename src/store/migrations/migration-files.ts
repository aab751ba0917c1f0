/** Reads `prisma/<provider>/migrations` in the layout the Prisma CLI writes and the schema engine expects. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Provider } from '../provider.ts';
import type { MigrationList } from './schema-engine.ts';

/** The repository root: two levels above src/store/migrations. */
const ROOT = resolve(import.meta.dirname, '../../..');

export function prismaDir(provider: Provider): string {
  return join(ROOT, 'prisma', provider);
}

export function schemaText(provider: Provider): string {
  return readFileSync(join(prismaDir(provider), 'schema.prisma'), 'utf8');
}

export function migrationsDir(provider: Provider): string {
  return join(prismaDir(provider), 'migrations');
}

/** Migration folder names, oldest first (they start with a UTC timestamp). */
export function migrationNames(provider: Provider): string[] {
  const dir = migrationsDir(provider);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Each migration folder with the checksum the schema engine records for it in `_prisma_migrations`
 * (SHA-256 of `migration.sql`, hex), oldest first.
 */
export function migrationChecksums(provider: Provider): { name: string; checksum: string }[] {
  const dir = migrationsDir(provider);
  return migrationNames(provider).map((name) => ({
    name,
    checksum: createHash('sha256')
      .update(readFileSync(join(dir, name, 'migration.sql')))
      .digest('hex'),
  }));
}

export function readMigrationList(provider: Provider): MigrationList {
  const baseDir = migrationsDir(provider);
  const lockPath = join(baseDir, 'migration_lock.toml');
  return {
    baseDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: migrationNames(provider).map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(join(baseDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}
