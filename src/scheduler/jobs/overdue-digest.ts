import type { JobDefinition } from './job.ts';
import { dailyJob, messages, overdueListView, overduePairs } from './shared.ts';

export const overdueDigestJob: JobDefinition = {
  id: 'overdue-digest',
  when: 'the first working day of each week at OVERDUE_CHECK_AT, to the group channel',
  schedule: dailyJob('overdue-digest'),
  async handler(ctx, occurrence) {
    const pairs = await overduePairs(ctx);
    if (pairs.length === 0 || ctx.audience.groupAddresses.length === 0) return { messages: [] };
    const view = await overdueListView(ctx, 'overdue_digest', pairs);
    return {
      messages: messages('overdue-digest', occurrence.key, ctx.audience.groupAddresses, view, occurrence.at),
    };
  },
};
