/**
 * Issue 16, exactly once across processes (ADR 25): the same signed Slack request delivered to a
 * restarted app (new memory, new database client) or to two replicas on one database at once writes
 * once — one report revision, one member, one summary post. Each "app" is the real Slack channel
 * behind its own HTTP server, with its own core over its own client of the test database. "Nothing
 * else happened" is checked after `close()`, which waits for every piece of work the app started.
 */
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { Core } from '../../../src/app/core.ts';
import type { CoreDeps } from '../../../src/app/core-deps.ts';
import { schedulerPort } from '../../../src/scheduler/scheduler-port.ts';
import { type Database, openDatabase } from '../../../src/store/open-database.ts';
import { createStores } from '../../../src/store/stores.ts';
import type { CoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import {
  commandFields,
  confirmationOf,
  type Harness,
  reportValues,
  startHarness,
  USERS,
  viewOutput,
  viewSubmission,
} from '../../support/slack/harness.ts';

describeEachDatabase('Slack requests replayed across apps', (db) => {
  let first: Harness;
  let fixture: CoreFixture;
  let opened: Record<string, unknown>;
  const apps: { harness: Harness; client: Database; closed: boolean }[] = [];

  beforeAll(async () => {
    const boot = await startHarness(db());
    fixture = boot.fixture;
    const fields = commandFields(boot, USERS.lan, 'report 4');
    await boot.slack.command(fields);
    const call = await boot.fake.waitForCall('views.open', (c) => c.params.trigger_id === fields.trigger_id);
    opened = call.params.view as Record<string, unknown>;
    await boot.close();
  });

  beforeEach(async () => {
    first = await app();
  });

  afterEach(async () => {
    await stopAll();
    for (const { client } of apps.splice(0)) await client.close();
  });

  /** Stops every app started so far, waiting for the work each one started (graceful stop). */
  async function stopAll(): Promise<void> {
    for (const app of apps) {
      if (app.closed) continue;
      app.closed = true;
      await app.harness.close();
    }
  }

  /** Another bot process on the same database: a new client, a new core, a new Slack channel. */
  async function app(): Promise<Harness> {
    const client = await openDatabase(db().url);
    const stores = createStores(client, fixture.deps.group.id);
    const deps: CoreDeps = { ...stores, group: fixture.deps.group, clock: fixture.clock, graceDays: 10 };
    const core = new Core(deps, schedulerPort(stores, fixture.deps.group));
    const harness = await startHarness(db(), { fixture: { ...fixture, core, deps, stores } });
    apps.push({ harness, client, closed: false });
    return harness;
  }

  const taskId = async (code: string) =>
    (await fixture.deps.plans.listTasks(fixture.deps.group.id)).find((t) => t.code === code)!.id;
  const revisions = async (code: string) =>
    db().client.statusReportRevision.count({ where: { report: { taskId: await taskId(code) } } });

  function submission(viewId: string, percent: string) {
    return viewSubmission(
      USERS.lan,
      viewOutput(
        opened,
        reportValues({ status: 'in_progress', percent, done: 'Đã khảo sát hiện trạng phần mềm' }),
        viewId,
      ),
    );
  }

  it('a view submission replayed to a restarted app stores nothing and is answered with the confirmation', async () => {
    const before = await revisions('4');
    const payload = submission('VRESTART', '20');
    const answer = await first.slack.interactive(payload);
    expect(confirmationOf(answer)).toContain('nhiệm vụ 4');
    const restarted = await app();
    const replay = await restarted.slack.interactive(payload, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(replay.status).toBe(200);
    expect(confirmationOf(replay)).toContain('nhiệm vụ 4');
    expect(await revisions('4')).toBe(before + 1);
  });

  it('two replicas receiving the same submission at once store one revision', async () => {
    const second = await app();
    const before = await revisions('4');
    const payload = submission('VREPLICAS', '30');
    const [a, b] = await Promise.all([first.slack.interactive(payload), second.slack.interactive(payload)]);
    for (const response of [a, b]) expect(confirmationOf(response)).toContain('nhiệm vụ 4');
    expect(await revisions('4')).toBe(before + 1);
  });

  it('`/da06 members add` replayed to a restarted app and to a replica adds one member', async () => {
    const fields = commandFields(first, USERS.admin, 'members add --name "Vũ Văn Lặp" --unit VP');
    const count = () => db().client.member.count({ where: { displayName: 'Vũ Văn Lặp' } });
    expect((await first.slack.command(fields)).status).toBe(200);
    await first.fake.waitForResponse(() => true);
    const [restarted, replica] = [await app(), await app()];
    const replies = await Promise.all([restarted.slack.command(fields), replica.slack.command(fields)]);
    for (const reply of replies) expect(reply.status).toBe(200);
    await stopAll();
    expect(await count()).toBe(1);
    expect(restarted.fake.responses).toHaveLength(0);
    expect(replica.fake.responses).toHaveLength(0);
  });

  it('`/da06 summary post` sent to two replicas at once posts once', async () => {
    const second = await app();
    const fields = commandFields(first, USERS.chair, 'summary 2024-06 post');
    await Promise.all([first.slack.command(fields), second.slack.command(fields)]);
    await stopAll();
    const posts = [...first.fake.callsOf('chat.postMessage'), ...second.fake.callsOf('chat.postMessage')];
    expect(posts).toHaveLength(1);
  });
});
