/**
 * slack-ack: how long Slack waits for the bot to answer a status-form submission. Signed
 * `view_submission` payloads of the report modal, from `clients` members at once (a closed loop: each
 * client sends again as soon as it is answered), through the real Bolt HTTPReceiver mounted on the
 * bot's HTTP server, validated and stored in SQLite before the ack — against a bare Bolt app (the same
 * HTTPReceiver, the same signature check, a listener that only acks) on the same kind of server, in
 * the same run, alternating which goes first in each round. Target: p99 ≤ 1.5 × the bare app's.
 *
 * The bot answers each one with its confirmation in place of the form (`response_action: "update"`),
 * which the run checks. The load comes from a worker thread (bench/support/edge.ts) with a keep-alive
 * agent; the fake Slack Web API the bot's client points at lives there too. Every server is on
 * 127.0.0.1.
 */
import { App, HTTPReceiver, type Logger, LogLevel } from '@slack/bolt';
import { reportModal } from '../../src/channels/slack/blocks/report-modal.ts';
import { CALLBACKS, EVENTS_PATH } from '../../src/channels/slack/ids.ts';
import { createSlackChannel } from '../../src/channels/slack/index.ts';
import { settingsSchema } from '../../src/config/settings.ts';
import { renderContext } from '../../src/presentation/context.ts';
import { createHttpServer, type HttpServer } from '../../src/server/http-server.ts';
import type { Provider } from '../../src/store/provider.ts';
import { createCoreFixture } from '../../test/support/core.ts';
import { reportValues, viewOutput, viewSubmission } from '../../test/support/slack/harness.ts';
import { createTempDatabase } from '../../test/support/temp-database.ts';
import { compareRounds, latencyRows, type Target } from '../support/compare.ts';
import { type LoadResult, type RequestTemplate, SEQ, startEdge } from '../support/edge.ts';
import { addBenchMembers } from '../support/members.ts';
import type { ScenarioResult } from '../types.ts';

export interface SlackAckSize {
  /** Concurrent clients (each one a member of the working group). */
  clients: number;
  /** Requests per server per round before measuring (not counted). */
  warmup: number;
  /** Measured requests per server per round. */
  requests: number;
  rounds: number;
  /** Longest a single load run may take. */
  timeLimitMs: number;
}

export const FULL: SlackAckSize = {
  clients: 50,
  warmup: 300,
  requests: 3000,
  rounds: 5,
  timeLimitMs: 90_000,
};
export const SMOKE: SlackAckSize = { clients: 5, warmup: 10, requests: 40, rounds: 1, timeLimitMs: 15_000 };

const SECRET = 'bench-signing-secret-0123456789';
const BOT_TOKEN = 'xoxb-bench-token';
const REQUEST_TIMEOUT_MS = 10_000;

export interface SlackAckOptions {
  size: SlackAckSize;
  /** The bot's database (the bare app has none); the row is named `slack-ack/<provider>`. */
  provider: Provider;
  log: (line: string) => void;
}

