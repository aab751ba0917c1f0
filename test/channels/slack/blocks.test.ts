/**
 * Block Kit limits, kept by the renderers whatever the data: ≤ 50 blocks per message (more pages with
 * a "Xem thêm" path), ≤ 100 per modal or App Home, texts ≤ 3000 characters, headers ≤ 150, ≤ 100
 * options per select, a plain `text` fallback on every message, mrkdwn escaped.
 */
import { describe, expect, it } from 'vitest';
import type {
  MyTasksView,
  ReminderView,
  ReportFormView,
  SummaryView,
  TaskItemView,
  View,
  Viewer,
} from '../../../src/app/views.ts';
import { renderHome } from '../../../src/channels/slack/blocks/home.ts';
import { LIMITS } from '../../../src/channels/slack/blocks/kit.ts';
import { renderMessage } from '../../../src/channels/slack/blocks/message.ts';
import { reportModal } from '../../../src/channels/slack/blocks/report-modal.ts';
import { messagePages, parseMore, replyPages } from '../../../src/channels/slack/flows/pages.ts';
import type { Period } from '../../../src/domain/period.ts';
import { renderContext } from '../../../src/presentation/context.ts';
import { actionIds, buttons, elementOf, textOf } from '../../support/slack/harness.ts';

/** The fields of Block Kit JSON the limits concern. */
interface ElementLike {
  type?: string;
  text?: string | { text: string };
  options?: Array<{ text: { text: string } }>;
  elements?: unknown[];
}

const ctx = renderContext('vi', 'Asia/Ho_Chi_Minh');
const period: Period = {
  kind: 'month',
  key: '2024-06',
  startsOn: '2024-06-01',
  endsOn: '2024-06-30',
} as Period;
const chair: Viewer = {
  memberId: 1,
  displayName: 'Trần Quốc Khánh',
  unitCode: 'TCT',
  unitName: 'Tổ công tác',
  role: 'chair',
  locale: 'vi',
};
const long = (n: number) => 'Nội dung rất dài của nhiệm vụ, '.repeat(Math.ceil(n / 30)).slice(0, n);

/** Every limit of one message or view, checked on its JSON. */
function expectWithinLimits(value: { blocks: unknown[] }, maxBlocks: number) {
  expect(value.blocks.length).toBeLessThanOrEqual(maxBlocks);
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown> & ElementLike;
      if ((record.type === 'mrkdwn' || record.type === 'plain_text') && typeof record.text === 'string') {
        expect([...record.text].length).toBeLessThanOrEqual(LIMITS.text);
      }
      const label = typeof record.text === 'object' ? record.text.text : '';
      if (record.type === 'header') expect([...label].length).toBeLessThanOrEqual(LIMITS.headerText);
      if (record.type === 'button') expect([...label].length).toBeLessThanOrEqual(LIMITS.buttonText);
      if (Array.isArray(record.options)) {
        expect(record.options.length).toBeLessThanOrEqual(LIMITS.selectOptions);
        for (const option of record.options)
          expect([...option.text.text].length).toBeLessThanOrEqual(LIMITS.optionText);
      }
      if (record.type === 'context')
        expect(record.elements?.length).toBeLessThanOrEqual(LIMITS.contextElements);
      Object.values(record).forEach(visit);
    }
  };
  visit(value.blocks);
  const blockIds = (value.blocks as Array<{ block_id?: string }>).map((b) => b.block_id).filter(Boolean);
  expect(new Set(blockIds).size).toBe(blockIds.length);
}

/** The four deadline buckets for a big summary: each unit the same counts. */
function bucketsOf(units: { code: string; name: string }[]): SummaryView['buckets'] {
  const counts = { done_on_time: 4, done_late: 3, open_in_time: 9, open_overdue: 2 };
  const result = (scale: number) => ({
    asOf: '2024-06-20',
    overall: {
      done_on_time: 7 * scale,
      done_late: 5 * scale,
      open_in_time: 11 * scale,
      open_overdue: 13 * scale,
    },
    undated: 17,
    units: units.map((u) => ({ code: u.code, name: u.name, counts })),
    occurrences: [],
  });
  return { period: result(1), cumulative: result(10) };
}

