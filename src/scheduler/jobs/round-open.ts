import type { JobDefinition } from './job.ts';
import { meetingJob, roundMessages } from './shared.ts';

export const roundOpenJob: JobDefinition = {
  id: 'round-open',
  when: 'ROUND_OPEN_DAYS_BEFORE days before each meeting, at OVERDUE_CHECK_AT',
  schedule: meetingJob('round-open'),
  async handler(ctx, occurrence) {
    return {
      messages: await roundMessages(ctx, occurrence, 'round-open', (standing) => standing !== 'done'),
    };
  },
};
