/**
 * The Teams channel on the bot's real HTTP server, driven like Teams drives it: signed activities
 * POSTed to /api/messages, answers read from the HTTP response (invokes) and from the fake
 * connector (messages). Nothing inside the process is replaced; the identity server and the
 * connector stand at the edge.
 */
import { randomUUID } from 'node:crypto';
import { createTeamsChannel, type TeamsChannel } from '../../../src/channels/teams/index.ts';
import { type Settings, settingsSchema } from '../../../src/config/settings.ts';
import { createHttpServer, type HttpServer } from '../../../src/server/http-server.ts';
import type { CoreFixture } from '../core.ts';
import { checkCard } from './cards.ts';
import type { FakeConnector } from './fake-connector.ts';
import type { IdentityServer } from './identity-server.ts';

export const APP_ID = '6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5';
export const APP_PASSWORD = 'test-client-secret-không-dùng-thật';
export const TENANT_ID = '0b1c2d3e-4f50-4617-a829-3a4b5c6d7e8f';
export const BOT_ID = `28:${APP_ID}`;
export const BOT_NAME = 'Trợ lý Đề án 06';
export const TEAM_CHANNEL_ID = '19:group-general@thread.tacv2';

export interface TeamsUser {
  aad: string;
  name: string;
  /** The Teams user id (29:…), as `from.id`. */
  id: string;
  locale?: string;
}

export const user = (aad: string, name: string, locale = 'vi-VN'): TeamsUser => ({
  aad,
  name,
  id: `29:${aad}`,
  locale,
});

export interface HttpAnswer {
  status: number;
  body: unknown;
}

export interface InvokeAnswer {
  statusCode: number;
  type: string;
  value: unknown;
}

export function teamsSettings(
  edges: { identity: IdentityServer; connector: FakeConnector },
  extra: Record<string, string> = {},
): Settings {
  return settingsSchema.parse({
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: APP_PASSWORD,
    MicrosoftAppTenantId: TENANT_ID,
    TEAMS_OPENID_METADATA_URL: edges.identity.metadataUrl,
    TEAMS_TOKEN_ENDPOINT: edges.connector.tokenEndpoint,
    ...extra,
  });
}

export class TeamsHarness {
  private activitySeq = 0;

  private constructor(
    readonly log: string[],
    readonly channel: TeamsChannel,
    private readonly http: HttpServer,
    readonly url: string,
    readonly identity: IdentityServer,
    readonly connector: FakeConnector,
  ) {}

  static async start(
    fixture: Pick<CoreFixture, 'core' | 'stores'>,
    edges: { identity: IdentityServer; connector: FakeConnector },
    settings = teamsSettings(edges),
  ) {
    const log: string[] = [];
    const channel = createTeamsChannel({
      core: fixture.core,
      stores: fixture.stores,
      settings,
      logger: (line) => log.push(line),
    });
    if (!channel) throw new Error('the Teams channel was not created');
    const http = createHttpServer(channel.routes);
    const port = await http.listen(0, '127.0.0.1');
    await channel.start();
    return new TeamsHarness(
      log,
      channel,
      http,
      `http://127.0.0.1:${port}/api/messages`,
      edges.identity,
      edges.connector,
    );
  }

  /** POSTs an activity; `token` null sends none, undefined signs a valid one for it. */
  async post(activity: Record<string, unknown>, token?: string | null): Promise<HttpAnswer> {
    const bearer =
      token === undefined
        ? await this.identity.sign({ audience: APP_ID, serviceUrl: this.connector.serviceUrl })
        : token;
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // plain text
    }
    await this.channel.whenIdle();
    return { status: response.status, body };
  }

  base(from: TeamsUser, where: 'personal' | 'channel' = 'personal'): Record<string, unknown> {
    this.activitySeq++;
    return {
      // Unique across the harnesses of a test file too: the bot runs one activity id once (ADR 25).
      id: `incoming-${randomUUID()}`,
      channelId: 'msteams',
      serviceUrl: this.connector.serviceUrl,
      timestamp: new Date().toISOString(),
      locale: from.locale ?? 'vi-VN',
      from: { id: from.id, name: from.name, aadObjectId: from.aad },
      recipient: { id: BOT_ID, name: BOT_NAME },
      conversation:
        where === 'personal'
          ? { id: `a:personal-${from.aad}`, conversationType: 'personal', tenantId: TENANT_ID }
          : {
              id: `${TEAM_CHANNEL_ID};messageid=${1000 + this.activitySeq}`,
              conversationType: 'channel',
              isGroup: true,
              tenantId: TENANT_ID,
            },
      channelData: {
        tenant: { id: TENANT_ID },
        ...(where === 'channel'
          ? { team: { id: TEAM_CHANNEL_ID, name: 'Tổ công tác Đề án 06' }, channel: { id: TEAM_CHANNEL_ID } }
          : {}),
      },
    };
  }

  /** A message typed in personal chat, or in the team channel after an @mention of the bot. */
  async message(
    from: TeamsUser,
    text: string,
    where: 'personal' | 'channel' = 'personal',
  ): Promise<HttpAnswer> {
    const mention = `<at>${BOT_NAME}</at>`;
    const activity = {
      ...this.base(from, where),
      type: 'message',
      text: where === 'channel' ? `${mention} ${text}` : text,
      textFormat: 'plain',
      ...(where === 'channel'
        ? { entities: [{ type: 'mention', text: mention, mentioned: { id: BOT_ID, name: BOT_NAME } }] }
        : {}),
    };
    return this.post(activity);
  }

  /** Clicks an Action.Execute: the invoke Teams sends, with the card's inputs merged into the data. */
  async invoke(
    from: TeamsUser,
    verb: string,
    data: Record<string, unknown>,
    where: 'personal' | 'channel' = 'personal',
  ): Promise<InvokeAnswer> {
    const answer = await this.post({
      ...this.base(from, where),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
    if (answer.status !== 200)
      throw new Error(`invoke answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    const body = answer.body as InvokeAnswer;
    if (body.type === 'application/vnd.microsoft.card.adaptive') checkCard(body.value);
    return body;
  }

  /** Installs the app: personal scope for `from`, or in the group's team. */
  async install(from: TeamsUser, where: 'personal' | 'channel' = 'personal'): Promise<void> {
    const base = this.base(from, where);
    if (where === 'channel')
      base.conversation = {
        id: TEAM_CHANNEL_ID,
        conversationType: 'channel',
        isGroup: true,
        tenantId: TENANT_ID,
      };
    const added = await this.post({ ...base, type: 'installationUpdate', action: 'add' });
    const members = await this.post({ ...base, type: 'conversationUpdate', membersAdded: [{ id: BOT_ID }] });
    if (added.status !== 200 || members.status !== 200)
      throw new Error(`install answered ${added.status}/${members.status}`);
  }

  async uninstall(from: TeamsUser): Promise<void> {
    await this.post({ ...this.base(from), type: 'installationUpdate', action: 'remove' });
  }

  async close(): Promise<void> {
    await this.channel.stop();
    await this.http.close(1000);
  }
}
