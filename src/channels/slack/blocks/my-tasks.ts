/** The viewer's unit's tasks: deadline, latest report, a mark when not reported, a report button each. */
import type { MyTasksView, TaskItemView } from '../../../app/views.ts';
import { deadlineLabel, taskRoleLabel } from '../../../i18n/index.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { latestReportLine, unitText } from '../../../presentation/sentences.ts';
import { ACTIONS } from '../ids.ts';
import { taskLine } from './common.ts';
import { button, context, esc, header, type KnownBlock, section } from './kit.ts';
import type { Rendered } from './types.ts';

export function renderMyTasks(view: MyTasksView, ctx: RenderContext): Rendered {
  const unit = unitText(view.viewer.unitCode, view.viewer.unitName);
  const title = ctx.t('tasks.title', { unit, period: ctx.period(view.period) });
  const blocks: KnownBlock[] = [header(title)];
  if (view.tasks.length === 0) {
    blocks.push(section(esc(ctx.t('tasks.none'))));
    return { text: title, blocks };
  }
  const missing = view.tasks.filter((task) => !task.reportedThisPeriod).length;
  const subtitle = ctx.t('tasks.subtitle', { date: ctx.date(view.today), count: view.tasks.length, missing });
  blocks.push(context(esc(subtitle)));
  for (const task of view.tasks) blocks.push(taskSection(task, view, ctx));
  blocks.push(context(esc(ctx.t('tasks.footer'))));
  return { text: `${title} — ${subtitle}`, blocks };
}

/** One task as a section with "Cập nhật tiến độ" beside it (also used by the App Home). */
export function taskSection(task: TaskItemView, view: Pick<MyTasksView, 'period'>, ctx: RenderContext) {
  let role = ctx.t('tasks.role', { role: taskRoleLabel(ctx.locale, task.role) });
  if (task.role === 'coordinating' && task.leadUnits.length > 0) {
    role += ` · ${ctx.t('tasks.lead_units', { units: task.leadUnits.join(', ') })}`;
  }
  const lines = [
    taskLine(task.code, task.content),
    esc(role),
    esc(ctx.t('tasks.deadline', { deadline: deadlineLabel(ctx.locale, task.deadline) })),
    esc(latestReportLine(task.latest, ctx)),
  ];
  if (task.deadline.overdue) lines[2] = `:red_circle: ${lines[2]}`;
  if (!task.reportedThisPeriod) {
    lines.push(`:warning: _${esc(ctx.t('tasks.not_reported_mark', { period: ctx.period(view.period) }))}_`);
  }
  return section(
    lines.join('\n'),
    button(ctx.t('slack.button.update'), ACTIONS.reportTask, String(task.taskId)),
  );
}
