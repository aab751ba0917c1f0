/** What every listener gets: the core, the settings, the dedupe cache, logging and work tracking. */
import type { Core } from '../../app/core.ts';
import type { Settings } from '../../config/settings.ts';
import type { Locale } from '../../domain/roles.ts';
import { type RenderContext, renderContext } from '../../presentation/context.ts';
import type { Dedupe } from './dedupe.ts';
import type { ListenerRouter } from './listeners/router.ts';

export interface SlackDeps {
  core: Core;
  settings: Settings;
  log(line: string): void;
  dedupe: Dedupe;
  /** Work done after `ack()`: `stop()` waits for it. */
  track<T>(work: Promise<T>): Promise<T>;
  /** How long a modal submission may take before it is acked anyway (Slack allows 3 s). */
  ackBudgetMs: number;
  /** Conversation ids of members' DMs with the bot, by Slack user id. */
  dmChannels: Map<string, string>;
  ctx(locale: Locale): RenderContext;
}

/** A listener file: what it handles (for the manifest test) and how it registers its handler with the router. */
export interface ListenerModule {
  kind: 'command' | 'action' | 'view' | 'event' | 'options';
  id: string;
  register(router: ListenerRouter, deps: SlackDeps): void;
}

export function contextFactory(settings: Settings): (locale: Locale) => RenderContext {
  const cache = new Map<Locale, RenderContext>();
  return (locale) => {
    let ctx = cache.get(locale);
    if (!ctx) {
      ctx = renderContext(locale, settings.TIME_ZONE);
      cache.set(locale, ctx);
    }
    return ctx;
  };
}
