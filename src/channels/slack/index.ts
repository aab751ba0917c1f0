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

/** The Slack channel, and a way to wait until the work its requests started has settled. */
export interface SlackChannel extends Channel {
  /** Resolves once no work started by a request is left (tests: "nothing else happened"). */
  whenIdle(): Promise<void>;
}

/** The Slack channel; settings given in part are refused with `SlackConfigError` (setup.ts). */
export function createSlackChannel(options: SlackChannelOptions): SlackChannel {
  const { core, settings } = options;
  assertSlackSettings(settings);
  const log = options.logger ?? (() => {});
  const inFlight = new Set<Promise<unknown>>();
  let stopping = false;
  const deps = slackDeps(core, settings, log, options.timing, inFlight);
  const outbound = outboundFor(settings);
  const { app, receiver } = createBolt(deps, outbound);
  const sender = outboxSender(settings, deps, options.timing, outbound);
  const routes: Route[] = receiver ? [eventsRoute(receiver, settings, log, () => stopping)] : [];
  const token = tokenCheckFor(settings, log, outbound);

  return {
    platform: 'slack',
    routes,
    async start() {
      await token.check();
      if (settings.SLACK_APP_TOKEN) await app.start();
    },
    readiness: () => token.state,
    async stop() {
      stopping = true;
      if (settings.SLACK_APP_TOKEN) await app.stop();
      await settleInFlight(inFlight, options.timing?.stopGraceMs ?? 10_000);
      await outbound?.dispatcher.close();
    },
    send: (recipient, view, delivery) => sender.send(recipient, view, delivery),
    canReach: (recipient) => sender.canReach(recipient),
    async whenIdle() {
      // Work may start more work (a late outcome told as a message): wait until none is left.
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

/** What the handlers share: the core, the settings, the dedupe, and the tracking of work in flight. */
function slackDeps(
  core: Core,
  settings: Settings,
  log: (line: string) => void,
  timing: SlackChannelOptions['timing'],
  inFlight: Set<Promise<unknown>>,
): SlackDeps {
  return {
    core,
    settings,
    log,
    dedupe: new Dedupe(),
    ackBudgetMs: timing?.ackBudgetMs ?? 2500,
    dmChannels: new Map(),
    ctx: contextFactory(settings),
    track(work) {
      inFlight.add(work);
      const done = () => inFlight.delete(work);
      work.then(done, done);
      return work;
    },
  };
}

type Receiver = NonNullable<ReturnType<typeof createBolt>['receiver']>;

/** The Events API route over HTTP: refused while stopping, guarded, then handed to Bolt's receiver. */
function eventsRoute(
  receiver: Receiver,
  settings: Settings,
  log: (line: string) => void,
  isStopping: () => boolean,
): Route {
  return {
    method: 'POST',
    path: EVENTS_PATH,
    async handle(request, response) {
      if (isStopping()) {
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
  };
}

/** The token, checked once at start with auth.test; /readyz reports its state. */
function tokenCheckFor(settings: Settings, log: (line: string) => void, outbound: Outbound | null) {
  const checker = new WebClient(settings.SLACK_BOT_TOKEN, {
    slackApiUrl: settings.SLACK_API_URL,
    retryConfig: { retries: 1, factor: 1, minTimeout: 500, maxTimeout: 500 },
    timeout: 10_000,
    // Its failure is logged once, below, not also by the client's own console logger.
    logLevel: LogLevel.ERROR,
    ...(outbound ? { fetch: outbound.fetch } : {}),
  });
  const token = {
    state: { ok: false, detail: 'not checked yet' } as { ok: boolean; detail?: string },
    async check() {
      try {
        const answer = await checker.auth.test();
        token.state = { ok: true, detail: `team ${answer.team_id}, bot ${answer.user_id}` };
      } catch (error) {
        const detail = (error as { data?: { error?: string } }).data?.error ?? describeFailure(error);
        token.state = { ok: false, detail };
        log(`slack: token check (auth.test) failed: ${detail}`);
        // Socket Mode cannot run without Slack; over HTTP the bot serves and /readyz says why it is not ready.
        // The URL goes with the error, for the start-up line (src/runtime/startup-errors.ts).
        if (settings.SLACK_APP_TOKEN)
          throw Object.assign(error as object, { slackApiUrl: settings.SLACK_API_URL });
      }
    },
  };
  return token;
}

/** Waits for the work in flight to settle, at most `graceMs`. */
async function settleInFlight(inFlight: Set<Promise<unknown>>, graceMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled([...inFlight]),
    new Promise((resolve) => {
      timer = setTimeout(resolve, graceMs);
    }),
  ]);
  clearTimeout(timer);
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
