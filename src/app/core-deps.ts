/** What the use cases need: stores, the group, the clock, the reporting rules. Built once by `createCore`. */
import { todayIn } from '../domain/period.ts';
import type { GroupRecord } from '../store/group-store.ts';
import type { MemberStore } from '../store/member-store.ts';
import type { Db } from '../store/open-database.ts';
import type { PlanStore } from '../store/plan-store.ts';
import type { ReportStore } from '../store/report-store.ts';
import type { UnitStore } from '../store/unit-store.ts';
import type { Clock } from './clock.ts';

export interface CoreDeps {
  db: Db;
  group: GroupRecord;
  plans: PlanStore;
  reports: ReportStore;
  members: MemberStore;
  units: UnitStore;
  clock: Clock;
  /** Days after a month ends during which its reports are still accepted (marked late). */
  graceDays: number;
}

/** Today's date in the group's time zone, YYYY-MM-DD. */
export function today(deps: CoreDeps): string {
  return todayIn(deps.group.timeZone, deps.clock.now());
}
