import { describe, expect, it } from 'vitest';
import type {
  DeadlineView,
  HelpView,
  MeetingView,
  MembersView,
  MyTasksView,
  NoticeView,
  OverdueView,
  ReminderView,
  ReportFormView,
  ReportSavedView,
  SummaryView,
  TaskItemView,
  View,
  Viewer,
} from '../../../src/app/views.ts';
import { renderView } from '../../../src/channels/terminal/render.ts';
import type { Period } from '../../../src/domain/period.ts';
import type { TaskStanding } from '../../../src/domain/report.ts';

const JUNE: Period = {
  key: '2024-06',
  kind: 'month',
  year: 2024,
  index: 6,
  startsOn: '2024-06-01',
  endsOn: '2024-06-30',
};

const viewer: Viewer = {
  memberId: 1,
  displayName: 'Nguyễn Thị Lan',
  unitCode: 'CNTT',
  unitName: 'Trung tâm Công nghệ thông tin',
  role: 'chair',
  locale: 'vi',
};

const LONG_CONTENT =
  'Triển khai xác thực thông tin công dân qua Cơ sở dữ liệu quốc gia về dân cư đối với người tham gia bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp; làm sạch dữ liệu và đồng bộ với hệ thống nghiệp vụ của ngành trên toàn quốc theo lộ trình được phê duyệt';

function deadline(overrides: Partial<DeadlineView> = {}): DeadlineView {
  return {
    text: 'Tháng 02/2024',
    kind: 'month',
    due: '2024-02-29',
    daysLeft: -12,
    overdue: true,
    ...overrides,
  };
}

function task(code: string, overrides: Partial<TaskItemView> = {}): TaskItemView {
  return {
    taskId: Number(code.replace(/\D/g, '')) || 1,
    code,
    planNumber: '147/QĐ-BHXH',
    content: `Nhiệm vụ ${code}`,
    section: null,
    role: 'lead',
    leadUnits: ['CNTT'],
    deadline: deadline(),
    product: null,
    latest: null,
    reportedThisPeriod: false,
    ...overrides,
  };
}

/** Wide by default, so assertions on whole sentences do not depend on where lines wrap. */
function render(view: View, locale: 'vi' | 'en' = 'vi', width = 200): string {
  return renderView(view, locale, { width, timeZone: 'Asia/Ho_Chi_Minh' });
}

/** At `width`, the view is plain text: no ANSI escapes, no trailing spaces, nothing wider than the terminal. */
function expectPlain(view: View, locale: 'vi' | 'en' = 'vi', width = 80): void {
  const text = render(view, locale, width);
  expect(text).not.toContain(String.fromCharCode(27));
  for (const line of text.split('\n')) {
    expect(line).toBe(line.trimEnd());
    expect([...line].length).toBeLessThanOrEqual(width);
  }
}

