import type { JobDefinition } from './job.ts';
import { meetingJob, roundMessages } from './shared.ts';

export const roundReminderJob: JobDefinition = {
  id: 'round-reminder',
  when: 'ROUND_REMINDER_DAYS_BEFORE days before each meeting, at OVERDUE_CHECK_AT, to units that have not reported',
  schedule: meetingJob('round-reminder'),
  async handler(ctx, occurrence) {
    return {
      messages: await roundMessages(
        ctx,
        occurrence,
        'round-reminder',
        (standing) => standing === 'not_reported',
      ),
    };
  },
};
