import type { Period } from '../../../domain/period.ts';
import type { Locale } from '../../../domain/roles.ts';
import {
  DEFAULT_TIME_ZONE,
  formatDate,
  formatDateTime,
  localizeParams,
  type MessageParams,
  periodLabel,
  t,
} from '../../../i18n/index.ts';

export interface RenderOptions {
  /** Line width in characters; 80 by default, never below 40. */
  width?: number;
  /** Time zone for date-times (meeting start, report update); Vietnam by default. */
  timeZone?: string;
}

/** What every view helper needs: the reader's locale, the layout width and shortcuts into i18n. */
export interface RenderContext {
  locale: Locale;
  width: number;
  timeZone: string;
  t(key: string, params?: MessageParams): string;
  /** `t` after `localizeParams`: period keys, days, status and role codes become words. */
  tl(key: string, params?: MessageParams): string;
  date(value: string | Date): string;
  dateTime(value: string | Date, weekday?: boolean): string;
  period(period: Period | string): string;
}

export const DEFAULT_WIDTH = 80;
const MIN_WIDTH = 40;

export function renderContext(locale: Locale, options: RenderOptions = {}): RenderContext {
  const width = Math.max(MIN_WIDTH, Math.floor(options.width ?? DEFAULT_WIDTH));
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  return {
    locale,
    width,
    timeZone,
    t: (key, params) => t(locale, key, params),
    tl: (key, params) => t(locale, key, localizeParams(locale, params)),
    date: (value) => formatDate(locale, value, timeZone),
    dateTime: (value, weekday = false) => formatDateTime(locale, value, timeZone, { weekday }),
    period: (period) => periodLabel(locale, period),
  };
}
