/**
 * The real Bolt receiver's lines reach the JSON logger at their level: with LOG_LEVEL=warn, a report
 * submission that fails (the database refuses it) is still logged, as an error.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { channelLog } from '../../../src/runtime/channel-log.ts';
import { createLogger } from '../../../src/runtime/logger.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import {
  commandFields,
  type Harness,
  reportValues,
  startHarness,
  USERS,
  viewOutput,
  viewSubmission,
} from '../../support/slack/harness.ts';

describeEachDatabase('Slack log lines at their level', (db) => {
  let h: Harness;
  const lines: { level: number; msg: string }[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    h = await startHarness(db(), { onLog: channelLog(createLogger('warn', sink)) });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a failed report submission is logged as an error with LOG_LEVEL=warn', async () => {
    const tasks = await h.fixture.core.deps.plans.listTasks(h.fixture.core.deps.group.id);
    const task = tasks.find((t) => t.code === '1')!;
    const fields = commandFields(h, USERS.lan, 'report 1');
    expect((await h.slack.command(fields)).status).toBe(200);
    const opened = (await h.fake.waitForCall('views.open', (c) => c.params.trigger_id === fields.trigger_id))
      .params.view as Record<string, unknown>;
    // The database refuses every write of a report from now on (its evidence table refers to it).
    await db().client.$executeRawUnsafe('DROP TABLE "ReportEvidence"');
    await db().client.$executeRawUnsafe('DROP TABLE "StatusReportRevision"');
    await h.slack.interactive(
      viewSubmission(
        USERS.lan,
        viewOutput(opened, reportValues({ task: task.id, status: 'done', percent: '100', done: 'xong' })),
      ),
    );
    await h.fake.waitFor(() => lines.find((line) => line.msg.includes('submission failed')));
    const failure = lines.find((line) => line.msg.includes('submission failed'))!;
    expect(failure.level).toBe(50);
    expect(failure.msg).toMatch(/^slack: \w+ submission failed: /);
    // Nothing below warn is written at this level.
    expect(lines.every((line) => line.level >= 40)).toBe(true);
  });
});
