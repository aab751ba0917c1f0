/**
 * Views as Adaptive Cards: one renderer per view kind under `cards/`, all pure. Lists come paged
 * (`page`, 1-based); forms and reminders need the card instance id their consuming buttons carry.
 */
import type { View } from '../../app/views.ts';
import type { Locale } from '../../domain/roles.ts';
import { renderContext } from '../../presentation/context.ts';
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

export function renderCard(view: View, locale: Locale, options: RenderOptions): AdaptiveCard {
  const ctx = renderContext(locale, options.timeZone);
  const page = options.page ?? 1;
  switch (view.kind) {
    case 'help':
      return renderHelpCard(view, ctx);
    case 'notice':
      return renderNoticeCard(view, ctx);
    case 'my-tasks':
      return renderMyTasksCard(view, ctx, page).card;
    case 'report-form':
      return renderReportFormCard(view, ctx, {
        cardId: options.cardId,
        ...(options.draft ? { draft: options.draft } : {}),
        ...(options.reminder ? { reminder: options.reminder } : {}),
      });
    case 'report-saved':
      return renderReportSavedCard(view, ctx);
    case 'summary':
      return renderSummaryCard(view, ctx, page).card;
    case 'overdue':
      return renderOverdueCard(view, ctx, page).card;
    case 'meeting':
      return renderMeetingCard(view, ctx);
    case 'members':
      return renderMembersCard(view, ctx, page).card;
    case 'reminder':
      return renderReminderCard(view, ctx, options.cardId);
    case 'scoreboard':
      return renderScoreboardCard(view, ctx, page).card;
    case 'file':
      // The caption and the chart; the bot sends the document itself (see teams-bot.ts).
      return renderFileCard(view, ctx);
  }
}
