import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/domain/deadline.ts';
import { monthsOf, type Period, periodFromKey } from '../../src/domain/period.ts';
import type { Status } from '../../src/domain/report.ts';
import { computeReportPeriod, type PeriodTaskInput } from '../../src/domain/report-period-data.ts';
import type { SummaryReportInput } from '../../src/domain/summary.ts';

function task(
  id: number,
  leadUnits: string[],
  deadline: string,
  coordinatingUnits: string[] = [],
): PeriodTaskInput {
  return {
    id,
    code: String(id),
    planNumber: 'P',
    content: `Nhiệm vụ ${id}`,
    section: id <= 2 ? 'Nhóm một' : 'Nhóm hai',
    leadUnits,
    coordinatingUnits,
    deadline: parseDeadline(deadline),
    leadText: leadUnits.join(', '),
    product: null,
  };
}

function report(
  taskId: number,
  unitCode: string,
  periodKey: string,
  status: Status,
  percent: number,
  done: string,
  blockers: string | null = null,
  late = false,
): SummaryReportInput {
  return {
    taskId,
    unitCode,
    periodKey,
    status,
    percent,
    done,
    blockers,
    evidenceUrl: null,
    late,
    memberName: `Cán bộ ${unitCode}`,
    updatedAt: `${periodKey}-20T08:00:00.000Z`,
  };
}

const UNITS = [
  { code: 'A', name: 'Đơn vị A' },
  { code: 'B', name: 'Đơn vị B' },
  { code: 'C', name: 'Đơn vị C' },
];

/** Months with their reports, from a flat list. */
function months(periods: Period[], reports: SummaryReportInput[]) {
  return periods.map((period) => ({ period, reports: reports.filter((r) => r.periodKey === period.key) }));
}

/*
 * First half of 2024:
 *   T1 leads A, B; coordinated by C; "Năm 2024". A writes in March (40 %) and May (70 %); B is blocked in
 *      February and April on the same wording, then done in June; C raises a request in March.
 *   T2 lead A; "Quý I/2024"; done in December 2023 (carried), no word in the half-year.
 *   T3 lead B; "Tháng 3/2024"; in progress in January only (overdue at 30 June).
 *   T4 lead C; "Thường xuyên"; never reported.
 *   T5 lead A; "Tháng 7/2024"; not started in June.
 */
const tasks = [
  task(1, ['A', 'B'], 'Năm 2024', ['C']),
  task(2, ['A'], 'Quý I/2024'),
  task(3, ['B'], 'Tháng 3/2024'),
  task(4, ['C'], 'Thường xuyên'),
  task(5, ['A'], 'Tháng 7/2024'),
];
const reports = [
  report(3, 'B', '2024-01', 'in_progress', 10, 'Khởi động'),
  report(1, 'B', '2024-02', 'blocked', 0, 'Chưa làm được', 'Thiếu kinh phí'),
  report(1, 'A', '2024-03', 'in_progress', 40, 'Đã làm phần đầu'),
  report(1, 'C', '2024-03', 'in_progress', 20, 'Phối hợp', 'Đề nghị bổ sung nhân lực'),
  report(1, 'B', '2024-04', 'blocked', 30, 'Đã làm một phần', 'Thiếu kinh phí'),
  report(1, 'A', '2024-05', 'in_progress', 70, 'Đã làm phần giữa'),
  report(1, 'B', '2024-06', 'done', 100, 'Đã xong phần của B'),
  report(5, 'A', '2024-06', 'not_started', 0, 'Chuẩn bị'),
];
const half = periodFromKey('2024-H1');
const data = computeReportPeriod({
  period: half,
  asOf: '2024-06-30',
  units: UNITS,
  tasks,
  months: months(monthsOf(half), reports),
  doneBefore: [{ taskId: 2, unitCode: 'A', periodKey: '2023-12' }],
});
const row = (id: number) => data.tasks.find((t) => t.taskId === id)!;

