import { deadlineBuckets } from '../../app/use-cases/deadline-buckets.ts';
import { summaryData } from '../../app/use-cases/summarize.ts';
import type { SummaryView } from '../../app/views.ts';
import type { NewOutboxMessage } from '../../store/outbox-store.ts';
import { viewerOf } from '../audience.ts';
import type { JobDefinition } from './job.ts';
import { meetingJob, messages } from './shared.ts';

export const summaryJob: JobDefinition = {
  id: 'summary',
  when: 'the working day before each meeting at 16:00, to the chair',
  schedule: meetingJob('summary'),
  async handler(ctx, occurrence) {
    const period = occurrence.period!;
    const [data, buckets] = await Promise.all([
      summaryData(ctx.deps, null, period, ctx.today),
      deadlineBuckets(ctx.deps, null, period, ctx.today),
    ]);
    const out: NewOutboxMessage[] = [];
    const chairs = ctx.audience.chairs().filter((m) => !ctx.audience.onLeave(m, ctx.today));
    for (const chair of chairs) {
      const view: SummaryView = { kind: 'summary', viewer: viewerOf(chair), ...data, buckets };
      out.push(...messages('summary', occurrence.key, ctx.audience.addressesOf(chair), view, occurrence.at));
    }
    return { messages: out };
  },
};