describe('my-tasks', () => {
  const view: MyTasksView = {
    kind: 'my-tasks',
    viewer,
    period: JUNE,
    today: '2024-06-15',
    tasks: [
      task('CNTT-01', { content: LONG_CONTENT, product: 'Báo cáo kết quả làm sạch dữ liệu' }),
      task('CNTT-02', {
        role: 'coordinating',
        leadUnits: ['TCCB', 'BT'],
        deadline: deadline({
          text: 'Thường xuyên',
          kind: 'ongoing',
          due: null,
          daysLeft: null,
          overdue: false,
        }),
        reportedThisPeriod: true,
        latest: {
          periodKey: '2024-06',
          unitCode: 'CNTT',
          status: 'in_progress',
          percent: 60,
          done: 'Đã hoàn thành 60% khối lượng.',
          blockers: null,
          evidenceUrl: null,
          memberName: 'Trần Văn Minh',
          updatedAt: '2024-06-10T20:30:00Z',
          late: false,
        },
      }),
      task('CNTT-03', {
        deadline: deadline({
          text: 'Quý III/2024',
          kind: 'quarter',
          due: '2024-09-30',
          daysLeft: 107,
          overdue: false,
        }),
        latest: {
          periodKey: '2024-05',
          unitCode: 'CNTT',
          status: 'blocked',
          percent: 20,
          done: '…',
          blockers: 'Chờ hướng dẫn',
          evidenceUrl: null,
          memberName: 'Lê Hoa',
          updatedAt: '2024-06-02T01:00:00Z',
          late: true,
        },
      }),
    ],
  };

  it('lists numbered tasks with deadline, role, latest report and a mark when not reported (vi)', () => {
    const text = render(view);
    expectPlain(view);
    expect(text).toContain('Nhiệm vụ của Trung tâm Công nghệ thông tin (CNTT) — kỳ báo cáo tháng 6/2024');
    expect(text).toContain('Ngày 15/06/2024 · 3 nhiệm vụ · 2 nhiệm vụ chưa báo cáo kỳ này');
    expect(text).toMatch(/^1\. \[CNTT-01\] Triển khai/m);
    expect(text).toMatch(/^2\. \[CNTT-02\]/m);
    expect(text).toContain('Thời hạn: Tháng 02/2024 (hạn 29/02/2024, quá hạn 12 ngày)');
    expect(text).toContain('Thời hạn: Thường xuyên (không có hạn cuối)');
    expect(text).toContain('Thời hạn: Quý III/2024 (hạn 30/09/2024, còn 107 ngày)');
    expect(text).toContain('Vai trò của đơn vị: chủ trì');
    expect(text).toContain('Vai trò của đơn vị: phối hợp · Đơn vị chủ trì: TCCB, BT');
    expect(text).toContain('Sản phẩm: Báo cáo kết quả làm sạch dữ liệu');
    // Vietnam time: 20:30 UTC on the 10th is already the 11th in Hà Nội.
    expect(text).toContain(
      'Báo cáo gần nhất (tháng 6/2024): Đang triển khai, 60% — Trần Văn Minh, 11/06/2024',
    );
    expect(text).toContain(
      'Báo cáo gần nhất (tháng 5/2024): Vướng mắc, 20% — Lê Hoa, 02/06/2024 (báo cáo muộn)',
    );
    expect(text).toContain('Chưa có báo cáo');
    expect(text.match(/! Chưa báo cáo kỳ tháng 6\/2024/g)).toHaveLength(2);
    expect(text.trimEnd().split('\n').at(-1)).toBe('Báo cáo: /da06 report <mã nhiệm vụ>');
  });

  it('cuts long task content at about 160 characters with an ellipsis', () => {
    const text = render(view, 'vi', 200);
    const first = text.split('\n').find((line) => line.startsWith('1. '))!;
    expect(first).toContain('…');
    expect(first).not.toContain('lộ trình được phê duyệt');
    expect([...first.replace('1. [CNTT-01] ', '')].length).toBeLessThanOrEqual(160);
  });

  it('speaks English with English dates and labels', () => {
    const text = render({ ...view, viewer: { ...viewer, locale: 'en' } }, 'en');
    expectPlain(view, 'en');
    expect(text).toContain('Tasks of Trung tâm Công nghệ thông tin (CNTT) — reporting period June 2024');
    expect(text).toContain('Deadline: Tháng 02/2024 (due 29 Feb 2024, days overdue: 12)');
    expect(text).toContain('Latest report (June 2024): In progress, 60% — Trần Văn Minh, 11 Jun 2024');
    expect(text).toContain('Not reported for June 2024');
    expect(text).toContain('To report: /da06 report <task code>');
  });

  it('says so when the unit has no task', () => {
    expect(render({ ...view, tasks: [] })).toContain('Đơn vị bạn hiện không có nhiệm vụ nào trong kế hoạch.');
  });
});

function totals(done: number, inProgress: number, blocked: number, notStarted: number, notReported: number) {
  return {
    done,
    in_progress: inProgress,
    blocked,
    not_started: notStarted,
    not_reported: notReported,
  } satisfies Record<TaskStanding, number>;
}

