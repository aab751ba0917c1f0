/**
 * Rounds of "the bot against its bare baseline" for the latency scenarios (slack-ack, teams-turn): both
 * are warmed up first; in each round both get a warm-up and a measured run, alternating which goes
 * first; per run the p50 and
 * p99 latency (a request that got no answer counts as the client's timeout), the throughput, the share
 * over the platform's time limit, and how late the bot process's event loop ran (timers' delay).
 */
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import type { ScenarioResult } from '../types.ts';
import type { LoadResult } from './edge.ts';
import { profiled } from './profile.ts';
import { median, percentile, ratio, round, rounds, spreadPercent } from './stats.ts';

export type Target = 'bot' | 'bare';

export interface CompareOptions {
  name: string;
  rounds: number;
  warmup: number;
  requests: number;
  /** What the platform allows before it gives up on an answer (Slack: 3 s). */
  limitMs: number;
  /** The client's timeout: a request with no answer counts as this late. */
  timeoutMs: number;
  run(target: Target, count: number): Promise<LoadResult>;
  log(line: string): void;
}

type PerTarget = Record<Target, number[]>;

export interface Comparison {
  p50: PerTarget;
  p99: PerTarget;
  /** Answers per second. */
  rate: PerTarget;
  /** Share of requests (0…1) slower than `limitMs` or unanswered. */
  late: PerTarget;
  /** Longest event-loop delay of this process during the run, ms. */
  loopMax: PerTarget;
}

export async function compareRounds(options: CompareOptions): Promise<Comparison> {
  const { name, log } = options;
  const empty = (): PerTarget => ({ bot: [], bare: [] });
  const out: Comparison = { p50: empty(), p99: empty(), rate: empty(), late: empty(), loopMax: empty() };
  const loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  // Both warmed up before the first round: otherwise whichever is measured first runs on code V8 has
  // not optimised yet and a heap still growing (the bare app's first round ran at ~60 % of its later
  // rate), and the comparison flatters the other.
  for (const target of ['bare', 'bot'] as const) await options.run(target, options.warmup * 3);
  for (let r = 0; r < options.rounds; r++) {
    const order: Target[] = r % 2 === 0 ? ['bare', 'bot'] : ['bot', 'bare'];
    for (const target of order) {
      await options.run(target, options.warmup);
      loop.reset();
      loop.enable();
      const result = await profiled(`${name.replaceAll('/', '-')}-${target}-round${r + 1}`, () =>
        options.run(target, options.requests),
      );
      loop.disable();
      const all = [...result.latencies, ...Array<number>(result.errors).fill(options.timeoutMs)];
      out.p50[target].push(percentile(all, 0.5));
      out.p99[target].push(percentile(all, 0.99));
      out.rate[target].push((result.latencies.length / result.elapsedMs) * 1000);
      out.late[target].push(all.filter((ms) => ms > options.limitMs).length / all.length);
      out.loopMax[target].push(loop.max / 1e6);
      log(
        `${name} round ${r + 1} ${target}: p50 ${out.p50[target].at(-1)!.toFixed(1)} ms, p99 ${out.p99[target].at(-1)!.toFixed(1)} ms, ${out.rate[target].at(-1)!.toFixed(0)} req/s, ${(out.late[target].at(-1)! * 100).toFixed(2)} % over ${options.limitMs / 1000} s, event loop delayed up to ${out.loopMax[target].at(-1)!.toFixed(0)} ms${result.slowSamples.length > 0 ? `; slow: ${result.slowSamples.slice(0, 3).join('; ')}` : ''}`,
      );
    }
  }
  for (const target of ['bare', 'bot'] as const) {
    log(
      `${name} ${target}: p50 ${rounds(out.p50[target])} ms, p99 ${rounds(out.p99[target])} ms (spread ${spreadPercent(out.p99[target])} %), ${rounds(out.rate[target], 0)} req/s, loop delay max ${rounds(out.loopMax[target], 0)} ms`,
    );
  }
  return out;
}

/** The p50 row (no target) and the p99 row (target: ratio ≤ 1.5) of a comparison. */
export function latencyRows(
  name: string,
  what: string,
  comparison: Comparison,
  limit: string,
  baselineName: string,
): ScenarioResult[] {
  const late = comparison.late.bot.reduce((a, b) => a + b, 0) / Math.max(1, comparison.late.bot.length);
  return [
    {
      name,
      metric: `p50 ${what}`,
      value: round(median(comparison.p50.bot)),
      baseline: round(median(comparison.p50.bare)),
      ratio: ratio(median(comparison.p50.bot), median(comparison.p50.bare)),
      unit: 'ms',
      target: `ratio ≤ 1.5 (${baselineName})`,
    },
    {
      name,
      metric: `p99 ${what}; ${(late * 100).toFixed(2)} % of the bot's over ${limit}`,
      value: round(median(comparison.p99.bot)),
      baseline: round(median(comparison.p99.bare)),
      ratio: ratio(median(comparison.p99.bot), median(comparison.p99.bare)),
      unit: 'ms',
      target: `ratio ≤ 1.5 (${baselineName})`,
    },
    {
      name,
      metric: `p99 spread across rounds, (max − min) / median (bot: ${rounds(comparison.p99.bot)} ms)`,
      value: spreadPercent(comparison.p99.bot),
      baseline: spreadPercent(comparison.p99.bare),
      ratio: ratio(spreadPercent(comparison.p99.bot), spreadPercent(comparison.p99.bare)),
      unit: '%',
      target: '— (each round is in the log)',
    },
  ];
}
