/**
 * The status form as a modal: task (limited to the tasks the member may report on), status, percent,
 * what was done, blockers and requests (kiến nghị), evidence link; pre-filled from this period's report
 * when editing. Field errors go back with `response_action: "errors"` on the block ids of `BLOCKS`.
 */
import type { InputBlock, ModalView, PlainTextOption } from '@slack/types';
import type { ReportFormView } from '../../../app/views.ts';
import { type FieldError, type ReportField, STATUSES } from '../../../domain/report.ts';
import { statusLabel } from '../../../i18n/index.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { ACTIONS, BLOCKS, CALLBACKS, INPUTS } from '../ids.ts';
import { encodeMeta, type ModalMeta } from '../metadata.ts';
import { clip, context, esc, type KnownBlock, LIMITS, oneLine, option, plain, section } from './kit.ts';

/** Which input block shows the error of each field of a report. */
export const FIELD_BLOCKS: Record<ReportField, string> = {
  status: BLOCKS.status,
  percent: BLOCKS.percent,
  done: BLOCKS.done,
  blockers: BLOCKS.blockers,
  evidenceUrl: BLOCKS.evidence,
};

export function taskOption(choice: ReportFormView['choices'][number]): PlainTextOption {
  return option(`${choice.code} — ${oneLine(choice.content)}`, String(choice.taskId));
}

export function reportModal(form: ReportFormView, meta: ModalMeta, ctx: RenderContext): ModalView {
  const chosen = form.choices.find((c) => c.taskId === form.taskId) ?? null;
  const current = chosen ? form.current : null;
  const blocks: KnownBlock[] = [
    context(
      esc(ctx.t('slack.form.context', { period: ctx.period(form.period), unit: form.viewer.unitCode })),
    ),
    ...periodInput(form, ctx),
    taskInput(form, chosen, ctx),
  ];
  if (chosen) {
    blocks.push(section(esc(clip(oneLine(chosen.content), 1500))));
    blocks.push(
      context(
        esc(
          current
            ? ctx.t('report.form.current', {
                date: ctx.dateTime(current.updatedAt),
                member: current.memberName,
              })
            : ctx.t('report.form.new'),
        ),
      ),
    );
  }
  const status = statusInput(current, ctx);
  const percent = percentInput(current, ctx);
  blocks.push(
    status,
    percent,
    textInput(
      BLOCKS.done,
      INPUTS.done,
      ctx.t('field.done'),
      ctx.t('slack.form.done_placeholder'),
      current?.done,
      false,
    ),
    textInput(
      BLOCKS.blockers,
      INPUTS.blockers,
      ctx.t('field.blockers'),
      ctx.t('slack.form.blockers_placeholder'),
      current?.blockers,
      true,
    ),
    evidenceInput(BLOCKS.evidence, INPUTS.evidence, ctx.t('field.evidenceUrl'), ctx, current?.evidenceUrl),
    evidenceFilesInput(ctx),
  );
  return formModal(ctx, {
    callbackId: CALLBACKS.report,
    titleKey: 'slack.modal.report_title',
    closeKey: 'slack.modal.cancel',
    meta: { ...meta, task: form.taskId, period: form.period.key },
    blocks,
  });
}

/** A modal with a form: its title, "Gửi" and a close button (cancel or skip), the meta it carries back. */
export function formModal(
  ctx: RenderContext,
  form: { callbackId: string; titleKey: string; closeKey: string; meta: ModalMeta; blocks: KnownBlock[] },
): ModalView {
  return {
    type: 'modal',
    callback_id: form.callbackId,
    title: plain(ctx.t(form.titleKey), LIMITS.modalTitle),
    submit: plain(ctx.t('slack.modal.submit'), LIMITS.modalButton),
    close: plain(ctx.t(form.closeKey), LIMITS.modalButton),
    private_metadata: encodeMeta(form.meta),
    blocks: form.blocks,
  };
}

type Current = ReportFormView['current'];

function statusInput(current: Current, ctx: RenderContext): InputBlock {
  const statusOptions = STATUSES.map((status) => option(statusLabel(ctx.locale, status), status));
  return {
    type: 'input',
    block_id: BLOCKS.status,
    label: plain(ctx.t('field.status'), LIMITS.inputLabel),
    element: {
      type: 'static_select',
      action_id: INPUTS.status,
      placeholder: plain(ctx.t('slack.form.status_placeholder'), LIMITS.placeholder),
      options: statusOptions,
      ...(current ? { initial_option: statusOptions[STATUSES.indexOf(current.status)] } : {}),
    },
  };
}

