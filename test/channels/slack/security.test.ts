/**
 * Bolt checks every request: a bad signature is refused with 401 and nothing happens; a timestamp
 * older than 5 minutes is refused even when correctly signed (a replayed request).
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases.ts';
import {
  commandFields,
  type Harness,
  reportValues,
  startHarness,
  USERS,
  viewOutput,
  viewSubmission,
} from '../../support/slack/harness.ts';
import { sign } from '../../support/slack/signed.ts';

describeEachDatabase('Slack request verification', (db) => {
  let h: Harness;
  let taskId: number;
  let payload: Record<string, unknown>;

  beforeAll(async () => {
    h = await startHarness(db());
    const tasks = await h.fixture.core.deps.plans.listTasks(h.fixture.core.deps.group.id);
    taskId = tasks.find((t) => t.code === '1')!.id;
    const opened = {
      callback_id: 'da06_report_form',
      private_metadata: JSON.stringify({ task: taskId, origin: 'message' }),
    };
    const values = reportValues({
      task: taskId,
      status: 'in_progress',
      percent: '50',
      done: 'Đã làm một nửa',
    });
    payload = viewSubmission(USERS.lan, viewOutput(opened, values));
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(() => h.fake.reset());

  const stored = () => db().client.statusReport.count();

  it('a bad signature: 401, nothing stored, no call to Slack', async () => {
    const response = await h.slack.interactive(payload, { signature: `v0=${'0'.repeat(64)}` });
    expect(response.status).toBe(401);
    const wrongSecret = await h.slack.interactive(payload, {
      signature: sign('another-secret-123', Math.floor(Date.now() / 1000), 'payload=x'),
    });
    expect(wrongSecret.status).toBe(401);
    const unsigned = await h.slack.post('payload=%7B%7D', 'application/x-www-form-urlencoded', {
      signature: '',
    });
    expect(unsigned.status).toBe(401);
    expect(await stored()).toBe(0);
    const command = await h.slack.command(commandFields(h, USERS.lan, 'tasks'), { signature: 'v0=abc' });
    expect(command.status).toBe(401);
    await h.channel.whenIdle();
    expect(h.fake.calls).toHaveLength(0);
    expect(h.fake.responses).toHaveLength(0);
  });

  it('a stale timestamp (6 minutes old), correctly signed: refused, nothing stored', async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await h.slack.interactive(payload, { timestamp: stale });
    expect(response.status).toBe(401);
    expect(await stored()).toBe(0);
  });

  it('the same request, signed now, goes through (the refusals were about the signature only)', async () => {
    const response = await h.slack.interactive(payload);
    expect(response.status).toBe(200);
    expect(await stored()).toBe(1);
  });

  it('only POST /slack/events is served', async () => {
    const base = h.slack.url.replace('/slack/events', '');
    expect((await fetch(`${base}/slack/events`)).status).toBe(405);
    expect((await fetch(`${base}/slack/other`, { method: 'POST' })).status).toBe(404);
  });
});