function summary(overrides: Partial<SummaryView> = {}): SummaryView {
  const units = Array.from({ length: 23 }, (_, i) => ({
    code: `U${String(i + 1).padStart(2, '0')}`,
    name: `Đơn vị số ${i + 1}`,
    lead: 3,
    reported: 2,
    done: 1,
    inProgress: 1,
    blocked: 0,
    notStarted: 0,
    overdue: i === 0 ? 2 : 0,
  }));
  return {
    kind: 'summary',
    viewer,
    period: JUNE,
    today: '2024-06-20',
    scopeUnit: null,
    taskCount: 42,
    totals: totals(10, 20, 2, 5, 5),
    tasks: [],
    units,
    overdue: Array.from({ length: 18 }, (_, i) => ({
      taskId: 100 + i,
      code: `QH-${i + 1}`,
      content: `Nhiệm vụ quá hạn số ${i + 1}`,
      leadUnits: ['BT', 'CNTT'],
      due: '2024-06-08',
      daysOverdue: 12,
      standing: 'in_progress' as const,
    })),
    blockers: [
      {
        taskId: 7,
        code: 'CNTT-07',
        content: 'Kết nối CSDL',
        unitCode: 'CNTT',
        unitName: 'Trung tâm Công nghệ thông tin',
        memberName: 'Trần Văn Minh',
        status: 'blocked',
        text: `Đề nghị Bộ Công an hỗ trợ kết nối. ${'Nội dung kiến nghị rất dài. '.repeat(20)}ĐOẠN CUỐI`,
      },
      {
        taskId: 8,
        code: 'BT-02',
        content: 'Thu',
        unitCode: 'BT',
        unitName: 'Ban Thu',
        memberName: 'Lê Hoa',
        status: 'in_progress',
        text: 'Kiến nghị bổ sung kinh phí.',
      },
    ],
    notReported: Array.from({ length: 22 }, (_, i) => ({
      code: `N${i + 1}`,
      name: `Bảo hiểm xã hội tỉnh ${i + 1}`,
      taskCodes: i === 0 ? Array.from({ length: 13 }, (_, j) => `T-${j + 1}`) : ['T-1'],
    })),
    lateReports: 3,
    unresolved: [],
    change: {
      previousKey: '2024-05',
      totalsBefore: totals(8, 21, 3, 5, 5),
      newlyDone: [{ taskId: 1, code: 'CNTT-01', content: 'Hoàn thành kết nối' }],
    },
    ...overrides,
  };
}

type UnitRowView = SummaryView['units'][number];

