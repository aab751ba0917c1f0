/**
 * `/da06` over HTTP: each sub-command (Vietnamese aliases too) answered through the response_url,
 * acked well within Slack's 3 s; refusals from the core said ephemerally; a chair's `summary post`
 * goes to the group's channel.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases.ts';
import {
  blockActions,
  buttons,
  commandFields,
  GROUP_CHANNEL,
  type Harness,
  startHarness,
  textOf,
  USERS,
} from '../../support/slack/harness.ts';

describeEachDatabase('Slack /da06 commands', (db) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(db());
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(() => h.fake.reset());

  /** Sends `/da06 text` as `user`; returns the ephemeral reply posted to its response_url. */
  async function run(user: string, text: string) {
    const fields = commandFields(h, user, text);
    const response = await h.slack.command(fields);
    expect(response.status).toBe(200);
    const path = new URL(fields.response_url!).pathname;
    const reply = await h.fake.waitForResponse((post) => post.path === path);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(typeof reply.body.text).toBe('string');
    return { body: reply.body, text: textOf(reply.body.blocks), blocks: reply.body.blocks };
  }

  it('help lists the commands in Vietnamese; an unknown command says so and shows help', async () => {
    const help = await run(USERS.lan, 'help');
    expect(help.text).toContain('Các lệnh của trợ lý Đề án 06');
    expect(help.text).toContain('/da06 report');
    expect(help.text).not.toContain('/da06 as'); // terminal only
    expect(help.text).not.toContain('members add'); // admins only
    const unknown = await run(USERS.lan, 'frobnicate');
    expect(unknown.text).toContain('Không có lệnh "frobnicate"');
    expect(unknown.text).toContain('Các lệnh của trợ lý Đề án 06');
    const empty = await run(USERS.lan, '');
    expect(empty.text).toContain('Các lệnh của trợ lý Đề án 06');
  });

  it('web: the member alone gets a one-time sign-in link to the dashboard', async () => {
    const off = await run(USERS.lan, 'web');
    expect(off.text).toContain('PUBLIC_URL'); // not served until PUBLIC_URL is set
    h.fixture.deps.web = {
      publicUrl: 'https://da06.example.gov.vn',
      linkMinutes: 10,
      sessionHours: 8,
      maxUploadBytes: 1024 * 1024,
      clock: h.fixture.clock,
    };
    try {
      const reply = await run(USERS.lan, 'bảng điều khiển');
      expect(reply.text).toMatch(/https:\/\/da06\.example\.gov\.vn\/web\/signin\?t=[\w-]+\.[\w-]+/);
      expect(reply.text).toContain('10 phút');
    } finally {
      delete h.fixture.deps.web;
    }
  });

  it('tasks: the unit’s tasks with deadline, latest status and a report button each', async () => {
    const reply = await run(USERS.lan, 'nhiemvu');
    expect(reply.text).toContain('Nhiệm vụ của Trung tâm Công nghệ thông tin (CNTT)');
    expect(reply.text).toContain('*[1]* Tổ chức hội nghị');
    expect(reply.text).toContain('quá hạn 112 ngày');
    expect(reply.text).not.toContain('Tuyển dụng'); // TCCB's task
    expect(buttons(reply.blocks).map((b) => b.action_id)).toEqual([
      'da06_report_task',
      'da06_report_task',
      'da06_report_task',
    ]);
  });

  it('summary: a member sees their unit only, ephemeral; a member may not post it', async () => {
    const reply = await run(USERS.lan, 'tonghop');
    expect(reply.text).toContain(
      'Tổng hợp tiến độ tháng 6/2024 — đơn vị Trung tâm Công nghệ thông tin (CNTT)',
    );
    const refused = await run(USERS.lan, 'tonghop post');
    expect(refused.text).toContain('chỉ dành cho Tổ trưởng');
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('summary post: the chair publishes the group summary to SLACK_GROUP_CHANNEL', async () => {
    const reply = await run(USERS.chair, 'summary 2024-06 post');
    expect(reply.text).toContain('Đã đăng bản tổng hợp tháng 6/2024');
    const posted = h.fake.callsOf('chat.postMessage');
    expect(posted).toHaveLength(1);
    expect(posted[0]?.params.channel).toBe(GROUP_CHANNEL);
    expect(posted[0]?.token).toBe('xoxb-test-token');
    expect(String(posted[0]?.params.text)).toContain('toàn Tổ công tác');
    expect(textOf(posted[0]?.params.blocks)).toContain('Theo đơn vị');
  });

  it('summary of an unreadable period is refused with how to write it', async () => {
    const reply = await run(USERS.chair, 'summary 13/2024');
    expect(reply.text).toContain('Không đọc được kỳ báo cáo "13/2024"');
  });

  it('overdue (quahan): overdue tasks; those the unit leads carry the three buttons', async () => {
    const reply = await run(USERS.lan, 'quahan');
    expect(reply.text).toContain('Nhiệm vụ quá hạn tính đến ngày 20/06/2024');
    expect(reply.text).toContain('[1]');
    const ids = buttons(reply.blocks);
    expect(ids.map((b) => b.action_id)).toEqual(['da06_report_task', 'da06_mark_done', 'da06_snooze']);
    expect(ids[0]?.block_id).toMatch(/^task_actions:\d+$/);
  });

  it('meeting (giao ban): none scheduled yet', async () => {
    const reply = await run(USERS.lan, 'giao ban');
    expect(reply.text).toContain('Lịch giao ban Tổ công tác');
    expect(reply.text).toContain('Chưa có lịch giao ban tiếp theo');
  });

  it('members: refused to a member, listed for an admin', async () => {
    const refused = await run(USERS.lan, 'members list');
    expect(refused.text).toContain('chỉ dành cho quản trị viên');
    const list = await run(USERS.admin, 'thanhvien list');
    expect(list.text).toContain('Thành viên Tổ công tác (5)');
    expect(list.text).toContain('slack:ULAN0001');
  });

  it('an unregistered Slack user is told who can add them, and how', async () => {
    const reply = await run('UNKNOWN9', 'tasks');
    expect(reply.text).toContain('Bạn chưa có trong danh sách thành viên');
    expect(reply.text).toContain('--slack UNKNOWN9');
    expect(reply.text).toContain('Lê Minh Tuấn');
  });

  it('report opens the modal (no reply message); another unit’s task is refused ephemerally', async () => {
    const fields = commandFields(h, USERS.lan, 'baocao 1');
    expect((await h.slack.command(fields)).status).toBe(200);
    const opened = await h.fake.waitForCall('views.open');
    expect(opened.params.trigger_id).toBe(fields.trigger_id);
    const refused = await run(USERS.lan, 'bao cao 3');
    expect(refused.text).toContain('Nhiệm vụ 3 không giao cho đơn vị CNTT');
    expect(h.fake.callsOf('views.open')).toHaveLength(1);
  });

  it('"Xem thêm" runs the command again for the asked page; a page that no longer exists says so', async () => {
    const more = (value: object) => ({
      type: 'button',
      action_id: 'da06_more',
      value: JSON.stringify(value),
      text: { type: 'plain_text', text: 'x' },
    });
    await h.slack.interactive(blockActions(h, USERS.lan, more({ c: 'help', p: 1 })));
    const page = await h.fake.waitForResponse();
    expect(textOf(page.body.blocks)).toContain('Các lệnh của trợ lý Đề án 06');
    h.fake.reset();
    await h.slack.interactive(blockActions(h, USERS.lan, more({ c: 'tasks', p: 3 })));
    const gone = await h.fake.waitForResponse();
    expect(textOf(gone.body.blocks)).toContain('Nội dung này đã thay đổi');
  });

  it('the task picker searched (external select): the member’s tasks matching what they type', async () => {
    const suggestion = {
      type: 'block_suggestion',
      user: { id: USERS.lan, name: 'lan', team_id: 'T1' },
      team: { id: 'T1', domain: 'bhxh' },
      api_app_id: 'A1',
      token: 't',
      action_id: 'da06_form_task',
      block_id: 'report_task',
      value: 'hoi nghi',
      container: { type: 'view', view_id: 'V1' },
    };
    const response = await h.slack.interactive(suggestion);
    expect(response.status).toBe(200);
    const options = response.json().options as Array<{ text: { text: string } }>;
    expect(options.map((o) => o.text.text)).toEqual(['1 — Tổ chức hội nghị']);
    const stranger = await h.slack.interactive({ ...suggestion, user: { id: 'UNKNOWN9', name: 'x' } });
    expect(stranger.json()).toEqual({ options: [] });
  });
});
