import { describe, expect, it } from 'vitest';
import { type Deadline, parseDeadline } from '../../src/domain/deadline.ts';
import { periodFromKey } from '../../src/domain/period.ts';
import type { Status } from '../../src/domain/report.ts';
import {
  compareScores,
  computeScoreboard,
  ratio,
  type ScoreboardInput,
  type ScoreReportInput,
  type ScoreTaskInput,
} from '../../src/domain/scoreboard.ts';

function task(
  id: number,
  leadUnits: string[],
  deadline: string | Deadline,
  reportsFrom = '2024-01-01',
): ScoreTaskInput {
  return {
    id,
    code: `T${id}`,
    leadUnits,
    deadline: typeof deadline === 'string' ? parseDeadline(deadline) : deadline,
    reportsFrom,
  };
}

function report(
  taskId: number,
  unitCode: string,
  periodKey: string,
  status: Status,
  late = false,
): ScoreReportInput {
  return { taskId, unitCode, periodKey, status, late };
}

const done = (taskId: number, unitCode: string, periodKey: string) => ({ taskId, unitCode, periodKey });

const UNITS = ['A', 'B', 'C', 'D', 'E', 'G'].map((code) => ({ code, name: `Đơn vị ${code}` }));

describe('computeScoreboard: June 2024, figures at 30 June', () => {
  /*
   * A leads T1 (due 31/3) and T2 with B (due 30/6); B also T3 (ongoing); C leads T4 (due 31/5, done in
   * May) and T5 (end of 2024); D leads T6 (ongoing) and never reports; E leads T7 (end of 2024) and T8
   * (ongoing), both reported on time; G is the working group (not in the units list).
   *
   *        reports on time / needed   done on time / due     overdue days
   *   A    T1 ✓, T2 ✓      2/2        T2 ✓, T1 ✗   1/2       T1: 31/3 → 30/6 = 91
   *   B    T2 late, T3 ✓   1/2        T2 ✓          1/1       0
   *   C    T5 ✓ (T4 done)  1/1        T4 ✓ (May)    1/1       0
   *   D    T6 ✗            0/1        —             0/0       0
   *   E    T7 ✓, T8 ✓      2/2        —             0/0       0
   *
   * Ranking: done on time (— counts as 100 %), then overdue days, then reporting, then tasks led:
   * C and E tie on everything (2 tasks each) → rank 1 both; B (reporting 50 %) 3; D (0 %) 4; A (50 %
   * done on time) 5.
   */
  const input: ScoreboardInput = {
    period: periodFromKey('2024-06'),
    asOf: '2024-06-30',
    units: UNITS.filter((u) => u.code !== 'G'),
    tasks: [
      task(1, ['A'], 'Quý I/2024'),
      task(2, ['A', 'B'], 'Tháng 6/2024'),
      task(3, ['B'], 'Thường xuyên'),
      task(4, ['C'], 'Tháng 5/2024'),
      task(5, ['C'], 'Năm 2024'),
      task(6, ['D'], 'Thường xuyên'),
      task(7, ['E'], 'Năm 2024'),
      task(8, ['E'], 'Thường xuyên'),
      task(9, ['G'], 'Tháng 1/2024'),
    ],
    reports: [
      report(1, 'A', '2024-06', 'in_progress'),
      report(2, 'A', '2024-06', 'done'),
      report(2, 'B', '2024-06', 'done', true),
      report(3, 'B', '2024-06', 'in_progress'),
      report(5, 'C', '2024-06', 'in_progress'),
      report(7, 'E', '2024-06', 'in_progress'),
      report(8, 'E', '2024-06', 'in_progress'),
      // Another month's report is not this period's.
      report(6, 'D', '2024-05', 'in_progress'),
    ],
    doneReports: [done(4, 'C', '2024-05'), done(2, 'A', '2024-06'), done(2, 'B', '2024-06')],
  };
  const board = computeScoreboard(input);
  const row = (code: string) => board.rows.find((r) => r.code === code)!;

  it('counts reports needed and received on time per unit', () => {
    expect(row('A').reporting).toEqual({ count: 2, of: 2, rate: 1 });
    expect(row('B').reporting).toEqual({ count: 1, of: 2, rate: 0.5 });
    expect(row('C').reporting).toEqual({ count: 1, of: 1, rate: 1 });
    expect(row('D').reporting).toEqual({ count: 0, of: 1, rate: 0 });
  });

  it('counts tasks done by their due month over dated tasks due by the period end', () => {
    expect(row('A').doneOnTime).toEqual({ count: 1, of: 2, rate: 0.5 });
    expect(row('B').doneOnTime).toEqual({ count: 1, of: 1, rate: 1 });
    expect(row('C').doneOnTime).toEqual({ count: 1, of: 1, rate: 1 });
    expect(row('D').doneOnTime).toEqual({ count: 0, of: 0, rate: null });
  });

  it('sums the days overdue of the tasks a unit has not finished', () => {
    expect(row('A')).toMatchObject({ overdueTasks: 1, overdueDays: 91 });
    expect(row('B')).toMatchObject({ overdueTasks: 0, overdueDays: 0 });
  });

  it('ranks by the rule, sharing a rank on a full tie, and leaves out units not listed', () => {
    expect(board.rows.map((r) => [r.rank, r.code])).toEqual([
      [1, 'C'],
      [1, 'E'],
      [3, 'B'],
      [4, 'D'],
      [5, 'A'],
    ]);
    expect(board.months).toEqual(['2024-06']);
    expect(board.rows.map((r) => r.lead)).toEqual([2, 2, 2, 1, 2]);
  });
});

