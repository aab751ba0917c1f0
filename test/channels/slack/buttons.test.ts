/**
 * The buttons on bot messages, end to end: a reminder sent through `channel.send` reaches the member's
 * DM with "Cập nhật tiến độ", "Đã hoàn thành", "Nhắc lại sau" on each task; clicking them opens the
 * modals; submitting them reaches the core, and the chair's summary shows the new status.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { ReminderView } from '../../../src/app/views.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import {
  asView,
  blockActions,
  buttons,
  confirmationOf,
  elementOf,
  type Harness,
  reportValues,
  startHarness,
  textOf,
  USERS,
  viewOutput,
  viewSubmission,
} from '../../support/slack/harness.ts';

describeEachDatabase('Slack reminder buttons', (db) => {
  let h: Harness;
  let ids: Record<string, number>;

  beforeAll(async () => {
    h = await startHarness(db());
    const tasks = await h.fixture.core.deps.plans.listTasks(h.fixture.core.deps.group.id);
    ids = Object.fromEntries(tasks.map((t) => [t.code, t.id]));
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(() => h.fake.reset());

  function reminder(codes: string[]): ReminderView {
    return {
      kind: 'reminder',
      topic: 'overdue_nudge',
      period: null,
      meeting: null,
      tasks: codes.map((code) => ({
        taskId: ids[code]!,
        code,
        content: `Nội dung nhiệm vụ ${code}`,
        leadUnits: ['CNTT'],
        deadline: { text: 'Tháng 02/2024', due: '2024-02-29' },
        standing: 'not_reported',
        daysOverdue: 112,
      })),
      units: [],
      actions: true,
    };
  }

  /** Sends `view` to Lan's DM; the posted message. */
  async function sendToLan(view: ReminderView) {
    const lan = h.fixture.viewers.lan;
    const outcome = await h.channel.send(
      { kind: 'member', memberId: lan.memberId, externalId: USERS.lan, locale: 'vi' },
      view,
    );
    expect(outcome).toMatchObject({ ok: true });
    return h.fake.waitForCall('chat.postMessage');
  }

  function click(button: { action_id: string; value: string; block_id?: string }, messageTs: string) {
    const action = {
      type: 'button',
      action_id: button.action_id,
      value: button.value,
      text: { type: 'plain_text', text: 'x' },
    };
    return h.slack.interactive(blockActions(h, USERS.lan, action, { messageTs, blockId: button.block_id }));
  }

  it('FULL FLOW: reminder → DM with buttons → "Cập nhật tiến độ" → modal → submit → the chair’s summary', async () => {
    const posted = await sendToLan(reminder(['1']));
    // Posted to the user id: Slack puts it in the bot's DM with them (no conversations.open).
    expect(posted.params.channel).toBe(USERS.lan);
    expect(h.fake.messages.at(-1)?.channel).toBe(`D${USERS.lan}`);
    expect(String(posted.params.text)).toContain('Nhiệm vụ đã quá hạn');
    const row = buttons(posted.params.blocks);
    expect(row.map((b) => [b.action_id, b.value])).toEqual([
      ['da06_report_task', String(ids['1'])],
      ['da06_mark_done', String(ids['1'])],
      ['da06_snooze', String(ids['1'])],
    ]);
    expect(textOf(posted.params.blocks)).toContain('Cập nhật tiến độ');

    const response = await click(row[0]!, String(posted.params.ts ?? '1718850000.1'));
    expect(response.status).toBe(200);
    const opened = await h.fake.waitForCall('views.open');
    const view = asView(opened.params.view);
    expect(view.callback_id).toBe('da06_report_form');
    expect(elementOf(view, 'report_task').initial_option?.value).toBe(String(ids['1']));

    const values = reportValues({
      task: ids['1'],
      status: 'blocked',
      percent: '30',
      done: 'Đã chuẩn bị nội dung',
      blockers: 'Thiếu kinh phí',
    });
    const submitted = await h.slack.interactive(viewSubmission(USERS.lan, viewOutput(view, values)));
    // The form is replaced in place by the confirmation; nothing else is posted.
    expect(confirmationOf(submitted)).toContain('Vướng mắc, 30%');

    const summary = await h.fixture.core.handle(h.fixture.viewers.chair, {
      name: 'summary',
      period: null,
      post: false,
    });
    expect(summary.kind).toBe('summary');
    if (summary.kind !== 'summary') return;
    expect(summary.tasks.find((t) => t.code === '1')?.standing).toBe('blocked');
    expect(summary.blockers.map((b) => b.text)).toContain('Thiếu kinh phí');
  });

  it('"Đã hoàn thành": done at once, then the product link modal; its submission adds the URL', async () => {
    const posted = await sendToLan(reminder(['4']));
    const done = buttons(posted.params.blocks).find((b) => b.action_id === 'da06_mark_done')!;
    await click(done, String(posted.params.ts));
    const opened = await h.fake.waitForCall('views.open');
    const view = asView(opened.params.view);
    expect(view.callback_id).toBe('da06_done_link_form');
    expect(textOf(view.blocks)).toContain(
      'Đã ghi nhận báo cáo nhiệm vụ 4 kỳ tháng 6/2024: Đã hoàn thành, 100%.',
    );
    const report = () => db().client.statusReport.findFirstOrThrow({ where: { taskId: ids['4'] } });
    expect(await report()).toMatchObject({ status: 'done', percent: 100, revision: 1, evidenceUrl: null });

    const bad = { done_link: { da06_done_link: { type: 'url_text_input', value: 'not a link' } } };
    const refused = await h.slack.interactive(viewSubmission(USERS.lan, viewOutput(view, bad)));
    expect(refused.json()).toMatchObject({
      response_action: 'errors',
      errors: { done_link: expect.stringContaining('http') },
    });

    const good = {
      done_link: {
        da06_done_link: { type: 'url_text_input', value: 'https://he-thong.example.vn/phien-ban-2' },
      },
    };
    const saved = await h.slack.interactive(viewSubmission(USERS.lan, viewOutput(view, good)));
    expect(confirmationOf(saved)).toContain('Đã hoàn thành, 100%');
    expect(await report()).toMatchObject({
      status: 'done',
      revision: 2,
      evidenceUrl: 'https://he-thong.example.vn/phien-ban-2',
    });
  });

  it('a double click on "Đã hoàn thành" marks the task done once', async () => {
    const posted = await sendToLan(reminder(['2']));
    const done = buttons(posted.params.blocks).find((b) => b.action_id === 'da06_mark_done')!;
    await Promise.all([click(done, String(posted.params.ts)), click(done, String(posted.params.ts))]);
    await h.fake.waitForCall('views.open');
    await h.channel.whenIdle();
    const reports = await db().client.statusReport.findMany({ where: { taskId: ids['2'] } });
    expect(reports).toMatchObject([{ status: 'done', revision: 1 }]);
    expect(h.fake.callsOf('views.open')).toHaveLength(1);
  });

  it('"Nhắc lại sau": a date picker a week ahead; a bad day is shown beside it; a good one is stored', async () => {
    const posted = await sendToLan(reminder(['1']));
    const snooze = buttons(posted.params.blocks).find((b) => b.action_id === 'da06_snooze')!;
    await click(snooze, String(posted.params.ts));
    const opened = await h.fake.waitForCall('views.open');
    const view = asView(opened.params.view);
    expect(view.callback_id).toBe('da06_snooze_form');
    expect(elementOf(view, 'snooze_until')).toMatchObject({
      type: 'datepicker',
      initial_date: '2024-06-27',
    });
    const values = (day: string) => ({
      snooze_until: { da06_snooze_until: { type: 'datepicker', selected_date: day } },
      snooze_reason: {
        da06_snooze_reason: { type: 'plain_text_input', value: 'Chờ hướng dẫn của Bộ Công an' },
      },
    });
    const refused = await h.slack.interactive(
      viewSubmission(USERS.lan, viewOutput(view, values('2024-06-01'))),
    );
    expect(refused.json()).toMatchObject({
      response_action: 'errors',
      errors: { snooze_until: expect.stringContaining('18/09/2024') },
    });
    const saved = await h.slack.interactive(
      viewSubmission(USERS.lan, viewOutput(view, values('2024-07-05'))),
    );
    expect(confirmationOf(saved)).toContain('05/07/2024');
    expect(await db().client.taskSnooze.findMany({ where: { taskId: ids['1'] } })).toMatchObject([
      { until: '2024-07-05', reason: 'Chờ hướng dẫn của Bộ Công an' },
    ]);
  });

  it('a button on a task of another unit is refused ephemerally, and no modal opens', async () => {
    const other = { action_id: 'da06_snooze', value: String(ids['3']), block_id: `task_actions:${ids['3']}` };
    await click(other, '1718850000.9');
    const reply = await h.fake.waitForResponse();
    expect(textOf(reply.body.blocks)).toContain('Nhiệm vụ 3 không giao cho đơn vị CNTT');
    expect(h.fake.callsOf('views.open')).toHaveLength(0);
  });
});
