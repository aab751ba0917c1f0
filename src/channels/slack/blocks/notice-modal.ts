/** A modal that only says something (a refusal on a button, an error after a submission). */
import type { ModalView } from '@slack/types';
import type { NoticeView } from '../../../app/views.ts';
import type { SlackContext } from '../i18n.ts';
import { LIMITS, plain } from './kit.ts';
import { renderNotice } from './notice.ts';

export function noticeModal(view: NoticeView, ctx: SlackContext): ModalView {
  return {
    type: 'modal',
    title: plain(ctx.t('slack.modal.app_title'), LIMITS.modalTitle),
    close: plain(ctx.t('slack.modal.close'), LIMITS.modalButton),
    blocks: renderNotice(view, ctx).blocks,
  };
}
