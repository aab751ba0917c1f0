import type { NoticeView } from '../../../app/views.ts';
import type { TerminalContext } from './context.ts';
import { wrap } from './text.ts';

/** Plain characters, so a notice's tone survives a pipe and a screen reader. */
export const TONE_MARKS: Record<NoticeView['tone'], string> = {
  info: '',
  success: '✓',
  warning: '!',
  error: '✗',
};

/** A sentence for the user, its parameters in words (period keys, days, status codes localized). */
export function renderNotice(view: NoticeView, ctx: TerminalContext): string {
  return markedLines(TONE_MARKS[view.tone], ctx.tl(view.key, view.params), ctx.width).join('\n');
}

/** `text` wrapped under a mark: "✓ Đã ghi nhận…" with the following lines indented to the text. */
export function markedLines(mark: string, text: string, width: number): string[] {
  if (mark === '') return wrap(text, width);
  const indent = ' '.repeat(mark.length + 1);
  return wrap(text, width, indent, `${mark} `);
}
