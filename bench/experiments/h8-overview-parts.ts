/** The overview's parts timed apart at summary scale (h8, ADR 28): `node bin/run-ts.js bench/experiments/h8-overview-parts.ts [sqlite|postgresql]`. */
import { dashboardMonths } from '../../src/app/use-cases/dashboard-months.ts';
import { deadlineBuckets } from '../../src/app/use-cases/deadline-buckets.ts';
import { summaryData } from '../../src/app/use-cases/summarize.ts';
import { overviewFixture } from './overview-fixture.ts';

const provider = (process.argv[2] ?? 'sqlite') as 'sqlite' | 'postgresql';
const { temp, stores, core, key, today, months, viewer } = await overviewFixture(provider);
const time = async (label: string, fn: () => Promise<unknown>) => {
  await fn();
  const t = performance.now();
  for (let i = 0; i < 5; i++) await fn();
  console.log(label, ((performance.now() - t) / 5).toFixed(1), 'ms');
};
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
