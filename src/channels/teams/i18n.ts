/** Teams locales ("vi-VN", "en-US") as ours. Messages come from the one lookup `t` of src/i18n. */
import type { Locale } from '../../domain/roles.ts';

/** A Teams `locale` ("vi-VN", "en-US") as one of ours; anything else is `fallback`. */
export function localeOf(teamsLocale: string | undefined, fallback: Locale): Locale {
  const lang = (teamsLocale ?? '').toLowerCase().slice(0, 2);
  return lang === 'vi' || lang === 'en' ? lang : fallback;
}
