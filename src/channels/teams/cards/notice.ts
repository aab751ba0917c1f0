/** A sentence for the user (a refusal, a confirmation, an error) as a card, coloured by its tone. */
import type { NoticeView } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import {
  type AdaptiveCard,
  adaptiveCard,
  type CardAction,
  type CardElement,
  TONE_COLORS,
  TONE_MARKS,
  text,
} from './card.ts';

/** The notice's sentence, parameters in words (period keys, days, status codes localized). */
export function noticeText(view: NoticeView, ctx: RenderContext): string {
  return `${TONE_MARKS[view.tone]}${ctx.tl(view.key, view.params)}`;
}

export function noticeBlock(view: NoticeView, ctx: RenderContext): CardElement {
  return text(noticeText(view, ctx), {
    color: TONE_COLORS[view.tone],
    ...(view.tone === 'info' ? {} : { weight: 'Bolder' as const }),
  });
}

export function renderNoticeCard(
  view: NoticeView,
  ctx: RenderContext,
  more: CardElement[] = [],
  actions: CardAction[] = [],
): AdaptiveCard {
  return adaptiveCard(ctx, [noticeBlock(view, ctx), ...more], actions);
}