describe('computeScoreboard over several months', () => {
  it('a half-year counts each month a report was needed, until the unit reports done', () => {
    const range: Deadline = {
      text: 'Từ tháng 4 đến hết tháng 9/2024',
      kind: 'range',
      due: '2024-09-30',
      start: '2024-04-01',
    };
    const board = computeScoreboard({
      period: periodFromKey('2024-H1'),
      asOf: '2024-06-30',
      units: UNITS,
      tasks: [task(1, ['A'], 'Năm 2024'), task(2, ['A'], range, '2024-04-01')],
      reports: [
        report(1, 'A', '2024-01', 'in_progress'),
        report(1, 'A', '2024-02', 'in_progress', true),
        // March: nothing.
        report(1, 'A', '2024-04', 'done'),
        report(2, 'A', '2024-04', 'in_progress'),
        report(2, 'A', '2024-05', 'in_progress'),
        report(2, 'A', '2024-06', 'in_progress'),
      ],
      doneReports: [done(1, 'A', '2024-04')],
    });
    // T1: January ✓, February late, March missing, April ✓; done in April, so not needed in May and June.
    // T2: reports expected from April: April, May, June ✓.
    expect(board.rows[0]?.reporting).toEqual({ count: 5, of: 7, rate: 5 / 7 });
    expect(board.months).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
  });

  it('a running period counts only the months begun by today', () => {
    const board = computeScoreboard({
      period: periodFromKey('2024-H1'),
      asOf: '2024-05-15',
      units: UNITS,
      tasks: [task(1, ['A'], 'Thường xuyên')],
      reports: [report(1, 'A', '2024-05', 'in_progress')],
      doneReports: [],
    });
    expect(board.months).toHaveLength(5);
    expect(board.rows[0]?.reporting).toEqual({ count: 1, of: 5, rate: 0.2 });
  });

  it('done after the due month is done, not on time, and no longer overdue', () => {
    const board = computeScoreboard({
      period: periodFromKey('2024-06'),
      asOf: '2024-06-30',
      units: UNITS,
      tasks: [task(1, ['A'], 'Tháng 3/2024')],
      reports: [],
      doneReports: [done(1, 'A', '2024-05')],
    });
    expect(board.rows[0]).toMatchObject({
      doneOnTime: { count: 0, of: 1, rate: 0 },
      overdueTasks: 0,
      overdueDays: 0,
      reporting: { count: 0, of: 0, rate: null },
    });
  });

  it('a unit that reopens a task it had reported done is late on it again', () => {
    const board = computeScoreboard({
      period: periodFromKey('2024-06'),
      asOf: '2024-06-30',
      units: UNITS,
      tasks: [task(1, ['A'], 'Tháng 3/2024')],
      reports: [report(1, 'A', '2024-06', 'in_progress')],
      doneReports: [done(1, 'A', '2024-03')],
    });
    // Done in March (on time), but in progress again in June: not done at the end, 91 days overdue.
    expect(board.rows[0]).toMatchObject({
      doneOnTime: { count: 0, of: 1 },
      overdueTasks: 1,
      overdueDays: 91,
    });
  });

  it('a task of a later plan year needs no report yet', () => {
    const board = computeScoreboard({
      period: periodFromKey('2024-06'),
      asOf: '2024-06-30',
      units: UNITS,
      tasks: [task(1, ['A'], 'Năm 2025', '2025-01-01')],
      reports: [],
      doneReports: [],
    });
    expect(board.rows[0]?.reporting.of).toBe(0);
  });
});

describe('compareScores', () => {
  const base = {
    code: 'A',
    name: 'A',
    lead: 1,
    reporting: ratio(1, 2),
    doneOnTime: ratio(1, 3),
    overdueTasks: 0,
    overdueDays: 0,
  };
  it('compares ratios exactly and counts an empty one as 100 %', () => {
    expect(compareScores({ ...base, doneOnTime: ratio(2, 6) }, base)).toBe(0);
    expect(compareScores({ ...base, doneOnTime: ratio(0, 0) }, { ...base, doneOnTime: ratio(3, 3) })).toBe(0);
    expect(
      compareScores({ ...base, doneOnTime: ratio(0, 0) }, { ...base, doneOnTime: ratio(9, 10) }),
    ).toBeLessThan(0);
  });
  it('applies the tie-breaks in order: overdue days, reporting rate, tasks led', () => {
    expect(compareScores({ ...base, overdueDays: 3 }, { ...base, reporting: ratio(0, 2) })).toBeGreaterThan(
      0,
    );
    expect(compareScores({ ...base, reporting: ratio(2, 2) }, { ...base, lead: 9 })).toBeLessThan(0);
    expect(compareScores({ ...base, lead: 2 }, base)).toBeLessThan(0);
  });
});
