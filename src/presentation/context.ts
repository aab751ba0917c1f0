/**
 * The one render context every channel gets (Slack blocks, Teams cards, terminal text): the
 * reader's locale, the group's time zone and shortcuts into the one message lookup `t` of
 * src/i18n. Words are made here and in the other files of src/presentation; channels only lay
 * them out.
 */
import type { Period } from '../domain/period.ts';
import type { Locale } from '../domain/roles.ts';
import {
  DEFAULT_TIME_ZONE,
  formatDate,
  formatDateTime,
  localizeParams,
  type MessageParams,
  periodLabel,
  t,
} from '../i18n/index.ts';

export interface RenderContext {
  locale: Locale;
  timeZone: string;
  /** A message of the merged catalog, placeholders filled. */
  t(key: string, params?: MessageParams): string;
  /** `t` after `localizeParams`: period keys, days, status and role codes become words. */
  tl(key: string, params?: MessageParams): string;
  date(value: string | Date): string;
  dateTime(value: string | Date, weekday?: boolean): string;
  period(period: Period | string): string;
}

export function renderContext(locale: Locale, timeZone: string = DEFAULT_TIME_ZONE): RenderContext {
  return {
    locale,
    timeZone,
    t: (key, params) => t(locale, key, params),
    tl: (key, params) => t(locale, key, localizeParams(locale, params)),
    date: (value) => formatDate(locale, value, timeZone),
    dateTime: (value, weekday = false) => formatDateTime(locale, value, timeZone, { weekday }),
    period: (period) => periodLabel(locale, period),
  };
}
