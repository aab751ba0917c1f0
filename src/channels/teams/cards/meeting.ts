/** The next giao ban: when (with weekday, in the group's time zone), where, agenda and note. */
import type { MeetingView, ReminderView } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { type AdaptiveCard, adaptiveCard, type CardElement, text, title } from './card.ts';

export function renderMeetingCard(view: MeetingView, ctx: RenderContext): AdaptiveCard {
  const heading = title(ctx.t('meeting.title'));
  if (!view.next) return adaptiveCard(ctx, [heading, text(ctx.t('meeting.none_scheduled'))]);
  return adaptiveCard(ctx, [heading, ...meetingLines(view.next, ctx)]);
}

export function meetingLines(
  meeting: NonNullable<ReminderView['meeting']>,
  ctx: RenderContext,
): CardElement[] {
  const line = (value: string) => text(value, { spacing: 'Small' });
  return [
    line(ctx.t('meeting.when', { when: ctx.dateTime(meeting.startsAt, true) })),
    ...(meeting.place ? [line(ctx.t('meeting.place', { place: meeting.place }))] : []),
    ...(meeting.agenda ? [line(ctx.t('meeting.agenda', { agenda: meeting.agenda }))] : []),
    ...(meeting.note ? [line(ctx.t('meeting.note', { note: meeting.note }))] : []),
  ];
}
