/**
 * Throw-away databases for tests and benchmarks: a temporary SQLite file, or a fresh PostgreSQL
 * database created on the server at TEST_POSTGRES_URL (default: the local server, database `test`).
 * No vitest import here, so benchmarks use it too.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateDatabase } from '../../src/store/migrations/migrate.ts';
import { type Database, openDatabase } from '../../src/store/open-database.ts';
import type { Provider } from '../../src/store/provider.ts';

export const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** Null when PostgreSQL answers, else why not. */
export async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

async function runOnServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TempDatabase {
  db: Database;
  url: string;
  drop: () => Promise<void>;
}

/** A migrated, empty database of the given kind, and a function that throws it away. */
export async function createTempDatabase(provider: Provider, poolSize = 4): Promise<TempDatabase> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'da06-test-'));
    const url = `file:${join(dir, 'test.db')}`;
    await migrateDatabase(url);
    const db = await openDatabase(url);
    return {
      db,
      url,
      drop: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `da06_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await runOnServer(`CREATE DATABASE "${name}"`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  const db = await openDatabase(url.toString(), { poolSize });
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      await runOnServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
