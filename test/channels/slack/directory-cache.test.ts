/**
 * The status form's submission through the real Slack channel runs in the core's optimistic scope
 * (ADR 24, addendum 3): on PostgreSQL a warm submission is one statement (the guarded keyed write),
 * and a member deactivated through another client (another replica) between two submissions is
 * refused on the second, on both databases.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../src/store/open-database.ts';
import { createStores } from '../../../src/store/stores.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import {
  commandFields,
  confirmationOf,
  type Harness,
  reportValues,
  startHarness,
  textOf,
  USERS,
  viewOutput,
  viewSubmission,
} from '../../support/slack/harness.ts';

describeEachDatabase('Slack status form and the directory cache', (db, provider) => {
  let h: Harness;
  let other: Database;
  let opened: Record<string, unknown>;

  beforeAll(async () => {
    h = await startHarness(db());
    other = await openDatabase(db().url);
    const fields = commandFields(h, USERS.minh, 'report 4');
    await h.slack.command(fields);
    const call = await h.fake.waitForCall('views.open', (c) => c.params.trigger_id === fields.trigger_id);
    opened = call.params.view as Record<string, unknown>;
  });

  afterAll(async () => {
    await h?.close();
    await other?.close();
  });

  let views = 0;
  const submit = (user: string, percent: string) =>
    h.slack.interactive(
      viewSubmission(
        user,
        viewOutput(
          opened,
          reportValues({ status: 'in_progress', percent, done: 'Đã nâng cấp phần mềm' }),
          `VCACHE${++views}`,
        ),
      ),
    );

  it('on PostgreSQL a warm submission is one statement', async () => {
    if (provider !== 'postgresql') return;
    expect(confirmationOf(await submit(USERS.minh, '10'))).toContain('nhiệm vụ 4');
    const sent: string[] = [];
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const first = args[0] as string | { name?: string; text?: string };
      sent.push(typeof first === 'string' ? first : (first?.name ?? first?.text ?? '?'));
      return original.apply(this, args);
    };
    try {
      expect(confirmationOf(await submit(USERS.minh, '20'))).toContain('nhiệm vụ 4');
    } finally {
      proto.query = original;
    }
    expect(sent).toEqual(['da06_submit_report_keyed']);
  });

  it('a member deactivated through another replica between two submissions is refused the second', async () => {
    expect(confirmationOf(await submit(USERS.minh, '30'))).toContain('nhiệm vụ 4');
    const minh = await h.fixture.core.identify('slack', USERS.minh);
    if ('kind' in minh) throw new Error('Minh is not identified');
    await createStores(other, h.fixture.deps.group.id).members.deactivate(minh.memberId, 'test');
    const revisions = () => db().client.statusReportRevision.count({ where: { memberId: minh.memberId } });
    const before = await revisions();
    const answer = (await submit(USERS.minh, '40')).json() as {
      response_action?: string;
      view?: { blocks?: unknown };
    };
    expect(answer.response_action).toBe('update');
    expect(textOf(answer.view?.blocks)).toContain('đã ngừng hoạt động');
    expect(await revisions()).toBe(before);
  });
});
