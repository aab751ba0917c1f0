import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/domain/deadline.ts';
import { periodFromKey } from '../../src/domain/period.ts';
import type { Status, TaskStanding } from '../../src/domain/report.ts';
import {
  computeSummary,
  type SummaryInput,
  type SummaryReportInput,
  type SummaryTaskInput,
  standingOf,
} from '../../src/domain/summary.ts';

function task(
  id: number,
  leadUnits: string[],
  deadline: string,
  coordinatingUnits: string[] = [],
): SummaryTaskInput {
  return {
    id,
    code: `T${id}`,
    planNumber: String(id),
    content: `Nhiệm vụ ${id}`,
    section: null,
    leadUnits,
    coordinatingUnits,
    deadline: parseDeadline(deadline),
  };
}

function report(
  taskId: number,
  unitCode: string,
  status: Status,
  percent: number,
  extra: Partial<SummaryReportInput> = {},
): SummaryReportInput {
  return {
    taskId,
    unitCode,
    periodKey: '2024-06',
    status,
    percent,
    done: 'x',
    blockers: null,
    evidenceUrl: null,
    late: false,
    memberName: `Cán bộ ${unitCode}`,
    updatedAt: '2024-06-10T08:00:00.000Z',
    ...extra,
  };
}

function done(taskId: number, unitCode: string, periodKey: string) {
  return { taskId, unitCode, periodKey };
}

function totals(partial: Partial<Record<TaskStanding, number>>): Record<TaskStanding, number> {
  return { not_reported: 0, not_started: 0, in_progress: 0, blocked: 0, done: 0, ...partial };
}

describe('standingOf', () => {
  const none = new Set<string>();

  it.each<[string, string[], SummaryReportInput[], string[], TaskStanding, number | null, number]>([
    ['no lead units', [], [report(1, 'A', 'done', 100)], [], 'not_reported', null, 0],
    ['no report', ['A', 'B'], [], [], 'not_reported', null, 0],
    [
      'every lead done',
      ['A', 'B'],
      [report(1, 'A', 'done', 100), report(1, 'B', 'done', 100)],
      [],
      'done',
      100,
      2,
    ],
    ['done now and carried', ['A', 'B'], [report(1, 'A', 'done', 100)], ['1:B'], 'done', 100, 2],
    [
      'one lead still working',
      ['A', 'B'],
      [report(1, 'A', 'done', 100), report(1, 'B', 'in_progress', 33)],
      [],
      'in_progress',
      67,
      2,
    ],
    [
      'blocked beats in progress',
      ['A', 'B'],
      [report(1, 'A', 'in_progress', 50), report(1, 'B', 'blocked', 20)],
      [],
      'blocked',
      35,
      2,
    ],
    [
      'blocked beats done',
      ['A', 'B'],
      [report(1, 'A', 'done', 100), report(1, 'B', 'blocked', 10)],
      [],
      'blocked',
      55,
      2,
    ],
    [
      'done report and not started',
      ['A', 'B'],
      [report(1, 'A', 'done', 100), report(1, 'B', 'not_started', 0)],
      [],
      'in_progress',
      50,
      2,
    ],
    ['only not started', ['A', 'B'], [report(1, 'A', 'not_started', 0)], [], 'not_started', 0, 1],
    // A carried done is not a report of this period: alone it neither finishes nor moves the task.
    ['carried done, others silent', ['A', 'B'], [], ['1:A'], 'not_reported', 100, 1],
    [
      'carried done and not started',
      ['A', 'B'],
      [report(1, 'B', 'not_started', 0)],
      ['1:A'],
      'not_started',
      50,
      2,
    ],
    // A new report wins over the carried done (the unit reopened its part).
    [
      'new report over carried done',
      ['A'],
      [report(1, 'A', 'in_progress', 80)],
      ['1:A'],
      'in_progress',
      80,
      1,
    ],
    ['coordinating report ignored', ['A'], [report(1, 'E', 'done', 100)], [], 'not_reported', null, 0],
    ['carried done of another task', ['A'], [report(1, 'B', 'done', 100)], ['2:A'], 'not_reported', null, 0],
    [
      'percent rounds half up',
      ['A', 'B'],
      [report(1, 'A', 'in_progress', 33), report(1, 'B', 'in_progress', 34)],
      [],
      'in_progress',
      34,
      2,
    ],
    ['duplicate lead unit counted once', ['A', 'A'], [report(1, 'A', 'done', 100)], [], 'done', 100, 1],
  ])('%s', (_, leads, reports, carried, standing, percent, reportedLeads) => {
    expect(standingOf(leads, reports, new Set(carried), 1)).toEqual({ standing, percent, reportedLeads });
  });

  it('the later of two reports by one unit wins', () => {
    const early = report(1, 'A', 'blocked', 10, { updatedAt: '2024-06-01T00:00:00.000Z' });
    const late = report(1, 'A', 'in_progress', 60, { updatedAt: '2024-06-05T00:00:00.000Z' });
    expect(standingOf(['A'], [late, early], none)).toEqual({
      standing: 'in_progress',
      percent: 60,
      reportedLeads: 1,
    });
    expect(standingOf(['A'], [early, late], none)).toEqual({
      standing: 'in_progress',
      percent: 60,
      reportedLeads: 1,
    });
  });

  it('needs the task id to find carried done units when the task has no report', () => {
    const carried = new Set(['7:A', '7:B']);
    expect(standingOf(['A', 'B'], [], carried, 7)).toEqual({
      standing: 'done',
      percent: 100,
      reportedLeads: 2,
    });
    expect(standingOf(['A', 'B'], [], carried)).toEqual({
      standing: 'not_reported',
      percent: null,
      reportedLeads: 0,
    });
    // Reports of other tasks are ignored once the task is known.
    expect(standingOf(['A', 'B'], [report(8, 'A', 'blocked', 0)], carried, 7).standing).toBe('done');
  });
});

