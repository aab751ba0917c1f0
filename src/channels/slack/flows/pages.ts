/** A reply cut into pages, each but the last ending with "Xem thêm" that brings the next one. */
import type { View } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { actions, button, context, esc, LIMITS } from '../blocks/kit.ts';
import { paginate, type Rendered, renderMessage } from '../blocks/message.ts';
import { ACTIONS } from '../ids.ts';

/** What the "Xem thêm" button carries: the command to run again and the page to show. */
export interface MorePayload {
  c: string;
  p: number;
}

export function parseMore(value: string | undefined): MorePayload | null {
  try {
    const parsed = JSON.parse(value ?? '') as Partial<MorePayload>;
    if (typeof parsed.c !== 'string' || typeof parsed.p !== 'number' || !Number.isInteger(parsed.p))
      return null;
    return { c: parsed.c, p: Math.max(1, parsed.p) };
  } catch {
    return null;
  }
}

/** The pages of a command's answer; `command` is what was typed, to run again for the next page. */
export function replyPages(rendered: Rendered, ctx: RenderContext, command: string): Rendered[] {
  return paginate(rendered, {
    footer: (page, pages) => {
      const value = JSON.stringify({ c: command, p: page + 1 } satisfies MorePayload);
      if (value.length > LIMITS.buttonValue) {
        return context(esc(ctx.t('slack.more.page', { page, pages })));
      }
      const label = `${ctx.t('slack.button.more')} (${page + 1}/${pages})`;
      return actions([button(label, ACTIONS.more, value)]);
    },
  });
}

/** Pages of a proactive message: no button (nothing to run again), each page says where it is. */
export function messagePages(view: View, ctx: RenderContext): Rendered[] {
  return paginate(renderMessage(view, ctx), {
    footer: (page, pages) => context(esc(ctx.t('slack.more.page', { page, pages }))),
  });
}
