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

/** Contexts are immutable: one per locale and time zone is made, then handed out again. */
const made = new Map<string, RenderContext>();

export function renderContext(locale: Locale, timeZone: string = DEFAULT_TIME_ZONE): RenderContext {
  const key = `${locale}\u0000${timeZone}`;
  let context = made.get(key);
  if (!context) {
    // Time zones come from settings and groups: a handful. The bound keeps a caller's typo harmless.
    if (made.size >= 64) made.clear();
    context = Object.freeze(makeContext(locale, timeZone));
    made.set(key, context);
  }
  return context;
}

function makeContext(locale: Locale, timeZone: string): RenderContext {
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
