/**
 * Overdue tasks as of today, most overdue first. Tasks the viewer's unit leads carry the three task
 * buttons, so an overdue alert is acted on where it is read.
 */

import type { OverdueView, Viewer } from '../../../app/views.ts';
import type { SummaryData } from '../../../domain/summary.ts';
import { standingLabel } from '../../../i18n/index.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { leadUnitsText } from '../../../presentation/sentences.ts';
import { taskButtons, taskLine } from './common.ts';
import { esc, header, type KnownBlock, section, sections } from './kit.ts';
import type { Rendered } from './types.ts';

type OverdueItem = SummaryData['overdue'][number];

/** "quá hạn 12 ngày (hạn 03/06/2024) · chủ trì: BT, CNTT · Đang triển khai", escaped. */
export function overdueFacts(item: OverdueItem, ctx: RenderContext): string {
  return esc(
    [
      ctx.t('overdue.days', { days: item.daysOverdue, date: ctx.date(item.due) }),
      ctx.t('overdue.lead_units', { units: leadUnitsText(item, ctx) }),
      standingLabel(ctx.locale, item.standing),
    ].join(' · '),
  );
}

export function renderOverdue(view: OverdueView, ctx: RenderContext): Rendered {
  const title = ctx.t('overdue.title', { date: ctx.date(view.today) });
  const blocks: KnownBlock[] = [header(title)];
  if (view.items.length === 0) {
    blocks.push(section(esc(ctx.t('overdue.none'))));
    return { text: `${title}: ${ctx.t('overdue.none')}`, blocks };
  }
  const own = (item: OverdueItem) => leadsTask(view.viewer, item);
  const others: string[] = [];
  const flushOthers = () => {
    blocks.push(...sections(others.splice(0)));
  };
  for (const item of view.items) {
    const lines = `${taskLine(item.code, item.content, 200)}\n${overdueFacts(item, ctx)}`;
    if (!own(item)) {
      others.push(lines);
      continue;
    }
    flushOthers();
    blocks.push(section(lines), taskButtons(item.taskId, item.code, ctx));
  }
  flushOthers();
  return { text: `${title} (${view.items.length})`, blocks };
}

function leadsTask(viewer: Viewer, item: OverdueItem): boolean {
  return item.leadUnits.includes(viewer.unitCode);
}
