/**
 * `BENCH_PROFILE=DIR npm run bench -- --only NAME`: CPU profiles of the measured phases of a scenario
 * (the bot's side only: the load generator and the fake APIs run in the edge worker), written as
 * `DIR/<label>.cpuprofile` for Chrome DevTools or `bench/profile-summary.ts`. Without the variable,
 * `profiled` just runs the work.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

export async function profiled<T>(label: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return work();
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 250 });
    await session.post('Profiler.start');
    const value = await work();
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${label}.cpuprofile`), JSON.stringify(profile));
    return value;
  } finally {
    session.disconnect();
  }
}
