/**
 * The emulation scoreboard (`/da06 scoreboard [kỳ]`): a header, when the figures stop, the ranking as
 * sections, and the rule that produced it as a context block under them — the ranking is never shown
 * without the rule. Texts come from `scoreboardParts` (src/presentation/scoreboard.ts), as in the files.
 */
import type { ScoreboardView } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { scoreboardParts } from '../../../presentation/scoreboard.ts';
import { context, esc, header, type KnownBlock, LIMITS, sections } from './kit.ts';
import type { Rendered } from './types.ts';

/** Units listed in chat; the rest are counted ("… và N đơn vị khác") and are in the XLSX. */
export const SCOREBOARD_ROWS = 30;

export function renderScoreboard(view: ScoreboardView, ctx: RenderContext): Rendered {
  const parts = scoreboardParts(view, ctx.locale, SCOREBOARD_ROWS);
  const blocks: KnownBlock[] = [header(parts.title)];
  if (parts.empty !== null) {
    blocks.push(...sections([esc(parts.empty)]));
    return { text: `${parts.title}\n${parts.empty}`, blocks };
  }
  blocks.push(context(esc(parts.asOf)));
  // Room for the header, the as-of line and the rule: the ranking never pushes the rule out.
  blocks.push(...sections(parts.ranking.map(esc)).slice(0, LIMITS.messageBlocks - 3));
  blocks.push(context(esc(parts.rule)));
  return { text: [parts.title, parts.asOf, ...parts.ranking, parts.rule].join('\n'), blocks };
}
