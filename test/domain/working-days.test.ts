import { describe, expect, it } from 'vitest';
import { parseDayList, parseOffset, parseOffsets, subtractOffset } from '../../src/domain/durations.ts';
import { OFFICIAL_DAYS } from '../../src/domain/official-days.ts';
import { addDays } from '../../src/domain/period.ts';
import { publicHolidays, WorkingCalendar, yearCalendar } from '../../src/domain/working-days.ts';
import { isoInZone, offsetMinutes, wallClock, zonedInstant } from '../../src/domain/zoned-time.ts';

const VN = 'Asia/Ho_Chi_Minh';

describe('public holidays from date-holidays (VN)', () => {
  it('Tết Giáp Thìn 2024: date-holidays has the five days 09–13/02 (mùng 1 = 10/02/2024)', () => {
    const days = publicHolidays(2024);
    expect(
      ['2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13'].every((d) => days.has(d)),
    ).toBe(true);
    expect(days.get('2024-02-10')).toBe('Tết Nguyên Đán');
    expect(days.has('2024-02-08')).toBe(false);
    expect(days.has('2024-02-14')).toBe(false);
  });

  it('Giỗ Tổ Hùng Vương, 30/4, 1/5, 2/9 and 1/1 are public; observances are not', () => {
    const days = publicHolidays(2024);
    for (const day of ['2024-01-01', '2024-04-18', '2024-04-30', '2024-05-01', '2024-09-02'])
      expect(days.has(day)).toBe(true);
    expect(days.has('2024-03-08')).toBe(false); // Quốc tế Phụ nữ: an observance, a working day
    expect(publicHolidays(2025).has('2025-04-07')).toBe(true); // Giỗ Tổ 2025 (10/3 âm lịch)
  });
});

describe('WorkingCalendar', () => {
  const calendar = new WorkingCalendar();

  it('the official 2024 Tết break for civil servants is 08–14/02: the first working day after is 15/02', () => {
    for (let d = 8; d <= 14; d++)
      expect(calendar.isWorkingDay(`2024-02-${String(d).padStart(2, '0')}`)).toBe(false);
    expect(calendar.isWorkingDay('2024-02-07')).toBe(true);
    expect(calendar.nextWorkingDay('2024-02-08')).toBe('2024-02-15');
    expect(calendar.dayOff('2024-02-10')).toEqual({ kind: 'holiday', name: 'Tết Nguyên Đán' });
    expect(calendar.dayOff('2024-02-14')).toMatchObject({ kind: 'official' });
  });

  it('30/4–1/5/2024: off from Saturday 27/04 to Wednesday 01/05, make-up working Saturday 04/05', () => {
    for (const day of ['2024-04-27', '2024-04-28', '2024-04-29', '2024-04-30', '2024-05-01']) {
      expect(calendar.isWorkingDay(day), day).toBe(false);
    }
    expect(calendar.nextWorkingDay('2024-04-27')).toBe('2024-05-02');
    expect(calendar.isWorkingDay('2024-05-04')).toBe(true);
    expect(calendar.previousWorkingDay('2024-05-05')).toBe('2024-05-04');
  });

  it('2/9/2024: Quốc khánh from Saturday 31/08 to Tuesday 03/09', () => {
    expect(calendar.nextWorkingDay('2024-08-31')).toBe('2024-09-04');
    expect(calendar.dayOff('2024-09-02')).toEqual({ kind: 'holiday', name: 'Quốc khánh' });
  });

  it('weekends are off; an admin adds extra days off and make-up working days, which win', () => {
    expect(calendar.dayOff('2024-06-22')).toEqual({ kind: 'weekend', weekday: 6 });
    expect(calendar.dayOff('2024-06-23')).toEqual({ kind: 'weekend', weekday: 0 });
    const admin = new WorkingCalendar([
      { day: '2024-06-24', kind: 'off', note: 'Nghỉ bù hội nghị' },
      { day: '2024-06-22', kind: 'work', note: 'Làm bù' },
      { day: '2024-02-14', kind: 'work', note: null },
    ]);
    expect(admin.dayOff('2024-06-24')).toEqual({ kind: 'extra', note: 'Nghỉ bù hội nghị' });
    expect(admin.isWorkingDay('2024-06-22')).toBe(true);
    expect(admin.isWorkingDay('2024-02-14')).toBe(true);
    expect(admin.nextWorkingDay('2024-06-23')).toBe('2024-06-25');
  });

  it('counts working days overdue across weekends and holidays', () => {
    // Due Friday 26/04/2024: the long 30/4 weekend does not count.
    expect(calendar.workingDaysAfter('2024-04-26', '2024-05-01')).toBe(0);
    expect(calendar.workingDaysAfter('2024-04-26', '2024-05-02')).toBe(1);
    expect(calendar.workingDaysAfter('2024-04-26', '2024-05-06')).toBe(4); // 02, 03, 04 (make-up Saturday), 06
    expect(calendar.addWorkingDays('2024-04-26', 3)).toBe('2024-05-04');
    expect(calendar.workingDaysAfter('2024-06-20', '2024-06-20')).toBe(0);
  });
});

