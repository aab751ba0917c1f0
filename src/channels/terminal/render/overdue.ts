import type { OverdueView } from '../../../app/views.ts';
import type { SummaryData } from '../../../domain/summary.ts';
import { standingLabel } from '../../../i18n/index.ts';
import { leadUnitsText } from '../../../presentation/sentences.ts';
import type { TerminalContext } from './context.ts';
import { blocks, heading, truncate, wrap } from './text.ts';

type OverdueItem = SummaryData['overdue'][number];

/** Task content in lists of several tasks is cut shorter than in a unit's own task list. */
const LIST_CONTENT_MAX = 160;

/** All overdue tasks as of today, most overdue first as the use case sorted them. */
export function renderOverdue(view: OverdueView, ctx: TerminalContext): string {
  const title = heading(ctx.t('overdue.title', { date: ctx.date(view.today) }), ctx.width, '=');
  if (view.items.length === 0) return blocks(title, [ctx.t('overdue.none')]);
  return blocks(
    title,
    view.items.flatMap((item) => overdueItemLines(item, ctx)),
  );
}

/**
 * One overdue task as a list item:
 * "- [BT-01] quá hạn 12 ngày (hạn 03/06/2024) · chủ trì: BT, CNTT · Đang triển khai", then its content.
 */
export function overdueItemLines(item: OverdueItem, ctx: TerminalContext): string[] {
  const facts = [
    `[${item.code}] ${ctx.t('overdue.days', { days: item.daysOverdue, date: ctx.date(item.due) })}`,
    ctx.t('overdue.lead_units', { units: leadUnitsText(item, ctx) }),
    standingLabel(ctx.locale, item.standing),
  ];
  return [
    ...wrap(facts.join(' · '), ctx.width, '  ', '- '),
    ...wrap(truncate(item.content, LIST_CONTENT_MAX), ctx.width, '  '),
  ];
}
