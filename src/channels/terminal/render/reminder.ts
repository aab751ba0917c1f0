import type { ReminderTask, ReminderView } from '../../../app/views.ts';
import { reminderTaskFacts } from '../../../i18n/index.ts';
import { reminderExtraLines } from '../../../presentation/reminder-extras.ts';
import type { TerminalContext } from './context.ts';
import { blocks, heading, truncate, wrap } from './text.ts';

const CONTENT_MAX = 160;

/**
 * A message from the scheduler: a meeting reminder, a reporting round, an overdue nudge or
 * escalation, a digest, or a note to the chair about units and members it could not reach.
 * The terminal has no buttons, so `actions` becomes a hint to the report command.
 */
export function renderReminder(view: ReminderView, ctx: TerminalContext): string {
  const period = view.period ? ctx.period(view.period) : '';
  const title = heading(ctx.t(`reminder.${view.topic}.title`, { period }), ctx.width, '=');
  const intro = wrap(ctx.t(`reminder.${view.topic}.intro`), ctx.width);
  return blocks(
    title,
    intro,
    reminderExtraLines(view, ctx).flatMap((line) => wrap(line, ctx.width)),
    meetingLines(view, ctx),
    view.tasks.length > 0 ? view.tasks.flatMap((task) => taskLines(task, ctx)) : null,
    unitLines(view, ctx),
    peopleLines(view, ctx),
    view.actions && view.tasks.length > 0 ? [ctx.t('tasks.footer')] : null,
  );
}

function meetingLines(view: ReminderView, ctx: TerminalContext): string[] | null {
  const meeting = view.meeting;
  if (!meeting) return null;
  const line = (text: string) => wrap(text, ctx.width, '  ');
  return [
    ...line(ctx.t('meeting.when', { when: ctx.dateTime(meeting.startsAt, true) })),
    ...(meeting.place ? line(ctx.t('meeting.place', { place: meeting.place })) : []),
    ...(meeting.agenda ? line(ctx.t('meeting.agenda', { agenda: meeting.agenda })) : []),
    ...(meeting.note ? line(ctx.t('meeting.note', { note: meeting.note })) : []),
  ];
}

function taskLines(task: ReminderTask, ctx: TerminalContext): string[] {
  const detail = (text: string) => wrap(text, ctx.width, '  ');
  const facts = reminderTaskFacts(ctx.locale, task);
  const lines = [
    ...wrap(`[${task.code}] ${truncate(task.content, CONTENT_MAX)}`, ctx.width, '  ', '- '),
    ...detail(facts.join(' · ')),
  ];
  if (task.daysOverdue !== null && task.daysOverdue > 0 && task.deadline.due) {
    lines.push(
      ...detail(`! ${ctx.t('overdue.days', { days: task.daysOverdue, date: ctx.date(task.deadline.due) })}`),
    );
  }
  if (task.snoozedUntil) {
    const until = ctx.date(task.snoozedUntil);
    lines.push(
      ...detail(
        task.snoozeReason
          ? ctx.t('reminder.snoozed_reason', { until, reason: truncate(task.snoozeReason, 300) })
          : ctx.t('reminder.snoozed', { until }),
      ),
    );
  }
  return lines;
}

function unitLines(view: ReminderView, ctx: TerminalContext): string[] | null {
  if (view.units.length === 0) return null;
  return [
    ctx.t('reminder.units'),
    ...view.units.flatMap((unit) => {
      const name = unit.name && unit.name !== unit.code ? `${unit.code} — ${unit.name}` : unit.code;
      const codes = unit.taskCodes.length > 0 ? `: ${unit.taskCodes.join(', ')}` : '';
      return wrap(`${name}${codes}`, ctx.width, '  ', '- ');
    }),
  ];
}

function peopleLines(view: ReminderView, ctx: TerminalContext): string[] | null {
  if (!view.people || view.people.length === 0) return null;
  return [
    ctx.t('reminder.people'),
    ...view.people.flatMap((p) => wrap(`${p.name} (${p.unitCode}): ${p.reason}`, ctx.width, '  ', '- ')),
  ];
}