describe('zoned time', () => {
  it('reads and writes wall-clock times in Vietnam (UTC+7 all year)', () => {
    const at = zonedInstant('2024-06-25', '09:00', VN);
    expect(at.toISOString()).toBe('2024-06-25T02:00:00.000Z');
    expect(isoInZone(at, VN)).toBe('2024-06-25T09:00:00+07:00');
    expect(wallClock(new Date('2024-06-30T18:30:00Z'), VN)).toEqual({
      day: '2024-07-01',
      time: '01:30',
      weekday: 1,
    });
    expect(offsetMinutes(new Date('2024-01-01T00:00:00Z'), VN)).toBe(420);
  });

  it('is zone-correct where clocks change (Europe/Berlin, 31/03/2024)', () => {
    expect(isoInZone(zonedInstant('2024-03-30', '09:00', 'Europe/Berlin'), 'Europe/Berlin')).toBe(
      '2024-03-30T09:00:00+01:00',
    );
    expect(isoInZone(zonedInstant('2024-04-01', '09:00', 'Europe/Berlin'), 'Europe/Berlin')).toBe(
      '2024-04-01T09:00:00+02:00',
    );
  });
});

describe('durations', () => {
  it('reads offsets and lists', () => {
    expect(parseOffset('3d')).toEqual({ label: '3d', days: 3, minutes: 0 });
    expect(parseOffset('1d12h')).toEqual({ label: '1d12h', days: 1, minutes: 720 });
    expect(parseOffset('90m')).toEqual({ label: '1h30m', days: 0, minutes: 90 });
    expect(parseOffset('0h')).toBeNull();
    expect(parseOffset('soon')).toBeNull();
    expect(parseOffsets('1h, 3d,1d,3d').map((o) => o.label)).toEqual(['3d', '1d', '1h']);
    expect(() => parseOffsets('3d,abc')).toThrow(/abc/);
    expect(parseDayList('1,3')).toEqual([3, 1]);
    expect(() => parseDayList('3,0')).toThrow();
  });

  it('moves back on the wall calendar for days, elapsed time for hours', () => {
    const start = zonedInstant('2024-03-01', '09:00', VN);
    expect(isoInZone(subtractOffset(start, parseOffset('1d')!, VN), VN)).toBe('2024-02-29T09:00:00+07:00');
    expect(isoInZone(subtractOffset(start, parseOffset('1h')!, VN), VN)).toBe('2024-03-01T08:00:00+07:00');
    const berlin = zonedInstant('2024-04-01', '09:00', 'Europe/Berlin');
    expect(isoInZone(subtractOffset(berlin, parseOffset('3d')!, 'Europe/Berlin'), 'Europe/Berlin')).toBe(
      '2024-03-29T09:00:00+01:00',
    );
  });
});

describe('official days 2025–2027 (issue 15)', () => {
  const calendar = new WorkingCalendar();
  const span = (from: string, to: string) => {
    const days: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
    return days;
  };

  it('Tết Ất Tỵ 2025: off from Saturday 25/01 to Sunday 02/02, back on Monday 03/02', () => {
    for (const day of span('2025-01-25', '2025-02-02')) expect(calendar.isWorkingDay(day), day).toBe(false);
    expect(calendar.isWorkingDay('2025-01-24')).toBe(true);
    expect(calendar.nextWorkingDay('2025-01-25')).toBe('2025-02-03');
    expect(calendar.dayOff('2025-01-27')).toMatchObject({ kind: 'official' });
  });

  it('2025: 30/4–1/5 off from Wednesday 30/04 to Sunday 04/05, Friday 02/05 swapped with Saturday 26/04', () => {
    for (const day of span('2025-04-30', '2025-05-04')) expect(calendar.isWorkingDay(day), day).toBe(false);
    expect(calendar.isWorkingDay('2025-04-26')).toBe(true);
    expect(calendar.isWorkingDay('2025-05-05')).toBe(true);
    expect(calendar.dayOff('2025-05-02')).toMatchObject({ kind: 'official' });
    expect(yearCalendar(2025).find((e) => e.day === '2025-04-26')).toMatchObject({ kind: 'work' });
  });

  it('2026: Tết Dương lịch 01–04/01 with make-up Saturday 10/01; Tết Bính Ngọ 14–22/02; nghỉ bù Giỗ Tổ 27/04', () => {
    for (const day of span('2026-01-01', '2026-01-04')) expect(calendar.isWorkingDay(day), day).toBe(false);
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-11')).toBe(false);
    for (const day of span('2026-02-14', '2026-02-22')) expect(calendar.isWorkingDay(day), day).toBe(false);
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true);
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false);
    // A make-up Saturday counts for overdue days: 09/01 (Fri) → 12/01 (Mon) is two working days.
    expect(calendar.workingDaysAfter('2026-01-09', '2026-01-12')).toBe(2);
    expect(calendar.addWorkingDays('2026-01-09', 1)).toBe('2026-01-10');
  });

  it('2027: Tết Đinh Mùi 05–11/02 with the Labour Code nghỉ bù, and 03/05 for 1/5 on a Saturday', () => {
    for (const day of span('2027-02-05', '2027-02-11')) expect(calendar.isWorkingDay(day), day).toBe(false);
    expect(calendar.isWorkingDay('2027-02-12')).toBe(true);
    expect(calendar.isWorkingDay('2027-05-03')).toBe(false);
  });

  it('every official day carries a source, and the year list shows it', () => {
    expect(OFFICIAL_DAYS.every((d) => d.source.length > 0)).toBe(true);
    const year = yearCalendar(2026);
    expect(year.find((e) => e.day === '2026-01-10')).toMatchObject({
      kind: 'work',
      source: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025',
    });
    expect(year.find((e) => e.day === '2026-01-01')).toMatchObject({ kind: 'off', name: 'Tết Dương lịch' });
    expect(yearCalendar(2027).find((e) => e.day === '2027-02-10')?.source).toContain('chưa xác nhận');
    expect(yearCalendar(2026, [{ day: '2026-03-02', kind: 'off', note: 'Nghỉ thêm' }])).toContainEqual({
      day: '2026-03-02',
      kind: 'off',
      name: 'Nghỉ thêm',
      source: 'da06 schedule calendar add',
    });
  });
});
