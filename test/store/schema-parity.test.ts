import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  migrationNames,
  migrationsDir,
  prismaDir,
  schemaText,
} from '../../src/store/migrations/migration-files.ts';

/** The lines allowed to differ between the providers' schemas. */
function neutral(schema: string): string {
  return schema
    .replace(/provider\s*=\s*"(sqlite|postgresql)"/, 'provider = "<provider>"')
    .replace(/output\s*=\s*"\.\.\/\.\.\/src\/generated\/(sqlite|postgresql)"/, 'output = "<output>"');
}

describe('SQLite and PostgreSQL schemas', () => {
  it('are identical except for the provider and the generated client folder', () => {
    expect(neutral(schemaText('postgresql'))).toBe(neutral(schemaText('sqlite')));
  });

  it('have the same migration history', () => {
    expect(migrationNames('sqlite').length).toBeGreaterThan(0);
    expect(migrationNames('postgresql')).toEqual(migrationNames('sqlite'));
  });

  it('have a snapshot of the current schema in the newest migration (so no migration is forgotten)', () => {
    for (const provider of ['sqlite', 'postgresql'] as const) {
      const newest = migrationNames(provider).at(-1)!;
      const snapshot = readFileSync(join(migrationsDir(provider), newest, 'schema.prisma'), 'utf8');
      expect(snapshot, `${provider}: run npm run db:migration -- <name>`).toBe(schemaText(provider));
    }
  });

  it('lock each history to its provider', () => {
    for (const provider of ['sqlite', 'postgresql'] as const) {
      expect(readFileSync(join(prismaDir(provider), 'migrations', 'migration_lock.toml'), 'utf8')).toContain(
        `provider = "${provider}"`,
      );
    }
  });
});
