/**
 * Experiment for docs/performance.md (not part of `npm run bench`): the Slack channel's `send` alone
 * (chat.postMessage to the member's user id, no outbox, no database), with 1, 4, 8 and 16 sends in
 * flight, against the bench's fake Slack API at R = 500/s (burst 50), once unpaced (SLACK_SEND_RATE
 * far above R: what 429s with a whole-second Retry-After cost once sends overlap) and once paced at
 * SLACK_SEND_RATE = R.
 *
 * `node bin/run-ts.js bench/experiments/slack-send-concurrency.ts [MESSAGES]`
 */
import type { View } from '../../src/app/views.ts';
import { createSlackChannel } from '../../src/channels/slack/index.ts';
import { settingsSchema } from '../../src/config/settings.ts';
import { createCoreFixture } from '../../test/support/core.ts';
import { createTempDatabase } from '../../test/support/temp-database.ts';
import { nudgePayload } from '../scenarios/fanout.ts';
import { startEdge } from '../support/edge.ts';

const messages = Number(process.argv[2] ?? 2000);
const edge = await startEdge();
const temp = await createTempDatabase('sqlite');
try {
  const fixture = await createCoreFixture(temp.db);
  const apiUrl = await edge.startSlack({ rate: 500, burst: 50 });
  for (const rate of [10_000, 500]) {
    const settings = settingsSchema.parse({
      SLACK_BOT_TOKEN: 'xoxb-bench-token',
      SLACK_SIGNING_SECRET: 'bench-signing-secret-0123456789',
      SLACK_API_URL: apiUrl,
      SLACK_SEND_RATE: String(rate),
    });
    const channel = createSlackChannel({ core: fixture.core, settings, logger: () => {} });
    const view = JSON.parse(nudgePayload({ id: 1, code: '1', content: 'Tổ chức hội nghị' })) as View;
    for (const inFlight of [1, 4, 8, 16]) {
      await edge.resetSlack();
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (next < messages) {
            const i = next++;
            const recipient = {
              kind: 'member' as const,
              memberId: i,
              externalId: `U${rate}X${inFlight}X${i}`,
              locale: 'vi' as const,
            };
            const outcome = await channel.send(recipient, view);
            if (!outcome.ok) throw new Error(JSON.stringify(outcome));
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const tally = await edge.slackTally();
      process.stdout.write(
        `SLACK_SEND_RATE ${rate}, ${inFlight} in flight: ${(messages / seconds).toFixed(0)} msg/s, ${tally.limited} answered 429\n`,
      );
    }
    await channel.stop();
  }
} finally {
  await edge.close();
  await temp.drop();
}
