/** The next giao ban: when (with weekday, in the group's time zone), where, agenda and note. */
import type { MeetingView } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { esc, header, type KnownBlock, section } from './kit.ts';
import type { Rendered } from './types.ts';

type Meeting = NonNullable<MeetingView['next']>;

/** The meeting's lines, escaped: also used by reminders and the App Home. */
export function meetingLines(meeting: Meeting, ctx: RenderContext): string[] {
  return [
    ctx.t('meeting.when', { when: `*${ctx.dateTime(meeting.startsAt, true)}*` }),
    ...(meeting.place ? [esc(ctx.t('meeting.place', { place: meeting.place }))] : []),
    ...(meeting.agenda ? [esc(ctx.t('meeting.agenda', { agenda: meeting.agenda }))] : []),
    ...(meeting.note ? [esc(ctx.t('meeting.note', { note: meeting.note }))] : []),
  ];
}

export function renderMeeting(view: MeetingView, ctx: RenderContext): Rendered {
  const title = ctx.t('meeting.title');
  const blocks: KnownBlock[] = [header(title)];
  if (!view.next) {
    const none = ctx.t('meeting.none_scheduled');
    blocks.push(section(esc(none)));
    return { text: `${title}: ${none}`, blocks };
  }
  blocks.push(section(meetingLines(view.next, ctx).join('\n')));
  return { text: `${title}: ${ctx.dateTime(view.next.startsAt, true)}`, blocks };
}
