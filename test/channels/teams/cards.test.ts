/**
 * The Adaptive Cards: every view kind renders to a card that validates against the official
 * Adaptive Card 1.5 schema and stays under the size Teams accepts; long summaries and reminders go
 * on over pages ("Xem tiếp") without losing a line, both as pure renderers and over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  MeetingView,
  ReminderTask,
  ReminderView,
  SummaryView,
  View,
  Viewer,
} from '../../../src/app/views.ts';
import { readAction } from '../../../src/channels/teams/actions.ts';
import { CARD_BYTE_BUDGET, cardBytes, MAX_CARD_BYTES } from '../../../src/channels/teams/cards/card.ts';
import { renderOutcomeCard } from '../../../src/channels/teams/cards/outcome.ts';
import { renderReminderCard, renderReminderTasksCard } from '../../../src/channels/teams/cards/reminder.ts';
import { renderSummaryCard } from '../../../src/channels/teams/cards/summary.ts';
import { renderCard } from '../../../src/channels/teams/render.ts';
import { parseDeadline } from '../../../src/domain/deadline.ts';
import { periodFromKey } from '../../../src/domain/period.ts';
import type { TaskStanding } from '../../../src/domain/report.ts';
import { renderContext } from '../../../src/presentation/context.ts';
import { parsedTask } from '../../support/builders.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import {
  type Card,
  cardsOf,
  checkCard,
  executeActions,
  findAction,
  seenCards,
  textOf,
} from '../../support/teams/cards.ts';
import { type FakeConnector, startFakeConnector } from '../../support/teams/fake-connector.ts';
import { linkTeamsAccounts, people } from '../../support/teams/fixtures.ts';
import { APP_ID, APP_PASSWORD, TeamsHarness } from '../../support/teams/harness.ts';
import { type IdentityServer, startIdentityServer } from '../../support/teams/identity-server.ts';
import { cardSchemaErrors } from '../../support/teams/schemas.ts';

const CARD_ID = 'card-0000-0001';

let identity: IdentityServer;
let connector: FakeConnector;

beforeAll(async () => {
  identity = await startIdentityServer();
  connector = await startFakeConnector({ appId: APP_ID, password: APP_PASSWORD });
});

afterAll(async () => {
  await identity?.close();
  await connector?.close();
});

const viewer: Viewer = {
  memberId: 7,
  displayName: 'Nguyễn Thị Lan',
  unitCode: 'CNTT',
  unitName: 'Trung tâm Công nghệ thông tin',
  role: 'member',
  locale: 'vi',
};

function task(n: number, overrides: Partial<ReminderTask> = {}): ReminderTask {
  return {
    taskId: n,
    code: `${n}`,
    content: `Triển khai dịch vụ công trực tuyến số ${n} trên Cổng Dịch vụ công quốc gia, kết nối Cơ sở dữ liệu quốc gia về dân cư`,
    leadUnits: ['CNTT', `BHXH-${String(n % 63).padStart(2, '0')}`],
    deadline: { text: 'Quý II/2024', due: '2024-06-30' },
    standing: 'not_reported',
    daysOverdue: n % 3 === 0 ? n : null,
    ...overrides,
  };
}

const reminderOf = (
  topic: ReminderView['topic'],
  tasks: ReminderTask[],
  actions: boolean,
  extra: Partial<ReminderView> = {},
): ReminderView => ({
  kind: 'reminder',
  topic,
  period: periodFromKey('2024-06'),
  meeting: null,
  tasks,
  units: [],
  actions,
  ...extra,
});

/** Four deadline buckets of a summary: the same counts for each unit, the totals scaled. */
function bucketResult(units: { code: string; name: string }[], scale: number) {
  return {
    asOf: '2024-06-20',
    overall: {
      done_on_time: 7 * scale,
      done_late: 5 * scale,
      open_in_time: 11 * scale,
      open_overdue: 13 * scale,
    },
    undated: 17,
    units: units.map((u) => ({
      code: u.code,
      name: u.name,
      counts: { done_on_time: 4, done_late: 3, open_in_time: 9, open_overdue: 2 },
    })),
    occurrences: [],
  };
}

