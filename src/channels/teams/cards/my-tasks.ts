/**
 * The viewer's unit's tasks, as the terminal lists them (deadline, latest report, a mark when not
 * reported this period), each with a "Cập nhật tiến độ" button; paged.
 */
import type { MyTasksView, TaskItemView } from '../../../app/views.ts';
import { deadlineLabel, taskRoleLabel } from '../../../i18n/index.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { latestReportLine } from '../../../presentation/sentences.ts';
import {
  actionSet,
  type CardElement,
  CONTENT_MAX,
  container,
  execute,
  text,
  title,
  truncate,
} from './card.ts';
import { type PagedCard, pagedCard } from './paging.ts';

export function renderMyTasksCard(view: MyTasksView, ctx: RenderContext, page = 1): PagedCard {
  const unit =
    view.viewer.unitName === view.viewer.unitCode
      ? view.viewer.unitName
      : `${view.viewer.unitName} (${view.viewer.unitCode})`;
  const header: CardElement[] = [title(ctx.t('tasks.title', { unit, period: ctx.period(view.period) }))];
  if (view.tasks.length === 0) {
    header.push(text(ctx.t('tasks.none')));
  } else {
    const missing = view.tasks.filter((task) => !task.reportedThisPeriod).length;
    header.push(
      text(ctx.t('tasks.subtitle', { date: ctx.date(view.today), count: view.tasks.length, missing }), {
        isSubtle: true,
        spacing: 'None',
      }),
    );
  }
  const items = view.tasks.map((task) => taskItem(task, view, ctx));
  return pagedCard(ctx, header, items, { page, nav: (p) => ({ verb: 'view.page', view: 'tasks', page: p }) });
}

function taskItem(task: TaskItemView, view: MyTasksView, ctx: RenderContext): CardElement {
  const detail = (value: string, options = {}) => text(value, { size: 'Small', spacing: 'None', ...options });
  let role = ctx.t('tasks.role', { role: taskRoleLabel(ctx.locale, task.role) });
  if (task.role === 'coordinating' && task.leadUnits.length > 0) {
    role += ` · ${ctx.t('tasks.lead_units', { units: task.leadUnits.join(', ') })}`;
  }
  return container(
    [
      text(`[${task.code}] ${truncate(task.content, CONTENT_MAX)}`, { weight: 'Bolder' }),
      detail(role),
      detail(ctx.t('tasks.deadline', { deadline: deadlineLabel(ctx.locale, task.deadline) }), {
        ...(task.deadline.overdue ? { color: 'Attention' as const } : {}),
      }),
      ...(task.product
        ? [detail(ctx.t('tasks.product', { product: truncate(task.product, CONTENT_MAX) }))]
        : []),
      detail(latestReportLine(task.latest, ctx)),
      ...(task.reportedThisPeriod
        ? []
        : [
            detail(`! ${ctx.t('tasks.not_reported_mark', { period: ctx.period(view.period) })}`, {
              color: 'Warning' as const,
            }),
          ]),
      actionSet([execute(ctx.t('teams.action.update'), { verb: 'report.open', taskCode: task.code })]),
    ],
    { separator: true, spacing: 'Medium' },
  );
}
