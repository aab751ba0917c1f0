/**
 * The two small modals of the reminder buttons: after "Đã hoàn thành", the product link (optional;
 * its submission calls markDone again with the URL); after "Nhắc lại sau", a day and a reason.
 */
import type { InputBlock, ModalView } from '@slack/types';
import type { ReportSavedView } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { reportSavedText } from '../../../presentation/sentences.ts';
import { BLOCKS, CALLBACKS, INPUTS } from '../ids.ts';
import type { ModalMeta } from '../metadata.ts';
import { TONE_MARKS } from './common.ts';
import { clip, esc, LIMITS, oneLine, plain, section } from './kit.ts';
import { evidenceInput, formModal, textInput } from './report-modal.ts';

export function doneLinkModal(saved: ReportSavedView, meta: ModalMeta, ctx: RenderContext): ModalView {
  return formModal(ctx, {
    callbackId: CALLBACKS.doneLink,
    titleKey: 'slack.modal.done_title',
    closeKey: 'slack.modal.skip',
    meta: { ...meta, period: saved.period.key },
    blocks: [
      section(`${TONE_MARKS.success} ${esc(reportSavedText(saved, ctx))}`),
      section(esc(ctx.t('slack.done.link_prompt'))),
      evidenceInput(BLOCKS.doneLink, INPUTS.doneLink, ctx.t('slack.done.link_label'), ctx),
    ],
  });
}

export interface SnoozeTask {
  taskId: number;
  code: string;
  content: string;
}

/** `suggested`: the day the date picker opens on (a week from today). */
export function snoozeModal(
  task: SnoozeTask,
  suggested: string,
  meta: ModalMeta,
  ctx: RenderContext,
): ModalView {
  const until: InputBlock = {
    type: 'input',
    block_id: BLOCKS.snoozeUntil,
    label: plain(ctx.t('slack.snooze.until'), LIMITS.inputLabel),
    element: { type: 'datepicker', action_id: INPUTS.snoozeUntil, initial_date: suggested },
  };
  return formModal(ctx, {
    callbackId: CALLBACKS.snooze,
    titleKey: 'slack.modal.snooze_title',
    closeKey: 'slack.modal.cancel',
    meta: { ...meta, task: task.taskId },
    blocks: [
      section(`*[${esc(task.code)}]* ${esc(clip(oneLine(task.content), 1500))}`),
      section(esc(ctx.t('slack.snooze.intro', { code: task.code }))),
      until,
      textInput(
        BLOCKS.snoozeReason,
        INPUTS.snoozeReason,
        ctx.t('slack.snooze.reason'),
        ctx.t('slack.snooze.reason_placeholder'),
        null,
        true,
        500,
      ),
    ],
  });
}
