/**
 * A minimal bot process for the process-level fault tests (test/faults/process): opens the database
 * at DATABASE_URL, builds the real Slack channel against the fake Web API at SLACK_API_URL, then either
 * - MODE=drain: drains the outbox (real clock) until nothing is pending or claimed, or
 * - MODE=tick: runs `scheduler.tick()` at the fixed instant CLOCK until nothing is pending.
 * Prints `ready` once set up and `done {json}` at the end; the parent may SIGKILL it at any moment.
 * With WAIT_FOR_GO set it waits, after `ready`, for a line `go` on stdin before it starts; with
 * WARM_UP set it drains once before `ready` (the outbox is empty then: nothing is sent).
 * Env: WORKER_ID, STALE_CLAIM_MS, BACKOFF_MS, BATCH_SIZE, CONCURRENCY, DEADLINE_MS, SLACK_SEND_RATE
 * (default 1000: the fakes are not rate limited unless a test says so).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { fixedClock, systemClock } from '../../../src/app/clock.ts';
import { Core } from '../../../src/app/core.ts';
import { createSlackChannel } from '../../../src/channels/slack/index.ts';
import { settingsSchema } from '../../../src/config/settings.ts';
import { SCHEDULER_DEFAULTS } from '../../../src/scheduler/config.ts';
import { Outbox } from '../../../src/scheduler/outbox.ts';
import { createScheduler } from '../../../src/scheduler/scheduler.ts';
import { schedulerPort } from '../../../src/scheduler/scheduler-port.ts';
import { ensureGroup } from '../../../src/store/group-store.ts';
import { openDatabase } from '../../../src/store/open-database.ts';
import { createStores } from '../../../src/store/stores.ts';

const env = process.env;
const workerId = env.WORKER_ID ?? `worker-${process.pid}`;
const mode = env.MODE ?? 'drain';
const deadline = Date.now() + Number(env.DEADLINE_MS ?? 50_000);
const policy = {
  staleClaimMs: Number(env.STALE_CLAIM_MS ?? 600_000),
  backoffBaseMs: Number(env.BACKOFF_MS ?? 30_000),
  backoffMaxMs: Number(env.BACKOFF_MS ?? 30_000) * 4,
  batchSize: Number(env.BATCH_SIZE ?? 25),
  concurrency: Number(env.CONCURRENCY ?? 4),
};

const settings = settingsSchema.parse({
  DATABASE_URL: env.DATABASE_URL,
  SLACK_BOT_TOKEN: 'xoxb-test-token',
  SLACK_SIGNING_SECRET: 'test-signing-secret-0123456789',
  SLACK_API_URL: env.SLACK_API_URL,
  SLACK_GROUP_CHANNEL: 'CGROUP01',
  SLACK_SEND_RATE: env.SLACK_SEND_RATE ?? '1000',
});
const db = await openDatabase(settings.DATABASE_URL, { poolSize: 4 });
// The group the parent's core fixture created (test/support/core.ts).
const group = await ensureGroup(db.client, {
  name: 'Tổ công tác',
  timeZone: 'Asia/Ho_Chi_Minh',
  locale: 'vi',
});
const clock = mode === 'tick' ? fixedClock(env.CLOCK ?? new Date().toISOString()) : systemClock;
const stores = createStores(db, group.id);
const deps = { ...stores, group, clock, graceDays: 10 };
const core = new Core(deps, schedulerPort(stores, group));
const channel = createSlackChannel({
  core,
  settings,
  timing: { maxInlineWaitMs: 1000, stopGraceMs: 1000, quickRetryMs: 20 },
});
const open = () => db.client.outboxMessage.count({ where: { status: { in: ['pending', 'claimed'] } } });
// With WARM_UP set (bench/scenarios/fanout-replicas.ts), one drain of the outbox before `ready`, so
// that the statements a drain runs are prepared before the parent seeds its rows and says `go`.
if (env.WARM_UP) await new Outbox({ stores, group, clock, workerId }).drain([channel], policy);
process.stdout.write('ready\n');
if (env.WAIT_FOR_GO) {
  // Started ahead of time (its start-up overlapping the parent's other work): wait for the word.
  await new Promise<void>((resolve) => {
    let input = '';
    process.stdin.on('data', (chunk: Buffer) => {
      input += chunk.toString();
      if (/^go$/m.test(input)) resolve();
    });
  });
  process.stdin.pause();
}

const total = {
  sent: 0,
  confirmed: 0,
  retried: 0,
  failed: 0,
  expired: 0,
  unreachable: 0,
  released: 0,
  decided: 0,
  ticks: 0,
};
const add = (r: Partial<typeof total>) => {
  for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += r[key] ?? 0;
};
if (mode === 'tick') {
  const scheduler = createScheduler({
    deps,
    outbox: stores.outbox,
    channels: [channel],
    clock,
    settings: SCHEDULER_DEFAULTS,
    workerId,
    drain: policy,
    timer: { setInterval: () => null, clearInterval() {}, setAlarm: () => null, clearAlarm() {} },
  });
  // Tick until nothing is pending anywhere (the other process may still be sending its claims).
  while (Date.now() < deadline) {
    const result = await scheduler.tick();
    add(result);
    total.ticks++;
    if (result.pending === 0 && (await open()) === 0) break;
    await sleep(20);
  }
} else {
  const outbox = new Outbox({ stores, group, clock, workerId });
  while (Date.now() < deadline) {
    add(await outbox.drain([channel], policy));
    if ((await open()) === 0) break;
    await sleep(50);
  }
}
process.stdout.write(`done ${JSON.stringify({ ...total, left: await open() })}\n`);
await db.close();
process.exit(0);
