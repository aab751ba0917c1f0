/**
 * The report form as an Adaptive Card (task picker limited to the tasks the viewer may report on,
 * status, percent, what was done, blockers, evidence link) and the confirmation that replaces it.
 * Errors of a submission come back on the form, beside their fields, with what the member typed kept.
 */
import type { LatestReportView, ReportFormView, ReportSavedView } from '../../../app/views.ts';
import type { FieldError, ReportField } from '../../../domain/report.ts';
import { MAX_TEXT_CHARS, STATUSES } from '../../../domain/report.ts';
import { statusLabel } from '../../../i18n/index.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { reportSavedText } from '../../../presentation/sentences.ts';
import { FORM_INPUTS, type ReminderRef } from '../actions.ts';
import {
  type AdaptiveCard,
  adaptiveCard,
  type CardAction,
  type CardElement,
  execute,
  text,
  title,
  truncate,
} from './card.ts';

/** What the member typed, kept when the form comes back with errors. */
export interface FormDraft {
  task?: string;
  status?: string;
  percent?: string;
  done?: string;
  blockers?: string;
  evidenceUrl?: string;
  /** The month chosen (during the grace days). */
  period?: string;
}

export interface FormOptions {
  cardId: string;
  draft?: FormDraft;
  /** The reminder the form was opened from: "Quay lại" returns to it, the confirmation continues it. */
  reminder?: ReminderRef;
}

/** Characters of a task's content in the picker. */
const CHOICE_MAX = 110;

export function renderReportFormCard(
  view: ReportFormView,
  ctx: RenderContext,
  options: FormOptions,
): AdaptiveCard {
  const draft = options.draft ?? {};
  const chosen = draft.task ?? (view.taskId === null ? undefined : String(view.taskId));
  const task = view.choices.find((c) => String(c.taskId) === chosen) ?? null;
  const current = task && task.taskId === view.taskId ? view.current : null;
  const errors = new FieldErrors(view, ctx);
  const body: CardElement[] = [
    ...formHeader(view, task, current, ctx),
    ...choiceInputs(view, task, current, draft, ctx, errors),
    ...textInputs(current, draft, ctx, errors),
  ];
  return adaptiveCard(ctx, body, formActions(view, options, ctx));
}

type Choice = ReportFormView['choices'][number];

/** A submission's errors, looked up by field: as a message, and as a line under the field. */
class FieldErrors {
  constructor(
    private readonly view: ReportFormView,
    private readonly ctx: RenderContext,
  ) {}

  text(field: ReportField): string | undefined {
    const error: FieldError | undefined = this.view.errors.find((e) => e.field === field);
    return error ? this.ctx.tl(error.key, error.params) : undefined;
  }

  below(field: ReportField): CardElement[] {
    const message = this.text(field);
    return message ? [text(`✗ ${message}`, { color: 'Attention', size: 'Small', spacing: 'None' })] : [];
  }
}

/** The title, the task's content, the report it replaces and the list of errors. */
function formHeader(
  view: ReportFormView,
  task: Choice | null,
  current: LatestReportView | null,
  ctx: RenderContext,
): CardElement[] {
  const body: CardElement[] = [
    title(
      task
        ? ctx.t('report.form.title', { code: task.code, period: ctx.period(view.period) })
        : ctx.t('report.form.pick', { period: ctx.period(view.period) }),
    ),
  ];
  if (task) body.push(text(truncate(task.content, 400), { spacing: 'Small' }));
  body.push(...currentLines(current, task !== null, ctx));
  if (view.errors.length > 0) {
    body.push(text(ctx.t('report.form.errors'), { color: 'Attention', weight: 'Bolder' }));
    for (const error of view.errors) {
      body.push(
        text(
          `- ${ctx.t('teams.form.field_error', { field: ctx.t(`field.${error.field}`), message: ctx.tl(error.key, error.params) })}`,
          {
            color: 'Attention',
            spacing: 'None',
          },
        ),
      );
    }
  }

  return body;
}

/** The task picker and the status. */
function choiceInputs(
  view: ReportFormView,
  task: Choice | null,
  current: LatestReportView | null,
  draft: FormDraft,
  ctx: RenderContext,
  errors: FieldErrors,
): CardElement[] {
  const statusValue = draft.status ?? current?.status;
  return [
    ...periodInput(view, draft, ctx),
    {
      type: 'Input.ChoiceSet',
      id: FORM_INPUTS.task,
      label: ctx.t('teams.form.task'),
      style: 'compact',
      isRequired: true,
      errorMessage: ctx.t('teams.form.task_required'),
      placeholder: ctx.t('teams.form.task_placeholder'),
      choices: view.choices.map((c) => ({
        title: `[${c.code}] ${truncate(c.content, CHOICE_MAX)}`,
        value: String(c.taskId),
      })),
      ...(task ? { value: String(task.taskId) } : {}),
    },
    {
      type: 'Input.ChoiceSet',
      id: FORM_INPUTS.status,
      label: ctx.t('field.status'),
      style: 'compact',
      isRequired: true,
      errorMessage: errors.text('status') ?? ctx.t('teams.form.status_required'),
      placeholder: ctx.t('teams.form.status_placeholder'),
      choices: STATUSES.map((status) => ({ title: statusLabel(ctx.locale, status), value: status })),
      ...(statusValue && (STATUSES as readonly string[]).includes(statusValue) ? { value: statusValue } : {}),
    },
    ...errors.below('status'),
  ];
}

