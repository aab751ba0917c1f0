/**
 * Messages for Teams: the shared catalogs and Teams' own (src/i18n/teams.*.ts), which
 * src/i18n/index.ts registers, so `t` finds both.
 */
import type { Locale } from '../../domain/roles.ts';
import { type MessageParams, t } from '../../i18n/index.ts';

/** The message `key` in `locale`, placeholders filled. */
export function tt(locale: Locale, key: string, params?: MessageParams): string {
  return t(locale, key, params);
}

/** A Teams `locale` ("vi-VN", "en-US") as one of ours; anything else is `fallback`. */
export function localeOf(teamsLocale: string | undefined, fallback: Locale): Locale {
  const lang = (teamsLocale ?? '').toLowerCase().slice(0, 2);
  return lang === 'vi' || lang === 'en' ? lang : fallback;
}