describe('summary', () => {
  it('shows title, totals with percentages, a capped unit table and the other sections (vi)', () => {
    const text = render(summary());
    expectPlain(summary());
    expectPlain(summary(), 'vi', 40);
    expect(text).toContain('Tổng hợp tiến độ tháng 6/2024 — toàn Tổ công tác');
    expect(text).toContain('Số liệu đến ngày 20/06/2024 · 42 nhiệm vụ');
    expect(text).toMatch(/Đã hoàn thành:\s+10\s+\(23,8%\)/);
    expect(text).toMatch(/Đang triển khai:\s+20\s+\(47,6%\)/);
    expect(text).toMatch(/Chưa báo cáo:\s+5\s+\(11,9%\)/);
    expect(text).toContain('Báo cáo gửi muộn: 3');
    // Unit table: 20 rows, then the rest counted.
    expect(text).toMatch(/^ {2}U20\s/m);
    expect(text).not.toMatch(/^ {2}U21\s/m);
    expect(text).toContain('… và 3 đơn vị khác');
    // Overdue: 15 shown of 18.
    expect(text).toContain('Nhiệm vụ quá hạn (18)');
    expect(text).toContain('[QH-15] quá hạn 12 ngày (hạn 08/06/2024) · chủ trì: BT, CNTT · Đang triển khai');
    expect(text).not.toContain('[QH-16]');
    expect(text).toContain('… và 3 nhiệm vụ khác');
    // Not reported: 20 of 22 units, a unit's long list of task codes cut at 10.
    expect(text).toContain('Đơn vị chưa báo cáo (22)');
    expect(text).toContain('N20 — Bảo hiểm xã hội tỉnh 20: T-1');
    expect(text).not.toContain('N21 —');
    expect(text).toContain('… và 2 đơn vị khác');
    // Change since May.
    expect(text).toContain('So với kỳ trước (tháng 5/2024)');
    expect(text).toMatch(/Đã hoàn thành:\s+8\s+→\s+10\s+\(\+2\)/);
    expect(text).toMatch(/Vướng mắc:\s+3\s+→\s+2\s+\(-1\)/);
    expect(text).toContain('Mới hoàn thành trong kỳ (1):');
    expect(text).toContain('- [CNTT-01] Hoàn thành kết nối');
  });

  it('orders units for the chair: central first, problems first; local offices folded unless all are asked', () => {
    const row = (code: string, counts: Partial<UnitRowView> = {}): UnitRowView => ({
      code,
      name: code,
      lead: 2,
      reported: 2,
      done: 1,
      inProgress: 1,
      blocked: 0,
      notStarted: 0,
      overdue: 0,
      ...counts,
    });
    const local = Array.from({ length: 30 }, (_, i) => row(`BHXH-T${String(i + 1).padStart(2, '0')}`));
    local[4] = row('BHXH-T05', { overdue: 1 });
    local[9] = row('BHXH-T10', { reported: 0 });
    const units = [row('VP'), row('CNTT', { blocked: 1 }), ...local, row('TCCB', { overdue: 2 })];
    const text = render({ ...summary(), units }, 'vi', 80);
    const table = text.slice(text.indexOf('Theo đơn vị'), text.indexOf('Nhiệm vụ quá hạn'));
    const codes = [...table.matchAll(/^ {2}([A-Z]+)\s+\d/gm)].map((m) => m[1]);
    expect(codes).toEqual(['TCCB', 'CNTT', 'VP']);
    expect(table).toContain('BHXH tỉnh, khu vực có nhiệm vụ quá hạn: 1 đơn vị (BHXH-T05)');
    expect(table).toContain('BHXH tỉnh, khu vực chưa báo cáo đủ: 1 đơn vị (BHXH-T10)');
    expect(table).toContain('BHXH tỉnh, khu vực đã báo cáo đủ: 28 đơn vị (BHXH-T01, BHXH-T02,');
    expect(table).toContain('+20)');
    expect(table).toContain('/da06 summary --all-units');
    const all = render({ ...summary(), units, allUnits: true }, 'vi', 80);
    const allCodes = [...all.matchAll(/^ {2}([A-Z]+(?:-T\d+)?)\s+\d/gm)].map((m) => m[1]);
    expect(allCodes.slice(0, 5)).toEqual(['TCCB', 'CNTT', 'VP', 'BHXH-T05', 'BHXH-T10']);
    expect(allCodes).toHaveLength(33);
    expect(all).not.toContain('BHXH tỉnh, khu vực đã báo cáo đủ');
  });

  it('aligns the unit table columns', () => {
    const lines = render(summary()).split('\n');
    const header = lines.findIndex((line) => line.trimStart().startsWith('Đơn vị '));
    expect(header).toBeGreaterThan(0);
    const rows = lines.slice(header, header + 5);
    const ends = rows.map((line) => [...line].length);
    // Right-aligned numbers end in the same column on every row (the header and rule too).
    expect(new Set(ends.slice(2)).size).toBe(1);
    expect(lines[header + 1]).toMatch(/^ {2}-+( {2}-+)+$/);
  });

  it('adds unit names when the line is wide enough', () => {
    expect(render(summary(), 'vi', 80)).not.toContain('Đơn vị số 1');
    expect(render(summary(), 'vi', 120)).toMatch(/U01 .* Đơn vị số 1$/m);
  });

  it('quotes blockers with unit and member, cutting long ones at 300 characters', () => {
    // Wide enough for the cut blocker to stay on one quoted line.
    const text = render(summary(), 'vi', 400);
    expect(text).toContain('Vướng mắc, kiến nghị (2)');
    expect(text).toContain('- [CNTT-07] Trung tâm Công nghệ thông tin (CNTT) · Trần Văn Minh · Vướng mắc');
    expect(text).toContain('Trần Văn Minh · Vướng mắc\n    > Đề nghị Bộ Công an hỗ trợ kết nối.');
    expect(text).toContain('… (xem đầy đủ: /da06 report CNTT-07)');
    expect(text).not.toContain('ĐOẠN CUỐI');
    expect(text).toContain('- [BT-02] Ban Thu (BT) · Lê Hoa · Đang triển khai');
    expect(text).toContain('    > Kiến nghị bổ sung kinh phí.');
    expect(text).not.toContain('Kiến nghị bổ sung kinh phí.… (xem');
    const quoted = text.split('\n').find((line) => line.startsWith('    > Đề nghị Bộ Công an'))!;
    expect(quoted).toMatch(/… \(xem đầy đủ: \/da06 report CNTT-07\)$/);
    const cutBlocker = quoted.slice(6, quoted.indexOf('… (xem đầy đủ'));
    expect([...cutBlocker].length).toBeLessThanOrEqual(300);
    expect([...cutBlocker].length).toBeGreaterThan(250);
  });

  it('names the unit when limited to one, and says so when there is no task', () => {
    const one = summary({ scopeUnit: 'U01' });
    expect(render(one)).toContain('Tổng hợp tiến độ tháng 6/2024 — đơn vị Đơn vị số 1 (U01)');
    const empty = render(summary({ taskCount: 0, totals: totals(0, 0, 0, 0, 0) }));
    expect(empty).toContain('Không có nhiệm vụ nào trong phạm vi tổng hợp của kỳ này.');
    expect(empty).not.toContain('Tình hình chung');
  });

  it('says when sections are empty and skips the change without a previous period', () => {
    const text = render(
      summary({ overdue: [], blockers: [], notReported: [], change: null, lateReports: 0 }),
    );
    expect(text).toContain('Không có nhiệm vụ nào quá hạn.');
    expect(text).toContain('Không có vướng mắc, kiến nghị nào.');
    expect(text).toContain('Tất cả đơn vị đã báo cáo.');
    expect(text).not.toContain('So với kỳ trước');
    expect(text).not.toContain('Báo cáo gửi muộn');
  });

  it('marks the tasks whose units the directory could not map, and says how to link them', () => {
    const unresolved = [
      {
        taskId: 9,
        code: 'I.2',
        content: 'Lưu trữ hồ sơ điện tử',
        names: [
          { role: 'lead' as const, name: 'TTLT' },
          { role: 'coordinating' as const, name: 'Ban X' },
        ],
      },
    ];
    const text = render(summary({ unresolved }));
    expect(text).toContain('Nhiệm vụ có tên đơn vị chưa xác định (1)');
    expect(oneLineOf(text)).toContain('[I.2] Lưu trữ hồ sơ điện tử — chủ trì "TTLT", phối hợp "Ban X"');
    expect(oneLineOf(text)).toContain('da06 units alias "TÊN" MÃ');
    expect(render(summary())).not.toContain('chưa xác định');
    const overdue = [{ ...summary().overdue[0]!, leadUnits: ['BT'], unresolvedLeads: ['TTLT'] }];
    expect(oneLineOf(render(summary({ overdue })))).toContain('chủ trì: BT, "TTLT" (chưa rõ)');
    expect(render(summary({ unresolved, viewer: { ...viewer, locale: 'en' } }), 'en')).toContain(
      'Tasks with unit names not in the directory (1)',
    );
  });

  it('shows the four deadline buckets, due in the period and since the plan began, per unit', () => {
    const result = (scale: number) => ({
      asOf: '2024-06-20',
      overall: {
        done_on_time: 7 * scale,
        done_late: 5 * scale,
        open_in_time: 11 * scale,
        open_overdue: 13 * scale,
      },
      undated: 4,
      units: [
        {
          code: 'U01',
          name: 'Đơn vị số 1',
          counts: { done_on_time: 4, done_late: 3, open_in_time: 9, open_overdue: 2 },
        },
      ],
      occurrences: [],
    });
    const view = summary({ buckets: { period: result(1), cumulative: result(10) } });
    const text = render(view, 'vi', 100);
    expect(text).toContain('Tiến độ theo thời hạn');
    expect(text).toMatch(/Đã hoàn thành đúng hạn:\s+7\s+70/);
    expect(text).toMatch(/Chưa hoàn thành, quá hạn:\s+13\s+130/);
    expect(text).toContain('4 nhiệm vụ không tính hạn');
    expect(text).toMatch(/U01\s+4\s+3\s+9\s+2/);
    expectPlain(view);
    expect(render(view, 'en', 100)).toMatch(/Not done, overdue:\s+13\s+130/);
    expect(render(summary())).not.toContain('Tiến độ theo thời hạn');
  });

  it('speaks English', () => {
    const text = render(summary({ viewer: { ...viewer, locale: 'en' } }), 'en');
    expectPlain(summary(), 'en');
    expect(text).toContain('Progress summary, June 2024 — whole working group');
    expect(text).toMatch(/Done:\s+10\s+\(23\.8%\)/);
    expect(text).toContain('… and 3 more units');
    expect(text).toContain('days overdue: 12 (due 08 Jun 2024)');
    expect(text).toContain('… (full text: /da06 report CNTT-07)');
    expect(text).toContain('Compared with the previous period (May 2024)');
  });
});

