/**
 * Start-up: migrate the database (retrying while it is unreachable), open it, make sure the group and
 * the unit directory exist. Everything a channel or the CLI needs hangs off the returned `App`.
 */
import { readFileSync } from 'node:fs';
import type { Settings } from '../config/settings.ts';
import { UserFacingError } from '../domain/errors.ts';
import { parseUnitsCsv } from '../domain/unit-directory.ts';
import { parseUnitChangesCsv, parseUnitHistoryCsv } from '../domain/unit-history.ts';
import { ensureGroup, type GroupRecord } from '../store/group-store.ts';
import { MemberStore } from '../store/member-store.ts';
import { migrateDatabase } from '../store/migrations/migrate.ts';
import { type Database, openDatabase } from '../store/open-database.ts';
import { PlanStore } from '../store/plan-store.ts';
import { redactUrl } from '../store/provider.ts';
import { UnitStore } from '../store/unit-store.ts';
import { UNIT_CHANGES_CSV, UNIT_HISTORY_CSV, UNITS_CSV } from './paths.ts';

export interface App {
  settings: Settings;
  db: Database;
  group: GroupRecord;
  units: UnitStore;
  plans: PlanStore;
  members: MemberStore;
  close(): Promise<void>;
}

export interface OpenAppOptions {
  /** Where progress and retry notices go (stderr by default). */
  log?: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

export async function openApp(settings: Settings, options: OpenAppOptions = {}): Promise<App> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const applied = await migrateWithRetry(settings, log, options.sleep ?? defaultSleep);
  if (applied.length > 0) log(`Đã áp dụng ${applied.length} migration: ${applied.join(', ')}`);
  const db = await openDatabase(settings.DATABASE_URL, { poolSize: settings.DATABASE_POOL_SIZE });
  const group = await ensureGroup(db.client, {
    name: settings.GROUP_NAME,
    timeZone: settings.TIME_ZONE,
    locale: settings.DEFAULT_LOCALE,
  });
  const units = new UnitStore(db.client);
  if ((await db.client.unit.count()) === 0) {
    await units.sync(parseUnitsCsv(readFileSync(UNITS_CSV, 'utf8')), 'system');
  }
  if ((await db.client.unitChange.count()) === 0) await loadUnitHistory(units, db.client);
  return {
    settings,
    db,
    group,
    units,
    plans: new PlanStore(db.client),
    members: new MemberStore(db.client, group.id),
    close: () => db.close(),
  };
}

/**
 * The 2025 reorganisation (data/unit-history.csv, data/unit-changes.csv), loaded once, onto the
 * shipped directory only: a database whose directory was built otherwise (a test, a benchmark, a
 * group that keeps its own units) is left alone. False when it was not loaded.
 */
export async function loadUnitHistory(
  units: UnitStore,
  client: Pick<Database['client'], 'unit'>,
  actor = 'system',
): Promise<boolean> {
  const later = parseUnitHistoryCsv(readFileSync(UNIT_HISTORY_CSV, 'utf8'));
  const changes = parseUnitChangesCsv(readFileSync(UNIT_CHANGES_CSV, 'utf8'));
  const inFile = new Set(later.map((unit) => unit.code));
  const needed = [...new Set(changes.map((c) => c.from).filter((code) => !inFile.has(code)))];
  const present = await client.unit.count({ where: { code: { in: needed } } });
  if (present !== needed.length) return false;
  await units.syncHistory(later, changes, actor);
  return true;
}

/**
 * A database that is down at start-up (a restart of PostgreSQL, a container still booting) gets a
 * few spaced retries with a clear message each time, then one clear error, not a crash loop.
 */
async function migrateWithRetry(
  settings: Settings,
  log: (line: string) => void,
  sleep: (ms: number) => Promise<void>,
): Promise<string[]> {
  const target = redactUrl(settings.DATABASE_URL);
  for (let attempt = 0; ; attempt++) {
    try {
      return (await migrateDatabase(settings.DATABASE_URL)).applied;
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      if (attempt >= settings.DB_CONNECT_RETRIES) {
        throw new DatabaseUnavailableError(target, attempt + 1, reason ?? '');
      }
      const wait = Math.min(30_000, 500 * 2 ** attempt);
      log(
        `Không kết nối được cơ sở dữ liệu ${target} (${reason}); thử lại sau ${Math.round(wait / 1000)} giây…`,
      );
      await sleep(wait);
    }
  }
}

export class DatabaseUnavailableError extends UserFacingError {
  constructor(target: string, attempts: number, reason: string) {
    super(
      'database_unavailable',
      `Không mở được cơ sở dữ liệu ${target} sau ${attempts} lần thử: ${reason}\n` +
        'Kiểm tra DATABASE_URL và máy chủ cơ sở dữ liệu, rồi chạy lại.',
    );
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
