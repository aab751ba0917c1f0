/**
 * What an outside test of the running bot found at /api/messages (issue 16): a token without `exp`
 * was accepted; a token from an issuer the bot does not expect got 500 with the failed metadata fetch
 * in the body; `{}` without a token got 500. Each is refused now, with nothing processed and nothing
 * about the bot's insides in the answer.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { type FakeConnector, startFakeConnector } from '../../support/teams/fake-connector.ts';
import { linkTeamsAccounts, people } from '../../support/teams/fixtures.ts';
import { APP_ID, APP_PASSWORD, TENANT_ID, TeamsHarness } from '../../support/teams/harness.ts';
import { type IdentityServer, startIdentityServer } from '../../support/teams/identity-server.ts';

let identity: IdentityServer;
let connector: FakeConnector;

beforeAll(async () => {
  identity = await startIdentityServer();
  connector = await startFakeConnector({ appId: APP_ID, password: APP_PASSWORD });
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterAll(async () => {
  vi.restoreAllMocks();
  await identity?.close();
  await connector?.close();
});

describeEachDatabase('Teams: hostile requests to /api/messages', (db) => {
  let f: CoreFixture;
  let h: TeamsHarness;

  beforeAll(async () => {
    f = await createCoreFixture(db());
    await linkTeamsAccounts(f);
    h = await TeamsHarness.start(f, { identity, connector });
  });
  afterAll(async () => h?.close());

  const claims = () => ({ audience: APP_ID, serviceUrl: connector.serviceUrl });
  const message = () => ({ ...h.base(people.lan), type: 'message', text: 'nhiệm vụ' });
  const leaks = (body: unknown) =>
    /metadata|fetch|https?:\/\/|stack|at \w+ \(/i.test(JSON.stringify(body ?? ''));

  it('a validly signed token without an expiry is refused with 401', async () => {
    connector.clear();
    const answer = await h.post(message(), await identity.sign({ ...claims(), expiresIn: null }));
    expect(answer.status).toBe(401);
    expect(connector.attempts).toBe(0);
  });

  it.each([
    `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
    `https://sts.windows.net/${TENANT_ID}/`,
    'https://login.microsoftonline.com/common/v2.0',
    'https://example.invalid/',
  ])('a token from the unexpected issuer %s: 401, and the answer leaks nothing', async (issuer) => {
    connector.clear();
    const answer = await h.post(message(), await identity.sign({ ...claims(), issuer }));
    expect(answer.status).toBe(401);
    expect(leaks(answer.body)).toBe(false);
    expect(connector.attempts).toBe(0);
  });

  it('an empty activity without a token: 401; with a valid token: 400', async () => {
    expect((await h.post({}, null)).status).toBe(401);
    const withToken = await h.post({}, await identity.sign(claims()));
    expect(withToken.status).toBe(400);
    expect(leaks(withToken.body)).toBe(false);
  });

  it.each([
    ['an array', () => []],
    ['no type', () => ({ ...message(), type: undefined })],
    ['a type that is not a string', () => ({ ...message(), type: 42 })],
    ['no conversation', () => ({ ...message(), conversation: undefined })],
    ['no sender', () => ({ ...message(), from: undefined })],
    ['no serviceUrl', () => ({ ...message(), serviceUrl: undefined })],
  ])('a malformed activity (%s) with a valid token: 400, nothing sent', async (_what, activity) => {
    connector.clear();
    const answer = await h.post(activity() as Record<string, unknown>, await identity.sign(claims()));
    expect(answer.status).toBe(400);
    expect(connector.attempts).toBe(0);
  });
});
