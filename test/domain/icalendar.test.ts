/** The iCalendar writer on its own: escaping and folding read back by ical.js, UTC outside Vietnam. */
import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { fold, meetingUid, renderCalendar } from '../../src/domain/icalendar.ts';

const event = {
  uid: meetingUid(7, '2024-06'),
  sequence: 4,
  startsAt: new Date('2024-06-25T02:00:00Z'),
  durationMinutes: 90,
  summary: 'Họp giao ban Tổ công tác Đề án 06 — kiểm điểm tiến độ, đôn đốc; báo cáo "Quý II"',
  location: 'Phòng họp A, tầng 3; https://meet.example/abc',
  description: 'Dòng một\nDòng hai \\ hết',
  cancelled: false,
  organizer: { name: 'Văn phòng BHXH', email: 'vp@example.gov.vn' },
};

it('escapes commas, semicolons, backslashes and line breaks, and folds long UTF-8 lines on characters', () => {
  const text = renderCalendar({
    method: 'REQUEST',
    events: [event],
    timeZone: 'Asia/Ho_Chi_Minh',
    stamp: new Date(),
  });
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
  const parsed = new ICAL.Event(vevent);
  expect(parsed.summary).toBe(event.summary);
  expect(parsed.location).toBe(event.location);
  expect(parsed.description).toBe(event.description);
  expect(parsed.uid).toBe('giaoban-2024-06-g7@da06-bot');
  expect(parsed.sequence).toBe(4);
  expect(String(vevent.getFirstPropertyValue('organizer'))).toBe('mailto:vp@example.gov.vn');
  expect(parsed.endDate.toJSDate().toISOString()).toBe('2024-06-25T03:30:00.000Z');
});

it('a group outside Vietnam gets UTC times and no VTIMEZONE', () => {
  const text = renderCalendar({
    method: 'CANCEL',
    events: [event],
    timeZone: 'Europe/Paris',
    stamp: new Date(),
  });
  expect(text).not.toContain('VTIMEZONE');
  expect(text).toContain('DTSTART:20240625T020000Z\r\n');
  expect(text).toContain('STATUS:CANCELLED\r\n');
});

it('fold never splits a multi-byte character', () => {
  const folded = fold(`SUMMARY:${'Đề án 06 '.repeat(20)}`);
  const unfolded = folded.replace(/\r\n /g, '');
  expect(unfolded).toBe(`SUMMARY:${'Đề án 06 '.repeat(20)}`);
  expect(folded.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
});
