/** The confirmation after saving a report: what was recorded, and a note when it counts as late. */
import type { ReportSavedView } from '../../../app/views.ts';
import { statusLabel } from '../../../i18n/index.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { CONTENT_MAX, TONE_MARKS } from './common.ts';
import { clip, context, esc, type KnownBlock, oneLine, section } from './kit.ts';
import type { Rendered } from './types.ts';

export function savedText(view: ReportSavedView, ctx: RenderContext): string {
  const params = {
    code: view.taskCode,
    period: ctx.period(view.period),
    status: statusLabel(ctx.locale, view.status),
    percent: view.percent,
    revision: view.revision,
  };
  return ctx.t(view.revision > 1 ? 'report.updated' : 'report.saved', params);
}

export function renderReportSaved(view: ReportSavedView, ctx: RenderContext): Rendered {
  const text = savedText(view, ctx);
  const blocks: KnownBlock[] = [
    section(`${TONE_MARKS.success} ${esc(text)}`),
    context(esc(clip(oneLine(view.taskContent), CONTENT_MAX))),
  ];
  if (view.late) blocks.push(section(`${TONE_MARKS.warning} ${esc(ctx.t('report.late_note'))}`));
  return { text, blocks };
}
