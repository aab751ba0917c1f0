/**
 * Runs repository tests on both databases, each test file in a database of its own (see
 * temp-database.ts). Without a PostgreSQL server the PostgreSQL half is skipped with a notice,
 * except under CI=true, where it fails: CI must prove both.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import type { Database } from '../../src/store/open-database.ts';
import type { Provider } from '../../src/store/provider.ts';
import { createTempDatabase, POSTGRES_ADMIN_URL, probePostgres, type TempDatabase } from './temp-database.ts';

const inCi = process.env.CI === 'true';
const postgresProblem = await probePostgres();
if (postgresProblem && !inCi) {
  console.warn(
    `\n⚠ PostgreSQL tests SKIPPED: cannot reach ${POSTGRES_ADMIN_URL} (${postgresProblem}).\n` +
      '  Start PostgreSQL or set TEST_POSTGRES_URL to run them; CI=true makes this a failure.\n',
  );
}

/** A migrated, empty database of the given kind; fails clearly when PostgreSQL is unreachable. */
export async function createTestDatabase(provider: Provider): Promise<TempDatabase> {
  if (provider === 'postgresql' && postgresProblem) {
    throw new Error(`PostgreSQL unreachable at ${POSTGRES_ADMIN_URL}: ${postgresProblem}`);
  }
  return createTempDatabase(provider);
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
      let current: TempDatabase | undefined;
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
