/**
 * Who may talk to the bot: real JWT validation by the SDK against a local OpenID configuration and
 * JWKS. A valid token is served; no token, a forged, expired, wrong-audience, wrong-issuer or
 * wrong-serviceUrl token gets 401 and nothing is processed. Also: when the channel exists at all.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createTeamsChannel,
  TeamsConfigError,
  teamsStartupWarning,
} from '../../../src/channels/teams/index.ts';
import { settingsSchema } from '../../../src/config/settings.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { cardsOf, findAction, textOf } from '../../support/teams/cards.ts';
import { type FakeConnector, startFakeConnector } from '../../support/teams/fake-connector.ts';
import { linkTeamsAccounts, people, taskIds } from '../../support/teams/fixtures.ts';
import { APP_ID, APP_PASSWORD, TeamsHarness, teamsSettings } from '../../support/teams/harness.ts';
import { type IdentityServer, startIdentityServer } from '../../support/teams/identity-server.ts';

let identity: IdentityServer;
let connector: FakeConnector;

beforeAll(async () => {
  identity = await startIdentityServer();
  connector = await startFakeConnector({ appId: APP_ID, password: APP_PASSWORD });
  // The SDK prints every refused token with console.error; the assertions below say what matters.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterAll(async () => {
  vi.restoreAllMocks();
  await identity?.close();
  await connector?.close();
});

describeEachDatabase('Teams: authentication of /api/messages', (db) => {
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

  it('serves a request signed with the published key, and answers with a token from the token endpoint', async () => {
    connector.clear();
    const answer = await h.post(message(), await identity.sign(claims()));
    expect(answer.status).toBe(200);
    expect(textOf(cardsOf(connector.posted[0]))).toContain('Nhiệm vụ của Trung tâm Công nghệ thông tin');
    expect(identity.fetches).toBeGreaterThanOrEqual(2);
    expect(connector.tokensIssued).toBeGreaterThanOrEqual(1);
    expect(connector.posted[0]?.authorization).toMatch(/^Bearer fake-token-/);
  });

  const refused: [string, () => Promise<string | null>][] = [
    ['no token at all', async () => null],
    ['a token signed with another key', () => identity.forge(claims())],
    ['an expired token', () => identity.sign({ ...claims(), expiresIn: -3600 })],
    [
      'a token for another bot',
      () => identity.sign({ ...claims(), audience: '11111111-2222-4333-8444-555555555555' }),
    ],
    [
      'a token from another issuer',
      () => identity.sign({ ...claims(), issuer: 'https://sts.windows.net/evil/' }),
    ],
    [
      'a token for another serviceUrl',
      () => identity.sign({ ...claims(), serviceUrl: 'https://evil.example/' }),
    ],
    ['garbage', async () => 'not.a.jwt'],
  ];

  for (const [what, token] of refused) {
    it(`refuses ${what} with 401 and processes nothing`, async () => {
      connector.clear();
      const before = await db().client.memberIdentity.findFirstOrThrow({ where: { externalId: 'aad-ha' } });
      const answer = await h.post(
        {
          ...message(),
          from: { id: people.ha.id, aadObjectId: 'aad-ha' },
          conversation: { id: 'a:personal-aad-ha', conversationType: 'personal' },
        },
        await token(),
      );
      expect(answer.status).toBe(401);
      expect(connector.attempts).toBe(0);
      // Not even the conversation reference was kept.
      const after = await db().client.memberIdentity.findFirstOrThrow({ where: { externalId: 'aad-ha' } });
      expect(after.reference).toBe(before.reference);
      expect(after.reference).toBeNull();
    });
  }

  it('a card action with a forged token stores no report', async () => {
    const ids = await taskIds(db());
    connector.clear();
    await h.message(people.lan, 'báo cáo 1');
    const submit = findAction(cardsOf(connector.posted[0])[0], 'report.submit');
    const answer = await h.post(
      {
        ...h.base(people.lan),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: {
            type: 'Action.Execute',
            verb: submit.verb,
            data: { ...submit.data, task: String(ids['1']), status: 'done', percent: '100', done: 'Giả mạo' },
          },
        },
      },
      await identity.forge(claims()),
    );
    expect(answer.status).toBe(401);
    expect(await db().client.statusReport.count()).toBe(0);
  });
});

describeEachDatabase('Teams: when the channel exists', (db) => {
  let f: CoreFixture;

  beforeAll(async () => {
    f = await createCoreFixture(db());
    await linkTeamsAccounts(f);
  });

  it('without an Azure Bot registration there is no Teams channel (and no warning)', () => {
    const settings = settingsSchema.parse({});
    expect(createTeamsChannel({ core: f.core, stores: f.stores, settings })).toBeNull();
    expect(teamsStartupWarning(settings)).toBeNull();
  });

  it('a registration given in part is an error at start-up that says what is missing', () => {
    const settings = settingsSchema.parse({ MicrosoftAppId: APP_ID });
    expect(() => createTeamsChannel({ core: f.core, stores: f.stores, settings })).toThrow(TeamsConfigError);
    try {
      createTeamsChannel({ core: f.core, stores: f.stores, settings });
    } catch (error) {
      expect((error as TeamsConfigError).problems.join('\n')).toMatch(
        /MicrosoftAppPassword[\s\S]*MicrosoftAppTenantId/,
      );
    }
    const multi = settingsSchema.parse({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'x',
      MicrosoftAppType: 'MultiTenant',
    });
    expect(
      createTeamsChannel({ core: f.core, stores: f.stores, settings: multi, logger: () => {} }),
    ).not.toBeNull();
  });

  it('a full registration needs no warning', () => {
    const settings = settingsSchema.parse({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'x',
      MicrosoftAppTenantId: APP_ID,
    });
    expect(teamsStartupWarning(settings)).toBeNull();
  });

  describe('TEAMS_ALLOW_UNAUTHENTICATED=true without a registration', () => {
    let anonymous: FakeConnector;
    let h: TeamsHarness;

    beforeAll(async () => {
      anonymous = await startFakeConnector({ appId: APP_ID, password: APP_PASSWORD }, { anonymous: true });
      const settings = settingsSchema.parse({
        TEAMS_ALLOW_UNAUTHENTICATED: 'true',
        TEAMS_OPENID_METADATA_URL: identity.metadataUrl,
      });
      h = await TeamsHarness.start(f, { identity, connector: anonymous }, settings);
    });
    afterAll(async () => {
      await h?.close();
      await anonymous?.close();
    });

    it('says so loudly at start-up, in Vietnamese and in English', () => {
      const settings = settingsSchema.parse({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' });
      expect(teamsStartupWarning(settings)).toContain('KHÔNG XÁC THỰC (TEAMS_ALLOW_UNAUTHENTICATED=true)');
      expect(teamsStartupWarning(settings, 'en')).toContain('WITHOUT AUTHENTICATION');
      expect(h.log.some((line) => line.includes('KHÔNG XÁC THỰC'))).toBe(true);
    });

    it('serves requests without a token (local development only)', async () => {
      const answer = await h.post({ ...h.base(people.lan), type: 'message', text: 'giao ban' }, null);
      expect(answer.status).toBe(200);
      expect(textOf(cardsOf(anonymous.posted[0]))).toContain('Lịch giao ban Tổ công tác');
      expect(anonymous.posted[0]?.authorization).toBeUndefined();
    });
  });

  it('the test settings point both seams at the local servers', () => {
    const settings = teamsSettings({ identity, connector });
    expect(settings.TEAMS_OPENID_METADATA_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(settings.TEAMS_TOKEN_ENDPOINT).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });
});
