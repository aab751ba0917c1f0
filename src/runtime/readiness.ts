/**
 * What /readyz checks: the database answers, it has every migration this code expects, and each
 * channel's own check (Slack: the token, tested with auth.test at start).
 */

import type { Readiness } from '../server/health-routes.ts';
import { migrationNames } from '../store/migrations/migration-files.ts';
import { appliedMigrations } from '../store/migrations/migration-status.ts';
import { type Database, pingDatabase } from '../store/open-database.ts';

export async function checkReadiness(
  db: Database,
  warnings: string[] = [],
  channels: Readiness['checks'] = {},
): Promise<Readiness> {
  const checks: Readiness['checks'] = {};
  try {
    await pingDatabase(db);
    checks.database = { ok: true };
  } catch (error) {
    checks.database = {
      ok: false,
      detail: error instanceof Error ? error.message.split('\n')[0] : String(error),
    };
  }
  if (checks.database.ok) {
    const applied = new Set(await appliedMigrations(db));
    const missing = migrationNames(db.provider).filter((name) => !applied.has(name));
    checks.migrations =
      missing.length === 0 ? { ok: true } : { ok: false, detail: `pending: ${missing.join(', ')}` };
  } else {
    checks.migrations = { ok: false, detail: 'database unreachable' };
  }
  Object.assign(checks, channels);
  return { ready: Object.values(checks).every((check) => check.ok), checks, warnings };
}
