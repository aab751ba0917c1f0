/**
 * Views as plain text for a terminal: no colours or escape codes, so the output reads the same in a
 * pipe, a log file or a screen reader. One helper per view kind lives under `render/`.
 */
import type { View } from '../../app/views.ts';
import type { Locale } from '../../domain/roles.ts';
import { scoreboardLines } from '../../presentation/scoreboard.ts';
import { type RenderOptions, terminalContext } from './render/context.ts';
import { renderHelp } from './render/help.ts';
import { renderMeeting } from './render/meeting.ts';
import { renderMembers } from './render/members.ts';
import { renderMyTasks } from './render/my-tasks.ts';
import { renderNotice } from './render/notice.ts';
import { renderOverdue } from './render/overdue.ts';
import { renderReminder } from './render/reminder.ts';
import { renderReportForm, renderReportSaved } from './render/report.ts';
import { renderSummary } from './render/summary.ts';

export type { RenderOptions };

/** `view` as text in `locale`, wrapped to `width` (80 by default) characters. No trailing newline. */
export function renderView(view: View, locale: Locale, opts: RenderOptions = {}): string {
  const ctx = terminalContext(locale, opts);
  switch (view.kind) {
    case 'my-tasks':
      return renderMyTasks(view, ctx);
    case 'report-form':
      return renderReportForm(view, ctx);
    case 'report-saved':
      return renderReportSaved(view, ctx);
    case 'summary':
      return renderSummary(view, ctx);
    case 'overdue':
      return renderOverdue(view, ctx);
    case 'meeting':
      return renderMeeting(view, ctx);
    case 'members':
      return renderMembers(view, ctx);
    case 'reminder':
      return renderReminder(view, ctx);
    case 'help':
      return renderHelp(view, ctx);
    case 'notice':
      return renderNotice(view, ctx);
    case 'scoreboard':
      return scoreboardLines(view, locale).join('\n');
    case 'file':
      // The terminal chat saves the file first (terminal-chat.ts) and then shows what it is.
      return view.caption.join('\n');
  }
}