/** A summary of the whole group far too big for one card: 63 provinces, hundreds of overdue tasks, long blockers. */
function hugeSummary(): SummaryView {
  const units = Array.from({ length: 63 }, (_, i) => ({
    code: `BHXH-${String(i + 1).padStart(2, '0')}`,
    name: `Bảo hiểm xã hội tỉnh số ${i + 1} — đơn vị thực hiện Đề án 06 tại địa phương`,
    lead: 12,
    reported: i % 12,
    done: i % 5,
    inProgress: 3,
    blocked: 1,
    notStarted: 2,
    overdue: 63 - i,
  }));
  const overdue = Array.from({ length: 260 }, (_, i) => ({
    taskId: i + 1,
    code: `QH-${i + 1}`,
    content:
      `Nhiệm vụ quá hạn số ${i + 1}: hoàn thành kết nối, chia sẻ dữ liệu hộ tịch, cư trú với Cơ sở dữ liệu quốc gia về bảo hiểm`.repeat(
        2,
      ),
    leadUnits: [units[i % 63]!.code, 'CNTT'],
    due: '2024-03-31',
    daysOverdue: 300 - i,
    standing: (['not_reported', 'in_progress', 'blocked', 'not_started'] as TaskStanding[])[i % 4]!,
  }));
  const blockers = Array.from({ length: 90 }, (_, i) => ({
    taskId: i + 1,
    code: `QH-${i + 1}`,
    content: 'Nhiệm vụ',
    unitCode: units[i % 63]!.code,
    unitName: units[i % 63]!.name,
    memberName: `Cán bộ đầu mối ${i + 1}`,
    status: 'blocked' as const,
    text: `Vướng mắc số ${i + 1}: chưa có hướng dẫn kỹ thuật về kết nối; đề nghị Trung tâm CNTT hỗ trợ. `.repeat(
      40,
    ),
  }));
  return {
    kind: 'summary',
    viewer: { ...viewer, role: 'chair', unitCode: 'TCT', unitName: 'Tổ công tác' },
    period: periodFromKey('2024-06'),
    today: '2024-06-20',
    scopeUnit: null,
    taskCount: 760,
    totals: { done: 100, in_progress: 200, blocked: 60, not_started: 150, not_reported: 250 },
    tasks: [],
    units,
    overdue,
    blockers,
    notReported: units.map((u) => ({
      code: u.code,
      name: u.name,
      taskCodes: Array.from({ length: 45 }, (_, k) => `QH-${k + 1}`),
    })),
    lateReports: 12,
    unresolved: [],
    buckets: {
      period: bucketResult(units, 1),
      cumulative: bucketResult(units, 10),
    },
    change: {
      previousKey: '2024-05',
      totalsBefore: { done: 80, in_progress: 190, blocked: 70, not_started: 170, not_reported: 250 },
      newlyDone: Array.from({ length: 20 }, (_, i) => ({
        taskId: 1000 + i,
        code: `M-${i}`,
        content: 'Hoàn thành số hóa hồ sơ',
      })),
    },
  };
}

