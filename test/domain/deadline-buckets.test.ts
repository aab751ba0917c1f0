import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/domain/deadline.ts';
import {
  type BucketDone,
  type BucketsInput,
  type BucketTask,
  bucketOf,
  countBuckets,
  deadlineOccurrences,
} from '../../src/domain/deadline-buckets.ts';

const task = (id: number, deadline: string, leadUnits: string[]): BucketTask => ({
  id,
  code: String(id),
  leadUnits,
  deadline: parseDeadline(deadline),
});
const done = (taskId: number, unitCode: string, periodKey: string, doneOn: string): BucketDone => ({
  taskId,
  unitCode,
  periodKey,
  doneOn,
});

function input(tasks: BucketTask[], records: BucketDone[], fields: Partial<BucketsInput> = {}): BucketsInput {
  return {
    tasks,
    done: records,
    asOf: '2024-06-30',
    firstYear: 2024,
    window: null,
    units: [
      { code: 'CNTT', name: 'Trung tâm Công nghệ thông tin' },
      { code: 'TCKT', name: 'Vụ Tài chính - Kế toán' },
    ],
    scopeUnit: null,
    ...fields,
  };
}

describe('bucketOf (rule 3)', () => {
  it.each([
    ['2024-05-31', '2024-05-31', '2024-06-30', 'done_on_time'],
    ['2024-05-31', '2024-06-01', '2024-06-30', 'done_late'],
    ['2024-07-31', null, '2024-06-30', 'open_in_time'],
    ['2024-06-30', null, '2024-06-30', 'open_in_time'],
    ['2024-05-31', null, '2024-06-30', 'open_overdue'],
  ] as const)('due %s, done %s, as of %s → %s', (due, doneOn, asOf, bucket) => {
    expect(bucketOf(due, doneOn, asOf)).toBe(bucket);
  });
});

