/**
 * teams-turn: how long Teams waits for the bot to answer an Adaptive Card submission. The report
 * card's `Action.Execute` (an `adaptiveCard/action` invoke, every one on a fresh card), from `clients`
 * members at once, POSTed with a Bot Framework JWT to `/api/messages` on the bot's HTTP server: the
 * real CloudAdapter validates the token against a local OpenID/JWKS server, the bot reads the card,
 * stores the report in SQLite and answers with the confirmation card — against a bare botbuilder bot
 * (CloudAdapter + an ActivityHandler that answers the invoke with a line of text) with the same
 * authentication set-up (`createAuthentication`, same identity server, same token), in the same run.
 * Target: p99 ≤ 1.5 × the bare bot's.
 *
 * Teams reuses its token for many requests; so does the load here (one token, signed before the run).
 */
import {
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CloudAdapter,
  type TurnContext,
} from 'botbuilder';
import { processRequest } from '../../src/channels/teams/adapter.ts';
import { createAuthentication } from '../../src/channels/teams/auth.ts';
import { createTeamsChannel, MESSAGES_PATH, type TeamsChannel } from '../../src/channels/teams/index.ts';
import { settingsSchema } from '../../src/config/settings.ts';
import { createHttpServer, type HttpServer } from '../../src/server/http-server.ts';
import type { Provider } from '../../src/store/provider.ts';
import { createCoreFixture } from '../../test/support/core.ts';
import { type FakeConnector, startFakeConnector } from '../../test/support/teams/fake-connector.ts';
import { type IdentityServer, startIdentityServer } from '../../test/support/teams/identity-server.ts';
import { createTempDatabase } from '../../test/support/temp-database.ts';
import { compareRounds, latencyRows, type Target } from '../support/compare.ts';
import { type Edge, type LoadResult, type RequestTemplate, SEQ, startEdge } from '../support/edge.ts';
import { addBenchMembers } from '../support/members.ts';
import type { ScenarioResult } from '../types.ts';

export interface TeamsTurnSize {
  clients: number;
  warmup: number;
  requests: number;
  rounds: number;
  timeLimitMs: number;
}

export const FULL: TeamsTurnSize = {
  clients: 50,
  warmup: 300,
  requests: 3000,
  rounds: 5,
  timeLimitMs: 90_000,
};
export const SMOKE: TeamsTurnSize = { clients: 5, warmup: 10, requests: 40, rounds: 1, timeLimitMs: 15_000 };

// The same registration as test/support/teams/harness.ts (not imported: it pulls in vitest).
const APP_ID = '6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5';
const APP_PASSWORD = 'bench-client-secret';
const TENANT_ID = '0b1c2d3e-4f50-4617-a829-3a4b5c6d7e8f';
const BOT_ID = `28:${APP_ID}`;
const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
const REQUEST_TIMEOUT_MS = 10_000;

export interface TeamsTurnOptions {
  size: TeamsTurnSize;
  /** The bot's database (the bare bot has none); the row is named `teams-turn/<provider>`. */
  provider: Provider;
  log: (line: string) => void;
}