describe('Adaptive Card renderers (pure)', () => {
  const ctx = renderContext('vi');

  it('a summary marks the tasks whose units the directory could not map', () => {
    const names = [{ role: 'lead' as const, name: 'TTLT' }];
    const view = {
      ...hugeSummary(),
      unresolved: [{ taskId: 9, code: 'I.2', content: 'Lưu trữ hồ sơ', names }],
    };
    const first = renderSummaryCard(view, ctx, 1);
    const all = Array.from({ length: first.pages }, (_, i) =>
      JSON.stringify(renderSummaryCard(view, ctx, i + 1).card),
    ).join();
    expect(all).toContain('Nhiệm vụ có tên đơn vị chưa xác định (1)');
    expect(all).toContain('- [I.2] Lưu trữ hồ sơ — chủ trì \\"TTLT\\"');
    expect(all).toContain('da06 units alias');
    expect(JSON.stringify(renderSummaryCard(hugeSummary(), ctx, 1).card)).not.toContain('chưa xác định');
  });

  it('the validator really checks: an unknown element or property fails', () => {
    expect(
      cardSchemaErrors({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x' }] }),
    ).toEqual([]);
    expect(
      cardSchemaErrors({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Paragraph', text: 'x' }] }),
    ).not.toEqual([]);
    expect(
      cardSchemaErrors({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: 'x', colour: 'red' }],
      }),
    ).not.toEqual([]);
  });

  it('a summary of 63 provinces goes on over pages under the budget, every line on exactly one page', () => {
    const view = hugeSummary();
    const first = renderSummaryCard(view, ctx, 1);
    expect(first.pages).toBeGreaterThan(5);
    const pages: Card[] = [];
    for (let page = 1; page <= first.pages; page++) {
      const { card } = renderSummaryCard(view, ctx, page);
      checkCard(card);
      expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BYTE_BUDGET);
      expect(textOf(card)).toContain(`Trang ${page}/${first.pages}`);
      const next = executeActions(card).find((a) => a.title === 'Xem tiếp');
      if (page < first.pages) {
        expect(next?.verb).toBe('view.page');
        expect(readAction(next?.verb, next?.data)?.action).toEqual({
          verb: 'view.page',
          view: 'summary',
          period: '2024-06',
          page: page + 1,
        });
      } else {
        expect(next).toBeUndefined();
      }
      pages.push(checkCard(card));
    }
    const total = pages.reduce((sum, card) => sum + cardBytes(card), 0);
    expect(total).toBeGreaterThan(100_000);
    const all = pages.map(textOf).join('\n');
    for (const item of view.overdue) {
      expect(all.split(`[${item.code}] quá hạn`).length - 1, item.code).toBe(1);
    }
    for (const unit of view.units) expect(all).toContain(`${unit.code} — Bảo hiểm xã hội tỉnh số`);
    expect(all).toContain('… (xem đầy đủ: /da06 report QH-1)');
    expect(all).toContain('So với kỳ trước (tháng 5/2024)');
    expect(all).toContain('Báo cáo gửi muộn: 12');
    // The four deadline buckets, the period's and the cumulative count, and every unit's row.
    expect(all).toContain('Tiến độ theo thời hạn');
    expect(all).toContain('Chưa hoàn thành, quá hạn\n13\n130');
    expect(all).toContain('17 nhiệm vụ không tính hạn');
    for (const unit of view.units) expect(all).toContain(`${unit.code}\n4\n3\n9\n2`);
    // Out of range asks show the last page.
    expect(renderSummaryCard(view, ctx, 999).page).toBe(first.pages);
  });

  it('a reminder with many tasks shows what fits and carries the rest in "Xem tiếp"', () => {
    const tasks = Array.from({ length: 120 }, (_, i) => task(i + 1));
    const card = checkCard(renderReminderCard(reminderOf('round_open', tasks, true), ctx, CARD_ID));
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BYTE_BUDGET);
    const shown = executeActions(card)
      .filter((a) => a.verb === 'task.done')
      .map((a) => a.data.taskId as number);
    expect(shown.length).toBeGreaterThan(3);
    const more = findAction(card, 'reminder.page');
    const rest = (more.data.reminder as { tasks: number[] }).tasks;
    expect([...shown, ...rest]).toEqual(tasks.map((t) => t.taskId));
    expect(textOf(card)).toContain(`… và ${rest.length} nhiệm vụ khác, bấm "Xem tiếp" để xem.`);

    const digest = checkCard(renderReminderCard(reminderOf('overdue_digest', tasks, false), ctx, CARD_ID));
    expect(executeActions(digest).map((a) => a.verb)).toEqual(['view.page']);
    expect(textOf(digest)).toMatch(/… và \d+ nhiệm vụ khác/);
  });

  it('every reminder topic, with and without buttons, with units and people for the chair', () => {
    const topics: ReminderView['topic'][] = [
      'meeting',
      'round_open',
      'round_reminder',
      'overdue_nudge',
      'overdue_escalation',
      'overdue_digest',
      'unreachable_unit',
      'undeliverable',
    ];
    for (const topic of topics) {
      for (const locale of ['vi', 'en'] as const) {
        const view = reminderOf(
          topic,
          [task(1), task(2, { snoozedUntil: '2024-07-01', snoozeReason: 'Chờ kinh phí' })],
          topic !== 'overdue_digest',
          {
            meeting:
              topic === 'meeting'
                ? {
                    startsAt: '2024-06-25T02:00:00Z',
                    place: 'Phòng họp A',
                    agenda: 'Giao ban',
                    note: 'Mang tài liệu',
                  }
                : null,
            units: Array.from({ length: 80 }, (_, i) => ({
              code: `U${i}`,
              name: `Đơn vị ${i}`,
              taskCodes: ['1', '2'],
            })),
            people: Array.from({ length: 50 }, (_, i) => ({
              name: `Người ${i}`,
              unitCode: 'CNTT',
              reason: 'chưa cài ứng dụng Teams',
            })),
          },
        );
        const card = checkCard(renderCard(view, locale, { cardId: CARD_ID }));
        expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BYTE_BUDGET);
        expect(textOf(card).length).toBeGreaterThan(50);
      }
    }
    const vi = textOf(
      renderCard(
        reminderOf('meeting', [], false, {
          meeting: { startsAt: '2024-06-25T02:00:00Z', place: 'Phòng họp A', agenda: null, note: null },
        }),
        'vi',
        { cardId: CARD_ID },
      ),
    );
    expect(vi).toContain('Thời gian: thứ Ba, 25/06/2024 09:00');
    expect(vi).toContain('Địa điểm: Phòng họp A');
  });

  it('a reminder task has the three buttons; "Nhắc lại sau" asks a day (required) and a reason', () => {
    const card = checkCard(renderReminderCard(reminderOf('overdue_nudge', [task(5)], true), ctx, CARD_ID));
    const titles = JSON.stringify(card);
    for (const label of [
      'Cập nhật tiến độ',
      'Đã hoàn thành',
      'Nhắc lại sau',
      'Xác nhận đã hoàn thành',
      'Xác nhận nhắc lại',
    ]) {
      expect(titles).toContain(label);
    }
    expect(titles).toContain('"type":"Input.Date","id":"until_5"');
    // Only the buttons that send something gather (and validate) inputs.
    expect((findAction(card, 'report.open') as unknown as Record<string, unknown>).associatedInputs).toBe(
      'None',
    );
    expect(findAction(card, 'task.snooze')).not.toHaveProperty('associatedInputs');
    expect(findAction(card, 'task.snooze').data).toMatchObject({
      cardId: CARD_ID,
      taskId: 5,
      reminder: { topic: 'overdue_nudge', tasks: [5] },
    });
  });

  it('the confirmation, with and without the rest of a reminder', () => {
    const saved: View = {
      kind: 'report-saved',
      viewer,
      period: periodFromKey('2024-06'),
      taskCode: '5',
      taskContent: 'Nâng cấp phần mềm',
      status: 'in_progress',
      percent: 40,
      revision: 2,
      late: true,
    };
    const alone = checkCard(renderOutcomeCard(saved, ctx, { cardId: CARD_ID }));
    expect(textOf(alone)).toContain(
      '✓ Đã cập nhật báo cáo nhiệm vụ 5 kỳ tháng 6/2024 (phiên bản 2): Đang triển khai, 40%.',
    );
    expect(textOf(alone)).toContain('báo cáo muộn');
    const ref = { topic: 'round_open' as const, period: '2024-06', tasks: [5, 6] };
    const withRest = checkCard(
      renderOutcomeCard(saved, ctx, { cardId: CARD_ID, remaining: { reminder: ref, tasks: [task(6)] } }),
    );
    expect(textOf(withRest)).toContain('[6] Triển khai dịch vụ công');
    const pages = renderReminderTasksCard(
      ref,
      Array.from({ length: 80 }, (_, i) => task(i + 1)),
      ctx,
      { cardId: CARD_ID },
    );
    expect(pages.pages).toBeGreaterThan(1);
    checkCard(pages.card);
  });
});

