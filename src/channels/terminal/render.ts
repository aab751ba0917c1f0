/**
 * Views as plain text for a terminal: no colours or escape codes, so the output reads the same in a
 * pipe, a log file or a screen reader. One helper per view kind lives under `render/`,
 * mapped by kind in `RENDERERS`.
 */
import type { View } from '../../app/views.ts';
import type { Locale } from '../../domain/roles.ts';
import { renderWith, type ViewRenderers } from '../../presentation/renderers.ts';
import { scoreboardLines } from '../../presentation/scoreboard.ts';
import { type RenderOptions, type TerminalContext, terminalContext } from './render/context.ts';
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

const RENDERERS: ViewRenderers<TerminalContext, string> = {
  'my-tasks': renderMyTasks,
  'report-form': renderReportForm,
  'report-saved': renderReportSaved,
  summary: renderSummary,
  overdue: renderOverdue,
  meeting: renderMeeting,
  members: renderMembers,
  reminder: renderReminder,
  help: renderHelp,
  notice: renderNotice,
  scoreboard: (view, ctx) => scoreboardLines(view, ctx.locale).join('\n'),
  // The terminal chat saves the file first (terminal-chat.ts) and then shows what it is.
  file: (view) => view.caption.join('\n'),
};

/** `view` as text in `locale`, wrapped to `width` (80 by default) characters. No trailing newline. */
export function renderView(view: View, locale: Locale, opts: RenderOptions = {}): string {
  return renderWith(RENDERERS, view, terminalContext(locale, opts));
}
