/**
 * Every benchmark scenario runs here at tiny sizes, without timing assertions, so the benchmarks
 * cannot rot: summary-scale, slack-ack, teams-turn (each on SQLite and, with a server, PostgreSQL),
 * fanout, fanout/replicas (two bot processes on PostgreSQL) and footprint (which spawns the bot).
 */
import { expect, it } from 'vitest';
import { runBenchmarks } from '../../bench/index.ts';
import { probePostgres } from '../support/temp-database.ts';

it('npm run bench scenarios run end to end at smoke size', async () => {
  const results = await runBenchmarks({ smoke: true, log: () => {} });
  const names = new Set(results.map((r) => r.name));
  for (const name of [
    'summary-scale/sqlite',
    'dashboard/sqlite',
    'slack-ack/sqlite',
    'teams-turn/sqlite',
    'fanout',
    'footprint',
  ])
    expect(names, name).toContain(name);
  // With a PostgreSQL server (CI has one) the chat latency scenarios run on it too, and the fan-out
  // from two bot processes on one PostgreSQL database.
  if ((await probePostgres()) === null)
    for (const name of [
      'summary-scale/postgresql',
      'slack-ack/postgresql',
      'teams-turn/postgresql',
      'fanout/replicas',
    ])
      expect(names, name).toContain(name);
  for (const result of results) {
    expect(Object.keys(result).sort()).toEqual([
      'baseline',
      'metric',
      'name',
      'ratio',
      'target',
      'unit',
      'value',
    ]);
    expect(Number.isFinite(result.value) && result.value >= 0, result.name).toBe(true);
    expect(Number.isFinite(result.ratio), result.name).toBe(true);
  }
  // Correctness, not speed: at smoke size every reminder arrives exactly once.
  for (const scenario of names)
    if (scenario.startsWith('fanout')) {
      const fanout = results.filter((r) => r.name === scenario && r.unit === 'msg');
      expect(
        fanout.map((r) => r.value),
        scenario,
      ).toEqual([0, 0, 0]);
    }
}, 300_000);