/** Which month, during the grace days only (the month being collected first, and chosen). */
function periodInput(view: ReportFormView, draft: FormDraft, ctx: RenderContext): CardElement[] {
  if (view.periods.length < 2) return [];
  const keys = view.periods.map((period) => period.key);
  const chosen = draft.period && keys.includes(draft.period) ? draft.period : view.period.key;
  return [
    {
      type: 'Input.ChoiceSet',
      id: FORM_INPUTS.period,
      label: ctx.t('teams.form.period'),
      style: 'compact',
      isRequired: true,
      choices: view.periods.map((period) => ({ title: ctx.period(period), value: period.key })),
      value: chosen,
    },
  ];
}

/** Percent, what was done, blockers and the evidence link, with what the member typed. */
function textInputs(
  current: LatestReportView | null,
  draft: FormDraft,
  ctx: RenderContext,
  errors: FieldErrors,
): CardElement[] {
  const percentValue = draft.percent ?? (current ? String(current.percent) : undefined);
  const percent =
    percentValue !== undefined && /^\s*\d{1,3}\s*$/.test(percentValue) ? Number(percentValue) : undefined;
  return [
    {
      type: 'Input.Number',
      id: FORM_INPUTS.percent,
      label: `${ctx.t('field.percent')} (%)`,
      min: 0,
      max: 100,
      isRequired: true,
      errorMessage: errors.text('percent') ?? ctx.t('report.error.percent_range'),
      placeholder: ctx.t('teams.form.percent_placeholder'),
      ...(percent !== undefined ? { value: percent } : {}),
    },
    ...errors.below('percent'),
    {
      type: 'Input.Text',
      id: FORM_INPUTS.done,
      label: ctx.t('field.done'),
      isMultiline: true,
      isRequired: true,
      maxLength: MAX_TEXT_CHARS,
      errorMessage: errors.text('done') ?? ctx.t('report.error.done_required'),
      placeholder: ctx.t('teams.form.done_placeholder'),
      ...initialValue(draft.done ?? current?.done),
    },
    ...errors.below('done'),
    {
      type: 'Input.Text',
      id: FORM_INPUTS.blockers,
      label: ctx.t('field.blockers'),
      isMultiline: true,
      maxLength: MAX_TEXT_CHARS,
      placeholder: ctx.t('teams.form.blockers_placeholder'),
      ...(errors.text('blockers') ? { errorMessage: errors.text('blockers') } : {}),
      ...initialValue(draft.blockers ?? current?.blockers),
    },
    ...errors.below('blockers'),
    {
      type: 'Input.Text',
      id: FORM_INPUTS.evidenceUrl,
      label: ctx.t('field.evidenceUrl'),
      style: 'Url',
      maxLength: MAX_TEXT_CHARS,
      placeholder: ctx.t('teams.form.evidence_placeholder'),
      ...(errors.text('evidenceUrl') ? { errorMessage: errors.text('evidenceUrl') } : {}),
      ...initialValue(draft.evidenceUrl ?? current?.evidenceUrl),
    },
    ...errors.below('evidenceUrl'),
  ];
}

/** "Gửi báo cáo", and "Quay lại" to the reminder the form was opened from. */
function formActions(view: ReportFormView, options: FormOptions, ctx: RenderContext): CardAction[] {
  const reminder = options.reminder ? { reminder: options.reminder } : {};
  const actions: CardAction[] = [
    execute(
      ctx.t('teams.action.submit'),
      // The month the card shows goes with it: a card answered after midnight still files there.
      { verb: 'report.submit', cardId: options.cardId, formPeriod: view.period.key, ...reminder },
      { style: 'positive' },
    ),
  ];
  if (options.reminder) {
    actions.push(
      execute(ctx.t('teams.action.back'), { verb: 'reminder.page', reminder: options.reminder, page: 1 }),
    );
  }
  return actions;
}

function initialValue(value: string | null | undefined): { value?: string } {
  return value ? { value: [...value].slice(0, MAX_TEXT_CHARS).join('') } : {};
}

function currentLines(
  current: LatestReportView | null,
  taskChosen: boolean,
  ctx: RenderContext,
): CardElement[] {
  if (!taskChosen) return [];
  if (!current) return [text(ctx.t('report.form.new'), { isSubtle: true })];
  return [
    text(
      ctx.t('report.form.current', { date: ctx.dateTime(current.updatedAt), member: current.memberName }),
      {
        isSubtle: true,
      },
    ),
  ];
}

/** "✓ Đã ghi nhận báo cáo nhiệm vụ 1 kỳ tháng 6/2024: Đang triển khai, 60%." with the task and a late note. */
export function reportSavedBlocks(view: ReportSavedView, ctx: RenderContext): CardElement[] {
  return [
    text(`✓ ${reportSavedText(view, ctx)}`, {
      color: 'Good',
      weight: 'Bolder',
    }),
    text(truncate(view.taskContent, 400), { spacing: 'Small' }),
    ...(view.late ? [text(`! ${ctx.t('report.late_note')}`, { color: 'Warning' })] : []),
  ];
}

export function renderReportSavedCard(view: ReportSavedView, ctx: RenderContext): AdaptiveCard {
  return adaptiveCard(ctx, reportSavedBlocks(view, ctx), [
    execute(ctx.t('teams.action.report_other'), { verb: 'report.open' }),
  ]);
}
