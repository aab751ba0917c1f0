/**
 * A report form met outside a modal (a form in a proactive message): the tasks to choose from and a
 * button that opens the modal. The modal itself is report-modal.ts.
 */
import type { ReportFormView } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { ACTIONS } from '../ids.ts';
import { taskLine } from './common.ts';
import { actions, button, esc, type KnownBlock, section, sections } from './kit.ts';
import type { Rendered } from './types.ts';

export function renderReportFormMessage(view: ReportFormView, ctx: RenderContext): Rendered {
  const title = ctx.t('report.form.pick', { period: ctx.period(view.period) });
  const blocks: KnownBlock[] = [section(`*${esc(title)}*`)];
  blocks.push(...sections(view.choices.map((c) => `• ${taskLine(c.code, c.content, 160)}`)));
  const value = view.taskId === null ? '' : String(view.taskId);
  blocks.push(actions([button(ctx.t('slack.button.report'), ACTIONS.reportTask, value, 'primary')]));
  return { text: title, blocks };
}
