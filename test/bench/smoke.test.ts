/** Every benchmark scenario runs here at tiny sizes, without targets, so the benchmarks cannot rot. */
import { expect, it } from 'vitest';
import { runBenchmarks } from '../../bench/index.ts';

it('npm run bench scenarios run end to end at smoke size', async () => {
  const results = await runBenchmarks({ smoke: true, log: () => {} });
  expect(results.map((r) => r.name)).toContain('summary-scale/sqlite');
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
}, 120_000);
