import type { LatestReportView, ReportFormView, ReportSavedView } from '../../../app/views.ts';
import { statusLabel } from '../../../i18n/index.ts';
import { reportSavedText } from '../../../presentation/sentences.ts';
import type { TerminalContext } from './context.ts';
import { markedLines, TONE_MARKS } from './notice.ts';
import { blocks, heading, truncate, wrap } from './text.ts';

const CONTENT_MAX = 160;

/**
 * The report form as text: the task picker when no task is chosen yet, otherwise the task, the
 * values on file for this period and the errors of the last submission. The terminal then asks the
 * fields one by one.
 */
export function renderReportForm(view: ReportFormView, ctx: TerminalContext): string {
  const errors = errorLines(view, ctx);
  const task = view.taskId === null ? null : view.choices.find((c) => c.taskId === view.taskId);
  if (view.taskId === null) {
    if (view.choices.length === 0)
      return blocks(wrap(ctx.t('report.no_tasks', { unit: view.viewer.unitName }), ctx.width), errors);
    const choices = view.choices.flatMap((c) =>
      wrap(`[${c.code}] ${truncate(c.content, CONTENT_MAX)}`, ctx.width, '  ', '- '),
    );
    return blocks(
      heading(ctx.t('report.form.pick', { period: ctx.period(view.period) }), ctx.width, '='),
      choices,
      errors,
    );
  }
  const code = task?.code ?? `#${view.taskId}`;
  return blocks(
    heading(ctx.t('report.form.title', { code, period: ctx.period(view.period) }), ctx.width, '='),
    task ? wrap(truncate(task.content, CONTENT_MAX), ctx.width) : null,
    currentLines(view.current, ctx),
    errors,
  );
}

function currentLines(current: LatestReportView | null, ctx: TerminalContext): string[] {
  if (!current) return wrap(ctx.t('report.form.new'), ctx.width);
  const empty = ctx.t('report.form.empty_value');
  const field = (key: string, value: string | null) =>
    wrap(`${ctx.t(key)}: ${value ?? empty}`, ctx.width, '    ', '  ');
  return [
    ...wrap(
      ctx.t('report.form.current', { date: ctx.dateTime(current.updatedAt), member: current.memberName }),
      ctx.width,
    ),
    ...field('field.status', statusLabel(ctx.locale, current.status)),
    ...field('field.percent', `${current.percent}%`),
    ...field('field.done', current.done),
    ...field('field.blockers', current.blockers),
    ...field('field.evidenceUrl', current.evidenceUrl),
  ];
}

function errorLines(view: ReportFormView, ctx: TerminalContext): string[] {
  if (view.errors.length === 0) return [];
  return [
    ctx.t('report.form.errors'),
    ...view.errors.flatMap((e) =>
      markedLines(
        TONE_MARKS.error,
        `${ctx.t(`field.${e.field}`)}: ${ctx.tl(e.key, e.params)}`,
        ctx.width - 2,
      ).map((line) => `  ${line}`),
    ),
  ];
}

/** The confirmation after saving: what was recorded, and a note when it counts as late. */
export function renderReportSaved(view: ReportSavedView, ctx: TerminalContext): string {
  const saved = reportSavedText(view, ctx);
  return [
    ...markedLines(TONE_MARKS.success, saved, ctx.width),
    ...wrap(truncate(view.taskContent, CONTENT_MAX), ctx.width, '  '),
    ...(view.late ? markedLines(TONE_MARKS.warning, ctx.t('report.late_note'), ctx.width) : []),
  ].join('\n');
}
