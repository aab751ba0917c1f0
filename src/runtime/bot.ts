/**
 * The composition root: builds the core, the configured channels (Slack, Teams, the terminal), the
 * scheduler and the one HTTP server, and stops them in order on SIGTERM. `da06 start` calls it.
 * A channel's module (and its SDK: Bolt, botbuilder and msal) is imported only when that channel is
 * configured, so a Slack-only bot does not carry the Bot Framework in memory (docs/performance.md).
 */
import type { Clock } from '../app/clock.ts';
import { Core } from '../app/core.ts';
import type { Channel } from '../app/ports/channel.ts';
import { slackWanted } from '../channels/slack/setup.ts';
import { teamsStartupWarning, teamsWanted } from '../channels/teams/setup.ts';
import type { TerminalAdapter } from '../channels/terminal/index.ts';
import type { Settings } from '../config/settings.ts';
import { createScheduler, type Scheduler } from '../scheduler/scheduler.ts';
import { schedulerPort } from '../scheduler/scheduler-port.ts';
import { healthRoutes } from '../server/health-routes.ts';
import { createHttpServer, type HttpServer } from '../server/http-server.ts';
import { webRoutes } from '../web/routes.ts';
import { channelLog, routeConsole } from './channel-log.ts';
import type { Logger } from './logger.ts';
import { Metrics } from './metrics.ts';
import { type App, coreDeps } from './open-app.ts';
import { checkReadiness } from './readiness.ts';

export interface BotOptions {
  app: App;
  settings: Settings;
  clock: Clock;
  logger: Logger;
  /** The terminal channel (its chat shows proactive messages); null when no terminal chat runs. */
  terminal: TerminalAdapter | null;
  /** Run the scheduler's loop in this process (off for a piped terminal session; SCHEDULER_ENABLED=false removes it). */
  scheduler: boolean;
  /** Listen on PORT even with no chat platform (health and metrics only). */
  http: boolean;
}

export interface RunningBot {
  core: Core;
  channels: Channel[];
  scheduler: Scheduler | null;
  /** The port the HTTP server listens on, or null when none runs. */
  port: number | null;
  metrics: Metrics;
  stop(graceMs?: number): Promise<void>;
}

/** Whether any chat platform is configured (then `npm start` serves it instead of the terminal). */
export function platformConfigured(settings: Settings): boolean {
  return slackWanted(settings) || Boolean(settings.MicrosoftAppId) || settings.TEAMS_ALLOW_UNAUTHENTICATED;
}

export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { app, settings, clock, logger } = options;
  // No cycle: the scheduler port is built first, the core over it, the channels over the core, the
  // scheduler over the channels; the port is then bound to the running scheduler.
  const schedulerLink = schedulerPort(app.stores, app.group);
  const deps = coreDeps(app, clock);
  const core = new Core(deps, schedulerLink);
  // Channel lines at their real level; the SDKs' console output as JSON lines too, until stop().
  const log = channelLog(logger);
  const restoreConsole = routeConsole(logger);
  const channels = await createChannels(options, core, log);
  const warnings = [teamsStartupWarning(settings)].filter((w): w is string => w !== null);
  for (const warning of warnings) logger.warn(warning);

  const metrics = new Metrics();
  metrics.watchOutbox(() => outboxState(app));
  const { server, port } = await serveHttp(options, core, channels, warnings, metrics);
  await startChannels(channels, server, restoreConsole);

  let scheduler: Scheduler | null = null;
  if (settings.SCHEDULER_ENABLED) {
    scheduler = createScheduler({
      deps,
      outbox: app.stores.outbox,
      channels,
      clock,
      settings,
      logger,
      drain: { onSent: (row) => metrics.messagesSent.inc({ channel: row.channel }) },
    });
    schedulerLink.bind(scheduler);
    // A piped terminal session keeps the scheduler for `meeting` and `remind now` but runs no loop.
    if (options.scheduler) await scheduler.start();
  }

  return {
    core,
    channels,
    scheduler,
    port,
    metrics,
    stop: stopOnce(app, server, scheduler, channels, restoreConsole),
  };
}

