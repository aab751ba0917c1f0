/**
 * Every benchmark scenario runs here at tiny sizes, without timing assertions, so the benchmarks
 * cannot rot: summary-scale, slack-ack, teams-turn, fanout and footprint (which spawns the bot).
 */
import { expect, it } from 'vitest';
import { runBenchmarks } from '../../bench/index.ts';

it('npm run bench scenarios run end to end at smoke size', async () => {
  const results = await runBenchmarks({ smoke: true, log: () => {} });
  const names = new Set(results.map((r) => r.name));
  for (const name of [
    'summary-scale/sqlite',
    'dashboard/sqlite',
    'slack-ack',
    'teams-turn',
    'fanout',
    'footprint',
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
  const fanout = results.filter((r) => r.name === 'fanout' && r.unit === 'msg');
  expect(fanout.map((r) => r.value)).toEqual([0, 0, 0]);
}, 300_000);
