/**
 * Messages from the scheduler: meeting reminders, reporting rounds, overdue nudges and escalations,
 * digests, notes to the chair. With `actions`, every task has "Cập nhật tiến độ" (opens the report
 * form in place), "Đã hoàn thành" (an optional product link, then one click) and "Nhắc lại sau" (a
 * day and a reason). The buttons carry the reminder's task ids, so the card that replaces it after an
 * action can list what is still to report without the bot keeping the reminder anywhere.
 */
import type { ReminderTask, ReminderView, TaskItemView } from '../../../app/views.ts';
import { reminderTaskFacts } from '../../../i18n/index.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { reminderExtraLines } from '../../../presentation/reminder-extras.ts';
import { type ReminderRef, taskInputs } from '../actions.ts';
import {
  type AdaptiveCard,
  actionSet,
  adaptiveCard,
  CARD_BYTE_BUDGET,
  type CardAction,
  type CardElement,
  CONTENT_MAX,
  cardBytes,
  container,
  execute,
  sectionTitle,
  showCard,
  text,
  title,
  truncate,
  unitLabel,
} from './card.ts';
import { meetingLines } from './meeting.ts';
import { type PagedCard, pagedCard } from './paging.ts';

/** Units and people listed on a reminder (the chair's notes), so tasks always have room. */
const LIST_MAX = { units: 70, people: 40 } as const;

export interface TaskButtons {
  cardId: string;
  reminder: ReminderRef;
}

/** The reminder as the scheduler wrote it; tasks that do not fit go on with "Xem tiếp". */
export function renderReminderCard(
  view: ReminderView,
  ctx: RenderContext,
  cardId: string,
  budget = CARD_BYTE_BUDGET,
): AdaptiveCard {
  const period = view.period ? ctx.period(view.period) : '';
  const header: CardElement[] = [
    title(ctx.t(`reminder.${view.topic}.title`, { period })),
    text(ctx.t(`reminder.${view.topic}.intro`)),
    ...reminderExtraLines(view, ctx).map((line) => text(line, { weight: 'Bolder' })),
    ...(view.meeting ? meetingLines(view.meeting, ctx) : []),
  ];
  const withButtons = view.actions && view.tasks.length > 0;
  const ref: ReminderRef = {
    topic: view.topic,
    period: view.period?.key ?? null,
    tasks: view.tasks.map((t) => t.taskId),
  };
  const taskItems = view.tasks.map((task) =>
    reminderTaskItem(task, ctx, withButtons ? { cardId, reminder: ref } : null),
  );
  const others = [...unitItems(view, ctx), ...peopleItems(view, ctx)];

  const build = (shown: number): AdaptiveCard => {
    const hidden = view.tasks.slice(shown);
    const tail: CardElement[] = [];
    const actions: CardAction[] = [];
    if (hidden.length > 0 && withButtons) {
      tail.push(text(ctx.t('teams.reminder.hidden_tasks', { count: hidden.length }), { isSubtle: true }));
      const rest: ReminderRef = { ...ref, tasks: hidden.map((t) => t.taskId) };
      actions.push(
        execute(
          ctx.t('teams.action.next'),
          { verb: 'reminder.page', reminder: rest, page: 1 },
          { style: 'positive' },
        ),
      );
    } else if (hidden.length > 0) {
      tail.push(text(ctx.t('summary.more_tasks', { count: hidden.length }), { isSubtle: true }));
      if (view.topic.startsWith('overdue')) {
        actions.push(execute(ctx.t('teams.action.overdue'), { verb: 'view.page', view: 'overdue', page: 1 }));
      }
    }
    return adaptiveCard(ctx, [...header, ...taskItems.slice(0, shown), ...tail, ...others], actions);
  };

  // The most tasks that fit (the size grows with every task shown).
  let low = 0;
  let high = taskItems.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (cardBytes(build(mid)) <= budget) low = mid;
    else high = mid - 1;
  }
  return build(low);
}

/**
 * The rest of a reminder (after "Xem tiếp", "Quay lại", or below a confirmation): its tasks as they
 * stand now, each with its buttons, under `header`.
 */
export function renderReminderTasksCard(
  ref: ReminderRef,
  tasks: ReminderTask[],
  ctx: RenderContext,
  options: { cardId: string; page?: number; header?: CardElement[]; actions?: CardAction[] },
): PagedCard {
  const period = ref.period ? ctx.period(ref.period) : '';
  const header = options.header ?? [title(ctx.t(`reminder.${ref.topic}.title`, { period }))];
  const continued: ReminderRef = { ...ref, tasks: tasks.map((t) => t.taskId) };
  const items = tasks.map((task) =>
    reminderTaskItem(task, ctx, { cardId: options.cardId, reminder: continued }),
  );
  return pagedCard(ctx, header, items, {
    page: options.page ?? 1,
    nav: (page) => ({ verb: 'reminder.page', reminder: continued, page }),
    actions: options.actions ?? [],
  });
}

