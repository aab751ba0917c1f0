/** The overview's parts timed apart at summary scale (h8, ADR 28): `node bin/run-ts.js bench/experiments/h8-overview-parts.ts [sqlite|postgresql]`. */
import { fixedClock } from '../../src/app/clock.ts';
import { Core } from '../../src/app/core.ts';
import { dashboardMonths } from '../../src/app/use-cases/dashboard-months.ts';
import { deadlineBuckets } from '../../src/app/use-cases/deadline-buckets.ts';
import { toViewer } from '../../src/app/use-cases/identify.ts';
import { summaryData } from '../../src/app/use-cases/summarize.ts';
import { periodFromKey, previousPeriod } from '../../src/domain/period.ts';
import { schedulerPort } from '../../src/scheduler/scheduler-port.ts';
import { createStores } from '../../src/store/stores.ts';
import { createTempDatabase } from '../../test/support/temp-database.ts';
import { FULL_SIZE, seedScale } from '../scenarios/summary-scale.ts';

const provider = (process.argv[2] ?? 'sqlite') as 'sqlite' | 'postgresql';
const temp = await createTempDatabase(provider, 10);
const size = FULL_SIZE;
const { group, chair, startYear } = await seedScale(temp.db, size);
const last = size.months - 1;
const key = `${startYear + Math.floor(last / 12)}-${String((last % 12) + 1).padStart(2, '0')}`;
const clock = fixedClock(`${key}-15T10:00:00+07:00`);
const stores = createStores(temp.db, group.id);
const core = new Core({ ...stores, group, clock, graceDays: 10 } as never, schedulerPort(stores, group));
const today = `${key}-15`;
const months = [periodFromKey(key)];
while (months.length < 12) months.unshift(previousPeriod(months[0]!));
const time = async (label: string, fn: () => Promise<unknown>) => {
  await fn();
  const t = performance.now();
  for (let i = 0; i < 5; i++) await fn();
  console.log(label, ((performance.now() - t) / 5).toFixed(1), 'ms');
};
const viewer = toViewer(chair);
const { rollUpOn } = await import('../../src/app/use-cases/roll-up.ts');
const { allTasks } = await import('../../src/app/use-cases/task-scope.ts');
await time('allTasks', () => allTasks(core.deps));
await time('rollUpOn x12', () =>
  Promise.all(months.map((m) => rollUpOn(core.deps, m.endsOn).then((r) => r.names()))),
);
await time('units.history', () => stores.units.history({ aliases: false }));
await time('summary handle', () => core.handle(viewer, { name: 'summary', period: null, post: false }));
await time('summaryData 1 month', () => summaryData(core.deps, null, months.at(-1)!, today));
await time('deadlineBuckets', () => deadlineBuckets(core.deps, null, months.at(-1)!, today));
await time('dashboardMonths', () => dashboardMonths(core.deps, null, months, today));
await time('monthlyStatuses', () => stores.reports.monthlyStatuses(months[0]!.key, key));
await time('monthMarks', () => stores.reports.monthMarks(months[0]!.key, key));
await time('doneBefore', () => stores.reports.doneBefore(months.at(-1)!.startsOn));
await time('forPeriod', () => stores.reports.forPeriod(key));
await time('doneReports', () => stores.reports.doneReports());
await temp.drop();