function percentInput(current: Current, ctx: RenderContext): InputBlock {
  return {
    type: 'input',
    block_id: BLOCKS.percent,
    label: plain(`${ctx.t('field.percent')} (%)`, LIMITS.inputLabel),
    hint: plain(ctx.t('slack.form.percent_hint'), LIMITS.inputHint),
    element: {
      type: 'number_input',
      action_id: INPUTS.percent,
      is_decimal_allowed: false,
      min_value: '0',
      max_value: '100',
      ...(current ? { initial_value: String(current.percent) } : {}),
    },
  };
}

/** Which month, during the grace days only (the month being collected first, and selected). */
function periodInput(form: ReportFormView, ctx: RenderContext): InputBlock[] {
  if (form.periods.length < 2) return [];
  const options = form.periods.map((period) => option(ctx.period(period), period.key));
  const initial = options.find((o) => o.value === form.period.key);
  return [
    {
      type: 'input',
      block_id: BLOCKS.period,
      label: plain(ctx.t('slack.form.period'), LIMITS.inputLabel),
      hint: plain(ctx.t('slack.form.period_hint'), LIMITS.inputHint),
      element: {
        type: 'static_select',
        action_id: INPUTS.period,
        options,
        ...(initial ? { initial_option: initial } : {}),
      },
    },
  ];
}

function taskInput(
  form: ReportFormView,
  chosen: ReportFormView['choices'][number] | null,
  ctx: RenderContext,
): InputBlock {
  const initial = chosen ? { initial_option: taskOption(chosen) } : {};
  // Up to 100 tasks: a static list. More: Slack asks the app for matches as the member types.
  const element =
    form.choices.length <= LIMITS.selectOptions
      ? {
          type: 'static_select' as const,
          action_id: ACTIONS.formTask,
          placeholder: plain(ctx.t('slack.form.task_placeholder'), LIMITS.placeholder),
          options: form.choices.map(taskOption),
          ...initial,
        }
      : {
          type: 'external_select' as const,
          action_id: ACTIONS.formTask,
          placeholder: plain(ctx.t('slack.form.task_search'), LIMITS.placeholder),
          min_query_length: 0,
          ...initial,
        };
  return {
    type: 'input',
    block_id: BLOCKS.task,
    dispatch_action: true,
    label: plain(ctx.t('slack.form.task'), LIMITS.inputLabel),
    element,
  };
}

export function textInput(
  blockId: string,
  actionId: string,
  label: string,
  placeholder: string,
  initial: string | null | undefined,
  optional: boolean,
  maxLength: number = LIMITS.text,
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional,
    label: plain(label, LIMITS.inputLabel),
    element: {
      type: 'plain_text_input',
      action_id: actionId,
      multiline: true,
      max_length: maxLength,
      placeholder: plain(placeholder, LIMITS.placeholder),
      ...(initial ? { initial_value: [...initial].slice(0, maxLength).join('') } : {}),
    },
  };
}

export function evidenceInput(
  blockId: string,
  actionId: string,
  label: string,
  ctx: RenderContext,
  initial?: string | null,
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: true,
    label: plain(label, LIMITS.inputLabel),
    element: {
      type: 'url_text_input',
      action_id: actionId,
      placeholder: plain(ctx.t('slack.form.evidence_placeholder'), LIMITS.placeholder),
      ...(initial ? { initial_value: initial } : {}),
    },
  };
}

/** Evidence files (PDF, DOCX, XLSX, pictures): checked again by content on the server, whatever Slack lets through. */
export function evidenceFilesInput(ctx: RenderContext): InputBlock {
  return {
    type: 'input',
    block_id: BLOCKS.evidenceFiles,
    optional: true,
    label: plain(ctx.t('slack.form.evidence_files'), LIMITS.inputLabel),
    hint: plain(ctx.t('slack.form.evidence_files_hint'), LIMITS.inputHint),
    element: {
      type: 'file_input',
      action_id: INPUTS.evidenceFiles,
      filetypes: ['pdf', 'docx', 'xlsx', 'png', 'jpg', 'jpeg'],
      max_files: 5,
    },
  };
}

/** Field errors as `response_action: "errors"` wants them: block id → message in the member's language. */
export function fieldErrors(
  errors: FieldError[],
  ctx: RenderContext,
  blocks = FIELD_BLOCKS,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const block = blocks[error.field];
    const message = ctx.tl(error.key, error.params);
    out[block] = out[block] ? `${out[block]} ${message}` : message;
  }
  return out;
}
