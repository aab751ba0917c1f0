/**
 * One overview's reads and maths in a loop under the inspector's CPU profiler (helper A, ADR 30):
 * `node bin/run-ts.js bench/experiments/ha-overview-profile.ts [sqlite|postgresql] [both|months|summary]`
 * prints the mean of 5 runs after a warm-up and writes `<tmpdir>/<provider>-<what>.cpuprofile`
 * (open it in Chrome DevTools or VS Code).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../src/app/clock.ts';
import { Core } from '../../src/app/core.ts';
import { dashboardMonths } from '../../src/app/use-cases/dashboard-months.ts';
import { toViewer } from '../../src/app/use-cases/identify.ts';
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
const viewer = toViewer(chair);
const what = process.argv[3] ?? 'both';
const run = async () => {
  if (what !== 'summary') await dashboardMonths(core.deps, null, months, today);
  if (what !== 'months') await core.handle(viewer, { name: 'summary', period: null, post: false });
};
await run();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const t = performance.now();
for (let i = 0; i < 5; i++) await run();
console.log(what, ((performance.now() - t) / 5).toFixed(1), 'ms');
const { profile } = await session.post('Profiler.stop');
writeFileSync(join(tmpdir(), `${provider}-${what}.cpuprofile`), JSON.stringify(profile));
await temp.drop();