describe('computeReportPeriod: a half-year aggregates its months', () => {
  it('takes each unit’s last word in the period and the standing at its end', () => {
    expect(row(1).words.map((w) => [w.unitCode, w.role, w.periodKey, w.status, w.done])).toEqual([
      ['A', 'lead', '2024-05', 'in_progress', 'Đã làm phần giữa'],
      ['B', 'lead', '2024-06', 'done', 'Đã xong phần của B'],
      ['C', 'coordinating', '2024-03', 'in_progress', 'Phối hợp'],
    ]);
    expect(row(1)).toMatchObject({ standing: 'in_progress', percent: 85 });
  });

  it('collects kiến nghị from every month, once per unit and wording, with the months raised', () => {
    expect(row(1).blockers.map((b) => [b.unitCode, b.role, b.text, b.periodKeys])).toEqual([
      ['B', 'lead', 'Thiếu kinh phí', ['2024-02', '2024-04']],
      ['C', 'coordinating', 'Đề nghị bổ sung nhân lực', ['2024-03']],
    ]);
    expect(data.blockers).toHaveLength(2);
  });

  it('carries done from before the period', () => {
    expect(row(2)).toMatchObject({ standing: 'done', percent: 100, words: [], carriedDone: ['A'] });
  });

  it('counts overdue days to the period end and lists units that never reported', () => {
    expect(row(3)).toMatchObject({ standing: 'in_progress', daysOverdue: 91 });
    expect(data.overdue.map((t) => t.code)).toEqual(['3']);
    expect(data.notReported).toEqual([{ code: 'C', name: 'Đơn vị C', taskCodes: ['4'] }]);
  });

  it('totals, reports received, groups in plan order, units by tasks led', () => {
    expect(data.totals).toEqual({ done: 1, in_progress: 2, blocked: 0, not_started: 1, not_reported: 1 });
    expect(data).toMatchObject({ reportCount: 8, reportingUnits: 3, lateReports: 0, hasReports: true });
    expect(data.groups.map((g) => [g.section, g.tasks.map((t) => t.code)])).toEqual([
      ['Nhóm một', ['1', '2']],
      ['Nhóm hai', ['3', '4', '5']],
    ]);
    expect(data.units.map((u) => [u.code, u.lead, u.reported, u.done, Math.round(u.meanPercent)])).toEqual([
      ['A', 3, 3, 1, 57], // 70 + 100 (carried) + 0, over 3
      ['B', 2, 2, 1, 55], // 100 + 10
      ['C', 1, 0, 0, 0],
    ]);
  });

  it('stands each month by its own reports for the chart', () => {
    expect(
      data.monthTotals.map((m) => [m.period.key, m.totals.done, m.totals.blocked, m.totals.not_reported]),
    ).toEqual([
      ['2024-01', 1, 0, 3],
      ['2024-02', 1, 1, 3],
      ['2024-03', 1, 0, 3],
      ['2024-04', 1, 1, 3],
      ['2024-05', 1, 0, 3],
      ['2024-06', 1, 0, 2],
    ]);
  });

  it('picks next month’s priorities from the data: due, overdue, recurring, none done', () => {
    expect(data.next.period.key).toBe('2024-07');
    expect(data.next.dueNext.map((t) => t.code)).toEqual(['5']);
    expect(data.next.overdue.map((t) => t.code)).toEqual(['3']);
    expect(data.next.recurring.map((t) => t.code)).toEqual(['4']);
  });
});

describe('computeReportPeriod: months and years', () => {
  it('a month is only its own reports; earlier months are history', () => {
    const june = periodFromKey('2024-06');
    const month = computeReportPeriod({
      period: june,
      asOf: '2024-06-30',
      units: UNITS,
      tasks,
      months: months(monthsOf(half), reports),
      doneBefore: [],
    });
    expect(month.periodMonths.map((m) => m.key)).toEqual(['2024-06']);
    expect(month.reportCount).toBe(2);
    expect(month.tasks[0]?.words.map((w) => w.unitCode)).toEqual(['B']);
    expect(month.tasks[0]?.standing).toBe('in_progress');
    expect(month.monthTotals).toHaveLength(6);
  });

  it('a running year counts to today and plans for the running month', () => {
    const year = periodFromKey('2024');
    const running = computeReportPeriod({
      period: year,
      asOf: '2024-07-05',
      units: UNITS,
      tasks,
      months: months(monthsOf(year).slice(0, 7), reports),
      doneBefore: [],
    });
    expect(running.periodMonths).toHaveLength(7);
    expect(running.next.period.key).toBe('2024-07');
    expect(running.tasks[2]?.daysOverdue).toBe(96);
    expect(running.tasks[0]?.words.map((w) => w.periodKey)).toEqual(['2024-05', '2024-06', '2024-03']);
  });

  it('a period without reports says so', () => {
    const jan = periodFromKey('2023-01');
    const empty = computeReportPeriod({
      period: jan,
      asOf: '2023-01-31',
      units: UNITS,
      tasks,
      months: [{ period: jan, reports: [] }],
      doneBefore: [],
    });
    expect(empty.hasReports).toBe(false);
    expect(empty.totals.not_reported).toBe(5);
    expect(empty.blockers).toEqual([]);
  });
});
