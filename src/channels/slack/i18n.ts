/**
 * Messages for the Slack renderers: the Slack catalogs (src/i18n/slack.*.ts) first, then the shared
 * catalogs through `t`. Until src/i18n/index.ts merges the Slack catalogs itself, this is where a
 * `slack.` key is found.
 */
import type { Period } from '../../domain/period.ts';
import type { Locale } from '../../domain/roles.ts';
import {
  formatDate,
  formatDateTime,
  interpolate,
  localizeParams,
  type MessageParams,
  periodLabel,
  t,
} from '../../i18n/index.ts';
import { slackEn } from '../../i18n/slack.en.ts';
import { type SlackMessageKey, slackVi } from '../../i18n/slack.vi.ts';

export const SLACK_CATALOGS: Record<Locale, Readonly<Record<SlackMessageKey, string>>> = {
  vi: slackVi,
  en: slackEn,
};

export function isSlackMessageKey(key: string): key is SlackMessageKey {
  return Object.hasOwn(slackVi, key);
}

/** A message of either catalog in `locale`, placeholders filled; an unknown key comes back as is. */
export function st(locale: Locale, key: string, params?: MessageParams): string {
  if (!isSlackMessageKey(key)) return t(locale, key, params);
  const template = SLACK_CATALOGS[locale][key];
  return params ? interpolate(template, params) : template;
}

/** What every renderer needs: the reader's locale, the group's time zone and shortcuts into i18n. */
export interface SlackContext {
  locale: Locale;
  timeZone: string;
  t(key: string, params?: MessageParams): string;
  /** `t` after `localizeParams`: period keys, days, status and role codes become words. */
  tl(key: string, params?: MessageParams): string;
  date(value: string | Date): string;
  dateTime(value: string | Date, weekday?: boolean): string;
  period(period: Period | string): string;
}

export function slackContext(locale: Locale, timeZone: string): SlackContext {
  return {
    locale,
    timeZone,
    t: (key, params) => st(locale, key, params),
    tl: (key, params) => st(locale, key, localizeParams(locale, params)),
    date: (value) => formatDate(locale, value, timeZone),
    dateTime: (value, weekday = false) => formatDateTime(locale, value, timeZone, { weekday }),
    period: (period) => periodLabel(locale, period),
  };
}
