import type { MyTasksView, TaskItemView } from '../../../app/views.ts';
import { deadlineLabel, taskRoleLabel } from '../../../i18n/index.ts';
import { latestReportLine } from '../../../presentation/sentences.ts';
import type { TerminalContext } from './context.ts';
import { blocks, heading, truncate, wrap } from './text.ts';

/** Task content longer than this is cut with "…"; the full text is in the plan. */
export const TASK_CONTENT_MAX = 160;

/** The viewer's unit's tasks: numbered, with deadline, latest report and a mark when not reported. */
export function renderMyTasks(view: MyTasksView, ctx: TerminalContext): string {
  const unit =
    view.viewer.unitName === view.viewer.unitCode
      ? view.viewer.unitName
      : `${view.viewer.unitName} (${view.viewer.unitCode})`;
  const title = heading(ctx.t('tasks.title', { unit, period: ctx.period(view.period) }), ctx.width, '=');
  if (view.tasks.length === 0) return blocks(title, [ctx.t('tasks.none')]);

  const missing = view.tasks.filter((task) => !task.reportedThisPeriod).length;
  const subtitle = wrap(
    ctx.t('tasks.subtitle', { date: ctx.date(view.today), count: view.tasks.length, missing }),
    ctx.width,
  );
  const numberWidth = `${view.tasks.length}. `.length;
  const items = view.tasks.map((task, i) => taskLines(task, i + 1, numberWidth, view, ctx));
  return blocks(title, subtitle, ...items, [ctx.t('tasks.footer')]);
}

function taskLines(
  task: TaskItemView,
  n: number,
  numberWidth: number,
  view: MyTasksView,
  ctx: TerminalContext,
): string[] {
  const indent = ' '.repeat(numberWidth);
  const first = `${n}. `.padEnd(numberWidth);
  const detail = (text: string) => wrap(text, ctx.width, indent);

  let role = ctx.t('tasks.role', { role: taskRoleLabel(ctx.locale, task.role) });
  if (task.role === 'coordinating' && task.leadUnits.length > 0) {
    role += ` · ${ctx.t('tasks.lead_units', { units: task.leadUnits.join(', ') })}`;
  }
  const lines = [
    ...wrap(`[${task.code}] ${truncate(task.content, TASK_CONTENT_MAX)}`, ctx.width, indent, first),
    ...detail(role),
    ...detail(ctx.t('tasks.deadline', { deadline: deadlineLabel(ctx.locale, task.deadline) })),
  ];
  if (task.product) {
    lines.push(...detail(ctx.t('tasks.product', { product: truncate(task.product, TASK_CONTENT_MAX) })));
  }
  lines.push(...detail(latestReportLine(task.latest, ctx)));
  if (!task.reportedThisPeriod) {
    lines.push(...detail(`! ${ctx.t('tasks.not_reported_mark', { period: ctx.period(view.period) })}`));
  }
  return lines;
}