describeEachDatabase('Adaptive Cards of every view the core answers', (db) => {
  let f: CoreFixture;

  beforeAll(async () => {
    f = await createCoreFixture(db());
    await f.core.submitReport(f.viewers.lan, {
      task: '1',
      draft: {
        status: 'blocked',
        percent: '20',
        done: 'Đã dự thảo',
        blockers: 'Thiếu kinh phí',
        evidenceUrl: 'https://example.vn/a',
      },
    });
  });

  it('validate in both languages, for every role', async () => {
    const meeting: MeetingView = {
      kind: 'meeting',
      viewer,
      next: {
        startsAt: '2024-06-25T02:00:00Z',
        place: 'Phòng họp tầng 3',
        agenda: 'Giao ban tháng 6',
        note: 'Đúng giờ',
      },
    };
    const views: View[] = [meeting, { ...meeting, next: null }, { kind: 'help', viewer: null, admin: false }];
    for (const who of Object.values(f.viewers)) {
      for (const command of [
        'help',
        'nhiệm vụ',
        'báo cáo',
        'báo cáo 1',
        'báo cáo 2',
        'tổng hợp',
        'tổng hợp 2024-05',
        'quá hạn',
        'giao ban',
        'thành viên',
        'xyz',
      ]) {
        const { parseChatCommand } = await import('../../../src/app/chat-command.ts');
        views.push(await f.core.handle(who, parseChatCommand(command)));
      }
    }
    views.push(
      await f.core.submitReport(f.viewers.lan, {
        task: '4',
        draft: { status: 'done', percent: '10', done: '', evidenceUrl: 'x' },
      }),
      await f.core.submitReport(f.viewers.lan, {
        task: '4',
        draft: { status: 'in_progress', percent: '10', done: 'Đã làm' },
      }),
      await f.core.snooze(f.viewers.lan, '1', '2024-07-01', 'Chờ'),
    );
    const kinds = new Set<string>();
    for (const view of views) {
      kinds.add(view.kind);
      for (const locale of ['vi', 'en'] as const) {
        const card = checkCard(renderCard(view, locale, { cardId: CARD_ID }));
        expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
      }
    }
    expect([...kinds].sort()).toEqual([
      'help',
      'meeting',
      'members',
      'my-tasks',
      'notice',
      'overdue',
      'report-form',
      'report-saved',
      'summary',
    ]);
  });
});