describe('overdue', () => {
  const view: OverdueView = {
    kind: 'overdue',
    viewer,
    today: '2024-06-20',
    items: [
      {
        taskId: 1,
        code: 'BT-01',
        content: LONG_CONTENT,
        leadUnits: ['BT'],
        due: '2024-03-31',
        daysOverdue: 81,
        standing: 'not_reported',
      },
    ],
  };

  it('lists overdue tasks with days overdue and lead units', () => {
    const text = render(view);
    expectPlain(view);
    expect(text).toContain('Nhiệm vụ quá hạn tính đến ngày 20/06/2024');
    expect(text).toContain('- [BT-01] quá hạn 81 ngày (hạn 31/03/2024) · chủ trì: BT · Chưa báo cáo');
    expect(text).toContain('…');
    expect(render({ ...view, items: [] })).toContain('Không có nhiệm vụ nào quá hạn.');
    expect(render(view, 'en')).toContain(
      '[BT-01] days overdue: 81 (due 31 Mar 2024) · lead: BT · Not reported',
    );
  });
});

describe('meeting', () => {
  const view: MeetingView = {
    kind: 'meeting',
    viewer,
    next: {
      startsAt: '2024-06-24T01:30:00Z',
      place: 'Phòng họp tầng 3, trụ sở BHXH Việt Nam',
      agenda: 'Rà soát tiến độ tháng 6',
      note: null,
    },
  };

  it('shows the next meeting in Vietnam time, or that none is scheduled', () => {
    const text = render(view);
    expect(text).toContain('Thời gian: thứ Hai, 24/06/2024 08:30');
    expect(text).toContain('Địa điểm: Phòng họp tầng 3, trụ sở BHXH Việt Nam');
    expect(text).toContain('Nội dung: Rà soát tiến độ tháng 6');
    expect(text).not.toContain('Ghi chú');
    expect(render(view, 'en')).toContain('When: Mon 24 Jun 2024, 08:30');
    expect(render({ ...view, next: null })).toContain('Chưa có lịch giao ban tiếp theo.');
    expect(render({ ...view, next: null }, 'en')).toContain('No next meeting is scheduled yet.');
  });
});

