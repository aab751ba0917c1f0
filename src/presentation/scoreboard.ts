/**
 * The emulation scoreboard in words, for every channel and the files: the title, when the figures
 * stop, one line a unit, and the rule that produced the ranking (never shown without it).
 */
import type { Locale } from '../domain/roles.ts';
import type { Scoreboard } from '../domain/scoreboard.ts';
import { formatDate, periodLabel, t } from '../i18n/index.ts';
import { rateText, scoreboardRule } from '../i18n/scoreboard-text.ts';

export { rateText, scoreboardRule };

/** The scoreboard's parts: with no unit ranked, only `title` and `empty`; otherwise the rest. */
export type ScoreboardParts =
  | { title: string; empty: string }
  | { title: string; empty: null; asOf: string; ranking: string[]; rule: string };

/** The parts with the first `limit` units ranked ("… và N đơn vị khác" closes a longer ranking). */
export function scoreboardParts(board: Scoreboard, locale: Locale, limit = 30): ScoreboardParts {
  const title = t(locale, 'reports.scoreboard.title', { period: periodLabel(locale, board.period) });
  if (board.rows.length === 0) return { title, empty: t(locale, 'reports.scoreboard.empty') };
  const asOf = t(locale, 'reports.scoreboard.as_of', {
    date: formatDate(locale, board.asOf),
    count: board.rows.length,
  });
  const ranking = board.rows.slice(0, limit).map((row) =>
    withBuckets(
      board,
      row.code,
      locale,
      t(locale, 'reports.scoreboard.line', {
        rank: row.rank,
        unit: row.name !== row.code ? `${row.name} (${row.code})` : row.code,
        doneRate: rateText(locale, row.doneOnTime),
        done: row.doneOnTime.count,
        due: row.doneOnTime.of,
        days: row.overdueDays,
        reportRate: rateText(locale, row.reporting),
        onTime: row.reporting.count,
        needed: row.reporting.of,
      }),
    ),
  );
  if (board.rows.length > limit) {
    ranking.push(t(locale, 'reports.scoreboard.more', { count: board.rows.length - limit }));
  }
  return { title, empty: null, asOf, ranking, rule: scoreboardRule(locale, board) };
}

/** A unit's line with its four deadline buckets after it, when the board has them. */
function withBuckets(board: Scoreboard, code: string, locale: Locale, line: string): string {
  const counts = board.buckets?.[code];
  if (!counts) return line;
  return t(locale, 'reports.scoreboard.buckets', {
    line,
    onTime: counts.done_on_time,
    late: counts.done_late,
    inTime: counts.open_in_time,
    overdue: counts.open_overdue,
  });
}

/** Plain lines for the terminal: title, figures date, the first `limit` units, the rule. */
export function scoreboardLines(board: Scoreboard, locale: Locale, limit = 30): string[] {
  const parts = scoreboardParts(board, locale, limit);
  if (parts.empty !== null) return [parts.title, parts.empty];
  return [parts.title, parts.asOf, '', ...parts.ranking, '', parts.rule];
}
