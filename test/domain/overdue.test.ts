import { describe, expect, it } from 'vitest';
import { type Deadline, parseDeadline } from '../../src/domain/deadline.ts';
import { carriesDone, currentDue, daysLeft, daysOverdue, isDated } from '../../src/domain/overdue.ts';
import type { TaskStanding } from '../../src/domain/report.ts';

describe('isDated', () => {
  it.each([
    ['Ngày 15/3/2024', 'date', true],
    ['Tháng 02/2024', 'month', true],
    ['Quý IV/2022', 'quarter', true],
    ['Năm 2024', 'year', true],
    ['Từ tháng 10/2021 đến hết quý I/2022', 'range', true],
    ['6 tháng đầu năm 2024', 'range', true],
    ['Hằng năm', 'recurring_annual', false],
    ['Năm 2024 và các năm tiếp theo', 'recurring_annual_from', false],
    ['Thường xuyên', 'ongoing', false],
    ['Sau khi có hướng dẫn của Bộ Công an', 'conditional', false],
    ['Theo kế hoạch', 'conditional', false],
    ['', 'unknown', false],
  ])('%j (%s) → %s', (text, kind, dated) => {
    const deadline = parseDeadline(text);
    expect(deadline.kind).toBe(kind);
    expect(isDated(deadline)).toBe(dated);
  });

  it('a range without an end is not dated', () => {
    expect(isDated({ text: 'x', kind: 'range', due: null, start: '2024-01-01' })).toBe(false);
  });
});

describe('daysOverdue', () => {
  const month = parseDeadline('Tháng 02/2024'); // due 2024-02-29

  it.each<[Deadline, TaskStanding, string, number | null]>([
    [month, 'in_progress', '2024-02-28', null],
    [month, 'in_progress', '2024-02-29', null],
    [month, 'in_progress', '2024-03-01', 1],
    [month, 'not_reported', '2024-03-31', 31],
    [month, 'blocked', '2025-02-28', 365],
    [month, 'not_started', '2024-12-31', 306],
    [month, 'done', '2024-12-31', null],
    [parseDeadline('Quý IV/2022'), 'in_progress', '2023-01-01', 1],
    [parseDeadline('Trước ngày 31/3/2024'), 'in_progress', '2024-03-31', 1],
    [parseDeadline('Hằng năm'), 'not_reported', '2030-01-01', null],
    [parseDeadline('Năm 2021 và các năm tiếp theo'), 'in_progress', '2024-01-01', null],
    [parseDeadline('Thường xuyên'), 'blocked', '2030-01-01', null],
    [parseDeadline('Khi có yêu cầu'), 'not_started', '2030-01-01', null],
    [parseDeadline('???'), 'not_started', '2030-01-01', null],
  ])('%j, %s, on %s → %s', (deadline, standing, today, expected) => {
    expect(daysOverdue(deadline, standing, today)).toBe(expected);
  });
});

describe('daysLeft', () => {
  it.each<[string, string, number | null]>([
    ['Tháng 02/2024', '2024-02-01', 28],
    ['Tháng 02/2024', '2024-02-29', 0],
    ['Tháng 02/2024', '2024-03-02', -2],
    ['Năm 2024', '2023-12-31', 366],
    ['Từ tháng 10/2021 đến hết quý I/2022', '2022-03-01', 30],
    ['Thường xuyên', '2024-01-01', null],
    ['Năm 2024 và các năm tiếp theo', '2024-01-01', null],
    ['Sau khi có hướng dẫn', '2024-01-01', null],
  ])('%j on %s → %s', (text, today, expected) => {
    expect(daysLeft(parseDeadline(text), today)).toBe(expected);
  });
});

describe('yearly duties: this year’s occurrence is the deadline', () => {
  const november = parseDeadline('Tháng 11 hằng năm');

  it.each<[string, TaskStanding, number | null]>([
    ['2024-11-30', 'in_progress', null],
    ['2024-12-01', 'in_progress', 1],
    ['2024-12-31', 'not_reported', 31],
    ['2024-12-31', 'done', null],
    ['2025-01-02', 'not_reported', null],
    ['2025-12-03', 'not_started', 3],
  ])('Tháng 11 hằng năm on %s, %s → %s', (today, standing, expected) => {
    expect(daysOverdue(november, standing, today)).toBe(expected);
  });

  it('the due day is in the year of today', () => {
    expect(currentDue(november, '2025-02-01')).toBe('2025-11-30');
    expect(currentDue(parseDeadline('Trước ngày 15/12 hằng năm'), '2024-01-01')).toBe('2024-12-14');
    expect(daysLeft(parseDeadline('Quý I hằng năm'), '2024-03-01')).toBe(30);
    expect(currentDue(parseDeadline('Hằng năm'), '2024-03-01')).toBeNull();
  });

  it('a done of an earlier year does not carry into the next one; a one-off done always does', () => {
    expect(carriesDone(november, '2024-11', '2024-12')).toBe(true);
    expect(carriesDone(november, '2024-11', '2025-11')).toBe(false);
    expect(carriesDone(parseDeadline('Tháng 6/2024'), '2024-06', '2026-01')).toBe(true);
  });
});
