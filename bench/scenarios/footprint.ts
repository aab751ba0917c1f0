/**
 * footprint: what `da06 start` costs as a server. `node bin/da06.js start` is spawned (with the V8
 * options of package.json's start script, as `npm start` runs it) with Slack
 * configured (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL pointing at the bench's fake Slack
 * API, PORT=0 so the port comes from its "listening" log line) on a migrated SQLite database, from an
 * empty working directory (no .env is read). Measured: the time from spawn to the first 200 of
 * `/readyz`, and the resident memory (VmRSS of /proc/<pid>/status) one second after ready — against a
 * bare `node -e` HTTP server spawned and polled the same way.
 *
 * Then a second bot process starts on a database holding `fanoutMessages` due overdue nudges; its
 * scheduler's first tick drains them through the Slack channel to the fake API, and its resident
 * memory (and peak, VmHWM) is read once every message has arrived.
 * Targets: ≤ 150 MB idle, ≤ 2 s from launch to ready.
 *
 * bin/da06.js runs the precompiled bundle in dist/ when it is up to date with src/, as after
 * `npm install`; when src/ changed since, this scenario rebuilds it first (as `npm run build`), so it
 * measures what an installed bot runs. With DA06_FROM_SOURCE=1 (the test suite sets it) the bot runs
 * src/ through tsx instead, and nothing is built.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDist } from '../../scripts/build-dist.mjs';
import { distStaleReason } from '../../scripts/dist.mjs';
import { serverNodeOptions } from '../../scripts/node-options.mjs';
import { settingsSchema } from '../../src/config/settings.ts';
import { ensureGroup } from '../../src/store/group-store.ts';
import { UnitStore } from '../../src/store/unit-store.ts';
import { CORE_UNITS } from '../../test/support/core.ts';
import { createTempDatabase } from '../../test/support/temp-database.ts';
import { type Edge, startEdge } from '../support/edge.ts';
import { median, ratio, round, rounds, spreadPercent } from '../support/stats.ts';
import type { ScenarioResult } from '../types.ts';
import { countDeliveries, seedFanout } from './fanout.ts';

export interface FootprintSize {
  /** Idle launches of the bot (and of the bare process). */
  launches: number;
  /** Reminders the second bot process sends right after it starts. */
  fanoutMessages: number;
  /** chat.postMessage calls per second the fake Slack API allows then. */
  rate: number;
  readyTimeoutMs: number;
  fanoutTimeLimitMs: number;
}

export const FULL: FootprintSize = {
  launches: 3,
  fanoutMessages: 500,
  rate: 500,
  readyTimeoutMs: 30_000,
  fanoutTimeLimitMs: 90_000,
};
export const SMOKE: FootprintSize = {
  launches: 1,
  fanoutMessages: 20,
  rate: 500,
  readyTimeoutMs: 30_000,
  fanoutTimeLimitMs: 20_000,
};

const REPO = resolve(import.meta.dirname, '../..');
const SETTLE_MS = 1000;

/** A bare Node HTTP server that prints its port like the bot's "listening" log line. */
const BARE_SERVER = `require('node:http').createServer((q, s) => s.end('ok')).listen(0, '127.0.0.1', function () { process.stderr.write(JSON.stringify({ msg: 'listening', port: this.address().port }) + '\\n'); });`;

export interface FootprintOptions {
  size: FootprintSize;
  log: (line: string) => void;
}

interface Launched {
  child: ChildProcess;
  readyMs: number;
  port: number;
  stderr: string[];
}