describe('a large plan over HTTP', () => {
  describeEachDatabase('the chair pages through the summary with "Xem tiếp"', (db) => {
    let f: CoreFixture;
    let h: TeamsHarness;
    const provinces = Array.from({ length: 63 }, (_, i) => ({
      code: `BHXH-T${String(i + 1).padStart(2, '0')}`,
      kind: 'provincial' as const,
      name: `Bảo hiểm xã hội tỉnh thử nghiệm số ${i + 1}`,
      aliases: [],
    }));

    beforeAll(async () => {
      f = await createCoreFixture(db());
      await linkTeamsAccounts(f);
      await f.core.deps.units.sync(provinces, 'test');
      const tasks = Array.from({ length: 240 }, (_, i) =>
        parsedTask(`${100 + i}`, {
          content: `Rà soát, làm sạch dữ liệu người tham gia bảo hiểm xã hội, bảo hiểm y tế đợt ${i + 1} theo Đề án 06`,
          leadUnits: [provinces[i % 63]!.code],
          leadText: provinces[i % 63]!.name,
          deadline: parseDeadline(`Tháng ${String((i % 5) + 1).padStart(2, '0')}/2024`),
        }),
      );
      await f.core.deps.plans.save(
        f.core.deps.group.id,
        { number: 'L/2024', title: 'Kế hoạch lớn', year: 2024, issuedOn: null },
        tasks,
        'test',
      );
      h = await TeamsHarness.start(f, { identity, connector });
    });
    afterAll(async () => h?.close());

    it('every page under the limit, every overdue task on one page, and back again', async () => {
      connector.clear();
      await h.message(people.khanh, 'tổng hợp');
      let card = cardsOf(connector.posted[0])[0]!;
      const texts = [textOf(card)];
      let pages = 1;
      for (let guard = 0; guard < 60; guard++) {
        const next = executeActions(card).find((a) => a.title === 'Xem tiếp');
        if (!next) break;
        const answer = await h.invoke(people.khanh, next.verb, next.data);
        card = answer.value as Card;
        texts.push(textOf(card));
        pages++;
      }
      expect(pages).toBeGreaterThan(2);
      expect(texts.at(-1)).toContain(`Trang ${pages}/${pages}`);
      const all = texts.join('\n');
      for (let i = 0; i < 240; i++) expect(all, `task ${100 + i}`).toContain(`[${100 + i}] quá hạn`);
      expect(all).toContain('BHXH-T63 — Bảo hiểm xã hội tỉnh thử nghiệm số 63');

      const previous = findAction(card, 'view.page', (d) => d.page === pages - 1);
      const back = await h.invoke(people.khanh, previous.verb, previous.data);
      expect(textOf(back.value)).toContain(`Trang ${pages - 1}/${pages}`);
    });
  });
});

describe('every card seen in this file', () => {
  it('validated against the Adaptive Card 1.5 schema', () => {
    expect(seenCards.length).toBeGreaterThan(100);
    for (const card of seenCards) expect(cardSchemaErrors(card)).toEqual([]);
  });
});
