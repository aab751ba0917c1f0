/**
 * What replaces a card after a consuming action (a report sent, "Đã hoàn thành", "Nhắc lại sau"): the
 * confirmation and, when the card came from a reminder, the reminder's tasks the unit still has to
 * report on, with their buttons.
 */
import type { NoticeView, ReminderTask, ReportSavedView } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import type { ReminderRef } from '../actions.ts';
import { type AdaptiveCard, adaptiveCard, type CardElement, execute, sectionTitle, text } from './card.ts';
import { noticeBlock } from './notice.ts';
import { renderReminderTasksCard } from './reminder.ts';
import { reportSavedBlocks } from './report.ts';

export interface Remaining {
  reminder: ReminderRef;
  tasks: ReminderTask[];
}

export function renderOutcomeCard(
  result: ReportSavedView | NoticeView,
  ctx: RenderContext,
  options: { cardId: string; remaining?: Remaining | null },
): AdaptiveCard {
  const blocks: CardElement[] =
    result.kind === 'report-saved' ? reportSavedBlocks(result, ctx) : [noticeBlock(result, ctx)];
  const other = execute(ctx.t('teams.action.report_other'), { verb: 'report.open' });
  const remaining = options.remaining;
  if (!remaining) return adaptiveCard(ctx, blocks, [other]);
  if (remaining.tasks.length === 0) {
    return adaptiveCard(
      ctx,
      [...blocks, text(ctx.t('teams.reminder.all_done'), { spacing: 'Medium' })],
      [other],
    );
  }
  return renderReminderTasksCard(remaining.reminder, remaining.tasks, ctx, {
    cardId: options.cardId,
    header: [...blocks, sectionTitle(ctx.t('teams.reminder.remaining'))],
  }).card;
}
