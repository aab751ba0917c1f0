/**
 * Views as Adaptive Cards: one renderer per view kind under `cards/`, all pure. Lists come paged
 * (`page`, 1-based); forms and reminders need the card instance id their consuming buttons carry.
 */
import type { View } from '../../app/views.ts';
import type { Locale } from '../../domain/roles.ts';
import { type RenderContext, renderContext } from '../../presentation/context.ts';
import { renderWith, type ViewRenderers } from '../../presentation/renderers.ts';
import type { ReminderRef } from './actions.ts';
import type { AdaptiveCard } from './cards/card.ts';
import { renderFileCard } from './cards/file.ts';
import { renderHelpCard } from './cards/help.ts';
import { renderMeetingCard } from './cards/meeting.ts';
import { renderMembersCard } from './cards/members.ts';
import { renderMyTasksCard } from './cards/my-tasks.ts';
import { renderNoticeCard } from './cards/notice.ts';
import { renderOverdueCard } from './cards/overdue.ts';
import { renderReminderCard } from './cards/reminder.ts';
import { type FormDraft, renderReportFormCard, renderReportSavedCard } from './cards/report.ts';
import { renderScoreboardCard } from './cards/scoreboard.ts';
import { renderSummaryCard } from './cards/summary.ts';

export interface RenderOptions {
  /** The card instance id consuming buttons carry (duplicate submits are recognised by it). */
  cardId: string;
  page?: number;
  timeZone?: string;
  /** A form coming back with errors keeps what was typed. */
  draft?: FormDraft;
  /** The reminder a form was opened from. */
  reminder?: ReminderRef;
}

/** The render context with the paging and the card options. */
interface CardRenderContext extends RenderContext {
  page: number;
  options: RenderOptions;
}

const RENDERERS: ViewRenderers<CardRenderContext, AdaptiveCard> = {
  help: renderHelpCard,
  notice: renderNoticeCard,
  'my-tasks': (view, ctx) => renderMyTasksCard(view, ctx, ctx.page).card,
  'report-form': (view, ctx) =>
    renderReportFormCard(view, ctx, {
      cardId: ctx.options.cardId,
      ...(ctx.options.draft ? { draft: ctx.options.draft } : {}),
      ...(ctx.options.reminder ? { reminder: ctx.options.reminder } : {}),
    }),
  'report-saved': renderReportSavedCard,
  summary: (view, ctx) => renderSummaryCard(view, ctx, ctx.page).card,
  overdue: (view, ctx) => renderOverdueCard(view, ctx, ctx.page).card,
  meeting: renderMeetingCard,
  members: (view, ctx) => renderMembersCard(view, ctx, ctx.page).card,
  reminder: (view, ctx) => renderReminderCard(view, ctx, ctx.options.cardId),
  scoreboard: (view, ctx) => renderScoreboardCard(view, ctx, ctx.page).card,
  // The caption and the chart; the bot sends the document itself (see teams-bot.ts).
  file: renderFileCard,
};

export function renderCard(view: View, locale: Locale, options: RenderOptions): AdaptiveCard {
  const ctx = { ...renderContext(locale, options.timeZone), page: options.page ?? 1, options };
  return renderWith(RENDERERS, view, ctx);
}