/** A task of the unit's list, in a reminder's shape (its standing this period, days overdue). */
export function reminderTaskOf(task: TaskItemView): ReminderTask {
  const overdue = task.deadline.overdue && task.deadline.daysLeft !== null ? -task.deadline.daysLeft : null;
  return {
    taskId: task.taskId,
    code: task.code,
    content: task.content,
    leadUnits: task.leadUnits,
    deadline: { text: task.deadline.text, due: task.deadline.due },
    standing: task.reportedThisPeriod && task.latest ? task.latest.status : 'not_reported',
    daysOverdue: overdue,
  };
}

export function reminderTaskItem(
  task: ReminderTask,
  ctx: RenderContext,
  buttons: TaskButtons | null,
): CardElement {
  const detail = (value: string, options = {}) => text(value, { size: 'Small', spacing: 'None', ...options });
  const facts = reminderTaskFacts(ctx.locale, task);
  const items: CardElement[] = [
    text(`[${task.code}] ${truncate(task.content, CONTENT_MAX)}`, { weight: 'Bolder' }),
    detail(facts.join(' · ')),
  ];
  if (task.daysOverdue !== null && task.daysOverdue > 0 && task.deadline.due) {
    items.push(
      detail(`! ${ctx.t('overdue.days', { days: task.daysOverdue, date: ctx.date(task.deadline.due) })}`, {
        color: 'Attention' as const,
      }),
    );
  }
  if (task.snoozedUntil) {
    const until = ctx.date(task.snoozedUntil);
    items.push(
      detail(
        task.snoozeReason
          ? ctx.t('reminder.snoozed_reason', { until, reason: truncate(task.snoozeReason, 300) })
          : ctx.t('reminder.snoozed', { until }),
      ),
    );
  }
  if (buttons) items.push(actionSet(taskButtons(task, ctx, buttons)));
  return container(items, { separator: true, spacing: 'Medium' });
}

function taskButtons(
  task: ReminderTask,
  ctx: RenderContext,
  { cardId, reminder }: TaskButtons,
): CardAction[] {
  const ids = taskInputs(task.taskId);
  return [
    execute(
      ctx.t('teams.action.update'),
      { verb: 'report.open', taskCode: task.code, reminder },
      { style: 'positive' },
    ),
    showCard(
      ctx.t('teams.action.done'),
      ctx,
      [
        {
          type: 'Input.Text',
          id: ids.evidence,
          label: ctx.t('teams.form.evidence_done'),
          placeholder: ctx.t('teams.form.evidence_placeholder'),
          style: 'Url',
          maxLength: 2000,
        },
      ],
      [
        execute(ctx.t('teams.action.done_confirm'), {
          verb: 'task.done',
          cardId,
          taskId: task.taskId,
          reminder,
        }),
      ],
    ),
    showCard(
      ctx.t('teams.action.snooze'),
      ctx,
      [
        {
          type: 'Input.Date',
          id: ids.until,
          label: ctx.t('teams.snooze.until'),
          isRequired: true,
          errorMessage: ctx.t('teams.snooze.until_required'),
        },
        {
          type: 'Input.Text',
          id: ids.reason,
          label: ctx.t('teams.snooze.reason'),
          isMultiline: true,
          maxLength: 500,
        },
      ],
      [
        execute(ctx.t('teams.action.snooze_confirm'), {
          verb: 'task.snooze',
          cardId,
          taskId: task.taskId,
          reminder,
        }),
      ],
    ),
  ];
}

function unitItems(view: ReminderView, ctx: RenderContext): CardElement[] {
  if (view.units.length === 0) return [];
  return [
    sectionTitle(ctx.t('reminder.units')),
    ...view.units.slice(0, LIST_MAX.units).map((unit) => {
      const codes = unit.taskCodes.length > 0 ? `: ${unit.taskCodes.slice(0, 30).join(', ')}` : '';
      const more =
        unit.taskCodes.length > 30
          ? ` ${ctx.t('summary.more_tasks', { count: unit.taskCodes.length - 30 })}`
          : '';
      return text(`- ${unitLabel(unit.code, unit.name)}${codes}${more}`, { spacing: 'Small' });
    }),
    ...(view.units.length > LIST_MAX.units
      ? [text(ctx.t('summary.more_units', { count: view.units.length - LIST_MAX.units }), { isSubtle: true })]
      : []),
  ];
}

function peopleItems(view: ReminderView, ctx: RenderContext): CardElement[] {
  if (!view.people || view.people.length === 0) return [];
  return [
    sectionTitle(ctx.t('reminder.people')),
    ...view.people
      .slice(0, LIST_MAX.people)
      .map((p) =>
        text(`- ${truncate(p.name, 80)} (${p.unitCode}): ${truncate(p.reason, 200)}`, { spacing: 'Small' }),
      ),
    ...(view.people.length > LIST_MAX.people
      ? [text(`… ${view.people.length - LIST_MAX.people}`, { isSubtle: true })]
      : []),
  ];
}
