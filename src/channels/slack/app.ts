/**
 * The Bolt app: over the bot's one HTTP server (an HTTPReceiver whose request listener is mounted on
 * `POST /slack/events`; Bolt never opens a server of its own), or over Socket Mode when an app-level
 * token is set. Every HTTP request is checked by the request guard first (request-guard.ts).
 */
import { App, HTTPReceiver, type Logger, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Settings } from '../../config/settings.ts';
import { describeError } from '../../presentation/errors.ts';
import type { Outbound } from '../outbound.ts';
import type { SlackDeps } from './deps.ts';
import { EVENTS_PATH } from './ids.ts';
import { registerListeners } from './listeners/index.ts';

/** Calls made while answering someone (views.open, chat.postEphemeral…): 429s are waited out (Retry-After). */
export function interactiveClientOptions(
  settings: Settings,
  outbound: Outbound | null = null,
): WebClientOptions {
  return {
    ...(outbound ? { fetch: outbound.fetch } : {}),
    slackApiUrl: settings.SLACK_API_URL,
    rejectRateLimitedCalls: false,
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2000 },
    timeout: 10_000,
  };
}

export interface BoltParts {
  app: App;
  /** The HTTP receiver, or null in Socket Mode. */
  receiver: HTTPReceiver | null;
}

export function createBolt(deps: SlackDeps, outbound: Outbound | null = null): BoltParts {
  const { settings } = deps;
  const botToken = settings.SLACK_BOT_TOKEN;
  if (!botToken) throw new Error('Thiếu SLACK_BOT_TOKEN (xoxb-…): không thể chạy ứng dụng Slack.');
  const logger = boltLogger(deps.log);
  // One workspace, one bot token: no auth.test round trip before each first request.
  const authorize = async () => ({ botToken });
  const clientOptions = interactiveClientOptions(settings, outbound);
  let app: App;
  let receiver: HTTPReceiver | null = null;
  if (settings.SLACK_APP_TOKEN) {
    if (outbound) {
      // Through the proxy: apps.connections.open and the WebSocket both take its dispatcher.
      const socket = new SocketModeReceiver({
        appToken: settings.SLACK_APP_TOKEN,
        dispatcher: outbound.dispatcher as never,
        logger,
        installerOptions: { clientOptions },
      } as ConstructorParameters<typeof SocketModeReceiver>[0]);
      app = new App({ receiver: socket, authorize, clientOptions, logger });
    } else {
      app = new App({
        socketMode: true,
        appToken: settings.SLACK_APP_TOKEN,
        authorize,
        clientOptions,
        logger,
      });
    }
  } else {
    if (!settings.SLACK_SIGNING_SECRET) {
      throw new Error(
        'Thiếu SLACK_SIGNING_SECRET: cần để xác thực yêu cầu từ Slack (hoặc đặt SLACK_APP_TOKEN để dùng Socket Mode).',
      );
    }
    receiver = new HTTPReceiver({
      signingSecret: settings.SLACK_SIGNING_SECRET,
      endpoints: EVENTS_PATH,
      logger,
      // Acks go out as soon as a listener calls ack(); the work after it goes on.
      processBeforeResponse: false,
      // The channel's only route to this receiver (index.ts) runs guardSlackRequest first, which
      // verifies the signature more strictly than Bolt does (request-guard.ts, ADR 16); a second
      // HMAC here would only repeat it on every request.
      signatureVerification: false,
    });
    app = new App({ receiver, authorize, clientOptions, logger });
  }
  app.error(async (error) => {
    // No one to answer here: a coded error is logged in words, a bug with its stack.
    const said = describeError(error.original ?? error, deps.settings.DEFAULT_LOCALE, { log: deps.log });
    deps.log(`slack: unhandled error in a listener: ${said}`);
  });
  registerListeners(app, deps);
  return { app, receiver };
}

/** Bolt's logger onto the bot's log lines; debug chatter is dropped. */
function boltLogger(log: (line: string) => void): Logger {
  let level = LogLevel.INFO;
  const line = (tag: string, parts: unknown[]) => log(`slack/bolt ${tag}: ${parts.map(String).join(' ')}`);
  return {
    debug: () => {},
    info: (...parts) => {
      if (level === LogLevel.DEBUG || level === LogLevel.INFO) line('info', parts);
    },
    warn: (...parts) => line('warn', parts),
    error: (...parts) => line('error', parts),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