/** The configured channels: Slack and Teams (each module imported only when wanted), then the terminal. */
async function createChannels(
  options: BotOptions,
  core: Core,
  log: (line: string) => void,
): Promise<Channel[]> {
  const { app, settings } = options;
  const channels: Channel[] = [];
  if (slackWanted(settings)) {
    const { createSlackChannel } = await import('../channels/slack/index.ts');
    channels.push(createSlackChannel({ core, settings, logger: log }));
  }
  if (teamsWanted(settings)) {
    const { createTeamsChannel } = await import('../channels/teams/index.ts');
    const teams = createTeamsChannel({ core, stores: app.stores, settings, logger: log });
    if (teams) channels.push(teams);
  }
  if (options.terminal) channels.push(options.terminal);
  return channels;
}

/** The one HTTP server (health, metrics and the channels' routes), when a channel has routes or `http` asks. */
async function serveHttp(
  options: BotOptions,
  core: Core,
  channels: Channel[],
  warnings: string[],
  metrics: Metrics,
): Promise<{ server: HttpServer | null; port: number | null }> {
  const { app, settings, logger } = options;
  // The web dashboard (issue 18) when PUBLIC_URL is set: then the server listens even for the terminal.
  const web = webRoutes({ core, log: (error) => logger.error({ err: error }, 'dashboard request failed') });
  const routes = [...channels.flatMap((channel) => channel.routes), ...web];
  if (!(routes.length > 0 || options.http)) return { server: null, port: null };
  const server = createHttpServer(
    [
      ...healthRoutes({
        readiness: () => checkReadiness(app.db, warnings, channelChecks(channels)),
        metrics: async () => ({
          contentType: metrics.registry.contentType,
          body: await metrics.registry.metrics(),
        }),
      }),
      ...routes,
    ],
    (error) => logger.error({ err: error }, 'request failed'),
    metrics,
  );
  const port = await server.listen(settings.PORT);
  logger.info({ port, paths: routes.map((route) => route.path) }, 'listening');
  if (web.length > 0)
    logger.info(
      { url: `${settings.PUBLIC_URL}/web/` },
      'web dashboard: type /da06 web in chat for a sign-in link',
    );
  return { server, port };
}

/** Starts the channels in order; on a failure closes what started and rethrows. */
async function startChannels(
  channels: Channel[],
  server: HttpServer | null,
  restoreConsole: () => void,
): Promise<void> {
  try {
    for (const channel of channels) await channel.start();
  } catch (error) {
    // Nothing keeps the process up: the caller says why in one line and exits.
    await server?.close(0);
    await Promise.allSettled(channels.map((channel) => channel.stop()));
    restoreConsole();
    throw error;
  }
}

/** Stops taking requests, lets those in flight finish, releases outbox claims, closes the database. */
function stopOnce(
  app: App,
  server: HttpServer | null,
  scheduler: Scheduler | null,
  channels: Channel[],
  restoreConsole: () => void,
): RunningBot['stop'] {
  let stopped: Promise<void> | null = null;
  return (graceMs = 10_000) => {
    stopped ??= (async () => {
      const closing = server?.close(graceMs);
      await scheduler?.stop();
      await Promise.allSettled(channels.map((channel) => channel.stop()));
      await closing;
      await app.close();
      restoreConsole();
    })();
    return stopped;
  };
}

/** What each channel reports for /readyz (Slack: its token, checked at start). */
function channelChecks(channels: Channel[]): Record<string, { ok: boolean; detail?: string }> {
  const checks: Record<string, { ok: boolean; detail?: string }> = {};
  for (const channel of channels) {
    const state = channel.readiness?.();
    if (state) checks[channel.platform] = state;
  }
  return checks;
}

async function outboxState(app: App) {
  const { waiting, failed, oldestPendingAt } = await app.stores.outbox.stats();
  const age = oldestPendingAt ? (Date.now() - oldestPendingAt.getTime()) / 1000 : 0;
  return { pending: waiting, failed, oldestPendingSeconds: Math.max(0, age) };
}