export async function measureFootprint(options: FootprintOptions): Promise<ScenarioResult[]> {
  const { size, log } = options;
  const edge = await startEdge();
  const workdir = mkdtempSync(join(tmpdir(), 'da06-bench-footprint-'));
  const running = new Set<ChildProcess>();
  const fromSource = process.env.DA06_FROM_SOURCE === '1';
  if (!fromSource) {
    const stale = distStaleReason();
    if (stale) {
      log(`footprint: ${stale}; building it as npm install does`);
      await buildDist();
    }
  }
  log(
    `footprint: the bot runs ${fromSource ? 'src/ through tsx (DA06_FROM_SOURCE=1)' : 'dist/ (precompiled)'}`,
  );
  try {
    const apiUrl = await edge.startSlack({ rate: size.rate });
    const env = (databaseUrl: string): NodeJS.ProcessEnv => ({
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'bench-signing-secret-0123456789',
      SLACK_API_URL: apiUrl,
      // The fake API's allowance: the bot paces its posts at this rate (SLACK_SEND_RATE).
      SLACK_SEND_RATE: String(size.rate),
      LOG_LEVEL: 'info',
      // Only the outbox drains: no job occurrence of the real date is decided (meeting reminders…).
      SCHEDULER_GRACE_HOURS: '0',
      ...(fromSource ? { DA06_FROM_SOURCE: '1' } : {}),
    });
    const launchBot = (databaseUrl: string) =>
      launch(
        [...serverNodeOptions(), join(REPO, 'bin/da06.js'), 'start'],
        env(databaseUrl),
        workdir,
        size.readyTimeoutMs,
        running,
      );
    const launchBare = () =>
      launch(['-e', BARE_SERVER], { PATH: process.env.PATH }, workdir, size.readyTimeoutMs, running);

    // Idle: launch, ready, settle, read; alternating with the bare process.
    const bot = { readyMs: [] as number[], rssMb: [] as number[] };
    const bare = { readyMs: [] as number[], rssMb: [] as number[] };
    const idle = await createTempDatabase('sqlite');
    await idle.db.close();
    try {
      for (let i = 0; i < size.launches; i++) {
        for (const [which, start] of [
          ['bare', launchBare],
          ['bot', () => launchBot(idle.url)],
        ] as const) {
          const launched = await start();
          await sleep(SETTLE_MS);
          const memory = readMemory(launched.child.pid!);
          const into = which === 'bot' ? bot : bare;
          into.readyMs.push(launched.readyMs);
          into.rssMb.push(memory.rssMb);
          log(
            `footprint launch ${i + 1} ${which}: ready in ${Math.round(launched.readyMs)} ms, RSS ${memory.rssMb.toFixed(1)} MB (peak ${memory.peakMb.toFixed(1)} MB)`,
          );
          await terminate(launched.child, running);
        }
      }
    } finally {
      await idle.drop().catch(() => {});
    }

    // After a fan-out: a bot whose database holds due reminders sends them right after start-up.
    const fanout = await fanOutThroughBot(edge, launchBot, running, size, log);

    for (const [which, m] of [
      ['bare', bare],
      ['bot', bot],
    ] as const) {
      log(
        `footprint ${which}: ready ${rounds(m.readyMs, 0)} ms (spread ${spreadPercent(m.readyMs)} %), RSS ${rounds(m.rssMb)} MB`,
      );
    }
    const rssIdle = median(bot.rssMb);
    const rssBare = median(bare.rssMb);
    const ready = median(bot.readyMs);
    const readyBare = median(bare.readyMs);
    return [
      {
        name: 'footprint',
        metric: `RSS idle, ${SETTLE_MS / 1000} s after ready (median of ${size.launches}; bare = node -e HTTP server)`,
        value: round(rssIdle, 1),
        baseline: round(rssBare, 1),
        ratio: ratio(rssIdle, rssBare),
        unit: 'MB',
        target: 'value ≤ 150 MB',
      },
      {
        name: 'footprint',
        metric: `launch → /readyz 200 (median of ${size.launches}; bare = node -e HTTP server)`,
        value: round(ready, 0),
        baseline: round(readyBare, 0),
        ratio: ratio(ready, readyBare),
        unit: 'ms',
        target: 'value ≤ 2000 ms',
      },
      {
        name: 'footprint',
        metric: `RSS after a fan-out of ${fanout.delivered} DMs through it (peak ${fanout.peakMb.toFixed(1)} MB)`,
        value: round(fanout.rssMb, 1),
        baseline: round(rssBare, 1),
        ratio: ratio(fanout.rssMb, rssBare),
        unit: 'MB',
        target: '— (informational; idle ≤ 150 MB)',
      },
    ];
  } finally {
    for (const child of running) await terminate(child, running);
    await edge.close();
    rmSync(workdir, { recursive: true, force: true });
  }
}