describe('computeSummary', () => {
  /*
   * June 2024, today 20 June. Units A–D lead tasks; E only coordinates.
   *   T1 leads A, B, C; coordinated by E; due 31/5: A done in April (carried), B in progress 60, C done;
   *      E (coordinating) writes a kiến nghị, which counts for blockers but not for standing.
   *   T2 lead B; due 31/3; no report.
   *   T3 lead A; ongoing; blocked.
   *   T4 leads C, D; due end of 2024; C not started, D silent.
   *   T5 lead D; due 30/6; done this month (in progress in May).
   *   T6 leads A, D; due 31/3; both done earlier (A in March, D in May): done without any report.
   *   T7 lead C; due 10/6; in progress, reported late.
   */
  const tasks = [
    task(1, ['A', 'B', 'C'], 'Tháng 5/2024', ['E']),
    task(2, ['B'], 'Quý I/2024'),
    task(3, ['A'], 'Thường xuyên'),
    task(4, ['C', 'D'], 'Năm 2024', ['A']),
    task(5, ['D'], 'Tháng 6/2024'),
    task(6, ['A', 'D'], 'Quý I/2024'),
    task(7, ['C'], 'Ngày 10/6/2024', ['B']),
  ];
  const reports = [
    report(1, 'B', 'in_progress', 60, { blockers: 'Cần thêm nhân lực' }),
    report(1, 'E', 'in_progress', 50, { blockers: 'Chờ hướng dẫn của Bộ Công an', late: true }),
    report(1, 'C', 'done', 100, { blockers: '   ' }),
    report(3, 'A', 'blocked', 30, { blockers: 'Thiếu kinh phí' }),
    report(4, 'C', 'not_started', 0),
    report(5, 'D', 'done', 100),
    report(7, 'C', 'in_progress', 40, { late: true }),
  ];
  const previousReports = [
    report(1, 'B', 'in_progress', 40, { periodKey: '2024-05' }),
    report(1, 'C', 'in_progress', 80, { periodKey: '2024-05' }),
    report(3, 'A', 'in_progress', 20, { periodKey: '2024-05' }),
    report(5, 'D', 'in_progress', 70, { periodKey: '2024-05' }),
    report(6, 'D', 'done', 100, { periodKey: '2024-05' }),
  ];
  const input: SummaryInput = {
    period: periodFromKey('2024-06'),
    today: '2024-06-20',
    units: [
      { code: 'A', name: 'Văn phòng' },
      { code: 'B', name: 'Ban Thu' },
      { code: 'C', name: 'Ban Sổ - Thẻ' },
      { code: 'D', name: 'Trung tâm CNTT' },
      { code: 'E', name: 'Ban Pháp chế' },
    ],
    tasks,
    reports,
    doneBefore: [done(1, 'A', '2024-04'), done(6, 'A', '2024-03'), done(6, 'D', '2024-05')],
    previous: {
      period: periodFromKey('2024-05'),
      reports: previousReports,
      doneBefore: [done(1, 'A', '2024-04'), done(6, 'A', '2024-03')],
    },
    scopeUnit: null,
  };

  const summary = computeSummary(input);

  it('gives each task its standing from its lead units', () => {
    expect(summary.taskCount).toBe(7);
    expect(summary.tasks.map((t) => [t.code, t.standing, t.percent, t.reportedLeads])).toEqual([
      ['T1', 'in_progress', 87, 3], // (100 carried + 60 + 100) / 3 = 86.67
      ['T2', 'not_reported', null, 0],
      ['T3', 'blocked', 30, 1],
      ['T4', 'not_started', 0, 1],
      ['T5', 'done', 100, 1],
      ['T6', 'done', 100, 2],
      ['T7', 'in_progress', 40, 1],
    ]);
    expect(summary.tasks[0]).toEqual({
      taskId: 1,
      code: 'T1',
      content: 'Nhiệm vụ 1',
      leadUnits: ['A', 'B', 'C'],
      standing: 'in_progress',
      percent: 87,
      reportedLeads: 3,
    });
    expect(summary.totals).toEqual(
      totals({ done: 2, in_progress: 2, blocked: 1, not_started: 1, not_reported: 1 }),
    );
  });

  it('lists overdue tasks, longest overdue first', () => {
    expect(summary.overdue).toEqual([
      // 31/3 → 20/6: 30 + 31 + 20 days.
      {
        taskId: 2,
        code: 'T2',
        content: 'Nhiệm vụ 2',
        leadUnits: ['B'],
        due: '2024-03-31',
        daysOverdue: 81,
        standing: 'not_reported',
      },
      {
        taskId: 1,
        code: 'T1',
        content: 'Nhiệm vụ 1',
        leadUnits: ['A', 'B', 'C'],
        due: '2024-05-31',
        daysOverdue: 20,
        standing: 'in_progress',
      },
      {
        taskId: 7,
        code: 'T7',
        content: 'Nhiệm vụ 7',
        leadUnits: ['C'],
        due: '2024-06-10',
        daysOverdue: 10,
        standing: 'in_progress',
      },
    ]);
  });

  it('counts per lead unit, most overdue first', () => {
    expect(summary.units).toEqual([
      // B: T1 in progress and late, T2 silent and late.
      {
        code: 'B',
        name: 'Ban Thu',
        lead: 2,
        reported: 1,
        done: 0,
        inProgress: 1,
        blocked: 0,
        notStarted: 0,
        overdue: 2,
      },
      // C: T1 done (its part of a late task is not late), T4 not started, T7 late.
      {
        code: 'C',
        name: 'Ban Sổ - Thẻ',
        lead: 3,
        reported: 3,
        done: 1,
        inProgress: 1,
        blocked: 0,
        notStarted: 1,
        overdue: 1,
      },
      // A: T1 and T6 carried done, T3 blocked.
      {
        code: 'A',
        name: 'Văn phòng',
        lead: 3,
        reported: 3,
        done: 2,
        inProgress: 0,
        blocked: 1,
        notStarted: 0,
        overdue: 0,
      },
      // D: T4 silent, T5 done, T6 carried done.
      {
        code: 'D',
        name: 'Trung tâm CNTT',
        lead: 3,
        reported: 2,
        done: 2,
        inProgress: 0,
        blocked: 0,
        notStarted: 0,
        overdue: 0,
      },
    ]);
  });

  it('collects blockers from lead and coordinating units', () => {
    expect(summary.blockers).toEqual([
      {
        taskId: 1,
        code: 'T1',
        content: 'Nhiệm vụ 1',
        unitCode: 'B',
        unitName: 'Ban Thu',
        memberName: 'Cán bộ B',
        status: 'in_progress',
        text: 'Cần thêm nhân lực',
      },
      {
        taskId: 1,
        code: 'T1',
        content: 'Nhiệm vụ 1',
        unitCode: 'E',
        unitName: 'Ban Pháp chế',
        memberName: 'Cán bộ E',
        status: 'in_progress',
        text: 'Chờ hướng dẫn của Bộ Công an',
      },
      {
        taskId: 3,
        code: 'T3',
        content: 'Nhiệm vụ 3',
        unitCode: 'A',
        unitName: 'Văn phòng',
        memberName: 'Cán bộ A',
        status: 'blocked',
        text: 'Thiếu kinh phí',
      },
    ]);
  });

  it('names lead units that owe a report, carried done excused', () => {
    expect(summary.notReported).toEqual([
      { code: 'B', name: 'Ban Thu', taskCodes: ['T2'] },
      { code: 'D', name: 'Trung tâm CNTT', taskCodes: ['T4'] },
    ]);
    expect(summary.lateReports).toBe(2);
  });

  it('compares with the previous period under the same rules', () => {
    expect(summary.change).toEqual({
      previousKey: '2024-05',
      // T1 in progress (A carried, B, C working), T3, T5 in progress; T6 done (A carried, D done in May).
      totalsBefore: totals({ in_progress: 3, done: 1, not_reported: 3 }),
      newlyDone: [{ taskId: 5, code: 'T5', content: 'Nhiệm vụ 5' }],
    });
    expect(computeSummary({ ...input, previous: null }).change).toBeNull();
  });

  it('echoes the period and today', () => {
    expect(summary.period.key).toBe('2024-06');
    expect(summary.today).toBe('2024-06-20');
    expect(summary.scopeUnit).toBeNull();
  });

  describe('a unit scope', () => {
    it('a lead unit sees its tasks and only its own row', () => {
      const d = computeSummary({ ...input, scopeUnit: 'D' });
      expect(d.tasks.map((t) => t.code)).toEqual(['T4', 'T5', 'T6']);
      expect(d.taskCount).toBe(3);
      expect(d.totals).toEqual(totals({ not_started: 1, done: 2 }));
      expect(d.units.map((u) => u.code)).toEqual(['D']);
      expect(d.notReported).toEqual([{ code: 'D', name: 'Trung tâm CNTT', taskCodes: ['T4'] }]);
      expect(d.overdue).toEqual([]);
      expect(d.blockers).toEqual([]);
      expect(d.lateReports).toBe(0);
      expect(d.change).toEqual({
        previousKey: '2024-05',
        totalsBefore: totals({ not_reported: 1, in_progress: 1, done: 1 }),
        newlyDone: [{ taskId: 5, code: 'T5', content: 'Nhiệm vụ 5' }],
      });
    });

    it('a unit that leads and coordinates sees both kinds of task, standings still from all leads', () => {
      const c = computeSummary({ ...input, scopeUnit: 'B' });
      expect(c.tasks.map((t) => [t.code, t.standing])).toEqual([
        ['T1', 'in_progress'],
        ['T2', 'not_reported'],
        ['T7', 'in_progress'],
      ]);
      // Only tasks B leads count in its row; T7 (coordinated) does not.
      expect(c.units).toEqual([
        {
          code: 'B',
          name: 'Ban Thu',
          lead: 2,
          reported: 1,
          done: 0,
          inProgress: 1,
          blocked: 0,
          notStarted: 0,
          overdue: 2,
        },
      ]);
      expect(c.overdue.map((o) => o.code)).toEqual(['T2', 'T1', 'T7']);
      expect(c.blockers.map((b) => `${b.code}:${b.unitCode}`)).toEqual(['T1:B', 'T1:E']);
      // E's and C's late reports are theirs, not B's.
      expect(c.lateReports).toBe(0);
    });

    it('a unit that only coordinates has no unit row', () => {
      const e = computeSummary({ ...input, scopeUnit: 'E' });
      expect(e.tasks.map((t) => t.code)).toEqual(['T1']);
      expect(e.units).toEqual([]);
      expect(e.notReported).toEqual([]);
      expect(e.lateReports).toBe(1);
      expect(e.scopeUnit).toBe('E');
    });

    it('a unit with no task sees an empty summary', () => {
      const z = computeSummary({ ...input, scopeUnit: 'Z' });
      expect(z.taskCount).toBe(0);
      expect(z.totals).toEqual(totals({}));
      expect(z.units).toEqual([]);
      expect(z.change).toEqual({ previousKey: '2024-05', totalsBefore: totals({}), newlyDone: [] });
    });
  });

  it('ignores reports on tasks out of scope', () => {
    const s = computeSummary({
      ...input,
      reports: [...reports, report(99, 'A', 'blocked', 0, { blockers: 'x', late: true })],
    });
    expect(s.blockers).toHaveLength(3);
    expect(s.lateReports).toBe(2);
  });

  it('lists the tasks in scope whose unit names are not linked to a unit, lead names first', () => {
    const kept = {
      ...task(12, [], 'Tháng 5/2024', ['A']),
      unresolved: [
        { role: 'coordinating' as const, name: 'Ban X' },
        { role: 'lead' as const, name: 'TTLT' },
      ],
    };
    const s = computeSummary({ ...input, tasks: [...input.tasks, kept] });
    expect(s.unresolved).toEqual([
      {
        taskId: 12,
        code: 'T12',
        content: 'Nhiệm vụ 12',
        names: [
          { role: 'lead', name: 'TTLT' },
          { role: 'coordinating', name: 'Ban X' },
        ],
      },
    ]);
    // Overdue, it names the lead it could not map (only lead names).
    expect(
      computeSummary({ ...input, tasks: [...input.tasks, kept] }).overdue.find((o) => o.taskId === 12),
    ).toMatchObject({
      leadUnits: [],
      unresolvedLeads: ['TTLT'],
    });
    expect(computeSummary(input).overdue.every((o) => o.unresolvedLeads === undefined)).toBe(true);
    expect(computeSummary(input).unresolved).toEqual([]);
    expect(computeSummary({ ...input, tasks: [...input.tasks, kept], scopeUnit: 'D' }).unresolved).toEqual(
      [],
    );
  });

  it('breaks overdue ties by task order and unit ties by code', () => {
    const s = computeSummary({
      ...input,
      tasks: [task(11, ['Q'], 'Tháng 5/2024'), task(10, ['P'], 'Tháng 5/2024')],
      reports: [],
      doneBefore: [],
      previous: null,
    });
    expect(s.overdue.map((o) => [o.code, o.daysOverdue])).toEqual([
      ['T11', 20],
      ['T10', 20],
    ]);
    // Units without a name in the directory fall back to their code.
    expect(s.units.map((u) => [u.code, u.name, u.overdue])).toEqual([
      ['P', 'P', 1],
      ['Q', 'Q', 1],
    ]);
    expect(s.notReported.map((u) => u.code)).toEqual(['P', 'Q']);
  });
});
