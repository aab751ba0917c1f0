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
import { channelLog, routeConsole } from './channel-log.ts';
import type { Logger } from './logger.ts';
import { Metrics } from './metrics.ts';
import { type App, coreDeps, webConfig } from './open-app.ts';
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
  /** Where the web dashboard is, or why it is off (what `da06 start` prints). */
  dashboard: DashboardState;
  stop(graceMs?: number): Promise<void>;
}

/**
 * The web dashboard as started: at `url` (its `/web/`; `local`: the embedded default on
 * http://localhost:PORT, reachable from this machine only), or off because PUBLIC_URL is needed
 * (a Slack or Teams member's browser cannot reach localhost) or because PORT could not be opened.
 */
export type DashboardState =
  | { url: string; local: boolean }
  | { url: null; reason: 'public-url-needed' }
  | { url: null; reason: 'listen-failed'; port: number; detail: string };

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
  const local = localDashboard(settings, channels);
  if (local) deps.web = webConfig(settings, localUrl(settings.PORT));
  const warnings = [teamsStartupWarning(settings)].filter((w): w is string => w !== null);
  for (const warning of warnings) logger.warn(warning);

  const metrics = new Metrics();
  metrics.watchOutbox(() => outboxState(app));
  const { server, port, dashboard } = await serveHttp(options, core, channels, warnings, metrics, local);
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
    dashboard,
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

/**
 * The embedded default (issue 18): no PUBLIC_URL and the terminal the only chat. Then the dashboard
 * is served on http://localhost:PORT, bound to 127.0.0.1 so nothing is exposed. With Slack or Teams
 * the links go to members' browsers, which cannot reach localhost: there PUBLIC_URL is required.
 */
function localDashboard(settings: Settings, channels: Channel[]): boolean {
  return !settings.PUBLIC_URL && channels.length > 0 && channels.every((c) => c.platform === 'terminal');
}

const localUrl = (port: number): string => `http://localhost:${port}`;

interface Served {
  server: HttpServer | null;
  port: number | null;
  dashboard: DashboardState;
}

/** The one HTTP server (health, metrics, the channels' and the dashboard's routes), when any has routes or `http` asks. */
async function serveHttp(
  options: BotOptions,
  core: Core,
  channels: Channel[],
  warnings: string[],
  metrics: Metrics,
  local: boolean,
): Promise<Served> {
  const { app, settings, logger } = options;
  // The web dashboard (issue 18) when PUBLIC_URL is set or on the local default: then the server
  // listens even for the terminal.
  // Imported only when served, as the channels are: the dashboard's modules are not a Slack bot's.
  const web = core.deps.web
    ? (await import('../web/routes.ts')).webRoutes({
        core,
        log: (error) => logger.error({ err: error }, 'dashboard request failed'),
      })
    : [];
  const routes = [...channels.flatMap((channel) => channel.routes), ...web];
  const off: DashboardState = { url: null, reason: 'public-url-needed' };
  if (!(routes.length > 0 || options.http)) return { server: null, port: null, dashboard: off };
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
  let port: number;
  try {
    port = await listen(server, settings.PORT, local);
  } catch (error) {
    if (!local) throw error;
    return listenFailed(core, logger, settings.PORT, error);
  }
  logger.info({ port, paths: routes.map((route) => route.path) }, 'listening');
  const webConfigured = core.deps.web;
  if (local && webConfigured) webConfigured.publicUrl = localUrl(port); // PORT=0: the port just chosen
  if (!webConfigured) return { server, port, dashboard: off };
  const url = `${webConfigured.publicUrl}/web/`;
  logger.info({ url }, 'web dashboard: type /da06 web in chat for a sign-in link');
  return { server, port, dashboard: { url, local } };
}

/** The terminal chat works without its dashboard (PORT taken by a second `npm start`, say): says why, goes on. */
function listenFailed(core: Core, logger: Logger, port: number, error: unknown): Served {
  delete core.deps.web;
  logger.warn({ port, err: error }, 'web dashboard: cannot listen');
  const detail =
    (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
  return { server: null, port: null, dashboard: { url: null, reason: 'listen-failed', port, detail } };
}

/** Listens on PORT: on every interface, or on 127.0.0.1 only for the local dashboard. */
function listen(server: HttpServer, port: number, local: boolean): Promise<number> {
  return local ? server.listen(port, '127.0.0.1') : server.listen(port);
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
