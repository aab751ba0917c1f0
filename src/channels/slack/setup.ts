/**
 * What the rest of the bot may ask about Slack without loading Bolt (as teams/setup.ts does for
 * Teams): whether the channel is meant to run, and what is missing from a configuration given in
 * part. The composition root (src/runtime/bot.ts) imports the channel itself (`./index.ts`) only
 * when this says so; `createSlackChannel` refuses an incomplete configuration with `SlackConfigError`.
 */
import type { Settings } from '../../config/settings.ts';

type SlackSettings = Pick<Settings, 'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_APP_TOKEN'>;

const has = (value: string | undefined) => Boolean(value?.trim());

/** Settings that say Slack is meant to run: any of its three secrets. */
export function slackWanted(settings: SlackSettings): boolean {
  return [settings.SLACK_BOT_TOKEN, settings.SLACK_SIGNING_SECRET, settings.SLACK_APP_TOKEN].some(has);
}

/** A bot token plus either the signing secret (HTTP mode) or an app-level token (Socket Mode). */
export function slackConfigured(settings: SlackSettings): boolean {
  return slackWanted(settings) && slackConfigProblems(settings).length === 0;
}

/** What is missing from the Slack settings, in Vietnamese (empty when complete). */
export function slackConfigProblems(settings: SlackSettings): string[] {
  const problems: string[] = [];
  if (!has(settings.SLACK_BOT_TOKEN))
    problems.push('SLACK_BOT_TOKEN chưa được đặt (Bot User OAuth Token, xoxb-…).');
  if (!has(settings.SLACK_SIGNING_SECRET) && !has(settings.SLACK_APP_TOKEN)) {
    problems.push(
      'Cần SLACK_SIGNING_SECRET (nhận sự kiện qua HTTP) hoặc SLACK_APP_TOKEN (Socket Mode, xapp-…).',
    );
  }
  return problems;
}

/** A Slack configuration given in part: said at start-up rather than at the first message. */
export class SlackConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(['Cấu hình Slack chưa đủ:', ...problems.map((p) => `  - ${p}`), 'Xem docs/slack.md.'].join('\n'));
    this.name = 'SlackConfigError';
  }
}

/** Throws `SlackConfigError` when Slack is meant to run but its settings are incomplete. */
export function assertSlackSettings(settings: SlackSettings): void {
  const problems = slackConfigProblems(settings);
  if (slackWanted(settings) && problems.length > 0) throw new SlackConfigError(problems);
}
