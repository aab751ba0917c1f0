import { describe, expect, it } from 'vitest';
import {
  describeRule,
  deserializeRule,
  type MeetingRule,
  nominalDay,
  parseMeetingRule,
  serializeRule,
} from '../../src/domain/meeting-rule.ts';
import { WorkingCalendar } from '../../src/domain/working-days.ts';
import { ruleMeeting } from '../../src/scheduler/plan-occurrences.ts';

function rule(text: string): MeetingRule {
  const parsed = parseMeetingRule(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
  return parsed.rule;
}

describe('parseMeetingRule', () => {
  it('a day of the month with a time, place and agenda', () => {
    expect(rule('ngày 25 09:00; tại Phòng họp số 1, 7 Tràng Thi; nội dung: Kiểm điểm tiến độ tháng')).toEqual(
      {
        day: { kind: 'monthday', day: 25 },
        time: '09:00',
        place: 'Phòng họp số 1, 7 Tràng Thi',
        agenda: 'Kiểm điểm tiến độ tháng',
      },
    );
    expect(rule('Ngay 5 luc 14h30')).toMatchObject({ day: { kind: 'monthday', day: 5 }, time: '14:30' });
    expect(rule('ngày 10')).toMatchObject({ time: '09:00', place: null, agenda: null });
  });

  it('a weekday of a week, with or without diacritics, in Vietnamese or English', () => {
    expect(rule('thứ Hai tuần đầu tiên 14:00').day).toEqual({ kind: 'weekday', weekday: 1, week: 1 });
    expect(rule('thứ Sáu tuần cuối cùng 14h').day).toEqual({ kind: 'weekday', weekday: 5, week: 'last' });
    expect(rule('thu hai tuan thu hai 8h').day).toEqual({ kind: 'weekday', weekday: 1, week: 2 });
    expect(rule('thứ 4 tuần 3 9:00').day).toEqual({ kind: 'weekday', weekday: 3, week: 3 });
    expect(rule('last Friday 14:00').day).toEqual({ kind: 'weekday', weekday: 5, week: 'last' });
    expect(rule('day 25 9:00').day).toEqual({ kind: 'monthday', day: 25 });
  });

  it('a place after "tại", or a link', () => {
    expect(rule('thứ Sáu tuần cuối cùng 14:00 tại Phòng họp A').place).toBe('Phòng họp A');
    expect(rule('ngày 25 09:00 https://meet.example.vn/da06').place).toBe('https://meet.example.vn/da06');
  });

  it('refuses what it cannot read', () => {
    expect(parseMeetingRule('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseMeetingRule('hằng tháng')).toEqual({ ok: false, reason: 'day' });
    expect(parseMeetingRule('ngày 32 09:00')).toEqual({ ok: false, reason: 'day' });
    expect(parseMeetingRule('thứ Hai 09:00')).toEqual({ ok: false, reason: 'day' });
    expect(parseMeetingRule('ngày 25 25:00')).toEqual({ ok: false, reason: 'time' });
  });

  it('round-trips through storage, and unreadable storage is ignored', () => {
    const r = rule('thứ Sáu tuần cuối cùng 14:00; tại Phòng họp A');
    expect(deserializeRule(serializeRule(r))).toEqual(r);
    expect(deserializeRule('{"day":{"kind":"monthday","day":40},"time":"09:00"}')).toBeNull();
    expect(deserializeRule('not json')).toBeNull();
    expect(describeRule(r, 'vi')).toBe('thứ Sáu tuần cuối cùng hằng tháng, 14:00');
    expect(describeRule(rule('ngày 25 09:00'), 'en')).toBe('day 25 of each month, 09:00');
  });
});

describe('nominalDay', () => {
  it('clamps a day of the month to the month end, leap years included', () => {
    const r = rule('ngày 31');
    expect(nominalDay(r, 2024, 2)).toBe('2024-02-29');
    expect(nominalDay(r, 2023, 2)).toBe('2023-02-28');
    expect(nominalDay(r, 2024, 4)).toBe('2024-04-30');
    expect(nominalDay(rule('ngày 29'), 2025, 2)).toBe('2025-02-28');
  });

  it('first and last weekdays across month ends', () => {
    expect(nominalDay(rule('thứ Hai tuần đầu tiên'), 2024, 7)).toBe('2024-07-01');
    expect(nominalDay(rule('thứ Hai tuần đầu tiên'), 2024, 6)).toBe('2024-06-03');
    expect(nominalDay(rule('thứ Sáu tuần cuối cùng'), 2024, 5)).toBe('2024-05-31');
    expect(nominalDay(rule('thứ Sáu tuần cuối cùng'), 2024, 2)).toBe('2024-02-23');
    expect(nominalDay(rule('thứ Năm tuần cuối cùng'), 2024, 2)).toBe('2024-02-29');
    expect(nominalDay(rule('thứ Tư tuần thứ hai'), 2024, 5)).toBe('2024-05-08');
  });
});

describe('the meeting day after moving off weekends and holidays', () => {
  const calendar = new WorkingCalendar();
  const config = { timeZone: 'Asia/Ho_Chi_Minh', locale: 'vi' as const };

  it('"ngày 10" in February 2024 (mùng 1 Tết) moves to Thursday 15/02/2024, saying why', () => {
    const m = ruleMeeting(rule('ngày 10 09:00'), calendar, '2024-02', config);
    expect(m.nominalDay).toBe('2024-02-10');
    expect(m.day).toBe('2024-02-15');
    expect(m.startsAt.toISOString()).toBe('2024-02-15T02:00:00.000Z');
    expect(m.note).toBe('Ngày 10/02/2024 là ngày nghỉ (Tết Nguyên Đán) nên chuyển sang ngày 15/02/2024.');
  });

  it('30/4 and 2/9 move past the whole break; a working day stays', () => {
    expect(ruleMeeting(rule('ngày 30'), calendar, '2024-04', config).day).toBe('2024-05-02');
    expect(ruleMeeting(rule('ngày 2'), calendar, '2024-09', config).day).toBe('2024-09-04');
    const june = ruleMeeting(rule('ngày 25'), calendar, '2024-06', config);
    expect([june.day, june.note]).toEqual(['2024-06-25', null]);
  });

  it('a weekend moves to Monday; a make-up Saturday an admin adds is a working day', () => {
    expect(ruleMeeting(rule('ngày 25'), calendar, '2024-05', config)).toMatchObject({
      day: '2024-05-27',
      note: 'Ngày 25/05/2024 là ngày nghỉ (thứ Bảy) nên chuyển sang ngày 27/05/2024.',
    });
    const admin = new WorkingCalendar([{ day: '2024-05-25', kind: 'work', note: 'Làm bù' }]);
    expect(ruleMeeting(rule('ngày 25'), admin, '2024-05', config).day).toBe('2024-05-25');
  });

  it('the last day of a month can move into the next month (31/08/2024 → 04/09/2024)', () => {
    expect(ruleMeeting(rule('ngày 31'), calendar, '2024-08', config)).toMatchObject({
      month: '2024-08',
      day: '2024-09-04',
    });
  });
});
