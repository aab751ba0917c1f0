/**
 * The scoreboard's figures and rule in words, shared by the files (src/reports) and the chat
 * presentation (src/presentation/scoreboard.ts), so that both write them the same way.
 */
import type { Locale } from '../domain/roles.ts';
import type { Ratio, Scoreboard } from '../domain/scoreboard.ts';
import { formatDate, formatPercent, t } from './index.ts';

/** A rate as people read it: "66,7%", or "—" when there was nothing to count. */
export function rateText(locale: Locale, ratio: Ratio): string {
  return ratio.rate === null ? '—' : formatPercent(locale, ratio.rate * 100);
}

/** How the ranking was made, dated: never shown without the ranking, nor the ranking without it. */
export function scoreboardRule(locale: Locale, board: Scoreboard): string {
  return t(locale, 'reports.scoreboard.rule', { date: formatDate(locale, board.asOf) });
}
