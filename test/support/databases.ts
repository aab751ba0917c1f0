/**
 * Runs repository tests on both databases. Each test file gets a database of its own: a temporary
 * SQLite file, and a fresh PostgreSQL database created on the server at TEST_POSTGRES_URL
 * (default: the local server, database `test`). Without that server the PostgreSQL half is skipped
 * with a notice, except under CI=true, where it fails: CI must prove both.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { migrateDatabase } from '../../src/store/migrations/migrate.ts';
import { type Database, openDatabase } from '../../src/store/open-database.ts';
import type { Provider } from '../../src/store/provider.ts';

export const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const inCi = process.env.CI === 'true';

async function probePostgres(): Promise<string | null> {
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

const postgresProblem = await probePostgres();
if (postgresProblem && !inCi) {
  console.warn(
    `\n⚠ PostgreSQL tests SKIPPED: cannot reach ${POSTGRES_ADMIN_URL} (${postgresProblem}).\n` +
      '  Start PostgreSQL or set TEST_POSTGRES_URL to run them; CI=true makes this a failure.\n',
  );
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

/** A migrated, empty database of the given kind, and a function that throws it away. */
export async function createTestDatabase(
  provider: Provider,
): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'da06-test-'));
    const url = `file:${join(dir, 'test.db')}`;
    await migrateDatabase(url);
    const db = await openDatabase(url);
    return {
      db,
      drop: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (postgresProblem) throw new Error(`PostgreSQL unreachable at ${POSTGRES_ADMIN_URL}: ${postgresProblem}`);
  const name = `da06_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await runOnServer(`CREATE DATABASE "${name}"`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  const db = await openDatabase(url.toString(), { poolSize: 4 });
  return {
    db,
    drop: async () => {
      await db.close();
      await runOnServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/**
 * `describe` once per database. The callback gets a getter (the database exists only once
 * `beforeAll` has run). The PostgreSQL block is skipped, loudly, when the server is unreachable
 * outside CI; under CI its `beforeAll` fails instead.
 */
export function describeEachDatabase(
  name: string,
  body: (db: () => Database, provider: Provider) => void,
): void {
  for (const provider of ['sqlite', 'postgresql'] as const) {
    const skip = provider === 'postgresql' && postgresProblem !== null && !inCi;
    describe.skipIf(skip)(`${name} [${provider}]`, () => {
      let current: { db: Database; drop: () => Promise<void> } | undefined;
      beforeAll(async () => {
        current = await createTestDatabase(provider);
      });
      afterAll(async () => {
        await current?.drop();
      });
      body(() => {
        if (!current) throw new Error('database not ready: use it inside a test or hook');
        return current.db;
      }, provider);
    });
  }
}
