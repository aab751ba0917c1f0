/**
 * Issue 8, process level: the Slack Web API answers 5xx for a while (the first 60 chat.postMessage
 * calls get 503, the first 5 conversations.open get 502), then recovers. One worker process drains
 * an outbox of 120 direct messages with a short backoff: afterwards every recipient got exactly one
 * message and every row is `sent`.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/open-database.ts';
import { createCoreFixture } from '../../support/core.ts';
import { FakeSlack } from '../../support/slack/fake-slack.ts';
import { createTempDatabase } from '../../support/temp-database.ts';
import {
  deliveriesByChannel,
  enqueueNudges,
  killAllWorkers,
  seedSlackMembers,
  startWorker,
} from '../support/workers.ts';

const RECIPIENTS = 120;
const FAILED_POSTS = 60;

describe('the platform returning 5xx for a while [sqlite, child process]', () => {
  let fake: FakeSlack | null = null;
  let cleanup: (() => void) | null = null;

  afterEach(async () => {
    await killAllWorkers();
    await fake?.stop();
    fake = null;
    cleanup?.();
    cleanup = null;
  });

  it('everything is delivered once the platform recovers, nothing twice', async () => {
    const temp = await createTempDatabase('sqlite');
    const file = temp.url.slice('file:'.length);
    cleanup = () => rmSync(dirname(file), { recursive: true, force: true });
    const fixture = await createCoreFixture(temp.db);
    const seeded = await seedSlackMembers(fixture.stores.members, RECIPIENTS, ['CNTT', 'VP', 'TCCB']);
    await enqueueNudges(temp.db, fixture.deps.group, seeded, 'fault-outage', 'outage');
    await temp.db.close();

    fake = new FakeSlack();
    await fake.start();
    fake.failNext('chat.postMessage', { status: 503 }, FAILED_POSTS);
    fake.failNext('conversations.open', { status: 502 }, 5);
    const worker = startWorker({
      DATABASE_URL: temp.url,
      SLACK_API_URL: fake.apiUrl,
      WORKER_ID: 'outage',
      BACKOFF_MS: '200',
    });
    await worker.ready();
    const result = await worker.done(50_000);
    expect(result.left).toBe(0);
    expect(result.retried).toBeGreaterThan(0);
    expect(result.sent).toBe(RECIPIENTS);

    // The first FAILED_POSTS calls were answered 503: only the calls after them delivered anything.
    const counts = deliveriesByChannel(fake);
    expect(fake.callsOf('chat.postMessage').length).toBe(FAILED_POSTS + RECIPIENTS);
    expect([...counts.keys()].sort()).toEqual(seeded.map((m) => `D${m.user}`).sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);

    const db = await openDatabase(temp.url);
    try {
      const rows = await db.client.outboxMessage.findMany({ where: { kind: 'overdue-nudge' } });
      expect(rows).toHaveLength(RECIPIENTS);
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
      expect(rows.some((r) => r.attempts > 0)).toBe(true);
    } finally {
      await db.close();
    }
  }, 60_000);
});