describe('help', () => {
  const view: HelpView = { kind: 'help', viewer, admin: false };

  it('lists the commands, and the admin ones only for admins', () => {
    const text = render(view);
    expectPlain(view);
    expectPlain({ ...view, admin: true }, 'en');
    expect(text).toContain('Các lệnh của trợ lý Đề án 06');
    expect(text).toContain(
      'Bạn đang dùng với tư cách: Nguyễn Thị Lan (Trung tâm Công nghệ thông tin, Tổ trưởng)',
    );
    for (const command of ['tasks', 'report', 'summary', 'overdue', 'meeting', 'help', 'as']) {
      expect(text).toContain(`/da06 ${command}`);
    }
    expect(text).not.toContain('members add');
    const admin = render({ ...view, admin: true });
    expect(admin).toContain('Quản lý thành viên (chỉ dành cho quản trị viên):');
    for (const action of ['add', 'link', 'role', 'deactivate', 'list'])
      expect(admin).toContain(`members ${action}`);
    expect(render({ ...view, viewer: null }, 'en')).toContain('Commands of the Đề án 06 assistant');
  });

  it('shows the other names of each command under it', () => {
    const text = render(view);
    expect(text).toMatch(/\/da06 report[^\n]*(\n {4}[^\n]*)*\n {4}còn gõ được: báo cáo, baocao/);
    expect(text).toContain('còn gõ được: tổng hợp, tonghop');
    expect(render(view, 'en')).toContain('also: báo cáo, baocao');
  });
});

