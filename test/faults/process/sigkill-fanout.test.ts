/**
 * Issue 8, process level: a bot process SIGKILLed in the middle of a fan-out. The parent pre-fills
 * the outbox (through `Outbox.enqueue`, so keys are real) with one direct message per member, starts
 * `fanout-worker.ts` draining it through the real Slack channel to a fake Slack Web API on 127.0.0.1,
 * SIGKILLs it after a random number of deliveries seen at the fake, and starts a fresh worker (short
 * `staleClaimMs`, so the dead one's claims are released) that finishes the drain.
 *
 * Expected (src/scheduler/outbox.ts, docs/scheduler.md): nobody is lost; everybody gets exactly one
 * message except at most one recipient per kill, whose message Slack accepted before the row was
 * marked sent (the documented at-least-once window).
 *
 * Trial sizes: 20 trials on SQLite with 100 recipients each by default. On the loaded 2-core
 * development machine one message costs ~25-45 ms end to end (conversations.open + chat.postMessage
 * through the Web API client, two SQLite writes) and each worker boots in a few seconds, so one
 * 2,000-recipient trial takes 60-90 s: over the ~60 s per-test budget. The 2,000-recipient trials are
 * therefore opt-in: FAULT_BIG_TRIALS=3 adds three of them (180 s each); FAULT_SMALL_TRIALS changes the
 * number of small ones.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReminderView } from '../../../src/app/views.ts';
import { Outbox } from '../../../src/scheduler/outbox.ts';
import { openDatabase } from '../../../src/store/open-database.ts';
import { FakeSlack } from '../../channels/slack/support/fake-slack.ts';
import { createCoreFixture } from '../../support/core.ts';
import { createTempDatabase } from '../../support/temp-database.ts';
import {
  deliveriesByChannel,
  killAllWorkers,
  pollUntil,
  seedSlackMembers,
  startWorker,
} from '../support/workers.ts';

const BIG = 2000;
const SMALL = 100;
const TRIALS: number[] = [
  ...Array.from({ length: Number(process.env.FAULT_BIG_TRIALS ?? 0) }, () => BIG),
  ...Array.from({ length: Number(process.env.FAULT_SMALL_TRIALS ?? 20) }, () => SMALL),
];

const view: ReminderView = {
  kind: 'reminder',
  topic: 'overdue_nudge',
  period: null,
  meeting: null,
  tasks: [],
  units: [],
  actions: false,
};

describe('SIGKILL during a fan-out [sqlite, child processes]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'da06-sigkill-'));
  /** size → a closed SQLite file holding the members and `size` pending messages. */
  const templates = new Map<number, string>();
  let users: string[] = [];
  let fake: FakeSlack | null = null;

  beforeAll(async () => {
    const base = await createTempDatabase('sqlite');
    const fixture = await createCoreFixture(base.db);
    const seeded = await seedSlackMembers(fixture.core.deps.members, Math.max(...TRIALS), [
      'CNTT',
      'VP',
      'TCCB',
    ]);
    users = seeded.map((m) => m.user);
    const baseFile = base.url.slice('file:'.length);
    await base.db.close();
    for (const size of new Set(TRIALS)) {
      const file = join(dir, `template-${size}.db`);
      copyFileSync(baseFile, file);
      const db = await openDatabase(`file:${file}`);
      const outbox = new Outbox({
        db,
        group: fixture.core.deps.group,
        clock: { now: () => new Date() },
        workerId: 'parent',
      });
      const now = new Date();
      const { messages } = await outbox.enqueue({
        job: 'fault-fanout',
        occurrence: `size-${size}`,
        messages: seeded.slice(0, size).map((m) => ({
          kind: 'overdue-nudge',
          occurrence: `fault/${m.id}`,
          recipient: `member:${m.id}:slack`,
          channel: 'slack',
          payload: JSON.stringify(view),
          notBefore: now,
        })),
      });
      expect(messages).toBe(size);
      await db.close();
      templates.set(size, file);
    }
    await base.drop();
  }, 120_000);

  afterEach(async () => {
    await killAllWorkers();
    await fake?.stop();
    fake = null;
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(TRIALS.map((size, index) => [index + 1, size] as const))(
    'trial %i (%i recipients): killed at a random point, a fresh worker finishes; nobody lost, ≤ 1 duplicate',
    async (trial, size) => {
      const file = join(dir, `trial-${trial}.db`);
      copyFileSync(templates.get(size)!, file);
      fake = new FakeSlack();
      await fake.start();
      const env = {
        DATABASE_URL: `file:${file}`,
        SLACK_API_URL: fake.apiUrl,
        STALE_CLAIM_MS: '100',
        BACKOFF_MS: '100',
      };
      const killAfter = 1 + Math.floor(Math.random() * Math.floor(size * 0.95));
      const first = startWorker({ ...env, WORKER_ID: `first-${trial}` });
      await first.ready();
      const posted = () => fake!.callsOf('chat.postMessage').length;
      await pollUntil(() => posted() >= killAfter || first.child.exitCode !== null, 50_000, 'kill point');
      first.kill('SIGKILL');
      await new Promise((resolve) => first.child.once('exit', resolve).exitCode !== null && resolve(null));
      expect(first.child.signalCode, first.output()).toBe('SIGKILL');
      const atKill = posted();

      const second = startWorker({ ...env, WORKER_ID: `second-${trial}` });
      const result = await second.done();
      expect(result.left).toBe(0);

      const counts = deliveriesByChannel(fake);
      const expected = users.slice(0, size).map((u) => `D${u}`);
      const lost = expected.filter((channel) => !counts.has(channel));
      const doubled = [...counts].filter(([, n]) => n > 1);
      expect(lost, `lost after a kill at ${atKill}`).toEqual([]);
      expect([...counts.keys()].every((c) => expected.includes(c))).toBe(true);
      expect(doubled.length, `duplicates: ${JSON.stringify(doubled)}`).toBeLessThanOrEqual(1);
      expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
      expect(posted()).toBe(size + doubled.length);

      const db = await openDatabase(`file:${file}`);
      try {
        const sent = await db.client.outboxMessage.count({
          where: { kind: 'overdue-nudge', status: 'sent' },
        });
        expect(sent).toBe(size);
      } finally {
        await db.close();
        rmSync(file, { force: true });
      }
    },
    TRIALS.some((size) => size > SMALL) ? 180_000 : 60_000,
  );
});
