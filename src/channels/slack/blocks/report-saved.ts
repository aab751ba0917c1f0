/** The confirmation after saving a report: what was recorded, and a note when it counts as late. */
import type { ReportSavedView } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { reportSavedText } from '../../../presentation/sentences.ts';
import { CONTENT_MAX, TONE_MARKS } from './common.ts';
import { clip, context, esc, type KnownBlock, oneLine, section } from './kit.ts';
import type { Rendered } from './types.ts';

export function renderReportSaved(view: ReportSavedView, ctx: RenderContext): Rendered {
  const text = reportSavedText(view, ctx);
  const blocks: KnownBlock[] = [
    section(`${TONE_MARKS.success} ${esc(text)}`),
    context(esc(clip(oneLine(view.taskContent), CONTENT_MAX))),
  ];
  if (view.late) blocks.push(section(`${TONE_MARKS.warning} ${esc(ctx.t('report.late_note'))}`));
  return { text, blocks };
}
