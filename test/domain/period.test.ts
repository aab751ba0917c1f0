import { describe, expect, it } from 'vitest';
import {
  addDays,
  containsDay,
  daysBetween,
  monthsOf,
  nextPeriod,
  type Period,
  type PeriodKind,
  parsePeriod,
  periodFromKey,
  periodOf,
  previousPeriod,
  todayIn,
} from '../../src/domain/period.ts';

describe('parsePeriod', () => {
  it.each([
    ['2024-06', '2024-06'],
    ['2024-6', '2024-06'],
    ['2024/6', '2024-06'],
    ['06/2024', '2024-06'],
    ['6/2024', '2024-06'],
    ['6-2024', '2024-06'],
    ['T6/2024', '2024-06'],
    ['t6/2024', '2024-06'],
    ['T 6 / 2024', '2024-06'],
    ['tháng 6/2024', '2024-06'],
    ['Tháng 06 năm 2024', '2024-06'],
    ['THÁNG 12 NĂM 2024', '2024-12'],
    ['thang 6 2024', '2024-06'],
    ['Tháng 1/2000', '2000-01'],
    ['12/2100', '2100-12'],
    ['2024-H1', '2024-H1'],
    ['2024-h2', '2024-H2'],
    ['2024 H2', '2024-H2'],
    ['H1/2024', '2024-H1'],
    ['h2-2024', '2024-H2'],
    ['H2 năm 2024', '2024-H2'],
    ['6 tháng đầu năm 2024', '2024-H1'],
    ['6 tháng cuối năm 2024', '2024-H2'],
    ['Sáu tháng đầu năm 2025', '2025-H1'],
    ['  6 THANG CUOI NAM 2025 ', '2025-H2'],
    ['2024', '2024'],
    ['năm 2024', '2024'],
    ['Năm  2030', '2030'],
  ])('%j → %s', (text, key) => {
    expect(parsePeriod(text)?.key).toBe(key);
  });

  it.each([
    '',
    '13/2024',
    '0/2024',
    '2024-13',
    '2024-00',
    'tháng 13 năm 2024',
    'H3/2024',
    '2024-H0',
    '1999',
    '2101',
    '12/1999',
    'H1/2101',
    '6 2024',
    'tháng 6',
    '6',
    'quý II/2024',
    '15/06/2024',
    'hằng năm',
    '2024-06-15',
  ])('rejects %j', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });

  it('fills every field of the period', () => {
    expect(parsePeriod('Tháng 02/2024')).toEqual({
      key: '2024-02',
      kind: 'month',
      year: 2024,
      index: 2,
      startsOn: '2024-02-01',
      endsOn: '2024-02-29',
    });
    expect(parsePeriod('6 tháng cuối năm 2024')).toEqual({
      key: '2024-H2',
      kind: 'half',
      year: 2024,
      index: 2,
      startsOn: '2024-07-01',
      endsOn: '2024-12-31',
    });
    expect(parsePeriod('năm 2025')).toEqual({
      key: '2025',
      kind: 'year',
      year: 2025,
      index: 1,
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
    });
  });
});

describe('periodFromKey', () => {
  /** [key, kind, year, index, startsOn, endsOn] */
  it.each<[string, PeriodKind, number, number, string, string]>([
    ['2024-02', 'month', 2024, 2, '2024-02-01', '2024-02-29'],
    ['2023-02', 'month', 2023, 2, '2023-02-01', '2023-02-28'],
    ['1900-02', 'month', 1900, 2, '1900-02-01', '1900-02-28'],
    ['2000-02', 'month', 2000, 2, '2000-02-01', '2000-02-29'],
    ['2024-04', 'month', 2024, 4, '2024-04-01', '2024-04-30'],
    ['2024-12', 'month', 2024, 12, '2024-12-01', '2024-12-31'],
    ['2024-H1', 'half', 2024, 1, '2024-01-01', '2024-06-30'],
    ['2024-H2', 'half', 2024, 2, '2024-07-01', '2024-12-31'],
    ['2024', 'year', 2024, 1, '2024-01-01', '2024-12-31'],
  ])('%s', (key, kind, year, index, startsOn, endsOn) => {
    expect(periodFromKey(key)).toEqual({ key, kind, year, index, startsOn, endsOn });
  });

  it.each(['', '2024-6', '2024-13', '2024-00', '2024-H3', '2024-h1', '06/2024', '24', ' 2024', '0999'])(
    'throws on %j',
    (key) => {
      expect(() => periodFromKey(key)).toThrow();
    },
  );
});

