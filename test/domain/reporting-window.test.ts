/** The one rule for the default period (the grace month) and the months a member may report on. */
import { expect, it } from 'vitest';
import { periodFromKey } from '../../src/domain/period.ts';
import {
  closesOn,
  defaultReportPeriod,
  reportableMonths,
  reportingWindow,
} from '../../src/domain/reporting-window.ts';

const keys = (today: string, grace: number) => reportableMonths(today, grace).map((p) => p.key);

it('during the grace days after a month, that month is offered first, then the running one', () => {
  expect(keys('2024-07-03', 10)).toEqual(['2024-06', '2024-07']);
  expect(keys('2024-07-10', 10)).toEqual(['2024-06', '2024-07']);
  expect(keys('2024-07-11', 10)).toEqual(['2024-07']);
  expect(keys('2024-06-30', 10)).toEqual(['2024-06']);
  expect(keys('2025-01-02', 10)).toEqual(['2024-12', '2025-01']);
  // Without grace days a month closes with its last day.
  expect(keys('2024-07-01', 0)).toEqual(['2024-07']);
  // A grace longer than a short month (February) still offers only the previous month.
  expect(keys('2024-03-01', 40)).toEqual(['2024-02', '2024-03']);
});

it('the default period is the month being collected, and it always takes reports', () => {
  expect(defaultReportPeriod('2024-07-05', 10).key).toBe('2024-06');
  expect(defaultReportPeriod('2024-07-11', 10).key).toBe('2024-07');
  expect(defaultReportPeriod('2024-01-03', 10).key).toBe('2023-12');
  for (const today of ['2024-07-01', '2024-07-10', '2024-07-11', '2024-07-31']) {
    for (const grace of [0, 1, 10, 31]) {
      for (const month of reportableMonths(today, grace)) {
        expect(reportingWindow(month, today, grace)).not.toBe('closed');
        expect(reportingWindow(month, today, grace)).not.toBe('not_started');
      }
    }
  }
});

it('a month closes after its grace days', () => {
  const june = periodFromKey('2024-06');
  expect(closesOn(june, 10)).toBe('2024-07-10');
  expect(reportingWindow(june, '2024-07-10', 10)).toBe('late');
  expect(reportingWindow(june, '2024-07-11', 10)).toBe('closed');
});