export async function measureTeamsTurn(options: TeamsTurnOptions): Promise<ScenarioResult[]> {
  const { size, log, provider } = options;
  const name = `teams-turn/${provider}`;
  let edge: Edge | null = null;
  let identity: IdentityServer | null = null;
  let connector: FakeConnector | null = null;
  let channel: TeamsChannel | null = null;
  const servers: HttpServer[] = [];
  // PostgreSQL with the bot's default pool (DATABASE_POOL_SIZE = 10).
  const temp = await createTempDatabase(provider, 10);
  const botLogs: string[] = [];
  try {
    edge = await startEdge();
    identity = await startIdentityServer();
    connector = await startFakeConnector({ appId: APP_ID, password: APP_PASSWORD });
    const settings = settingsSchema.parse({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: APP_PASSWORD,
      MicrosoftAppTenantId: TENANT_ID,
      TEAMS_OPENID_METADATA_URL: identity.metadataUrl,
      TEAMS_TOKEN_ENDPOINT: connector.tokenEndpoint,
    });
    const fixture = await createCoreFixture(temp.db);
    const { core } = fixture;
    const members = await addBenchMembers(temp.db, {
      groupId: fixture.deps.group.id,
      unitCode: 'CNTT',
      count: size.clients,
      identities: (i) => ({ teams: `aad-bench-${String(i + 1).padStart(4, '0')}` }),
    });

    channel = createTeamsChannel({
      core,
      stores: fixture.stores,
      settings,
      logger: (line) => botLogs.push(line),
    });
    if (!channel) throw new Error('teams-turn: the Teams channel was not created');
    const botServer = createHttpServer(channel.routes);
    servers.push(botServer);
    const bareServer = bareBotServer(settings);
    servers.push(bareServer);
    const targets = {
      bot: `http://127.0.0.1:${await botServer.listen(0, '127.0.0.1')}`,
      bare: `http://127.0.0.1:${await bareServer.listen(0, '127.0.0.1')}`,
    };

    const token = await identity.sign({ audience: APP_ID, serviceUrl: connector.serviceUrl });
    const tasks = new Map((await core.deps.plans.listTasks(core.deps.group.id)).map((t) => [t.code, t.id]));
    const templates: RequestTemplate[] = members.map((member, i) => {
      const aad = member.identities.teams!;
      const code = ['1', '2', '4'][i % 3]!;
      const activity = {
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: `bench-${SEQ}`,
        channelId: 'msteams',
        serviceUrl: connector!.serviceUrl,
        timestamp: '2024-06-20T02:00:00.000Z',
        locale: 'vi-VN',
        from: { id: `29:${aad}`, name: `Thành viên bench ${i + 1}`, aadObjectId: aad },
        recipient: { id: BOT_ID, name: 'Trợ lý Đề án 06' },
        conversation: { id: `a:personal-${aad}`, conversationType: 'personal', tenantId: TENANT_ID },
        channelData: { tenant: { id: TENANT_ID } },
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'report.submit',
            // A fresh card each time (a card submits once), with the form's inputs merged in.
            data: {
              da06: 1,
              cardId: `bench-card-${SEQ}`,
              task: String(tasks.get(code)),
              status: 'in_progress',
              percent: String(10 + ((i * 7) % 80)),
              done: 'Đã triển khai theo kế hoạch, hoàn thiện dự thảo văn bản',
              blockers: '',
              evidenceUrl: 'https://vanban.example.vn/bench',
            },
          },
          trigger: 'manual',
        },
      };
      return {
        path: MESSAGES_PATH,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(activity),
      };
    });

    let seq = 1;
    let botSubmissions = 0;
    const run = async (target: Target, count: number): Promise<LoadResult> => {
      const result = await edge!.load({
        origin: targets[target],
        templates,
        concurrency: size.clients,
        count,
        timeLimitMs: size.timeLimitMs,
        firstSeq: seq,
        requestTimeoutMs: REQUEST_TIMEOUT_MS,
      });
      seq += count;
      const ok = result.statuses['200'] ?? 0;
      // A request without any answer (reset, 10 s timeout) is logged and counts as 10 s late; more
      // than 10 % of them (something is broken, not slow), or any answer but 200, fails the run.
      if (result.errors > 0)
        log(
          `teams-turn ${target}: ${result.errors} of ${count} requests got no answer: ${result.errorSamples.join('; ')}`,
        );
      if (result.errors > count / 10 || ok !== result.latencies.length || ok + result.errors < count) {
        throw new Error(
          `teams-turn ${target}: ${ok}/${count} answered 200 (statuses ${JSON.stringify(result.statuses)}, ${result.errors} errors: ${result.errorSamples.join('; ')}); first answer ${result.firstBody.slice(0, 300)}; bot log: ${botLogs.slice(-3).join(' | ')}`,
        );
      }
      if (target === 'bot') {
        const answer = JSON.parse(result.firstBody) as { type?: string; value?: unknown };
        if (
          answer.type !== CARD_TYPE ||
          !/Đã (ghi nhận|cập nhật) báo cáo nhiệm vụ/.test(JSON.stringify(answer.value))
        )
          throw new Error(`teams-turn: the bot answered ${result.firstBody.slice(0, 300)}`);
        botSubmissions += ok;
      }
      return result;
    };

    const comparison = await compareRounds({
      name,
      rounds: size.rounds,
      warmup: size.warmup,
      requests: size.requests,
      limitMs: 5000,
      timeoutMs: REQUEST_TIMEOUT_MS,
      run: async (target, count) => {
        const result = await run(target, count);
        if (target === 'bot') await channel!.whenIdle(10_000);
        return result;
      },
      log,
    });
    const stored = await temp.db.client.statusReportRevision.count();
    if (stored < botSubmissions)
      throw new Error(`${name}: ${botSubmissions} submissions, ${stored} revisions`);
    log(
      `teams-turn: identity server fetched ${identity.fetches}×, ${connector.tokensIssued} connector tokens`,
    );
    return latencyRows(
      name,
      `invoke of a report card (${size.clients} clients, ${size.requests} req × ${size.rounds} rounds)`,
      comparison,
      'Teams’ 5 s',
      'bare botbuilder bot',
    );
  } finally {
    await channel?.stop().catch(() => {});
    for (const server of servers) await server.close(1000);
    await edge?.close();
    await identity?.close();
    await connector?.close();
    await temp.drop();
  }
}

/** The baseline: CloudAdapter with the same authentication, and a handler that answers the invoke. */
function bareBotServer(settings: ReturnType<typeof settingsSchema.parse>): HttpServer {
  const adapter = new CloudAdapter(createAuthentication(settings));
  class EchoBot extends ActivityHandler {
    protected override async onAdaptiveCardInvoke(
      _context: TurnContext,
      invokeValue: AdaptiveCardInvokeValue,
    ): Promise<AdaptiveCardInvokeResponse> {
      return {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: `echo: ${invokeValue.action?.verb ?? ''}` as unknown as Record<string, unknown>,
      };
    }
  }
  const bot = new EchoBot();
  return createHttpServer([
    {
      method: 'POST',
      path: MESSAGES_PATH,
      handle: (request, response) =>
        processRequest(adapter, (context) => bot.run(context), request, response, {
          requireToken: true,
          log: () => {},
        }),
    },
  ]);
}
