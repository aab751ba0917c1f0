/** What the use cases need: the stores, the group, the clock, the reporting rules. Built once by the composition root. */
import { todayIn } from '../domain/period.ts';
import type { Clock } from './clock.ts';
import type { EvidenceStorage } from './ports/evidence.ts';
import type { GroupRecord, Stores } from './ports/stores.ts';

export interface CoreDeps extends Stores {
  group: GroupRecord;
  clock: Clock;
  /** Days after a month ends during which its reports are still accepted (marked late). */
  graceDays: number;
  /** Where evidence files' bytes go (src/files); without one, files are refused as "store unavailable". */
  evidenceFiles?: EvidenceStorage;
  /** The web dashboard's settings; absent when the dashboard is not served (tests, some CLI commands). */
  web?: WebConfig;
}

/** Today's date in the group's time zone, YYYY-MM-DD. */
export function today(deps: Pick<CoreDeps, 'group' | 'clock'>): string {
  return todayIn(deps.group.timeZone, deps.clock.now());
}

/** The dashboard's settings the core needs (PUBLIC_URL, WEB_LINK_MINUTES, WEB_SESSION_HOURS). */
export interface WebConfig {
  /** Where browsers reach the bot, without a trailing slash, e.g. https://da06.bhxh.gov.vn. */
  publicUrl: string;
  linkMinutes: number;
  sessionHours: number;
  /** The largest plan file an admin may upload (PLAN_IMPORT_MAX_BYTES). */
  maxUploadBytes: number;
  /** Real time for expiries, whatever CLOCK_START does to the business clock (tests pass their own). */
  clock: Clock;
}
