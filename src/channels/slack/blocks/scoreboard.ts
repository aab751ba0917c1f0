/**
 * The emulation scoreboard (`/da06 scoreboard [kỳ]`): a header, when the figures stop, the ranking as
 * sections, and the rule that produced it as a context block under them — the ranking is never shown
 * without the rule. Texts come from `scoreboardLines` (src/reports/scoreboard-files.ts), as in the files.
 */
import type { ScoreboardView } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { scoreboardLines, scoreboardRule } from '../../../reports/scoreboard-files.ts';
import { context, esc, header, type KnownBlock, LIMITS, sections } from './kit.ts';
import type { Rendered } from './types.ts';

/** Units listed in chat; the rest are counted ("… và N đơn vị khác") and are in the XLSX. */
export const SCOREBOARD_ROWS = 30;

export function renderScoreboard(view: ScoreboardView, ctx: RenderContext): Rendered {
  const lines = scoreboardLines(view, ctx.locale, SCOREBOARD_ROWS);
  const [title = '', ...rest] = lines;
  const blocks: KnownBlock[] = [header(title)];
  if (view.rows.length === 0) {
    blocks.push(...sections(rest.filter((line) => line.trim() !== '').map(esc)));
    return { text: lines.join('\n'), blocks };
  }
  const rule = scoreboardRule(ctx.locale, view);
  const [asOf = '', ...body] = rest;
  const ranking = body.filter((line) => line.trim() !== '' && line !== rule);
  blocks.push(context(esc(asOf)));
  // Room for the header, the as-of line and the rule: the ranking never pushes the rule out.
  blocks.push(...sections(ranking.map(esc)).slice(0, LIMITS.messageBlocks - 3));
  blocks.push(context(esc(rule)));
  return { text: [title, asOf, ...ranking, rule].join('\n'), blocks };
}
