/**
 * `npm run bench [-- --json] [-- --only NAME]`: runs each benchmark scenario against its baseline in
 * the same run on the same machine, and prints a table (or one JSON object with --json):
 * `{ "scenarios": [ { "name", "metric", "value", "baseline", "ratio", "unit", "target" } ] }`.
 * `--smoke` runs tiny sizes without targets (what `npm test` does so the benchmarks cannot rot).
 *
 * Scenarios (bench/scenarios/, docs/performance.md): summary-scale, slack-ack, teams-turn, fanout,
 * footprint. `BENCH_PROFILE=DIR` writes CPU profiles of the measured phases (bench/support/profile.ts).
 */
import { cpus, totalmem } from 'node:os';
import { missingServerNodeOptions } from '../scripts/node-options.mjs';
import { createTempDatabase, probePostgres } from '../test/support/temp-database.ts';
import { measureDashboard } from './scenarios/dashboard.ts';
import * as fanout from './scenarios/fanout.ts';
import * as fanoutReplicas from './scenarios/fanout-replicas.ts';
import * as footprint from './scenarios/footprint.ts';
import * as slackAck from './scenarios/slack-ack.ts';
import { FULL_SIZE, measureSummaryScale, SMOKE_SIZE } from './scenarios/summary-scale.ts';
import * as teamsTurn from './scenarios/teams-turn.ts';
import type { ScenarioResult } from './types.ts';

export interface BenchOptions {
  smoke: boolean;
  only?: string;
  log: (line: string) => void;
}

export async function runBenchmarks(options: BenchOptions): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  const wanted = (name: string) => !options.only || name.startsWith(options.only);
  const timed = async (name: string, measure: () => Promise<ScenarioResult[]>) => {
    if (!wanted(name)) return;
    options.log(`${name}: running${options.smoke ? ' (smoke)' : ''}…`);
    const started = performance.now();
    results.push(...(await measure()));
    options.log(`${name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  const log = options.log;
  // slack-ack and teams-turn run the bot (and its bare baseline) in this process.
  const missing = missingServerNodeOptions();
  if (missing.length > 0 && !options.smoke)
    log(
      `bench: this process lacks the bot's V8 options ${missing.join(' ')} (package.json's start script); run it as \`npm run bench\` to measure the bot as it runs`,
    );
  // The chat latency scenarios and summary-scale run on both databases when PostgreSQL answers.
  const providers =
    (await probePostgres()) === null ? (['sqlite', 'postgresql'] as const) : (['sqlite'] as const);
  for (const provider of providers)
    await timed(`slack-ack/${provider}`, () =>
      slackAck.measureSlackAck({ size: options.smoke ? slackAck.SMOKE : slackAck.FULL, provider, log }),
    );
  for (const provider of providers)
    await timed(`teams-turn/${provider}`, () =>
      teamsTurn.measureTeamsTurn({
        size: options.smoke ? teamsTurn.SMOKE : teamsTurn.FULL,
        provider,
        log,
      }),
    );
  await timed('fanout', () =>
    fanout.measureFanout({ size: options.smoke ? fanout.SMOKE : fanout.FULL, log }),
  );
  if ((providers as readonly string[]).includes('postgresql'))
    await timed('fanout/replicas', () =>
      fanoutReplicas.measureFanoutReplicas({
        size: options.smoke ? fanoutReplicas.SMOKE : fanoutReplicas.FULL,
        log,
      }),
    );
  await timed('footprint', () =>
    footprint.measureFootprint({ size: options.smoke ? footprint.SMOKE : footprint.FULL, log }),
  );
  // The web dashboard's overview at summary-scale data (issue 18), on each database.
  if (wanted('dashboard')) {
    const providers =
      (await probePostgres()) === null ? (['sqlite', 'postgresql'] as const) : (['sqlite'] as const);
    for (const provider of providers) {
      options.log(`dashboard on ${provider}: seeding…`);
      const temp = await createTempDatabase(provider, 10);
      try {
        const measured = await measureDashboard(temp.db, options.smoke ? SMOKE_SIZE : FULL_SIZE, provider);
        for (const r of measured) options.log(`${r.name}: ${r.metric}: ${r.value} ${r.unit} (${r.target})`);
        results.push(...measured);
      } finally {
        await temp.drop();
      }
    }
  }
  // Last: seeding and dropping 96k rows leaves PostgreSQL writing them out for a while, which
  // disturbed the latency scenarios when they followed it.
  if (wanted('summary-scale')) {
    for (const provider of providers) {
      options.log(`summary-scale on ${provider}: seeding…`);
      const temp = await createTempDatabase(provider, 10);
      try {
        results.push(
          ...(await measureSummaryScale(temp.db, options.smoke ? SMOKE_SIZE : FULL_SIZE, provider)),
        );
      } finally {
        await temp.drop();
      }
    }
  }
  return results;
}

function table(results: ScenarioResult[]): string {
  const rows = results.map((r) => [
    r.name,
    r.metric,
    `${r.value} ${r.unit}`,
    `${r.baseline} ${r.unit}`,
    String(r.ratio),
    r.target,
  ]);
  const head = ['scenario', 'metric', 'value', 'baseline', 'ratio', 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const onlyIndex = args.indexOf('--only');
  const results = await runBenchmarks({
    smoke: args.includes('--smoke'),
    only: onlyIndex >= 0 ? args[onlyIndex + 1] : undefined,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (json) process.stdout.write(`${JSON.stringify({ scenarios: results })}\n`);
  else {
    process.stdout.write(
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version} ${process.execArgv.filter((a) => a.startsWith('--max')).join(' ')}\n\n`,
    );
    process.stdout.write(`${table(results)}\n`);
  }
}
