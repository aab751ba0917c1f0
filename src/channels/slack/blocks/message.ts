/**
 * Any view as a Slack message, and paging: Slack takes at most 50 blocks in a message, so a longer
 * reply is cut into pages, each but the last ending with a "Xem thêm" path.
 */
import type { View } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { renderWith, type ViewRenderers } from '../../../presentation/renderers.ts';
import { renderFile } from './file.ts';
import { renderHelp } from './help.ts';
import { clip, type KnownBlock, LIMITS } from './kit.ts';
import { renderMeeting } from './meeting.ts';
import { renderMembers } from './members.ts';
import { renderMyTasks } from './my-tasks.ts';
import { renderNotice } from './notice.ts';
import { renderOverdue } from './overdue.ts';
import { renderReminder } from './reminder.ts';
import { renderReportFormMessage } from './report-form-message.ts';
import { renderReportSaved } from './report-saved.ts';
import { renderScoreboard } from './scoreboard.ts';
import { renderSummary } from './summary.ts';
import type { Rendered } from './types.ts';

export type { Rendered };

/** The whole view as one list of blocks (may exceed a message's limit: page it with `paginate`). */
export function renderMessage(view: View, ctx: RenderContext): Rendered {
  const rendered = renderWith(RENDERERS, view, ctx);
  return { text: clip(rendered.text, LIMITS.fallbackText), blocks: rendered.blocks };
}

const RENDERERS: ViewRenderers<RenderContext, Rendered> = {
  'my-tasks': renderMyTasks,
  'report-form': renderReportFormMessage,
  'report-saved': renderReportSaved,
  summary: renderSummary,
  overdue: renderOverdue,
  meeting: renderMeeting,
  members: renderMembers,
  reminder: renderReminder,
  help: renderHelp,
  file: renderFile,
  scoreboard: renderScoreboard,
  notice: renderNotice,
};

export interface PageOptions {
  /** Blocks per page, the footer included (50 for messages, 100 for views). */
  maxBlocks?: number;
  /** The footer of page `page` (1-based) of `pages`, pointing to the next one. */
  footer: (page: number, pages: number) => KnownBlock;
}

/**
 * `rendered` cut into pages of at most `maxBlocks` blocks, each page but the last ending with
 * `footer`. A task's section is never separated from its row of buttons. Page texts after the first
 * say which page they are.
 */
export function paginate(rendered: Rendered, options: PageOptions): Rendered[] {
  const max = options.maxBlocks ?? LIMITS.messageBlocks;
  if (rendered.blocks.length <= max) return [rendered];
  const room = max - 1;
  const chunks: KnownBlock[][] = [];
  let current: KnownBlock[] = [];
  for (let i = 0; i < rendered.blocks.length; i++) {
    const block = rendered.blocks[i]!;
    const next = rendered.blocks[i + 1];
    const pair =
      block.type === 'section' && next?.type === 'actions' && next.block_id?.startsWith('task_actions:');
    const needed = pair ? 2 : 1;
    if (current.length + needed > room) {
      chunks.push(current);
      current = [];
    }
    current.push(block);
    if (pair) {
      current.push(next);
      i++;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks.map((blocks, index) => {
    const page = index + 1;
    const last = page === chunks.length;
    return {
      text:
        page === 1
          ? rendered.text
          : clip(`${rendered.text.split('\n')[0]} (${page}/${chunks.length})`, LIMITS.fallbackText),
      blocks: last ? blocks : [...blocks, options.footer(page, chunks.length)],
    };
  });
}