export async function measureSlackAck(options: SlackAckOptions): Promise<ScenarioResult[]> {
  const { size, log, provider } = options;
  const name = `slack-ack/${provider}`;
  const edge = await startEdge();
  // PostgreSQL with the bot's default pool (DATABASE_POOL_SIZE = 10).
  const temp = await createTempDatabase(provider, 10);
  const servers: HttpServer[] = [];
  let stopChannel: (() => Promise<void>) | null = null;
  const botLogs: string[] = [];
  try {
    const apiUrl = await edge.startSlack({ rate: 1_000_000 });
    const fixture = await createCoreFixture(temp.db);
    const { core } = fixture;
    const members = await addBenchMembers(temp.db, {
      groupId: core.deps.group.id,
      unitCode: 'CNTT',
      count: size.clients,
      identities: (i) => ({ slack: `UBENCH${String(i + 1).padStart(4, '0')}` }),
    });

    const settings = settingsSchema.parse({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: apiUrl,
    });
    const channel = createSlackChannel({ core, settings, logger: (line) => botLogs.push(line) });
    stopChannel = () => channel.stop();
    const botServer = createHttpServer(channel.routes);
    servers.push(botServer);
    const bareServer = bareBoltServer();
    servers.push(bareServer);
    const targets = {
      bot: `http://127.0.0.1:${await botServer.listen(0, '127.0.0.1')}`,
      bare: `http://127.0.0.1:${await bareServer.listen(0, '127.0.0.1')}`,
    };

    // One modal per member, as the bot renders it for "/da06 report <task>", submitted filled in.
    const responseBase = apiUrl.replace(/api\/$/, 'response/');
    const tasks = new Map((await core.deps.plans.listTasks(core.deps.group.id)).map((t) => [t.code, t.id]));
    const ctx = renderContext('vi', core.deps.group.timeZone);
    const templates: RequestTemplate[] = [];
    for (const [i, member] of members.entries()) {
      const userId = member.identities.slack!;
      const viewer = await core.identify('slack', userId);
      if ('kind' in viewer) throw new Error(`bench member ${userId} not identified`);
      const code = ['1', '2', '4'][i % 3]!;
      const form = await core.reportForm(viewer, code);
      if (form.kind !== 'report-form')
        throw new Error(`no report form for ${userId}: ${JSON.stringify(form)}`);
      const modal = reportModal(
        form,
        {
          task: tasks.get(code)!,
          period: form.period.key,
          origin: 'command',
          responseUrl: `${responseBase}${i}`,
        },
        ctx,
      );
      const values = reportValues({
        task: tasks.get(code)!,
        status: 'in_progress',
        percent: String(10 + ((i * 7) % 80)),
        done: 'Đã triển khai theo kế hoạch, hoàn thiện dự thảo văn bản',
        evidence: 'https://vanban.example.vn/bench',
      });
      const payload = viewSubmission(userId, viewOutput(modal, values, `VBENCH${SEQ}`));
      templates.push({
        path: EVENTS_PATH,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      });
    }

    let seq = 1;
    let botSubmissions = 0;
    const run = async (target: Target, count: number): Promise<LoadResult> => {
      const result = await edge.load({
        origin: targets[target],
        templates,
        concurrency: size.clients,
        count,
        timeLimitMs: size.timeLimitMs,
        firstSeq: seq,
        slackSecret: SECRET,
        requestTimeoutMs: REQUEST_TIMEOUT_MS,
      });
      seq += count;
      const ok = result.statuses['200'] ?? 0;
      // A request without any answer (reset, 10 s timeout) is logged and counts as 10 s late; more
      // than 10 % of them (something is broken, not slow), or any answer but 200, fails the run.
      if (result.errors > 0)
        log(
          `slack-ack ${target}: ${result.errors} of ${count} requests got no answer: ${result.errorSamples.join('; ')}`,
        );
      if (result.errors > count / 10 || ok !== result.latencies.length || ok + result.errors < count) {
        throw new Error(
          `slack-ack ${target}: ${ok}/${count} answered 200 (statuses ${JSON.stringify(result.statuses)}, ${result.errors} errors: ${result.errorSamples.join('; ')}, ${Math.round(result.elapsedMs)} ms); bot log: ${botLogs.slice(-3).join(' | ')}`,
        );
      }
      if (target === 'bot') {
        const answer = JSON.parse(result.firstBody || '{}') as { response_action?: string };
        if (
          answer.response_action !== 'update' ||
          !/Đã (ghi nhận|cập nhật) báo cáo nhiệm vụ/.test(result.firstBody)
        )
          throw new Error(`slack-ack: the bot answered ${result.firstBody}`);
        botSubmissions += ok;
      }
      return result;
    };

    const comparison = await compareRounds({
      name,
      rounds: size.rounds,
      warmup: size.warmup,
      requests: size.requests,
      limitMs: 3000,
      timeoutMs: REQUEST_TIMEOUT_MS,
      run,
      log,
    });
    const stored = await temp.db.client.statusReportRevision.count();
    if (stored < botSubmissions)
      throw new Error(`${name}: ${botSubmissions} submissions, ${stored} revisions`);
    return latencyRows(
      name,
      `ack of a status form (${size.clients} clients, ${size.requests} req × ${size.rounds} rounds)`,
      comparison,
      "Slack's 3 s",
      'bare Bolt ack',
    );
  } finally {
    await stopChannel?.().catch(() => {});
    for (const server of servers) await server.close(1000);
    await edge.close();
    await temp.drop();
  }
}

/** The baseline: a Bolt app on the same HTTPReceiver and signature check whose listener only acks. */
function bareBoltServer(): HttpServer {
  const logger = silentLogger();
  const receiver = new HTTPReceiver({
    signingSecret: SECRET,
    endpoints: EVENTS_PATH,
    logger,
    processBeforeResponse: false,
  });
  const app = new App({ receiver, authorize: async () => ({ botToken: BOT_TOKEN }), logger });
  app.view(CALLBACKS.report, async ({ ack }) => {
    await ack();
  });
  return createHttpServer([
    {
      method: 'POST',
      path: EVENTS_PATH,
      handle: (request, response) => receiver.requestListener(request, response),
    },
  ]);
}

function silentLogger(): Logger {
  let level = LogLevel.ERROR;
  return {
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: () => {},
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
