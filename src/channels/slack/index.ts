/**
 * The Slack channel: `/da06`, the report modal, the reminder buttons and the App Home over Bolt, plus
 * proactive messages for the outbox. See docs/slack.md for installing the app.
 */
import { WebClient } from '@slack/web-api';
import type { Core } from '../../app/core.ts';
import type { Settings } from '../../config/settings.ts';
import type { Route } from '../../server/router.ts';
import type { Channel } from '../channel.ts';
import { createBolt } from './app.ts';
import { Dedupe } from './dedupe.ts';
import { contextFactory, type SlackDeps } from './deps.ts';
import { EVENTS_PATH } from './ids.ts';
import { createPostMessage } from './post-message.ts';
import { createSender } from './send.ts';
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
  const { app, receiver } = createBolt(deps);
  const sender = outboxSender(settings, deps, options.timing);

  const routes: Route[] = receiver
    ? [
        {
          method: 'POST',
          path: EVENTS_PATH,
          handle(request, response) {
            if (stopping) {
              // Slack delivers again later; nothing new starts while the bot shuts down.
              response.writeHead(503, { 'retry-after': '5' }).end();
              return;
            }
            receiver.requestListener(request, response);
          },
        },
      ]
    : [];

  return {
    platform: 'slack',
    routes,
    async start() {
      if (settings.SLACK_APP_TOKEN) await app.start();
    },
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
    },
    send: (recipient, view, delivery) => sender.send(recipient, view, delivery),
    canReach: (recipient) => sender.canReach(recipient),
  };
}

/** The sender of the outbox's messages (send.ts), with its own Web API client. */
function outboxSender(settings: Settings, deps: SlackDeps, timing: SlackChannelOptions['timing']) {
  return createSender({
    // Its own client: 429s come back to send() (rejectRateLimitedCalls) so it can report Retry-After.
    client: new WebClient(settings.SLACK_BOT_TOKEN, {
      slackApiUrl: settings.SLACK_API_URL,
      rejectRateLimitedCalls: true,
      // No retries inside the client: a repeated chat.postMessage whose first try may have landed
      // would be a duplicate. send() retries once itself, after checking (see send.ts).
      retryConfig: { retries: 0 },
      timeout: 15_000,
    }),
    settings,
    ctx: deps.ctx,
    log: deps.log,
    dmChannels: deps.dmChannels,
    maxInlineWaitMs: timing?.maxInlineWaitMs,
    quickRetryMs: timing?.quickRetryMs,
    // The outbox's posts skip the Web API client's per-call overhead (post-message.ts).
    postMessage: createPostMessage({
      apiUrl: settings.SLACK_API_URL,
      token: settings.SLACK_BOT_TOKEN ?? '',
      timeoutMs: 15_000,
    }),
  });
}
