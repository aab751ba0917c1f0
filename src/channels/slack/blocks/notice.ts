/** A sentence for the user (a refusal, a confirmation), its parameters in words. */
import type { NoticeView } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { TONE_MARKS } from './common.ts';
import { esc, type KnownBlock, section } from './kit.ts';
import type { Rendered } from './types.ts';

export function noticeText(view: NoticeView, ctx: RenderContext): string {
  return ctx.tl(view.key, view.params);
}

export function renderNotice(view: NoticeView, ctx: RenderContext): Rendered {
  const text = noticeText(view, ctx);
  const blocks: KnownBlock[] = [section(`${TONE_MARKS[view.tone]} ${esc(text)}`)];
  return { text, blocks };
}
