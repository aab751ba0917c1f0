/**
 * A message from the scheduler: meeting reminders, reporting rounds, overdue nudges and escalations,
 * digests, notes to the chair. With `actions`, each task is its own section followed by the three
 * buttons ("Cập nhật tiến độ", "Đã hoàn thành", "Nhắc lại sau").
 */
import type { ReminderTask, ReminderView } from '../../../app/views.ts';
import { reminderTaskFacts } from '../../../i18n/index.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { reminderExtraLines } from '../../../presentation/reminder-extras.ts';
import { taskButtons, taskLine } from './common.ts';
import { clip, esc, header, type KnownBlock, section, sections } from './kit.ts';
import { meetingLines } from './meeting.ts';
import type { Rendered } from './types.ts';

export function renderReminder(view: ReminderView, ctx: RenderContext): Rendered {
  const period = view.period ? ctx.period(view.period) : '';
  const title = ctx.t(`reminder.${view.topic}.title`, { period });
  const intro = ctx.t(`reminder.${view.topic}.intro`);
  const blocks: KnownBlock[] = [header(title), section(esc(intro))];
  const extras = reminderExtraLines(view, ctx);
  if (extras.length > 0) blocks.push(section(extras.map((line) => esc(line)).join('\n')));
  if (view.meeting) blocks.push(section(meetingLines(view.meeting, ctx).join('\n')));
  if (view.actions) {
    for (const task of view.tasks)
      blocks.push(section(taskText(task, ctx)), taskButtons(task.taskId, task.code, ctx));
  } else {
    blocks.push(...sections(view.tasks.map((task) => taskText(task, ctx))));
  }
  if (view.units.length > 0) {
    const lines = view.units.map((unit) => {
      const name = unit.name && unit.name !== unit.code ? `${unit.code} — ${unit.name}` : unit.code;
      const codes = unit.taskCodes.length > 0 ? `: ${unit.taskCodes.join(', ')}` : '';
      return `• ${esc(clip(name + codes, 500))}`;
    });
    blocks.push(...sections(lines, `*${esc(ctx.t('reminder.units'))}*`));
  }
  if (view.people && view.people.length > 0) {
    const lines = view.people.map((p) => `• ${esc(clip(`${p.name} (${p.unitCode}): ${p.reason}`, 500))}`);
    blocks.push(...sections(lines, `*${esc(ctx.t('reminder.people'))}*`));
  }
  const codes = view.tasks.map((task) => task.code).join(', ');
  return { text: clip(`${title}. ${intro}${codes ? ` [${codes}]` : ''}`, 3000), blocks };
}

function taskText(task: ReminderTask, ctx: RenderContext): string {
  const facts = reminderTaskFacts(ctx.locale, task);
  const lines = [taskLine(task.code, task.content), esc(facts.join(' · '))];
  if (task.daysOverdue !== null && task.daysOverdue > 0 && task.deadline.due) {
    const overdue = ctx.t('overdue.days', { days: task.daysOverdue, date: ctx.date(task.deadline.due) });
    lines.push(`:red_circle: ${esc(overdue)}`);
  }
  if (task.snoozedUntil) {
    const until = ctx.date(task.snoozedUntil);
    const snoozed = task.snoozeReason
      ? ctx.t('reminder.snoozed_reason', { until, reason: clip(task.snoozeReason, 300) })
      : ctx.t('reminder.snoozed', { until });
    lines.push(`:zzz: ${esc(snoozed)}`);
  }
  return lines.join('\n');
}