function bigSummary(units: number): SummaryView {
  const unitRows = Array.from({ length: units }, (_, i) => ({
    code: `BHXH${String(i + 1).padStart(3, '0')}`,
    name: `Bảo hiểm xã hội tỉnh số ${i + 1} ${long(60)}`,
    lead: 20,
    reported: 10,
    done: 3,
    inProgress: 5,
    blocked: 1,
    notStarted: 1,
    overdue: 2,
  }));
  const task = (i: number) => ({ taskId: i, code: String(i), content: long(500) });
  return {
    kind: 'summary',
    viewer: chair,
    period,
    today: '2024-06-20',
    scopeUnit: null,
    taskCount: 400,
    totals: { done: 100, in_progress: 100, blocked: 50, not_started: 50, not_reported: 100 },
    tasks: [],
    units: unitRows,
    overdue: Array.from({ length: 90 }, (_, i) => ({
      ...task(i),
      leadUnits: unitRows.slice(0, 30).map((u) => u.code),
      due: '2024-02-29',
      daysOverdue: 100 - i,
      standing: 'in_progress' as const,
    })),
    blockers: Array.from({ length: 40 }, (_, i) => ({
      ...task(i),
      unitCode: 'CNTT',
      unitName: 'Trung tâm Công nghệ thông tin',
      memberName: 'Nguyễn Thị Lan',
      status: 'blocked' as const,
      text: long(5000),
    })),
    notReported: unitRows.map((u) => ({
      code: u.code,
      name: u.name,
      taskCodes: Array.from({ length: 45 }, (_, i) => String(i)),
    })),
    lateReports: 3,
    unresolved: [],
    buckets: bucketsOf(unitRows),
    change: {
      previousKey: '2024-05',
      totalsBefore: { done: 90, in_progress: 100, blocked: 60, not_started: 50, not_reported: 100 },
      newlyDone: Array.from({ length: 10 }, (_, i) => task(i)),
    },
  };
}

