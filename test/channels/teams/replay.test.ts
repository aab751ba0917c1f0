/**
 * Issue 16, exactly once across processes (ADR 25): the same Teams card action or typed command
 * reaching a restarted bot or two replicas on one database writes once. Each replica is the real
 * Teams channel on its own HTTP server, with its own core over its own client of the database.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Core } from '../../../src/app/core.ts';
import type { CoreDeps } from '../../../src/app/core-deps.ts';
import { schedulerPort } from '../../../src/scheduler/scheduler-port.ts';
import { type Database, openDatabase } from '../../../src/store/open-database.ts';
import { createStores } from '../../../src/store/stores.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { cardsOf, findAction, textOf } from '../../support/teams/cards.ts';
import { type FakeConnector, startFakeConnector } from '../../support/teams/fake-connector.ts';
import { linkTeamsAccounts, people, taskIds } from '../../support/teams/fixtures.ts';
import { APP_ID, APP_PASSWORD, TeamsHarness } from '../../support/teams/harness.ts';
import { type IdentityServer, startIdentityServer } from '../../support/teams/identity-server.ts';

let identity: IdentityServer;
let connector: FakeConnector;

beforeAll(async () => {
  identity = await startIdentityServer();
  connector = await startFakeConnector({ appId: APP_ID, password: APP_PASSWORD });
});
afterAll(async () => {
  await identity?.close();
  await connector?.close();
});

describeEachDatabase('Teams requests replayed across replicas', (db) => {
  let f: CoreFixture;
  let ids: Record<string, number>;
  const harnesses: TeamsHarness[] = [];
  const clients: Database[] = [];

  beforeAll(async () => {
    f = await createCoreFixture(db());
    await linkTeamsAccounts(f);
    ids = await taskIds(db());
  });
  afterAll(async () => {
    for (const h of harnesses) await h.close();
    for (const client of clients) await client.close();
  });

  /** Another bot process on the same database: a new client, a new core, a new Teams channel. */
  async function replica(): Promise<TeamsHarness> {
    const client = await openDatabase(db().url);
    clients.push(client);
    const stores = createStores(client, f.deps.group.id);
    const deps: CoreDeps = { ...stores, group: f.deps.group, clock: f.clock, graceDays: 10 };
    const core = new Core(deps, schedulerPort(stores, f.deps.group));
    const h = await TeamsHarness.start({ core, stores }, { identity, connector });
    harnesses.push(h);
    return h;
  }

  const revisions = () => db().client.statusReportRevision.count();

  /** Lan's report card for task `code`, asked of `h` by typing, and its submit filled in as she would. */
  async function reportCard(h: TeamsHarness, code: string, fields: { percent: string; done: string }) {
    connector.clear();
    await h.message(people.lan, `báo cáo ${code}`);
    const submit = findAction(cardsOf(connector.posted.at(-1))[0]!, 'report.submit');
    const data = { ...submit.data, task: String(ids[code]), status: 'in_progress', ...fields };
    return { submit, data };
  }

  it('the same card submitted to two replicas at once, and again to a restarted one, stores one revision', async () => {
    const [a, b] = [await replica(), await replica()];
    const { submit, data } = await reportCard(a, '1', { percent: '70', done: 'Đã tập huấn' });
    const before = await revisions();
    const [one, two] = await Promise.all([
      a.invoke(people.lan, submit.verb, data),
      b.invoke(people.lan, submit.verb, data),
    ]);
    expect(textOf(one.value)).toContain('70%');
    expect(textOf(two.value)).toBe(textOf(one.value));
    const restarted = await replica();
    const three = await restarted.invoke(people.lan, submit.verb, data);
    expect(textOf(three.value)).toBe(textOf(one.value));
    expect(await revisions()).toBe(before + 1);
  });

  it('a used card sent again to a restarted replica, changed or with a wrong field, answers its first outcome', async () => {
    const a = await replica();
    const { submit, data } = await reportCard(a, '2', { percent: '35', done: 'Đã họp' });
    const first = await a.invoke(people.lan, submit.verb, data);
    expect(textOf(first.value)).toContain('35%');
    const before = await revisions();
    // A new process (nothing in the ledger's memory): the record is read after the store's replay...
    const changed = await (await replica()).invoke(people.lan, submit.verb, { ...data, percent: '45' });
    expect(textOf(changed.value)).toBe(textOf(first.value));
    // ...or after an answer that stored nothing (here a percent out of range).
    const wrong = await (await replica()).invoke(people.lan, submit.verb, { ...data, percent: '450' });
    expect(textOf(wrong.value)).toBe(textOf(first.value));
    expect(await revisions()).toBe(before);
  });

  it('a typed `members add` delivered to two replicas (same activity id) adds one member', async () => {
    const [a, b] = [await replica(), await replica()];
    const typed = 'members add --name "Trịnh Văn Một" --unit VP';
    const id = `activity-replayed-${Date.now()}`;
    // Teams delivers the same activity (same id) again: to this replica, or to the other one.
    const activity = (h: TeamsHarness) => ({ ...h.base(people.tuan), id, type: 'message', text: typed });
    await Promise.all([a.post(activity(a)), b.post(activity(b)), a.post(activity(a))]);
    expect(await db().client.member.count({ where: { displayName: 'Trịnh Văn Một' } })).toBe(1);
  });
});
