/** Overdue tasks as of today, most overdue first as the use case sorted them; paged. */

import type { OverdueView } from '../../../app/views.ts';
import type { SummaryData } from '../../../domain/summary.ts';
import { standingLabel } from '../../../i18n/index.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { leadUnitsText } from '../../../presentation/sentences.ts';
import { type CardElement, CONTENT_MAX, container, text, title, truncate } from './card.ts';
import { type PagedCard, pagedCard } from './paging.ts';

type OverdueItem = SummaryData['overdue'][number];

export function renderOverdueCard(view: OverdueView, ctx: RenderContext, page = 1): PagedCard {
  const header: CardElement[] = [title(ctx.t('overdue.title', { date: ctx.date(view.today) }))];
  if (view.items.length === 0) header.push(text(ctx.t('overdue.none')));
  const items = view.items.map((item) => overdueItem(item, ctx));
  return pagedCard(ctx, header, items, {
    page,
    nav: (p) => ({ verb: 'view.page', view: 'overdue', page: p }),
  });
}

/** "[BT-01] quá hạn 12 ngày (hạn 03/06/2024) · chủ trì: BT, CNTT · Đang triển khai", then its content. */
export function overdueItem(item: OverdueItem, ctx: RenderContext): CardElement {
  const facts = [
    `[${item.code}] ${ctx.t('overdue.days', { days: item.daysOverdue, date: ctx.date(item.due) })}`,
    ctx.t('overdue.lead_units', { units: leadUnitsText(item, ctx) }),
    standingLabel(ctx.locale, item.standing),
  ];
  return container(
    [
      text(facts.join(' · '), { weight: 'Bolder', color: 'Attention' }),
      text(truncate(item.content, CONTENT_MAX), { size: 'Small', spacing: 'None' }),
    ],
    { spacing: 'Small' },
  );
}