describe('countBuckets', () => {
  it('puts one-off deadlines in the four buckets', () => {
    const result = countBuckets(
      input(
        [
          task(1, 'Tháng 5/2024', ['CNTT']), // done on time
          task(2, 'Tháng 4/2024', ['CNTT']), // done late
          task(3, 'Quý III/2024', ['CNTT']), // open, in time
          task(4, 'Tháng 3/2024', ['TCKT']), // open, overdue
        ],
        [done(1, 'CNTT', '2024-05', '2024-05-20'), done(2, 'CNTT', '2024-05', '2024-05-10')],
      ),
    );
    expect(result.overall).toEqual({ done_on_time: 1, done_late: 1, open_in_time: 1, open_overdue: 1 });
    expect(result.units).toEqual([
      {
        code: 'TCKT',
        name: 'Vụ Tài chính - Kế toán',
        counts: { done_on_time: 0, done_late: 0, open_in_time: 0, open_overdue: 1 },
      },
      {
        code: 'CNTT',
        name: 'Trung tâm Công nghệ thông tin',
        counts: { done_on_time: 1, done_late: 1, open_in_time: 1, open_overdue: 0 },
      },
    ]);
    expect(result.occurrences.find((o) => o.taskId === 4)?.daysOverdue).toBe(91);
  });

  it('a shared task is done when its last lead unit is, and each unit counts its own part', () => {
    const tasks = [task(1, 'Tháng 5/2024', ['CNTT', 'TCKT'])];
    const onTimeAndLate = countBuckets(
      input(tasks, [done(1, 'CNTT', '2024-05', '2024-05-02'), done(1, 'TCKT', '2024-06', '2024-06-03')]),
    );
    expect(onTimeAndLate.overall.done_late).toBe(1);
    expect(onTimeAndLate.occurrences[0]!.byUnit).toEqual({ CNTT: 'done_on_time', TCKT: 'done_late' });
    const oneMissing = countBuckets(input(tasks, [done(1, 'CNTT', '2024-05', '2024-05-02')]));
    expect(oneMissing.overall.open_overdue).toBe(1);
    expect(oneMissing.units.find((u) => u.code === 'CNTT')!.counts.done_on_time).toBe(1);
    // A member's view counts the unit's own part.
    const cntt = countBuckets(
      input(tasks, [done(1, 'CNTT', '2024-05', '2024-05-02')], { scopeUnit: 'CNTT' }),
    );
    expect(cntt.overall.done_on_time).toBe(1);
    expect(cntt.units.map((u) => u.code)).toEqual(['CNTT']);
  });

  it('coordinating units do not count, and a task without a lead unit is never done', () => {
    const result = countBuckets(
      input([task(1, 'Tháng 5/2024', [])], [done(1, 'CNTT', '2024-05', '2024-05-02')]),
    );
    expect(result.overall.open_overdue).toBe(1);
  });

  it('a yearly duty is one deadline a year, done only by reports of that year', () => {
    const tasks = [task(1, 'Tháng 11 hằng năm', ['CNTT'])];
    const records = [done(1, 'CNTT', '2024-11', '2024-11-15'), done(1, 'CNTT', '2026-01', '2026-01-10')];
    const result = countBuckets(input(tasks, records, { asOf: '2026-06-30' }));
    expect(result.occurrences.map((o) => [o.due, o.bucket])).toEqual([
      ['2024-11-30', 'done_on_time'],
      ['2025-11-30', 'open_overdue'],
      ['2026-11-30', 'done_on_time'],
    ]);
    // A period counts the occurrences due within it.
    const y2025 = countBuckets(
      input(tasks, records, { asOf: '2025-12-31', window: { startsOn: '2025-01-01', endsOn: '2025-12-31' } }),
    );
    expect(y2025.overall).toEqual({ done_on_time: 0, done_late: 0, open_in_time: 0, open_overdue: 1 });
  });

  it('a yearly duty done in December of its year after the day is late for that year', () => {
    const result = countBuckets(
      input([task(1, 'Tháng 11 hằng năm', ['CNTT'])], [done(1, 'CNTT', '2024-12', '2024-12-05')], {
        asOf: '2024-12-31',
      }),
    );
    expect(result.occurrences.map((o) => o.bucket)).toEqual(['done_late']);
  });

  it('ongoing, conditional and unreadable deadlines are undated, in no bucket', () => {
    const result = countBuckets(
      input(
        [
          task(1, 'Thường xuyên', ['CNTT']),
          task(2, 'Sau khi có hướng dẫn của Bộ Công an', ['CNTT']),
          task(3, '???', ['CNTT']),
          task(4, 'Tháng 5/2024', ['CNTT']),
        ],
        [done(2, 'CNTT', '2024-05', '2024-05-02')],
      ),
    );
    expect(result.undated).toBe(3);
    expect(result.overall).toEqual({ done_on_time: 0, done_late: 0, open_in_time: 0, open_overdue: 1 });
  });

  it('done reports after the as-of day are ignored', () => {
    const result = countBuckets(
      input([task(1, 'Tháng 5/2024', ['CNTT'])], [done(1, 'CNTT', '2024-07', '2024-07-02')], {
        asOf: '2024-06-30',
      }),
    );
    expect(result.overall.open_overdue).toBe(1);
  });

  it('a period counts only the one-off deadlines due in it; cumulative counts later ones as in time', () => {
    const tasks = [task(1, 'Tháng 5/2024', ['CNTT']), task(2, 'Năm 2030', ['CNTT'])];
    const may = countBuckets(input(tasks, [], { window: { startsOn: '2024-05-01', endsOn: '2024-05-31' } }));
    expect(may.overall).toEqual({ done_on_time: 0, done_late: 0, open_in_time: 0, open_overdue: 1 });
    const all = countBuckets(input(tasks, []));
    expect(all.overall).toEqual({ done_on_time: 0, done_late: 0, open_in_time: 1, open_overdue: 1 });
  });
});

describe('deadlineOccurrences (rule 1)', () => {
  it.each([
    ['Tháng 11 hằng năm', ['2024-11-30', '2025-11-30']],
    ['Quý I hằng năm', ['2024-03-31', '2025-03-31']],
    ['Trước ngày 15/12 hằng năm', ['2024-12-14', '2025-12-14']],
    ['Hằng năm', ['2024-12-31', '2025-12-31']],
    ['Năm 2025 và các năm tiếp theo', ['2025-12-31']],
    ['Định kỳ 5 năm', ['2024-12-31']],
    ['Tháng 2/2024', ['2024-02-29']],
    ['Thường xuyên', []],
    ['Sau khi có hướng dẫn', []],
  ])('%j from 2024 to 2025 → %j', (text, dues) => {
    expect(deadlineOccurrences(parseDeadline(text), 2024, 2025).map((o) => o.due)).toEqual(dues);
  });
});
