/**
 * The one place a Prisma client is built (as cal.com does in packages/prisma): the driver adapter is
 * chosen by the URL's scheme. Both generated clients have the same models, so the rest of the code
 * is typed against the SQLite one; see docs/adr/0002-two-prisma-schemas.md.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient as PostgresClient } from '../generated/postgresql/client.ts';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client.ts';
import { type Provider, providerOf, sqlitePath } from './provider.ts';

export type Db = SqliteClient;
/** The client handed to `$transaction(async (tx) => …)` callbacks. */
export type Tx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export interface Database {
  readonly provider: Provider;
  readonly url: string;
  readonly client: Db;
  /** The adapter factory, also used by the schema engine to migrate this database. */
  readonly factory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL pool size per process. */
  poolSize?: number;
}

/** A driver-adapter factory for the URL: what the Prisma client and the schema engine connect through. */
export function adapterFactoryFor(
  url: string,
  options: OpenOptions = {},
): SqlMigrationAwareDriverAdapterFactory {
  if (providerOf(url) === 'postgresql')
    return new PrismaPg({ connectionString: url, max: options.poolSize ?? 10 });
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return new PrismaBetterSqlite3({ url: path, timeout: 5000 });
}

/**
 * Opens the database. Migrate it first (`migrateDatabase`), not while this client is connected: the
 * schema engine takes SQLite's exclusive lock, which an open connection makes it wait for in vain.
 */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const provider = providerOf(url);
  const factory = adapterFactoryFor(url, options);
  if (provider === 'sqlite') return openSqlite(url, factory);
  const client = new PostgresClient({ adapter: factory }) as unknown as Db;
  await client.$connect();
  return { provider, url, client, factory, close: () => client.$disconnect() };
}

async function openSqlite(url: string, factory: SqlMigrationAwareDriverAdapterFactory): Promise<Database> {
  const client = new SqliteClient({ adapter: factory });
  await client.$connect();
  // WAL lets readers run beside the writer, and synchronous=NORMAL stops every write waiting for the
  // disk (370 → 1,017 form submits/s measured here); a crash can lose the last commits, never corrupt.
  await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await client.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  await client.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  return { provider: 'sqlite', url, client, factory, close: () => client.$disconnect() };
}