describe('report form and saved report', () => {
  const form: ReportFormView = {
    kind: 'report-form',
    viewer,
    period: JUNE,
    periods: [JUNE],
    choices: [
      { taskId: 1, code: 'CNTT-01', content: 'Kết nối CSDL dân cư' },
      { taskId: 2, code: 'CNTT-02', content: 'Làm sạch dữ liệu' },
    ],
    taskId: 1,
    current: {
      periodKey: '2024-06',
      unitCode: 'CNTT',
      status: 'in_progress',
      percent: 60,
      done: 'Đã kết nối thử nghiệm.',
      blockers: null,
      evidenceUrl: 'https://example.gov.vn/bc',
      memberName: 'Trần Văn Minh',
      updatedAt: '2024-06-10T02:15:00Z',
      late: false,
    },
    errors: [
      { field: 'percent', key: 'report.error.percent_range' },
      { field: 'done', key: 'report.error.too_long', params: { max: 3000 } },
    ],
  };

  it('shows the current values and the errors of the last submission', () => {
    const text = render(form);
    expectPlain(form);
    expect(text).toContain('Báo cáo nhiệm vụ CNTT-01 — kỳ tháng 6/2024');
    expect(text).toContain('Kết nối CSDL dân cư');
    expect(text).toContain(
      'Báo cáo hiện có của đơn vị (cập nhật 10/06/2024 09:15, người báo cáo: Trần Văn Minh):',
    );
    expect(text).toContain('  Tình trạng: Đang triển khai');
    expect(text).toContain('  Tỷ lệ hoàn thành: 60%');
    expect(text).toContain('  Vướng mắc, kiến nghị: (để trống)');
    expect(text).toContain('  Minh chứng: https://example.gov.vn/bc');
    expect(text).toContain('✗ Tỷ lệ hoàn thành: Tỷ lệ hoàn thành phải từ 0 đến 100.');
    expect(text).toContain('✗ Kết quả thực hiện: Nội dung quá dài: tối đa 3000 ký tự.');
  });

  it('shows the task picker when no task is chosen, and a new report when none is on file', () => {
    const picker = render({ ...form, taskId: null, errors: [] });
    expect(picker).toContain('Chọn nhiệm vụ cần báo cáo (kỳ tháng 6/2024):');
    expect(picker).toContain('- [CNTT-02] Làm sạch dữ liệu');
    expect(render({ ...form, current: null, errors: [] })).toContain('đây là báo cáo mới');
    expect(render({ ...form, taskId: null, choices: [] })).toContain(
      'Đơn vị Trung tâm Công nghệ thông tin chưa được giao nhiệm vụ nào',
    );
  });

  const saved: ReportSavedView = {
    kind: 'report-saved',
    viewer,
    period: JUNE,
    taskCode: 'CNTT-01',
    taskContent: 'Kết nối CSDL dân cư',
    status: 'done',
    percent: 100,
    revision: 1,
    late: false,
  };

  it('confirms a saved report, an update and a late one', () => {
    expect(render(saved)).toBe(
      '✓ Đã ghi nhận báo cáo nhiệm vụ CNTT-01 kỳ tháng 6/2024: Đã hoàn thành, 100%.\n  Kết nối CSDL dân cư',
    );
    const updated = render({ ...saved, revision: 3, late: true });
    expect(updated).toContain(
      '✓ Đã cập nhật báo cáo nhiệm vụ CNTT-01 kỳ tháng 6/2024 (phiên bản 3): Đã hoàn thành, 100%.',
    );
    expect(updated).toContain('! Lưu ý: báo cáo được gửi sau khi kỳ báo cáo đã kết thúc');
    expect(render(saved, 'en')).toContain('✓ Report recorded for task CNTT-01, June 2024: Done, 100%.');
  });
});

