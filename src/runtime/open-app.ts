/**
 * Start-up, part of the composition root: migrate the database (retrying while it is unreachable),
 * open it, make sure the group and the unit directory exist, build every repository once
 * (`createStores`). Everything a channel or the CLI needs hangs off the returned `App`; `createCore`
 * builds the core over it.
 */

import { readFileSync } from 'node:fs';
import { type Clock, systemClock } from '../app/clock.ts';
import { Core } from '../app/core.ts';
import type { CoreDeps, WebConfig } from '../app/core-deps.ts';
import { UNIT_CHANGES_CSV, UNIT_HISTORY_CSV, UNITS_CSV } from '../app/paths.ts';
import type { EvidenceStorage } from '../app/ports/evidence.ts';
import type { SchedulerPort } from '../app/ports/scheduler.ts';
import type { UnitRepository } from '../app/ports/stores.ts';
import type { Settings } from '../config/settings.ts';
import { AppError } from '../domain/errors.ts';
import { parseUnitsCsv } from '../domain/unit-directory.ts';
import { parseUnitChangesCsv, parseUnitHistoryCsv } from '../domain/unit-history.ts';
import { evidenceStorage } from '../files/index.ts';
import { schedulerPort } from '../scheduler/scheduler-port.ts';
import { DatabaseFileError, nativeModuleMismatch } from '../store/database-file.ts';
import { ensureGroup, type GroupRecord } from '../store/group-store.ts';
import type { MemberStore } from '../store/member-store.ts';
import { migrateDatabase } from '../store/migrations/migrate.ts';
import { type Database, openDatabase } from '../store/open-database.ts';
import type { PlanStore } from '../store/plan-store.ts';
import { redactUrl } from '../store/provider.ts';
import { createStores, type StoreSet } from '../store/stores.ts';
import type { UnitStore } from '../store/unit-store.ts';

export interface App {
  settings: Settings;
  db: Database;
  group: GroupRecord;
  /** Every repository, built once. `units`, `plans`, `members` are the same objects, for short. */
  stores: StoreSet;
  units: UnitStore;
  plans: PlanStore;
  members: MemberStore;
  /** Where evidence files are kept (EVIDENCE_DIR or EVIDENCE_S3_BUCKET). */
  evidenceFiles: EvidenceStorage;
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
  const stores = createStores(db, group.id);
  if ((await stores.units.count()) === 0) {
    await stores.units.sync(parseUnitsCsv(readFileSync(UNITS_CSV, 'utf8')), 'system');
  }
  if (!(await stores.units.hasHistory())) await loadUnitHistory(stores.units);
  await stores.plans.backfillYearlyDeadlines();
  return {
    settings,
    db,
    group,
    stores,
    units: stores.units,
    plans: stores.plans,
    members: stores.members,
    evidenceFiles: evidenceStorage(settings),
    close: () => db.close(),
  };
}

/**
 * The 2025 reorganisation (data/unit-history.csv, data/unit-changes.csv), loaded once, onto the
 * shipped directory only: a database whose directory was built otherwise (a test, a benchmark, a
 * group that keeps its own units) is left alone. False when it was not loaded.
 */
export async function loadUnitHistory(units: UnitRepository, actor = 'system'): Promise<boolean> {
  const later = parseUnitHistoryCsv(readFileSync(UNIT_HISTORY_CSV, 'utf8'));
  const changes = parseUnitChangesCsv(readFileSync(UNIT_CHANGES_CSV, 'utf8'));
  const inFile = new Set(later.map((unit) => unit.code));
  const needed = [...new Set(changes.map((c) => c.from).filter((code) => !inFile.has(code)))];
  if (!(await units.hasCodes(needed))) return false;
  await units.syncHistory(later, changes, actor);
  return true;
}

/**
 * The core over the app's stores. `scheduler` is the port the chat's meeting and remind commands go
 * through; the bot passes one it binds to its running scheduler, other callers get an unbound one.
 */
export function createCore(
  app: App,
  clock: Clock,
  scheduler: SchedulerPort = schedulerPort(app.stores, app.group),
): Core {
  return new Core(coreDeps(app, clock), scheduler);
}

/** What the use cases get: every store, the group, the clock, the reporting rules. */
export function coreDeps(app: App, clock: Clock): CoreDeps {
  const { PUBLIC_URL } = app.settings;
  return {
    ...app.stores,
    group: app.group,
    clock,
    graceDays: app.settings.REPORT_GRACE_DAYS,
    evidenceFiles: app.evidenceFiles,
    ...(PUBLIC_URL ? { web: webConfig(app.settings, PUBLIC_URL) } : {}),
  };
}

/** The dashboard's settings with the address browsers reach it at (PUBLIC_URL, or the local default). */
export function webConfig(settings: Settings, publicUrl: string): WebConfig {
  return {
    publicUrl,
    linkMinutes: settings.WEB_LINK_MINUTES,
    sessionHours: settings.WEB_SESSION_HOURS,
    maxUploadBytes: settings.PLAN_IMPORT_MAX_BYTES,
    clock: systemClock,
  };
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
      // A file that cannot be created, or a driver built for another Node.js, will not heal by waiting.
      if (error instanceof DatabaseFileError || nativeModuleMismatch(error)) throw error;
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      if (attempt >= settings.DB_CONNECT_RETRIES) {
        throw new AppError('database.unavailable', { target, attempts: attempt + 1, reason: reason ?? '' });
      }
      const wait = Math.min(30_000, 500 * 2 ** attempt);
      log(
        `Không kết nối được cơ sở dữ liệu ${target} (${reason}); thử lại sau ${Math.round(wait / 1000)} giây…`,
      );
      await sleep(wait);
    }
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
