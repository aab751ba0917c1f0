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
import { dashboardMonths } from '../../src/app/use-cases/dashboard-months.ts';
import { overviewFixture } from './overview-fixture.ts';

const provider = (process.argv[2] ?? 'sqlite') as 'sqlite' | 'postgresql';
const { temp, core, today, months, viewer } = await overviewFixture(provider);
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
