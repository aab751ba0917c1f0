/**
 * The status form: the modal `/da06 report` opens (the member's tasks only, pre-filled when editing),
 * submissions with field errors in the member's language, saves and edits, and one report for a
 * double submit or a retried delivery.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { t } from '../../../src/i18n/index.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import {
  asView,
  commandFields,
  confirmationOf,
  elementOf,
  type Harness,
  type ReportInput,
  reportValues,
  startHarness,
  textOf,
  USERS,
  viewOutput,
  viewSubmission,
} from '../../support/slack/harness.ts';

describeEachDatabase('Slack report modal', (db) => {
  let h: Harness;
  let taskIds: Record<string, number>;

  beforeAll(async () => {
    h = await startHarness(db());
    const tasks = await h.fixture.core.deps.plans.listTasks(h.fixture.core.deps.group.id);
    taskIds = Object.fromEntries(tasks.map((t) => [t.code, t.id]));
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(() => h.fake.reset());

  /** `/da06 text` as `user`; the view the app opened. */
  async function open(user: string, text: string): Promise<Record<string, unknown>> {
    const fields = commandFields(h, user, text);
    expect((await h.slack.command(fields)).status).toBe(200);
    const call = await h.fake.waitForCall('views.open', (c) => c.params.trigger_id === fields.trigger_id);
    return call.params.view as Record<string, unknown>;
  }

  function submit(user: string, opened: Record<string, unknown>, input: ReportInput, viewId?: string) {
    return h.slack.interactive(viewSubmission(user, viewOutput(opened, reportValues(input), viewId)));
  }

  const reportsOf = (taskId: number) => db().client.statusReport.findMany({ where: { taskId } });

  it('opens with the member’s tasks only and the chosen task selected; nothing to pre-fill yet', async () => {
    const view = await open(USERS.lan, 'report 1');
    expect(view).toMatchObject({ type: 'modal', callback_id: 'da06_report_form' });
    const blocks = asView(view).blocks;
    const task = elementOf(view, 'report_task');
    expect(task.type).toBe('static_select');
    expect(task.options?.map((o) => o.text.text)).toEqual([
      '1 — Tổ chức hội nghị',
      '2 — Số hóa hồ sơ',
      '4 — Nâng cấp phần mềm',
    ]);
    expect(task.initial_option?.value).toBe(String(taskIds['1']));
    const status = elementOf(view, 'report_status');
    expect(status.options?.map((o) => o.text.text)).toEqual([
      'Chưa triển khai',
      'Đang triển khai',
      'Đã hoàn thành',
      'Vướng mắc',
    ]);
    expect(status.initial_option).toBeUndefined();
    expect(textOf(blocks)).toContain('đây là báo cáo mới');
    expect(JSON.parse(String(view.private_metadata))).toMatchObject({
      task: taskIds['1'],
      period: '2024-06',
      origin: 'command',
    });
    const picker = await open(USERS.lan, 'report');
    expect(elementOf(picker, 'report_task').initial_option).toBeUndefined();
  });

  it('invalid fields come back beside them, in the member’s language, and nothing is stored', async () => {
    const view = await open(USERS.lan, 'report 1');
    const response = await submit(USERS.lan, view, {
      task: taskIds['1'],
      status: 'done',
      percent: '50',
      done: '',
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      response_action: 'errors',
      errors: {
        report_percent: 'Nhiệm vụ ở tình trạng Đã hoàn thành thì tỷ lệ hoàn thành phải là 100%.',
        report_done: 'Vui lòng nêu kết quả đã thực hiện trong kỳ.',
      },
    });
    expect(await reportsOf(taskIds['1']!)).toHaveLength(0);

    await db().client.member.update({
      where: { id: h.fixture.viewers.minh.memberId },
      data: { locale: 'en' },
    });
    const english = await open(USERS.minh, 'report 2');
    const refused = await submit(USERS.minh, english, {
      task: taskIds['2'],
      status: 'blocked',
      percent: '20',
      done: 'Đã khảo sát',
    });
    expect(refused.json()).toEqual({
      response_action: 'errors',
      errors: { report_blockers: t('en', 'report.error.blocked_needs_reason') },
    });
  });

  it('a valid submission is stored and the form replaced in place by the confirmation; nothing else is posted', async () => {
    const view = await open(USERS.lan, 'report 1');
    const response = await submit(USERS.lan, view, {
      task: taskIds['1'],
      status: 'in_progress',
      percent: '40',
      done: 'Đã xây dựng dự thảo kế hoạch hội nghị',
      blockers: 'Chờ ý kiến của Bộ Công an',
      evidence: 'https://vanban.example.vn/kh-01',
    });
    expect(response.status).toBe(200);
    expect(confirmationOf(response)).toContain(
      'Đã ghi nhận báo cáo nhiệm vụ 1 kỳ tháng 6/2024: Đang triển khai, 40%.',
    );
    const [report] = await reportsOf(taskIds['1']!);
    expect(report).toMatchObject({
      status: 'in_progress',
      percent: 40,
      revision: 1,
      evidenceUrl: 'https://vanban.example.vn/kh-01',
    });
    await h.channel.whenIdle();
    expect(h.fake.responses).toHaveLength(0);
  });

  it('editing: the modal is pre-filled with this period’s report, and the edit becomes revision 2', async () => {
    const view = await open(USERS.lan, 'report 1');
    const blocks = asView(view).blocks;
    const byId = (id: string) => elementOf(view, id);
    expect(byId('report_status').initial_option?.value).toBe('in_progress');
    expect(byId('report_percent').initial_value).toBe('40');
    expect(byId('report_done').initial_value).toBe('Đã xây dựng dự thảo kế hoạch hội nghị');
    expect(byId('report_blockers').initial_value).toBe('Chờ ý kiến của Bộ Công an');
    expect(byId('report_evidence').initial_value).toBe('https://vanban.example.vn/kh-01');
    expect(textOf(blocks)).toContain('người báo cáo: Nguyễn Thị Lan');
    const response = await submit(USERS.lan, view, {
      task: taskIds['1'],
      status: 'done',
      percent: '100',
      done: 'Đã tổ chức hội nghị',
    });
    expect(confirmationOf(response)).toContain('(phiên bản 2)');
    expect(await reportsOf(taskIds['1']!)).toMatchObject([
      { status: 'done', percent: 100, revision: 2, blockers: null },
    ]);
  });

  it('choosing another task in the modal reloads it pre-filled for that task', async () => {
    const view = await open(USERS.lan, 'report');
    const opened = viewOutput(view, reportValues({}), 'VPICK1');
    const select = {
      type: 'static_select',
      action_id: 'da06_form_task',
      selected_option: { value: String(taskIds['1']) },
    };
    const click = {
      type: 'block_actions',
      team: { id: 'T1', domain: 'bhxh' },
      user: { id: USERS.lan, username: 'lan', team_id: 'T1' },
      api_app_id: 'A1',
      token: 't',
      trigger_id: 'trigger-pick',
      container: { type: 'view', view_id: 'VPICK1' },
      view: opened,
      actions: [{ ...select, block_id: 'report_task', action_ts: '1' }],
    };
    expect((await h.slack.interactive(click)).status).toBe(200);
    const update = await h.fake.waitForCall('views.update');
    expect(update.params).toMatchObject({ view_id: 'VPICK1', hash: 'hash-VPICK1' });
    expect(elementOf(update.params.view, 'report_status').initial_option?.value).toBe('done');
  });

  it('a double submit and a retried delivery store one report (revision 1); each answer is its confirmation', async () => {
    const view = await open(USERS.lan, 'report 4');
    const input = {
      task: taskIds['4'],
      status: 'in_progress',
      percent: '10',
      done: 'Đã khảo sát hiện trạng phần mềm',
    };
    const payload = viewSubmission(USERS.lan, viewOutput(view, reportValues(input), 'VDOUBLE'));
    const [first, second] = await Promise.all([h.slack.interactive(payload), h.slack.interactive(payload)]);
    const retried = await h.slack.interactive(payload, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    for (const response of [first, second, retried]) {
      expect(response.status).toBe(200);
      expect(confirmationOf(response)).toContain('nhiệm vụ 4');
    }
    const reports = await reportsOf(taskIds['4']!);
    expect(reports.filter((r) => r.unitId === reports[0]?.unitId)).toMatchObject([
      { revision: 1, percent: 10 },
    ]);
    expect(await db().client.statusReportRevision.count({ where: { reportId: reports[0]!.id } })).toBe(1);
    await h.channel.whenIdle();
    expect(h.fake.responses).toHaveLength(0);
  });

  it('a submission without a task is answered beside the task picker', async () => {
    const view = await open(USERS.lan, 'report');
    const response = await submit(USERS.lan, view, { status: 'in_progress', percent: '5', done: 'x' });
    expect(response.json()).toEqual({
      response_action: 'errors',
      errors: { report_task: 'Vui lòng chọn nhiệm vụ cần báo cáo.' },
    });
  });

  it('work slower than the ack budget: acked at once, the outcome follows as a message', async () => {
    const slow = await startHarness(db(), { fixture: h.fixture, timing: { ackBudgetMs: 0 } });
    try {
      const fields = commandFields(slow, USERS.lan, 'report 2');
      await slow.slack.command(fields);
      const view = (await slow.fake.waitForCall('views.open')).params.view as Record<string, unknown>;
      const path = new URL(JSON.parse(String(view.private_metadata)).responseUrl).pathname;
      const bad = await slow.slack.interactive(
        viewSubmission(
          USERS.lan,
          viewOutput(view, reportValues({ task: taskIds['2'], status: 'done', percent: '10', done: 'x' })),
        ),
      );
      expect(bad.body).toBe('');
      const errors = await slow.fake.waitForResponse((post) => post.path === path);
      expect(String(errors.body.text)).toContain('Vui lòng sửa các mục sau:');
      expect(String(errors.body.text)).toContain('phải là 100%');
      const good = await slow.slack.interactive(
        viewSubmission(
          USERS.lan,
          viewOutput(
            view,
            reportValues({
              task: taskIds['2'],
              status: 'in_progress',
              percent: '10',
              done: 'Đã phối hợp khảo sát',
            }),
          ),
        ),
      );
      expect(good.body).toBe('');
      await slow.fake.waitForResponse(
        (post) => post.path === path && String(post.body.text).includes('nhiệm vụ 2'),
      );
      expect(await reportsOf(taskIds['2']!)).toMatchObject([{ percent: 10, revision: 1 }]);
    } finally {
      await slow.close();
    }
  });

  it('during the grace days the modal asks which month, the previous one first; the report goes there', async () => {
    h.fixture.clock.set('2024-07-03T10:00:00+07:00');
    try {
      const view = await open(USERS.lan, 'report 4');
      const period = elementOf(view, 'report_period');
      expect(period.type).toBe('static_select');
      expect(period.options?.map((o) => [o.value, o.text.text])).toEqual([
        ['2024-06', 'tháng 6/2024'],
        ['2024-07', 'tháng 7/2024'],
      ]);
      expect(period.initial_option?.value).toBe('2024-06');
      const response = await submit(USERS.lan, view, {
        task: taskIds['4'],
        status: 'in_progress',
        percent: '10',
        done: 'Đã khảo sát',
        period: '2024-07',
      });
      expect(confirmationOf(response)).toContain('kỳ tháng 7/2024');
      // "/da06 report 2 2024-07" opens on July already.
      const typed = await open(USERS.lan, 'report 4 2024-07');
      expect(elementOf(typed, 'report_period').initial_option?.value).toBe('2024-07');
      // After the grace days there is one month to report on, and no question.
      h.fixture.clock.set('2024-07-11T10:00:00+07:00');
      const after = await open(USERS.lan, 'report 4');
      expect(() => elementOf(after, 'report_period')).toThrow();
    } finally {
      h.fixture.clock.set('2024-06-20T09:00:00+07:00');
    }
  });
});
