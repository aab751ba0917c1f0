/**
 * What the rest of the bot may ask about Teams without loading the Bot Framework SDK: whether the
 * channel is meant to run, and the start-up warning when it runs without authentication. The
 * composition root (src/runtime/bot.ts) imports the channel itself (`./index.ts`: botbuilder, msal,
 * @azure/*) only when this says so.
 */
import type { Settings } from '../../config/settings.ts';
import type { Locale } from '../../domain/roles.ts';
import { t } from '../../i18n/index.ts';
import './messages.ts';

/** Where Teams (the Azure Bot Service) posts activities. */
export const MESSAGES_PATH = '/api/messages';

/** Settings that say Teams is meant to run: any part of an Azure Bot registration. */
export function registrationGiven(settings: Settings): boolean {
  return [settings.MicrosoftAppId, settings.MicrosoftAppPassword, settings.MicrosoftAppTenantId].some((v) =>
    Boolean(v?.trim()),
  );
}

/** Whether the channel would run without authentication (no registration, TEAMS_ALLOW_UNAUTHENTICATED=true). */
export function teamsRunsUnauthenticated(settings: Settings): boolean {
  return !registrationGiven(settings) && settings.TEAMS_ALLOW_UNAUTHENTICATED;
}

/** Whether `createTeamsChannel` builds a channel (or reports an incomplete registration) for these settings. */
export function teamsWanted(settings: Settings): boolean {
  return registrationGiven(settings) || teamsRunsUnauthenticated(settings);
}

/** The start-up warning when Teams runs without authentication (for logs and /readyz), else null. */
export function teamsStartupWarning(
  settings: Settings,
  locale: Locale = settings.DEFAULT_LOCALE,
): string | null {
  return teamsRunsUnauthenticated(settings)
    ? t(locale, 'teams.startup.unauthenticated', { path: MESSAGES_PATH })
    : null;
}