describe('periodOf', () => {
  it.each<[PeriodKind, string, string]>([
    ['month', '2024-02-29', '2024-02'],
    ['month', '2024-12-31', '2024-12'],
    ['month', '2025-01-01', '2025-01'],
    ['half', '2024-06-30', '2024-H1'],
    ['half', '2024-07-01', '2024-H2'],
    ['half', '2024-01-01', '2024-H1'],
    ['year', '2024-12-31', '2024'],
  ])('%s of %s → %s', (kind, day, key) => {
    expect(periodOf(kind, day)).toEqual(periodFromKey(key));
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-6-1', '01/06/2024'])('throws on %j', (day) => {
    expect(() => periodOf('month', day)).toThrow();
  });
});

describe('previousPeriod and nextPeriod', () => {
  it.each([
    ['2024-01', '2023-12'],
    ['2024-03', '2024-02'],
    ['2024-12', '2024-11'],
    ['2024-H1', '2023-H2'],
    ['2024-H2', '2024-H1'],
    ['2024', '2023'],
    ['2000-01', '1999-12'],
  ])('before %s comes %s', (key, previous) => {
    expect(previousPeriod(periodFromKey(key))).toEqual(periodFromKey(previous));
    expect(nextPeriod(periodFromKey(previous))).toEqual(periodFromKey(key));
  });
});

describe('monthsOf', () => {
  const keys = (p: Period) => monthsOf(p).map((m) => m.key);

  it('a month is its own only month', () => {
    expect(keys(periodFromKey('2024-02'))).toEqual(['2024-02']);
  });

  it('halves and years', () => {
    expect(keys(periodFromKey('2024-H1'))).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
    ]);
    expect(keys(periodFromKey('2024-H2'))).toEqual([
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
    ]);
    const year = monthsOf(periodFromKey('2023'));
    expect(year).toHaveLength(12);
    expect(year[0]).toEqual(periodFromKey('2023-01'));
    expect(year[1]!.endsOn).toBe('2023-02-28');
    expect(year[11]).toEqual(periodFromKey('2023-12'));
  });
});

describe('containsDay', () => {
  it.each([
    ['2024-02', '2024-02-01', true],
    ['2024-02', '2024-02-29', true],
    ['2024-02', '2024-03-01', false],
    ['2024-02', '2024-01-31', false],
    ['2024-H1', '2024-06-30', true],
    ['2024-H1', '2024-07-01', false],
    ['2024-H2', '2024-12-31', true],
    ['2024', '2025-01-01', false],
    ['2024', '2024-01-01', true],
  ])('%s contains %s: %s', (key, day, expected) => {
    expect(containsDay(periodFromKey(key), day)).toBe(expected);
  });
});

describe('addDays and daysBetween', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-31', 30, '2024-03-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2023-01-01', 365, '2024-01-01'],
    ['2024-06-15', 0, '2024-06-15'],
  ])('%s plus %i days → %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
    expect(daysBetween(day, expected)).toBe(n);
    expect(daysBetween(expected, day)).toBe(-n || 0);
  });

  it('spans of whole years', () => {
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2023-01-01', '2023-12-31')).toBe(364);
    expect(daysBetween('2000-03-01', '2100-03-01')).toBe(36524);
  });

  it('throws on a malformed day', () => {
    expect(() => addDays('2024-02-30', 1)).toThrow();
    expect(() => daysBetween('2024-01-01', '20240102')).toThrow();
  });
});

describe('todayIn', () => {
  it.each([
    // 17:00 UTC is midnight in Hanoi (UTC+7).
    ['Asia/Ho_Chi_Minh', '2024-06-30T16:59:59Z', '2024-06-30'],
    ['Asia/Ho_Chi_Minh', '2024-06-30T17:00:00Z', '2024-07-01'],
    ['Asia/Ho_Chi_Minh', '2024-12-31T17:30:00Z', '2025-01-01'],
    ['UTC', '2024-02-29T23:59:59Z', '2024-02-29'],
    ['America/New_York', '2024-03-01T03:00:00Z', '2024-02-29'],
  ])('%s at %s is %s', (zone, instant, day) => {
    expect(todayIn(zone, new Date(instant))).toBe(day);
  });

  it('remembers the last answer only for the same second and zone (midnight falls on a second)', () => {
    const zone = 'Asia/Ho_Chi_Minh';
    expect(todayIn(zone, new Date('2024-06-30T16:59:59.000Z'))).toBe('2024-06-30');
    expect(todayIn(zone, new Date('2024-06-30T16:59:59.999Z'))).toBe('2024-06-30');
    expect(todayIn(zone, new Date('2024-06-30T17:00:00.000Z'))).toBe('2024-07-01');
    expect(todayIn('UTC', new Date('2024-06-30T17:00:00.000Z'))).toBe('2024-06-30');
    expect(todayIn(zone, new Date('2024-06-30T16:59:59.500Z'))).toBe('2024-06-30');
  });

  it('throws on an unknown time zone', () => {
    expect(() => todayIn('Mars/Olympus_Mons', new Date('2024-01-01T00:00:00Z'))).toThrow(RangeError);
  });
});
