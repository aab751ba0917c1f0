/**
 * Process-level fault test support: spawning fanout-worker.ts as a real child process (stdout lines
 * `ready` and `done {json}`, bounded waits), killing children, and seeding many Slack-linked members.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Platform } from '../../../src/domain/roles.ts';
import type { MemberStore } from '../../../src/store/member-store.ts';
import type { FakeSlack } from '../../channels/slack/support/fake-slack.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface WorkerResult {
  sent: number;
  retried: number;
  failed: number;
  expired: number;
  unreachable: number;
  released: number;
  decided: number;
  ticks: number;
  left: number;
}

export interface Worker {
  child: ChildProcess;
  /** Resolves on `ready`; rejects if the process exits first or after `timeoutMs`. */
  ready(timeoutMs?: number): Promise<void>;
  /** Resolves with the `done` line's result once the process exited with 0. */
  done(timeoutMs?: number): Promise<WorkerResult>;
  /** stdout and stderr so far (for failure messages). */
  output(): string;
  kill(signal?: NodeJS.Signals): void;
}

const live = new Set<ChildProcess>();

/** Starts `node bin/run-ts.js test/faults/support/fanout-worker.ts` with env. */
export function startWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, ['bin/run-ts.js', 'test/faults/support/fanout-worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      live.delete(child);
      resolve(code);
    });
  });
  const output = () => `stdout:\n${out.slice(-2000)}\nstderr:\n${err.slice(-4000)}`;
  const within = <T>(promise: Promise<T>, ms: number, what: string) =>
    Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`worker: ${what} not within ${ms} ms\n${output()}`)),
          ms,
        );
        timer.unref();
      }),
    ]);
  return {
    child,
    output,
    ready(timeoutMs = 30_000) {
      return within(
        new Promise<void>((resolve, reject) => {
          const check = () => {
            if (/^ready$/m.test(out)) resolve();
          };
          child.stdout?.on('data', check);
          check();
          void exited.then((code) => reject(new Error(`worker exited (${code}) before ready\n${output()}`)));
        }),
        timeoutMs,
        'ready',
      );
    },
    done(timeoutMs = 50_000) {
      return within(
        exited.then((code) => {
          const line = /^done (.*)$/m.exec(out);
          if (code !== 0 || !line?.[1]) throw new Error(`worker exited with ${code}\n${output()}`);
          return JSON.parse(line[1]) as WorkerResult;
        }),
        timeoutMs,
        'done',
      );
    },
    kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}

/** SIGKILLs every worker still running and waits (bounded) for them to go. For `afterEach`. */
export async function killAllWorkers(): Promise<void> {
  const children = [...live];
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(resolve, 2000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** Polls (every 2 ms, at most `timeoutMs`) until `predicate` holds. */
export async function pollUntil(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Slack user id of the n-th seeded member: "U" + 7 digits (canReach wants /^[UW][A-Z0-9]{2,}$/). */
export const slackUser = (n: number) => `U${String(n).padStart(7, '0')}`;

/** Adds `count` active members across `units`, each linked to a Slack user; returns their ids. */
export async function seedSlackMembers(
  members: MemberStore,
  count: number,
  units: string[],
  from = 1,
): Promise<{ id: number; user: string }[]> {
  const out: { id: number; user: string }[] = [];
  for (let i = 0; i < count; i++) {
    const user = slackUser(from + i);
    const identities: Partial<Record<Platform, string>> = { slack: user };
    const record = await members.add(
      {
        displayName: `Thành viên ${from + i}`,
        unitCode: units[i % units.length] ?? 'CNTT',
        role: 'member',
        identities,
      },
      'test',
    );
    out.push({ id: record.id, user });
  }
  return out;
}

/** chat.postMessage calls the fake answered ok, counted by channel ("D<user>"). */
export function deliveriesByChannel(fake: FakeSlack, skipFirst = 0): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of fake.callsOf('chat.postMessage').slice(skipFirst)) {
    const channel = String(call.params.channel);
    counts.set(channel, (counts.get(channel) ?? 0) + 1);
  }
  return counts;
}
