/**
 * Giao ban invitations (.ics): parsed back with ical.js, a maintained iCalendar parser. The UID stays
 * the same from one file to the next (and from one process to the next: nothing but the group and the
 * month makes it), SEQUENCE rises when the chair moves the meeting (stored, so it survives a
 * restart), a cancelled meeting gives METHOD:CANCEL, times carry the Asia/Ho_Chi_Minh zone.
 */
import ICAL from 'ical.js';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { cancelMeeting, moveMeeting } from '../../../src/app/use-cases/meeting-admin.ts';
import {
  type InvitationDeps,
  meetingCalendar,
  meetingInvitation,
} from '../../../src/app/use-cases/meeting-invitation.ts';
import type { FileView, ReminderView, View } from '../../../src/app/views.ts';
import { schedulerPort } from '../../../src/scheduler/scheduler-port.ts';
import { FakeChannel, resetScheduling, schedulerFor } from '../../scheduler/support.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { expectKind } from './support.ts';

interface ParsedEvent {
  method: string;
  uid: string;
  sequence: number;
  start: string;
  zone: string;
  status: string;
  summary: string;
  location: string | null;
}

function parse(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const method = String(calendar.getFirstPropertyValue('method'));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      method,
      uid: event.uid,
      sequence: event.sequence,
      start: event.startDate.toJSDate().toISOString(),
      zone: event.startDate.zone?.tzid ?? '',
      status: String(component.getFirstPropertyValue('status')),
      summary: event.summary,
      location: event.location ?? null,
    };
  });
}

const fileText = (view: View) => expectKind(view, 'file').bytes.toString('utf8');

describeEachDatabase('meeting invitations', (db) => {
  let f: CoreFixture;

  beforeAll(async () => {
    f = await createCoreFixture(db(), '2024-06-10T10:00:00+07:00');
  });

  /** A fresh port each call, as a new process would build it. */
  const deps = (): InvitationDeps => ({ ...f.deps, scheduler: schedulerPort(f.stores, f.deps.group) });

  beforeEach(async () => {
    await resetScheduling(db());
    f.clock.set('2024-06-10T10:00:00+07:00');
  });

  it('the next meeting: METHOD:REQUEST, a stable UID, SEQUENCE 0, the Vietnam time zone', async () => {
    const view = await meetingInvitation(deps(), 'vi', null);
    const file = expectKind(view, 'file') as FileView;
    expect(file.fileName).toBe('giao-ban-2024-06.ics');
    expect(file.mimeType).toBe('text/calendar');
    expect(file.caption[0]).toContain('Thư mời họp giao ban tháng 6/2024');
    const [event, ...others] = parse(file.bytes.toString('utf8'));
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      method: 'REQUEST',
      sequence: 0,
      start: '2024-06-25T02:00:00.000Z',
      zone: 'Asia/Ho_Chi_Minh',
      status: 'CONFIRMED',
      summary: 'Họp giao ban Tổ công tác Đề án 06 — tháng 6/2024',
    });
    expect(file.bytes.toString('utf8')).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20240625T090000\r\n');

    f.clock.set('2024-06-11T08:00:00+07:00');
    const again = parse(fileText(await meetingInvitation(deps(), 'en', '2024-06')))[0]!;
    expect(again.uid).toBe(event!.uid);
    expect(again.sequence).toBe(0);
  });

  it('each move raises SEQUENCE, kept in the database; a cancellation is METHOD:CANCEL with the same UID', async () => {
    const first = parse(fileText(await meetingInvitation(deps(), 'vi', '2024-06')))[0]!;
    expect(
      await moveMeeting({ ...deps() }, f.viewers.chair, '2024-06', '27/06/2024 14:00', 'trùng hội nghị'),
    ).toMatchObject({ tone: 'success' });
    const moved = parse(fileText(await meetingInvitation(deps(), 'vi', '2024-06')))[0]!;
    expect(moved).toMatchObject({ uid: first.uid, sequence: 1, start: '2024-06-27T07:00:00.000Z' });

    await moveMeeting({ ...deps() }, f.viewers.chair, '2024-06', '28/06/2024');
    const movedTwice = parse(fileText(await meetingInvitation(deps(), 'vi', '2024-06')))[0]!;
    expect(movedTwice).toMatchObject({ uid: first.uid, sequence: 2, start: '2024-06-28T07:00:00.000Z' });
    expect((await f.stores.meetings.byOccurrence('2024-06'))?.sequence).toBe(2);

    await cancelMeeting({ ...deps() }, f.viewers.chair, '2024-06', 'bận');
    const view = expectKind(await meetingInvitation(deps(), 'vi', '2024-06'), 'file');
    expect(view.caption[0]).toContain('đã hủy');
    const cancelled = parse(view.bytes.toString('utf8'))[0]!;
    expect(cancelled).toMatchObject({ method: 'CANCEL', uid: first.uid, sequence: 3, status: 'CANCELLED' });
  });

  it('the meeting reminder carries the invitation as it stands when the reminder is decided', async () => {
    await moveMeeting({ ...deps() }, f.viewers.chair, '2024-06', '26/06/2024 14:00');
    // The 1-day reminder of a meeting on 26/06 at 14:00 is due on 25/06 at 14:00.
    f.clock.set('2024-06-25T14:30:00+07:00');
    const channel = new FakeChannel('terminal');
    await schedulerFor(f.deps, db(), [channel], f.clock).tick();
    const reminders = channel.delivered
      .map((d) => d.view)
      .filter((v): v is ReminderView => v.kind === 'reminder' && v.topic === 'meeting');
    expect(reminders.length).toBeGreaterThan(0);
    for (const view of reminders) {
      expect(view.invitation?.fileName).toBe('giao-ban-2024-06.ics');
      expect(parse(view.invitation!.text)[0]).toMatchObject({
        method: 'REQUEST',
        uid: `giaoban-2024-06-g${f.deps.group.id}@da06-bot`,
        sequence: 1,
        start: '2024-06-26T07:00:00.000Z',
      });
    }
  });

  it('/da06 meeting ics in chat answers with the file; a month that is not one is refused', async () => {
    const view = await f.core.handle(f.viewers.lan, { name: 'meeting', args: ['ics'] });
    expect(parse(fileText(view))[0]).toMatchObject({ method: 'REQUEST', start: '2024-06-25T02:00:00.000Z' });
    expect(
      await f.core.handle(f.viewers.lan, { name: 'meeting', args: ['ics', 'tháng', 'sau'] }),
    ).toMatchObject({ kind: 'notice', key: 'scheduler.ics.usage' });
  });

  it('three months as one PUBLISH calendar: every meeting with its own UID, a cancelled one marked', async () => {
    await cancelMeeting({ ...deps() }, f.viewers.chair, '2024-07', null);
    const { text } = await meetingCalendar(deps(), new Date('2024-06-01T00:00:00+07:00'), 3);
    const events = parse(text);
    expect(events.map((e) => [e.method, e.start, e.status, e.sequence])).toEqual([
      ['PUBLISH', '2024-06-25T02:00:00.000Z', 'CONFIRMED', 0],
      ['PUBLISH', '2024-07-25T02:00:00.000Z', 'CANCELLED', 1],
      ['PUBLISH', '2024-08-26T02:00:00.000Z', 'CONFIRMED', 0],
    ]);
    expect(new Set(events.map((e) => e.uid)).size).toBe(3);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });
});
