/**
 * Process-level fault test support: spawning fanout-worker.ts as a real child process (stdout lines
 * `ready` and `done {json}`, bounded waits), killing children, and seeding many Slack-linked members.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ReminderView } from '../../../src/app/views.ts';
import type { Platform } from '../../../src/domain/roles.ts';
import { Outbox } from '../../../src/scheduler/outbox.ts';
import type { MemberStore } from '../../../src/store/member-store.ts';
import type { Database } from '../../../src/store/open-database.ts';
import { createStores } from '../../../src/store/stores.ts';
import type { FakeSlack } from '../../support/slack/fake-slack.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface WorkerResult {
  sent: number;
  /** Of `sent`: rows found already delivered (a killed process's) rather than posted. */
  confirmed: number;
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
  /** Lets a worker started with WAIT_FOR_GO begin. */
  go(): void;
  kill(signal?: NodeJS.Signals): void;
}

const live = new Set<ChildProcess>();

/** Starts `node bin/run-ts.js test/faults/support/fanout-worker.ts` with env. */
export function startWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, ['bin/run-ts.js', 'test/faults/support/fanout-worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env },
    stdio: [env.WAIT_FOR_GO ? 'pipe' : 'ignore', 'pipe', 'pipe'],
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
    go() {
      child.stdin?.end('go\n');
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

/**
 * `seedSlackMembers` in bulk (a few statements per 500 members, no audit entries): for fan-outs of
 * thousands, whose members only need to exist and be linked.
 */
export async function seedSlackMembersBulk(
  db: Database,
  groupId: number,
  count: number,
  units: string[],
  from = 1,
): Promise<{ id: number; user: string }[]> {
  const unitIds = await db.client.unit.findMany({
    where: { code: { in: units } },
    select: { id: true, code: true },
  });
  const idOf = new Map(unitIds.map((u) => [u.code, u.id]));
  const out: { id: number; user: string }[] = [];
  for (let start = 0; start < count; start += 500) {
    const size = Math.min(500, count - start);
    const created = await db.client.member.createManyAndReturn({
      data: Array.from({ length: size }, (_, k) => ({
        groupId,
        unitId: idOf.get(units[(start + k) % units.length] ?? '') ?? [...idOf.values()][0]!,
        displayName: `Thành viên ${from + start + k}`,
        role: 'member',
      })),
      select: { id: true },
    });
    const batch = created.map((row, k) => ({ id: row.id, user: slackUser(from + start + k) }));
    await db.client.memberIdentity.createMany({
      data: batch.map((m) => ({ memberId: m.id, platform: 'slack', externalId: m.user })),
    });
    out.push(...batch);
  }
  return out;
}

/** Messages the fake accepted (chat.postMessage answered ok), counted by conversation ("D<user>"). */
export function deliveriesByChannel(fake: FakeSlack): Map<string, number> {
  return fake.deliveries();
}

const NUDGE: ReminderView = {
  kind: 'reminder',
  topic: 'overdue_nudge',
  period: null,
  meeting: null,
  tasks: [],
  units: [],
  actions: false,
};

/**
 * One decision (`job`/`occurrence`) with an overdue nudge for each member, due now, written through
 * `Outbox.enqueue` so the keys are real; returns how many messages were recorded.
 */
export async function enqueueNudges(
  db: Database,
  group: { id: number; timeZone: string; locale: string },
  members: { id: number }[],
  job: string,
  occurrence: string,
): Promise<number> {
  const now = new Date();
  const outbox = new Outbox({
    stores: createStores(db, group.id),
    group,
    clock: { now: () => now },
    workerId: 'parent',
  });
  const { messages } = await outbox.enqueue({
    job,
    occurrence,
    messages: members.map((m) => ({
      kind: 'overdue-nudge',
      occurrence: `fault/${m.id}`,
      recipient: `member:${m.id}:slack`,
      channel: 'slack',
      payload: JSON.stringify(NUDGE),
      notBefore: now,
    })),
  });
  return messages;
}
