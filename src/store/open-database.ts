/**
 * The one place a Prisma client is built (as cal.com does in packages/prisma): the driver adapter is
 * chosen by the URL's scheme. Both generated clients have the same models, so the rest of the code
 * is typed against the SQLite one; see docs/adr/0002-two-prisma-schemas.md.
 */
import { createRequire } from 'node:module';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type BetterSqlite3 from 'better-sqlite3';
import type { Pool as PgPool } from 'pg';
import type { PrismaClient as SqliteClientType } from '../generated/sqlite/client.ts';
import { prepareSqliteFile } from './database-file.ts';
import { PgDirect, registerPgDirect } from './pg-direct.ts';
import { type Provider, providerOf, sqlitePath } from './provider.ts';
import { registerDirect, SqliteDirect } from './sqlite-direct.ts';

export type Db = SqliteClientType;
/**
 * Options for a transaction that writes many rows (a directory sync, a plan, a nudge round for
 * thousands of members): Prisma's 5 s default is outlasted under load, seen at 7.4 s for 5,000 outbox
 * rows on a busy machine, and the whole decision would fail and be decided again later.
 */
export const LONG_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

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

/**
 * Only the driver of the URL's database is loaded (pg or better-sqlite3, with its Prisma adapter),
 * and only the generated client of that provider (`openDatabase`): a SQLite bot carries no
 * PostgreSQL code in memory (docs/performance.md, footprint). The adapters are required through
 * their CommonJS builds so that `adapterFactoryFor` stays synchronous.
 */
const requireDriver = createRequire(import.meta.url);

/** A driver-adapter factory for the URL: what the Prisma client and the schema engine connect through. */
export function adapterFactoryFor(
  url: string,
  options: OpenOptions = {},
): SqlMigrationAwareDriverAdapterFactory {
  if (providerOf(url) === 'postgresql') {
    const { PrismaPg } = requireDriver('@prisma/adapter-pg') as typeof import('@prisma/adapter-pg');
    return new PrismaPg({ connectionString: url, max: options.poolSize ?? 10 });
  }
  const { PrismaBetterSqlite3 } = requireDriver(
    '@prisma/adapter-better-sqlite3',
  ) as typeof import('@prisma/adapter-better-sqlite3');
  const path = sqlitePath(url);
  prepareSqliteFile(path);
  checkNativeDriver();
  return new PrismaBetterSqlite3({ url: path, timeout: 5000 });
}

let nativeDriverChecked = false;

/**
 * Loads better-sqlite3's native build once, on an in-memory database: built for another Node.js it
 * fails here with Node's own message (NODE_MODULE_VERSION …), not later inside the schema engine as
 * "External error id#0" after every retry.
 */
function checkNativeDriver(): void {
  if (nativeDriverChecked) return;
  const Sqlite = requireDriver('better-sqlite3') as typeof BetterSqlite3;
  new Sqlite(':memory:').close();
  nativeDriverChecked = true;
}

/**
 * Opens the database. Migrate it first (`migrateDatabase`), not while this client is connected: the
 * schema engine takes SQLite's exclusive lock, which an open connection makes it wait for in vain.
 */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const provider = providerOf(url);
  const factory = adapterFactoryFor(url, options);
  if (provider === 'sqlite') return openSqlite(url, factory);
  return openPostgres(url, factory);
}

async function openPostgres(url: string, factory: SqlMigrationAwareDriverAdapterFactory): Promise<Database> {
  // Keep hold of the pg pool the adapter opens, for PgDirect (the hot paths as single statements).
  const held: { pool?: PgPool } = {};
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    held.pool = (adapter as unknown as { underlyingDriver(): PgPool }).underlyingDriver();
    return adapter;
  };
  const { PrismaClient: PostgresClient } = await import('../generated/postgresql/client.ts');
  const client = new PostgresClient({ adapter: factory }) as unknown as Db;
  await client.$connect();
  if (held.pool) registerPgDirect(client, new PgDirect(held.pool));
  return { provider: 'postgresql', url, client, factory, close: () => client.$disconnect() };
}

async function openSqlite(url: string, factory: SqlMigrationAwareDriverAdapterFactory): Promise<Database> {
  // Keep hold of the better-sqlite3 connection the adapter opens, for SqliteDirect.
  const held: { connection?: BetterSqlite3.Database } = {};
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    held.connection = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    beginImmediately(held.connection);
    return adapter;
  };
  const { PrismaClient: SqliteClient } = await import('../generated/sqlite/client.ts');
  const client = new SqliteClient({ adapter: factory });
  await client.$connect();
  // WAL lets readers run beside the writer, and synchronous=NORMAL stops every write waiting for the
  // disk (370 → 1,017 form submits/s measured here); a crash can lose the last commits, never corrupt.
  await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await client.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  await client.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  if (held.connection) registerDirect(client, new SqliteDirect(held.connection));
  return { provider: 'sqlite', url, client, factory, close: () => client.$disconnect() };
}

/** Whether the database answers a trivial query (`/readyz`); throws the driver's error when not. */
export async function pingDatabase(db: Database): Promise<void> {
  await db.client.$queryRawUnsafe('SELECT 1');
}

/**
 * Prisma's SQLite adapter opens every interactive transaction with a plain (DEFERRED) `BEGIN`: it
 * reads under a snapshot and asks for the write lock only at its first write. When another process
 * (the CLI beside the bot, or the bot beside the CLI) committed in between, SQLite refuses at once
 * with SQLITE_BUSY_SNAPSHOT, and the busy timeout cannot help. Our transactions are there to write,
 * so they take the write lock up front (`BEGIN IMMEDIATE`, as SqliteDirect's do) and wait their
 * turn for up to the connection's busy timeout.
 */
function beginImmediately(connection: BetterSqlite3.Database): void {
  const prepare = connection.prepare.bind(connection);
  connection.prepare = ((source: string) =>
    prepare(source === 'BEGIN' ? 'BEGIN IMMEDIATE' : source)) as typeof connection.prepare;
}