describe('notice', () => {
  const notice = (tone: NoticeView['tone'], key: string, params?: NoticeView['params']): NoticeView => ({
    kind: 'notice',
    tone,
    key,
    params,
  });

  it('prefixes the tone with a plain character and puts parameters into words', () => {
    expect(render(notice('success', 'members.deactivated', { name: 'Lê Hoa' }))).toMatch(
      /^✓ Đã ngừng thành viên Lê Hoa/,
    );
    expect(render(notice('warning', 'command.unknown', { command: 'frobnicate' }))).toMatch(
      /^! Không có lệnh "frobnicate"/,
    );
    const closed = render(
      notice('error', 'report.period_closed', { period: '2024-05', closedOn: '2024-06-05' }),
      'vi',
      200,
    );
    expect(closed).toMatch(/^✗ Kỳ báo cáo tháng 5\/2024 đã khóa sổ từ ngày 05\/06\/2024/);
    expect(render(notice('info', 'tasks.none'))).toBe(
      'Đơn vị bạn hiện không có nhiệm vụ nào trong kế hoạch.',
    );
    expect(render(notice('error', 'no.such.key'))).toBe('✗ no.such.key');
  });

  it('wraps long notices under the mark', () => {
    const view = notice('error', 'period.invalid', { text: 'abc' });
    const lines = render(view, 'vi', 50).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(1).every((line) => line.startsWith('  '))).toBe(true);
    expectPlain(view, 'vi', 50);
  });
});

describe('members and reminders', () => {
  it('lists members with role labels and accounts', () => {
    const view: MembersView = {
      kind: 'members',
      viewer,
      members: [
        {
          id: 3,
          displayName: 'Lê Hoa',
          role: 'vice-chair',
          unitCode: 'BT',
          unitName: 'Ban Thu',
          email: null,
          locale: 'vi',
          active: false,
          identities: { slack: 'U123', terminal: 'hoa' },
        },
      ],
    };
    const text = render(view);
    expect(text).toContain('Thành viên Tổ công tác (1)');
    expect(text).toMatch(/3\s+Lê Hoa\s+BT\s+Tổ phó \(đã ngừng\)\s+slack:U123 terminal:hoa/);
  });

  it('renders a reporting round reminder with tasks and the report hint', () => {
    const view: ReminderView = {
      kind: 'reminder',
      topic: 'overdue_escalation',
      period: JUNE,
      meeting: null,
      tasks: [
        {
          taskId: 1,
          code: 'BT-01',
          content: 'Thu BHXH',
          leadUnits: ['BT'],
          deadline: { text: 'Quý I/2024', due: '2024-03-31' },
          standing: 'in_progress',
          daysOverdue: 81,
          snoozedUntil: '2024-07-01',
          snoozeReason: 'Chờ văn bản hướng dẫn',
        },
      ],
      units: [{ code: 'BT', name: 'Ban Thu', taskCodes: ['BT-01'] }],
      actions: true,
    };
    const text = render(view);
    expectPlain(view);
    expect(text).toContain('Báo cáo Tổ trưởng: nhiệm vụ quá hạn kéo dài');
    expect(text).toContain('Thời hạn: Quý I/2024 (hạn 31/03/2024)');
    expect(text).toContain('! quá hạn 81 ngày (hạn 31/03/2024)');
    expect(text).toContain('Đơn vị đề nghị nhắc lại vào ngày 01/07/2024, lý do: Chờ văn bản hướng dẫn');
    expect(text).toContain('- BT — Ban Thu: BT-01');
    expect(text).toContain('Báo cáo: /da06 report <mã nhiệm vụ>');
    const round = render({ ...view, topic: 'round_open', units: [], actions: false }, 'en');
    expect(round).toContain('Progress reporting for June 2024 is open');
    expect(round).not.toContain('To report:');
  });
});

/** The rendered text with its wrapping undone, to find a sentence whatever the width. */
function oneLineOf(text: string): string {
  return text.replace(/\n\s*(?:- )?/g, ' ').replace(/\s+/g, ' ');
}
