import { invitationFileName, invitationText } from '../../app/use-cases/meeting-invitation.ts';
import type { JobDefinition } from './job.ts';
import { meetingJob, meetingView, messages, reach, reminder } from './shared.ts';

export const meetingReminderJob: JobDefinition = {
  id: 'meeting-reminder',
  when: 'MEETING_REMINDER_OFFSETS before each meeting (whole days: on the working day before, if off)',
  schedule: meetingJob('meeting-reminder'),
  async handler(ctx, occurrence) {
    const meeting = occurrence.meeting!;
    const view = reminder('meeting', {
      meeting: meetingView(meeting, ctx.config.timeZone),
      // The invitation as it stands when the reminder is decided (a move drops this reminder).
      invitation: {
        fileName: invitationFileName(meeting.month),
        text: invitationText(ctx.deps.group, ctx.config.locale, meeting, ctx.now),
      },
    });
    const addresses = [...ctx.audience.groupAddresses, ...reach(ctx, ctx.audience.members, [meeting.day])];
    return { messages: messages('meeting-reminder', occurrence.key, addresses, view, occurrence.at) };
  },
};
