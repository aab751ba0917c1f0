import type { MeetingView } from '../../../app/views.ts';
import type { TerminalContext } from './context.ts';
import { blocks, heading, wrap } from './text.ts';

/** The next giao ban: when (with weekday, in the group's time zone), where, agenda and note. */
export function renderMeeting(view: MeetingView, ctx: TerminalContext): string {
  const title = heading(ctx.t('meeting.title'), ctx.width, '=');
  const next = view.next;
  if (!next) return blocks(title, wrap(ctx.t('meeting.none_scheduled'), ctx.width));
  const line = (text: string) => wrap(text, ctx.width, '  ');
  return blocks(title, [
    ...line(ctx.t('meeting.when', { when: ctx.dateTime(next.startsAt, true) })),
    ...(next.place ? line(ctx.t('meeting.place', { place: next.place })) : []),
    ...(next.agenda ? line(ctx.t('meeting.agenda', { agenda: next.agenda })) : []),
    ...(next.note ? line(ctx.t('meeting.note', { note: next.note })) : []),
  ]);
}