describe('Slack Block Kit limits', () => {
  it('a summary marks the tasks whose units the directory could not map', () => {
    const names = [{ role: 'lead' as const, name: 'TTLT' }];
    const view = {
      ...bigSummary(3),
      unresolved: [{ taskId: 9, code: 'I.2', content: 'Lưu trữ hồ sơ', names }],
    };
    const text = textOf(replyPages(renderMessage(view, ctx), ctx, 'summary').flatMap((p) => p.blocks));
    expect(text).toContain('Nhiệm vụ có tên đơn vị chưa xác định (1)');
    expect(text).toContain('*[I.2]* Lưu trữ hồ sơ — chủ trì "TTLT"');
    expect(text).toContain('da06 units alias');
    expect(textOf(renderMessage(bigSummary(3), ctx))).not.toContain('chưa xác định');
  });

  it('a summary of 120 units stays within 50 blocks and 3000 characters per text', () => {
    const view = bigSummary(120);
    const pages = replyPages(renderMessage(view, ctx), ctx, 'summary');
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expectWithinLimits(page!, LIMITS.messageBlocks);
    expect(page!.text.length).toBeGreaterThan(0);
    const text = textOf(page!.blocks);
    for (const unit of view.units) expect(text).toContain(`*${unit.code}*`);
    // The four deadline buckets: the period's and the cumulative count, and each unit's on its line.
    expect(text).toContain('Chưa hoàn thành, quá hạn: *13* / *130*');
    expect(text).toContain('17 nhiệm vụ không tính hạn');
    expect(text.split('_Đúng hạn 4 · HT quá hạn 3 · Trong hạn 9 · Quá hạn 2_').length - 1).toBe(120);
  });

  it('longer still: pages of ≤ 50 blocks, each but the last ending with "Xem thêm" for the next page', () => {
    const view = bigSummary(400);
    const pages = replyPages(renderMessage(view, ctx), ctx, 'tonghop 2024-06');
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expectWithinLimits(page, LIMITS.messageBlocks);
      expect(page.text.trim()).not.toBe('');
      const more = buttons(page.blocks).filter((b) => b.action_id === 'da06_more');
      if (index === pages.length - 1) expect(more).toHaveLength(0);
      else expect(more.map((b) => parseMore(b.value))).toEqual([{ c: 'tonghop 2024-06', p: index + 2 }]);
    });
    const all = pages.map((page) => textOf(page.blocks)).join('\n');
    for (const unit of view.units) expect(all).toContain(`*${unit.code}*`);
  });

  it('a reminder with 60 tasks: every task keeps its buttons, pages never split a task from them', () => {
    const view: ReminderView = {
      kind: 'reminder',
      topic: 'round_reminder',
      period,
      meeting: null,
      tasks: Array.from({ length: 60 }, (_, i) => ({
        taskId: i + 1,
        code: String(i + 1),
        content: long(4000),
        leadUnits: ['CNTT'],
        deadline: { text: 'Quý II/2024', due: '2024-06-30' },
        standing: 'not_reported' as const,
        daysOverdue: null,
      })),
      units: [],
      actions: true,
    };
    const pages = messagePages(view, ctx);
    expect(pages.length).toBe(3);
    let rows = 0;
    for (const page of pages) {
      expectWithinLimits(page, LIMITS.messageBlocks);
      const blocks = page.blocks as Array<{ type: string; block_id?: string }>;
      blocks.forEach((block, i) => {
        if (block.block_id?.startsWith('task_actions:')) {
          rows++;
          expect(blocks[i - 1]?.type).toBe('section');
        }
      });
    }
    expect(rows).toBe(60);
  });

  it('the report modal: ≤ 100 tasks as a static list; more as a searchable external select', () => {
    const form = (n: number): ReportFormView => ({
      kind: 'report-form',
      viewer: chair,
      period,
      periods: [period],
      choices: Array.from({ length: n }, (_, i) => ({
        taskId: i + 1,
        code: String(i + 1),
        content: long(300),
      })),
      taskId: 1,
      current: null,
      errors: [],
    });
    const meta = { task: null, origin: 'command' as const };
    const hundred = reportModal(form(100), meta, ctx);
    expectWithinLimits(hundred, LIMITS.viewBlocks);
    const select = (view: typeof hundred) => elementOf(view, 'report_task');
    expect(select(hundred)).toMatchObject({ type: 'static_select' });
    expect(select(hundred).options).toHaveLength(100);
    const many = reportModal(form(150), meta, ctx);
    expect(select(many)).toMatchObject({
      type: 'external_select',
      action_id: 'da06_form_task',
      min_query_length: 0,
    });
    expect(select(many).initial_option?.value).toBe('1');
    expect([...String(hundred.title.text)].length).toBeLessThanOrEqual(LIMITS.modalTitle);
    expect(String(hundred.private_metadata).length).toBeLessThanOrEqual(LIMITS.privateMetadata);
  });

  it('the App Home with 130 tasks: ≤ 100 blocks, paged with "Xem thêm"', () => {
    const task = (i: number): TaskItemView => ({
      taskId: i,
      code: String(i),
      planNumber: '147/QĐ-BHXH',
      content: long(2000),
      section: null,
      role: 'lead',
      leadUnits: ['CNTT'],
      deadline: {
        text: 'Năm 2024',
        kind: 'year',
        due: '2024-12-31',
        daysLeft: 194,
        overdue: false,
      } as TaskItemView['deadline'],
      product: null,
      latest: null,
      reportedThisPeriod: false,
    });
    const tasks: MyTasksView = {
      kind: 'my-tasks',
      viewer: chair,
      period,
      today: '2024-06-20',
      tasks: Array.from({ length: 130 }, (_, i) => task(i + 1)),
    };
    const meeting = { kind: 'meeting' as const, viewer: chair, next: null };
    const first = renderHome({ viewer: chair, tasks, meeting, summary: bigSummary(63) }, ctx, 1);
    expectWithinLimits(first, LIMITS.viewBlocks);
    expect(
      buttons(first.blocks)
        .filter((b) => b.action_id === 'da06_home_page')
        .map((b) => b.value),
    ).toEqual(['2']);
    const last = renderHome({ viewer: chair, tasks, meeting, summary: null }, ctx, 4);
    expectWithinLimits(last, LIMITS.viewBlocks);
    expect(textOf(last.blocks)).toContain('*[130]*');
    expect(
      buttons(last.blocks)
        .filter((b) => b.action_id === 'da06_home_page')
        .map((b) => b.value),
    ).toEqual(['3']);
  });

  it('people’s words never become mentions or links', () => {
    const view: View = {
      kind: 'reminder',
      topic: 'overdue_nudge',
      period: null,
      meeting: null,
      tasks: [
        {
          taskId: 1,
          code: '1',
          content: '<!channel> xem <https://evil.example|đây> & <@U123>',
          leadUnits: ['CNTT'],
          deadline: { text: '', due: null },
          standing: 'not_reported',
          daysOverdue: null,
        },
      ],
      units: [],
      actions: true,
    };
    const text = textOf(renderMessage(view, ctx).blocks);
    expect(text).toContain('&lt;!channel&gt; xem &lt;https://evil.example|đây&gt; &amp; &lt;@U123&gt;');
    expect(text).not.toContain('<!channel>');
  });

  it('every view kind renders a non-empty text fallback and known action ids only', () => {
    const views: View[] = [
      { kind: 'help', viewer: chair, admin: true },
      { kind: 'notice', tone: 'error', key: 'auth.admin_only' },
      {
        kind: 'meeting',
        viewer: chair,
        next: { startsAt: '2024-06-25T02:00:00Z', place: 'P1', agenda: 'A', note: null },
      },
      { kind: 'members', viewer: chair, members: [] },
      { kind: 'overdue', viewer: chair, today: '2024-06-20', items: [] },
      {
        kind: 'report-saved',
        viewer: chair,
        period,
        taskCode: '1',
        taskContent: 'x',
        status: 'done',
        percent: 100,
        revision: 2,
        late: true,
      },
      bigSummary(3),
    ];
    for (const view of views) {
      const rendered = renderMessage(view, ctx);
      expect(rendered.text.trim(), view.kind).not.toBe('');
      expectWithinLimits(rendered, LIMITS.messageBlocks);
      for (const id of actionIds(rendered.blocks)) expect(id).toMatch(/^da06_/);
    }
  });
});
