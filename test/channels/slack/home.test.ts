/** The App Home: published on app_home_opened; a member's tasks, a chair's group totals too. */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases.ts';
import {
  asView,
  blockActions,
  buttons,
  confirmationOf,
  elementOf,
  type Harness,
  homeOpened,
  reportValues,
  startHarness,
  textOf,
  USERS,
  viewOutput,
  viewSubmission,
} from '../../support/slack/harness.ts';

describeEachDatabase('Slack App Home', (db) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(db());
    // A meeting, so the App Home has one to show.
    await db().client.meeting.create({
      data: {
        groupId: h.fixture.core.deps.group.id,
        startsAt: new Date('2024-06-25T02:00:00Z'),
        place: 'Phòng họp số 1, trụ sở BHXH Việt Nam',
        agenda: 'Giao ban tháng 6',
        status: 'planned',
        occurrence: '2024-06',
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(() => h.fake.reset());

  async function openHome(user: string, eventId?: string, headers?: Record<string, string>) {
    const response = await h.slack.event(homeOpened(user, eventId), { headers });
    expect(response.status).toBe(200);
    return response;
  }

  it('a member: their tasks with deadline and latest status, the next meeting, report buttons; no group totals', async () => {
    await openHome(USERS.lan);
    const publish = await h.fake.waitForCall('views.publish');
    expect(publish.params.user_id).toBe(USERS.lan);
    const view = publish.params.view as Record<string, unknown>;
    expect(view.type).toBe('home');
    const text = textOf(view.blocks);
    expect(text).toContain('Xin chào Nguyễn Thị Lan');
    expect(text).toContain('*[1]* Tổ chức hội nghị');
    expect(text).toContain('Thời hạn: Tháng 02/2024 (hạn 29/02/2024, quá hạn 112 ngày)');
    expect(text).toContain('Chưa có báo cáo');
    expect(text).toContain('Giao ban tiếp theo');
    expect(text).toContain('Phòng họp số 1');
    expect(text).not.toContain('Tiến độ chung của Tổ công tác');
    const reportButtons = buttons(view.blocks).filter((b) => b.action_id === 'da06_report_task');
    expect(reportButtons.length).toBe(4); // "Báo cáo tiến độ" + one per task
    expect((view.blocks as unknown[]).length).toBeLessThanOrEqual(100);
  });

  it('a chair also sees the group’s progress at a glance', async () => {
    await openHome(USERS.chair);
    const publish = await h.fake.waitForCall('views.publish');
    const text = textOf((publish.params.view as Record<string, unknown>).blocks);
    expect(text).toContain('Tiến độ chung của Tổ công tác — tháng 6/2024');
    expect(text).toMatch(/Chưa báo cáo: \*4\* \(100%\)/);
  });

  it('the same event delivered twice (X-Slack-Retry-Num) publishes once', async () => {
    await openHome(USERS.lan, 'EvTwice');
    await openHome(USERS.lan, 'EvTwice', {
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    await h.fake.waitForCall('views.publish');
    await h.channel.whenIdle();
    expect(h.fake.callsOf('views.publish')).toHaveLength(1);
  });

  it('an unregistered user is told how to be added', async () => {
    await openHome('UNKNOWN9');
    const publish = await h.fake.waitForCall('views.publish');
    expect(textOf((publish.params.view as Record<string, unknown>).blocks)).toContain('--slack UNKNOWN9');
  });

  it('"Báo cáo tiến độ" on the App Home opens the modal with the task picker; a submission there is confirmed in the modal and the App Home shows the new status', async () => {
    const home = {
      id: 'VHOME1',
      type: 'home',
      hash: 'h',
      private_metadata: '',
      callback_id: '',
      state: { values: {} },
    };
    const action = {
      type: 'button',
      action_id: 'da06_report_task',
      value: '',
      text: { type: 'plain_text', text: 'x' },
    };
    await h.slack.interactive(blockActions(h, USERS.lan, action, { view: home }));
    const opened = await h.fake.waitForCall('views.open');
    const view = asView(opened.params.view);
    expect(elementOf(view, 'report_task').initial_option).toBeUndefined();
    expect(JSON.parse(String(view.private_metadata))).toMatchObject({ origin: 'home', task: null });

    const tasks = await h.fixture.core.deps.plans.listTasks(h.fixture.core.deps.group.id);
    const taskId = tasks.find((t) => t.code === '2')!.id;
    const values = reportValues({
      task: taskId,
      status: 'blocked',
      percent: '35',
      done: 'Đã họp',
      blockers: 'Chờ kinh phí',
    });
    const saved = await h.slack.interactive(viewSubmission(USERS.lan, viewOutput(view, values)));
    expect(confirmationOf(saved)).toContain('Vướng mắc, 35%');
    const refreshed = await h.fake.waitForCall('views.publish');
    expect(refreshed.params.user_id).toBe(USERS.lan);
    expect(textOf((refreshed.params.view as Record<string, unknown>).blocks)).toContain('35%');
    expect(h.fake.responses).toHaveLength(0);
  });
});
