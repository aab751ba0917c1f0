/**
 * The Slack channel: `/da06`, the report modal, the reminder buttons and the App Home over Bolt, plus
 * proactive messages for the outbox. See docs/slack.md for installing the app.
 */
import { LogLevel, WebClient } from '@slack/web-api';
import type { Core } from '../../app/core.ts';
import type { Channel } from '../../app/ports/channel.ts';
import type { Settings } from '../../config/settings.ts';
import type { Route } from '../../server/router.ts';
import { type Outbound, outboundFor } from '../outbound.ts';
import { createBolt } from './app.ts';
import { Dedupe } from './dedupe.ts';
import { contextFactory, type SlackDeps } from './deps.ts';
import { EVENTS_PATH } from './ids.ts';
import { createPostMessage } from './post-message.ts';
import { guardSlackRequest } from './request-guard.ts';
import { createSender } from './send.ts';
import './messages.ts';
import { assertSlackSettings } from './setup.ts';

export { SlackConfigError, slackConfigured, slackWanted } from './setup.ts';

export interface SlackChannelOptions {
  core: Core;
  settings: Settings;
  logger?: (line: string) => void;
  /**
   * Tuning for tests: the ack budget of modal submissions, the longest 429 waited out in send(), the
   * wait before send()'s quick retry of a post whose fate is unknown.
   */
  timing?: { ackBudgetMs?: number; maxInlineWaitMs?: number; stopGraceMs?: number; quickRetryMs?: number };
}

function describeFailure(error: unknown): string {
  const original = (
    error as { original?: { code?: string; message?: string; cause?: { code?: string; message?: string } } }
  ).original;
  return (
    original?.cause?.code ??
    original?.cause?.message ??
    original?.code ??
    original?.message ??
    (error instanceof Error ? error.message : String(error))
  );
}

/** The Slack channel; settings given in part are refused with `SlackConfigError` (setup.ts). */
export function createSlackChannel(options: SlackChannelOptions): Channel {
  const { core, settings } = options;
  assertSlackSettings(settings);
  const log = options.logger ?? (() => {});
  const inFlight = new Set<Promise<unknown>>();
  let stopping = false;
  const deps: SlackDeps = {
    core,
    settings,
    log,
    dedupe: new Dedupe(),
    ackBudgetMs: options.timing?.ackBudgetMs ?? 2500,
    dmChannels: new Map(),
    ctx: contextFactory(settings),
    track(work) {
      inFlight.add(work);
      const done = () => inFlight.delete(work);
      work.then(done, done);
      return work;
    },
  };
  const outbound = outboundFor(settings);
  const { app, receiver } = createBolt(deps, outbound);
  const sender = outboxSender(settings, deps, options.timing, outbound);

  const routes: Route[] = receiver
    ? [
        {
          method: 'POST',
          path: EVENTS_PATH,
          async handle(request, response) {
            if (stopping) {
              // Slack delivers again later; nothing new starts while the bot shuts down.
              response.writeHead(503, { 'retry-after': '5' }).end();
              return;
            }
            const verdict = await guardSlackRequest(request, {
              signingSecret: settings.SLACK_SIGNING_SECRET ?? '',
            });
            if (!verdict.ok) {
              log(`slack: request refused (${verdict.status}): ${verdict.reason}`);
              response.writeHead(verdict.status, { connection: 'close' }).end();
              return;
            }
            // Bolt takes a request whose body is already read as it is (HTTPModuleFunctions.bufferIncomingMessage).
            (request as typeof request & { rawBody: Buffer }).rawBody = verdict.body;
            receiver.requestListener(request, response);
          },
        },
      ]
    : [];

  // The token, checked once at start with auth.test; /readyz reports it.
  let tokenCheck: { ok: boolean; detail?: string } = { ok: false, detail: 'not checked yet' };
  const checker = new WebClient(settings.SLACK_BOT_TOKEN, {
    slackApiUrl: settings.SLACK_API_URL,
    retryConfig: { retries: 1, factor: 1, minTimeout: 500, maxTimeout: 500 },
    timeout: 10_000,
    // Its failure is logged once, below, not also by the client's own console logger.
    logLevel: LogLevel.ERROR,
    ...(outbound ? { fetch: outbound.fetch } : {}),
  });

  return {
    platform: 'slack',
    routes,
    async start() {
      try {
        const answer = await checker.auth.test();
        tokenCheck = { ok: true, detail: `team ${answer.team_id}, bot ${answer.user_id}` };
      } catch (error) {
        const detail = (error as { data?: { error?: string } }).data?.error ?? describeFailure(error);
        tokenCheck = { ok: false, detail };
        log(`slack: token check (auth.test) failed: ${detail}`);
        // Socket Mode cannot run without Slack; over HTTP the bot serves and /readyz says why it is not ready.
        // The URL goes with the error, for the start-up line (src/runtime/startup-errors.ts).
        if (settings.SLACK_APP_TOKEN)
          throw Object.assign(error as object, { slackApiUrl: settings.SLACK_API_URL });
      }
      if (settings.SLACK_APP_TOKEN) await app.start();
    },
    readiness: () => tokenCheck,
    async stop() {
      stopping = true;
      if (settings.SLACK_APP_TOKEN) await app.stop();
      const grace = options.timing?.stopGraceMs ?? 10_000;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, grace);
        }),
      ]);
      clearTimeout(timer);
      await outbound?.dispatcher.close();
    },
    send: (recipient, view, delivery) => sender.send(recipient, view, delivery),
    canReach: (recipient) => sender.canReach(recipient),
  };
}

/** The sender of the outbox's messages (send.ts), with its own Web API client. */
function outboxSender(
  settings: Settings,
  deps: SlackDeps,
  timing: SlackChannelOptions['timing'],
  outbound: Outbound | null,
) {
  return createSender({
    // Its own client: 429s come back to send() (rejectRateLimitedCalls) so it can report Retry-After.
    client: new WebClient(settings.SLACK_BOT_TOKEN, {
      slackApiUrl: settings.SLACK_API_URL,
      rejectRateLimitedCalls: true,
      // No retries inside the client: a repeated chat.postMessage whose first try may have landed
      // would be a duplicate. send() retries once itself, after checking (see send.ts).
      retryConfig: { retries: 0 },
      timeout: 15_000,
      ...(outbound ? { fetch: outbound.fetch } : {}),
    }),
    settings,
    ctx: deps.ctx,
    log: deps.log,
    dmChannels: deps.dmChannels,
    maxInlineWaitMs: timing?.maxInlineWaitMs,
    quickRetryMs: timing?.quickRetryMs,
    // The outbox's posts skip the Web API client's per-call overhead (post-message.ts); through a
    // proxy they go by the Web API client, whose fetch takes it.
    ...(outbound
      ? {}
      : {
          postMessage: createPostMessage({
            apiUrl: settings.SLACK_API_URL,
            token: settings.SLACK_BOT_TOKEN ?? '',
            timeoutMs: 15_000,
          }),
        }),
  });
}
