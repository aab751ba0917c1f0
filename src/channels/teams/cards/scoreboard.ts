/**
 * The emulation scoreboard ("xếp hạng"): the lines every channel shows (`scoreboardLines`), one
 * TextBlock a unit, paged when long, with the rule that produced the ranking under it on every page.
 */
import type { ScoreboardView } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { scoreboardLines } from '../../../reports/scoreboard-files.ts';
import { type CardElement, text, title } from './card.ts';
import { type PagedCard, pagedCard } from './paging.ts';

export function renderScoreboardCard(view: ScoreboardView, ctx: RenderContext, page = 1): PagedCard {
  // Every unit (paging does the cutting), the rule last.
  const lines = scoreboardLines(view, ctx.locale, Math.max(1, view.rows.length));
  const [heading = '', ...rest] = lines;
  const header: CardElement[] = [title(heading)];
  const items: CardElement[] = [];
  const footer: CardElement[] = [];
  if (view.rows.length === 0) {
    for (const line of rest.filter((l) => l.trim() !== '')) header.push(text(line));
  } else {
    const [asOf = '', ...body] = rest;
    header.push(text(asOf, { isSubtle: true, spacing: 'None' }));
    const rule = body.at(-1) ?? '';
    for (const line of body.slice(0, -1)) {
      if (line.trim() !== '') items.push(text(line, { spacing: 'Small' }));
    }
    footer.push(text(rule, { isSubtle: true, size: 'Small', separator: true, spacing: 'Medium' }));
  }
  return pagedCard(ctx, header, items, {
    page,
    footer,
    nav: (p) => ({ verb: 'view.page', view: 'scoreboard', period: view.period.key, page: p }),
  });
}
