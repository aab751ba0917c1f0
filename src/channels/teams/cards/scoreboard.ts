/**
 * The emulation scoreboard ("xếp hạng"): the words every channel shows (`scoreboardParts`), one
 * TextBlock a unit, paged when long, with the rule that produced the ranking under it on every page.
 */
import type { ScoreboardView } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { scoreboardParts } from '../../../presentation/scoreboard.ts';
import { type CardElement, text, title } from './card.ts';
import { type PagedCard, pagedCard } from './paging.ts';

export function renderScoreboardCard(view: ScoreboardView, ctx: RenderContext, page = 1): PagedCard {
  // Every unit (paging does the cutting), the rule last.
  const parts = scoreboardParts(view, ctx.locale, Math.max(1, view.rows.length));
  const header: CardElement[] = [title(parts.title)];
  const items: CardElement[] = [];
  const footer: CardElement[] = [];
  if (parts.empty !== null) {
    header.push(text(parts.empty));
  } else {
    header.push(text(parts.asOf, { isSubtle: true, spacing: 'None' }));
    for (const line of parts.ranking) items.push(text(line, { spacing: 'Small' }));
    footer.push(text(parts.rule, { isSubtle: true, size: 'Small', separator: true, spacing: 'Medium' }));
  }
  return pagedCard(ctx, header, items, {
    page,
    footer,
    nav: (p) => ({ verb: 'view.page', view: 'scoreboard', period: view.period.key, page: p }),
  });
}
