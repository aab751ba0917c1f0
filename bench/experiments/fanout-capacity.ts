/**
 * Experiment for docs/performance.md (not part of `npm run bench`): the fanout scenario with no rate
 * limit anywhere (the fake Slack API's bucket and SLACK_SEND_RATE far above what the bot can do), to
 * see how many messages a second the drain itself can push, i.e. the headroom above R = 500/s.
 *
 * `node bin/run-ts.js bench/experiments/fanout-capacity.ts [MESSAGES]`
 * (`BENCH_PROFILE=DIR` writes a CPU profile of the drain, as for `npm run bench`.)
 */
import { measureFanout } from '../scenarios/fanout.ts';

const messages = Number(process.argv[2] ?? 5000);
const rows = await measureFanout({
  size: { messages, rate: 1_000_000, burst: 1_000_000, sendRate: 10_000, timeLimitMs: 60_000 },
  log: (line) => process.stderr.write(`${line}\n`),
});
for (const row of rows) process.stdout.write(`${row.metric}: ${row.value} ${row.unit}\n`);
