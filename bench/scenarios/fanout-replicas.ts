/**
 * fanout/replicas: the `fanout` scenario with several bot processes on one PostgreSQL database, as
 * README's "Several replicas" runs them. The parent seeds one PostgreSQL database with `messages`
 * members and one overdue nudge for each in the outbox (as `fanout` does), then starts `replicas`
 * real child processes (test/faults/support/fanout-worker.ts: the real Slack channel and the
 * scheduler's `Outbox.drain`, claims with `FOR UPDATE SKIP LOCKED`), each pacing itself at R /
 * `replicas` (SLACK_SEND_RATE divided between them, as README says), against the one fake Slack API
 * in the edge worker that allows R per second for the whole workspace. Timed from the word `go`
 * (both started up and waiting) until every replica has found the outbox empty and exited.
 *
 * Counted at the fake API: the combined throughput against R (target ≥ 0.95 R), recipients who got
 * nothing (lost) and extra copies (duplicated), both targets 0.
 */

import { startWorker, type Worker, type WorkerResult } from '../../test/faults/support/workers.ts';
import { createCoreFixture } from '../../test/support/core.ts';
import { createTempDatabase } from '../../test/support/temp-database.ts';
import { startEdge } from '../support/edge.ts';
import { ratio, round } from '../support/stats.ts';
import type { ScenarioResult } from '../types.ts';
import { countDeliveries, type FanoutRun, type FanoutSize, fanoutRows, seedFanout } from './fanout.ts';

export interface ReplicasSize extends FanoutSize {
  replicas: number;
}

export const FULL: ReplicasSize = { messages: 5000, rate: 500, burst: 50, replicas: 2, timeLimitMs: 60_000 };
export const SMOKE: ReplicasSize = { messages: 60, rate: 40, burst: 20, replicas: 2, timeLimitMs: 30_000 };

export async function measureFanoutReplicas(options: {
  size: ReplicasSize;
  log: (line: string) => void;
}): Promise<ScenarioResult[]> {
  const { size, log } = options;
  const name = 'fanout/replicas';
  const edge = await startEdge();
  const temp = await createTempDatabase('postgresql', 4);
  const workers: Worker[] = [];
  try {
    const apiUrl = await edge.startSlack({ rate: size.rate, burst: size.burst });
    const fixture = await createCoreFixture(temp.db);
    const task = await temp.db.client.task.findFirstOrThrow({
      where: { code: '1' },
      select: { id: true, code: true, content: true },
    });
    const perReplica = size.rate / size.replicas;
    for (let i = 0; i < size.replicas; i++)
      workers.push(
        startWorker({
          DATABASE_URL: temp.url,
          SLACK_API_URL: apiUrl,
          SLACK_SEND_RATE: String(perReplica),
          WORKER_ID: `replica-${i + 1}`,
          // Counted from the process's start: the seeding below comes out of it too.
          DEADLINE_MS: String(size.timeLimitMs + 60_000),
          WAIT_FOR_GO: '1',
          // A running bot has drained before: its statements are prepared (not so a fresh process).
          WARM_UP: '1',
          // The scheduler's drain as the bot runs it (src/scheduler/outbox.ts DEFAULT_DRAIN_POLICY).
          BATCH_SIZE: '25',
          CONCURRENCY: '4',
        }),
      );
    await Promise.all(workers.map((w) => w.ready(60_000)));
    // Seeded once both are up and warm (their warm-up drain found nothing due).
    const { expected } = await seedFanout(temp.db, fixture.core.deps.group, size.messages, new Date(), task);
    await edge.resetSlack();
    const started = performance.now();
    for (const worker of workers) worker.go();
    const results: WorkerResult[] = await Promise.all(workers.map((w) => w.done(size.timeLimitMs + 30_000)));
    const elapsedMs = performance.now() - started;
    const unsent = await temp.db.client.outboxMessage.findMany({
      where: { kind: 'overdue-nudge', status: { in: ['pending', 'claimed'] } },
      select: { recipient: true },
    });
    const counted = await countDeliveries(edge, expected, new Set(unsent.map((row) => row.recipient)));
    if (counted.stray > 0) throw new Error(`${name}: ${counted.stray} channels got messages nobody was sent`);
    const run: FanoutRun = {
      sent: counted.received - counted.duplicated,
      elapsedMs,
      throughput: (counted.received / elapsedMs) * 1000,
      lost: counted.lost,
      queued: counted.queued,
      duplicated: counted.duplicated,
      limited: counted.tally.limited,
      drains: 0,
    };
    log(
      `${name}: ${counted.received} messages in ${(elapsedMs / 1000).toFixed(1)} s = ${run.throughput.toFixed(1)} msg/s at R = ${size.rate}/s from ${size.replicas} processes (each paced at ${perReplica}/s, sent ${results.map((r) => r.sent).join(' + ')}); ${run.queued} queued, ${run.lost} lost, ${run.duplicated} duplicated; ${run.limited} answered 429`,
    );
    const rows = fanoutRows(run, size, name);
    rows[0]!.metric = `combined throughput of ${size.messages} DM reminders from ${size.replicas} bot processes on one PostgreSQL database at R = ${size.rate}/s`;
    const windowMs = Math.max(1, counted.tally.lastPostAt - counted.tally.firstPostAt);
    rows.push({
      name,
      metric:
        'the same throughput between the first and the last message Slack accepted (without start and exit)',
      value: round((counted.received / windowMs) * 1000, 1),
      baseline: size.rate,
      ratio: ratio((counted.received / windowMs) * 1000, size.rate),
      unit: 'msg/s',
      target: '—',
    });
    rows.push({
      name,
      metric: 'share of the messages the busier replica sent (0.5 = even)',
      value: round(Math.max(...results.map((r) => r.sent)) / Math.max(1, counted.received)),
      baseline: 1 / size.replicas,
      ratio: ratio(Math.max(...results.map((r) => r.sent)), counted.received / size.replicas),
      unit: 'share',
      target: '— (both replicas drain)',
    });
    return rows;
  } finally {
    for (const worker of workers) worker.kill();
    await edge.close();
    await temp.drop();
  }
}