async function fanOutThroughBot(
  edge: Edge,
  launchBot: (databaseUrl: string) => Promise<Launched>,
  running: Set<ChildProcess>,
  size: FootprintSize,
  log: (line: string) => void,
): Promise<{ rssMb: number; peakMb: number; delivered: number }> {
  const temp = await createTempDatabase('sqlite');
  try {
    const defaults = settingsSchema.parse({});
    const group = await ensureGroup(temp.db.client, {
      name: defaults.GROUP_NAME,
      timeZone: defaults.TIME_ZONE,
      locale: defaults.DEFAULT_LOCALE,
    });
    await new UnitStore(temp.db.client).sync(CORE_UNITS, 'bench');
    const { expected } = await seedFanout(temp.db, group, size.fanoutMessages, new Date());
    await temp.db.close();
    await edge.resetSlack();
    const launched = await launchBot(temp.url);
    const started = performance.now();
    const deadline = started + size.fanoutTimeLimitMs;
    let delivered = 0;
    for (;;) {
      const counted = await countDeliveries(edge, expected);
      delivered = counted.received;
      if (delivered >= size.fanoutMessages || performance.now() > deadline) break;
      if (launched.child.exitCode !== null)
        throw new Error(`footprint: the bot exited (${launched.child.exitCode})`);
      await sleep(50);
    }
    const seconds = (performance.now() - started) / 1000;
    const memory = readMemory(launched.child.pid!);
    log(
      `footprint fan-out: ${delivered} of ${size.fanoutMessages} DMs in ${seconds.toFixed(1)} s after ready (${(delivered / seconds).toFixed(0)} msg/s); RSS ${memory.rssMb.toFixed(1)} MB, peak ${memory.peakMb.toFixed(1)} MB`,
    );
    await terminate(launched.child, running);
    if (delivered < size.fanoutMessages)
      log(`footprint fan-out: time limit reached with ${size.fanoutMessages - delivered} DMs not sent`);
    return { ...memory, delivered };
  } finally {
    await temp.drop().catch(() => {});
  }
}

/** Spawns `node args…`, reads the port from its "listening" log line, polls /readyz until it answers 200. */
async function launch(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  timeoutMs: number,
  running: Set<ChildProcess>,
): Promise<Launched> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  const stderr: string[] = [];
  let port: number | null = null;
  let buffered = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (stderr.length < 200) stderr.push(line);
      if (port === null && line.includes('"listening"')) {
        try {
          const parsed = JSON.parse(line) as { port?: unknown };
          if (typeof parsed.port === 'number') port = parsed.port;
        } catch {
          // not JSON
        }
      }
    }
  });
  const deadline = started + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `footprint: ${args.join(' ').slice(0, 60)} exited early: ${stderr.slice(-5).join('\n')}`,
      );
    if (performance.now() > deadline) {
      await terminate(child, running);
      throw new Error(`footprint: not ready within ${timeoutMs} ms: ${stderr.slice(-5).join('\n')}`);
    }
    if (port !== null) {
      const status = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2000) })
        .then((r) => r.arrayBuffer().then(() => r.status))
        .catch(() => 0);
      if (status === 200) return { child, readyMs: performance.now() - started, port, stderr };
    }
    await sleep(10);
  }
}

/** VmRSS and VmHWM (peak) of a process, in MB. */
function readMemory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** SIGTERM, then SIGKILL after 15 s; resolves once the process is gone. */
async function terminate(child: ChildProcess, running: Set<ChildProcess>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
  running.delete(child);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
