/**
 * Which chat platforms the settings turn on, and what a platform given only in part lacks. Pure:
 * `loadSettings` refuses a partial platform at start-up, `da06 start` never loads the demo when any
 * platform variable is set, and the composition root starts the complete ones.
 */
import type { SettingsMessageKey } from '../i18n/settings.ts';
import type { Settings } from './settings.ts';

export type { SettingsMessageKey };

/** A problem found in the settings: a message key of the settings catalog and its parameters. */
export interface SettingsProblem {
  key: SettingsMessageKey;
  params?: Record<string, string>;
}

const has = (value: string | undefined) => Boolean(value?.trim());

/** Any Slack or Teams variable is set: the operator means a chat platform, not the terminal demo. */
export function platformVariablesSet(settings: Settings): boolean {
  return (
    [
      settings.SLACK_BOT_TOKEN,
      settings.SLACK_SIGNING_SECRET,
      settings.SLACK_APP_TOKEN,
      settings.SLACK_GROUP_CHANNEL,
      settings.MicrosoftAppId,
      settings.MicrosoftAppPassword,
      settings.MicrosoftAppTenantId,
    ].some(has) || settings.TEAMS_ALLOW_UNAUTHENTICATED
  );
}

/** What each platform given in part lacks (empty when every platform is either complete or absent). */
export function platformProblems(settings: Settings): SettingsProblem[] {
  return [...slackProblems(settings), ...teamsProblems(settings)];
}

function slackProblems(settings: Settings): SettingsProblem[] {
  const token = has(settings.SLACK_BOT_TOKEN);
  const secret = has(settings.SLACK_SIGNING_SECRET);
  const appToken = has(settings.SLACK_APP_TOKEN);
  if (token && !secret && !appToken) return [{ key: 'slack.missing_signing' }];
  if (!token && (secret || appToken)) {
    return [
      {
        key: 'slack.missing_bot_token',
        params: { given: appToken ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET' },
      },
    ];
  }
  return [];
}

/** Mirrors the Bot Framework's needs (src/channels/teams/auth.ts, `credentialProblems`). */
function teamsProblems(settings: Settings): SettingsProblem[] {
  const given = [
    ['MicrosoftAppId', settings.MicrosoftAppId],
    ['MicrosoftAppPassword', settings.MicrosoftAppPassword],
    ['MicrosoftAppTenantId', settings.MicrosoftAppTenantId],
  ] as const;
  if (!given.some(([, value]) => has(value))) return [];
  const type = settings.MicrosoftAppType;
  if (type === 'UserAssignedMSI' && has(settings.MicrosoftAppPassword)) {
    return [{ key: 'teams.msi_password' }];
  }
  const needed = given
    .map(([name]) => name)
    .filter(
      (name) =>
        name === 'MicrosoftAppId' ||
        (name === 'MicrosoftAppPassword' && type !== 'UserAssignedMSI') ||
        (name === 'MicrosoftAppTenantId' && type !== 'MultiTenant'),
    );
  const missing = needed.filter((name) => !has(given.find(([n]) => n === name)?.[1]));
  if (missing.length === 0) return [];
  return [{ key: 'teams.missing', params: { missing: missing.join(', '), type } }];
}
