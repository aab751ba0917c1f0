/**
 * HTTPS_PROXY/HTTP_PROXY and NO_PROXY for the Teams channel: the token request and the connector's
 * calls (a proactive message) go through a local CONNECT proxy, except to hosts NO_PROXY names.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { startProxy, type TestProxy } from '../../support/proxy.ts';
import { type FakeConnector, startFakeConnector } from '../../support/teams/fake-connector.ts';
import { linkTeamsAccounts, people, reminder, reminderTask, taskIds } from '../../support/teams/fixtures.ts';
import { APP_ID, APP_PASSWORD, TeamsHarness, teamsSettings } from '../../support/teams/harness.ts';
import { type IdentityServer, startIdentityServer } from '../../support/teams/identity-server.ts';

let identity: IdentityServer;
let connector: FakeConnector;
let proxy: TestProxy;

beforeAll(async () => {
  identity = await startIdentityServer();
  connector = await startFakeConnector({ appId: APP_ID, password: APP_PASSWORD });
  proxy = await startProxy();
});

afterAll(async () => {
  await identity?.close();
  await connector?.close();
  await proxy?.close();
});

describeEachDatabase('Teams through an HTTP proxy', (db) => {
  let f: CoreFixture;
  let ids: Record<string, number>;

  beforeAll(async () => {
    f = await createCoreFixture(db());
    await linkTeamsAccounts(f);
    ids = await taskIds(db());
  });

  async function sendThrough(noProxy: string) {
    const settings = teamsSettings(
      { identity, connector },
      { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: noProxy },
    );
    // The proxy notes each tunnel as it opens; the channel keeps it open between calls.
    proxy.targets.length = 0;
    const h = await TeamsHarness.start(f, { identity, connector }, settings);
    try {
      await h.install(people.ha);
      connector.clear();
      const outcome = await h.channel.send(
        { kind: 'member', memberId: f.viewers.ha.memberId, externalId: people.ha.aad, locale: 'vi' },
        reminder([reminderTask(ids['1']!, '1', 'Tổ chức hội nghị', ['CNTT'], '2024-02-29')], 'overdue_nudge'),
      );
      return outcome;
    } finally {
      await h.close();
    }
  }

  it('the token request and the connector’s calls (the welcome, a reminder) go through the proxy', async () => {
    const outcome = await sendThrough('example.invalid');
    expect(outcome.ok).toBe(true);
    expect(connector.posted).toHaveLength(1);
    expect(proxy.targets.length).toBeGreaterThan(0);
    expect(new Set(proxy.targets)).toEqual(new Set([new URL(connector.serviceUrl).host]));
  });

  it('NO_PROXY naming the connector’s host sends straight to it', async () => {
    const outcome = await sendThrough('127.0.0.1');
    expect(outcome.ok).toBe(true);
    expect(connector.posted).toHaveLength(1);
    expect(proxy.targets).toEqual([]);
  });
});
