/**
 * A modal that only says something: the confirmation that replaces a submitted form, a refusal on a
 * button, an error after a submission. Its one button closes it.
 */
import type { ModalView } from '@slack/types';
import type { NoticeView } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { LIMITS, plain } from './kit.ts';
import { renderNotice } from './notice.ts';
import type { Rendered } from './types.ts';

export function messageModal(message: Rendered, ctx: RenderContext): ModalView {
  return {
    type: 'modal',
    title: plain(ctx.t('slack.modal.app_title'), LIMITS.modalTitle),
    close: plain(ctx.t('slack.modal.close'), LIMITS.modalButton),
    blocks: message.blocks.slice(0, LIMITS.viewBlocks),
  };
}

export function noticeModal(view: NoticeView, ctx: RenderContext): ModalView {
  return messageModal(renderNotice(view, ctx), ctx);
}
