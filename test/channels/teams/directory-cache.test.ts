/**
 * A Teams report card's submission runs in the core's optimistic scope (ADR 24, addendum 3): a member
 * moved to another unit through another replica between two cards is refused the old unit's task on
 * the second (both databases); on PostgreSQL a warm card is the card ledger's lookup and the guarded
 * keyed write (with the card's receipt inside it), nothing else.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../src/store/open-database.ts';
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

describeEachDatabase('Teams report cards and the directory cache', (db, provider) => {
  let f: CoreFixture;
  let ids: Record<string, number>;
  let h: TeamsHarness;
  let other: Database;

  beforeAll(async () => {
    f = await createCoreFixture(db());
    await linkTeamsAccounts(f);
    ids = await taskIds(db());
    h = await TeamsHarness.start({ core: f.core, stores: f.stores }, { identity, connector });
    other = await openDatabase(db().url);
  });
  afterAll(async () => {
    await h?.close();
    await other?.close();
  });

  /** Lan's report on task 1 through a fresh form card. */
  async function card(percent: string) {
    connector.clear();
    await h.message(people.lan, 'báo cáo 1');
    const form = cardsOf(connector.posted.at(-1))[0]!;
    const submit = findAction(form, 'report.submit');
    const data = {
      ...submit.data,
      task: String(ids['1']),
      status: 'in_progress',
      percent,
      done: 'Đã tập huấn',
    };
    return () => h.invoke(people.lan, submit.verb, data);
  }

  it('on PostgreSQL a warm card’s first use is one write, the ledger read only on a repeat', async () => {
    if (provider !== 'postgresql') return;
    expect(textOf((await (await card('10'))()).value)).toContain('10%');
    const send = await card('20');
    const sent: string[] = [];
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const first = args[0] as string | { name?: string; text?: string };
      sent.push(typeof first === 'string' ? first : (first?.name ?? first?.text ?? '?'));
      return original.apply(this, args);
    };
    try {
      expect(textOf((await send()).value)).toContain('20%');
    } finally {
      proto.query = original;
    }
    expect(sent).toEqual(['da06_submit_report_keyed']);
  });

  it('a member moved to another unit through another replica is refused the old unit’s task', async () => {
    expect(textOf((await (await card('30'))()).value)).toContain('30%');
    const send = await card('40');
    const tccb = await db().client.unit.findUniqueOrThrow({ where: { code: 'TCCB' } });
    await other.client.member.update({ where: { id: f.viewers.lan.memberId }, data: { unitId: tccb.id } });
    const before = await db().client.statusReportRevision.count();
    // The refusal comes as a message (not a card): its text is the answer's value.
    const answer = (await send()).value;
    expect(String(answer)).toContain('không giao cho đơn vị TCCB');
    expect(await db().client.statusReportRevision.count()).toBe(before);
    // The first run's refused write is not a failure: nothing logged as one.
    expect(h.log.filter((line) => line.includes('failed'))).toEqual([]);
  });
});
