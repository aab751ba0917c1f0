/** The schedule's chat use cases (meeting set/move/cancel, leave, remind now) over a running scheduler, and the preview. */
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { leaveCommand } from '../../../src/app/use-cases/leave.ts';
import {
  cancelMeeting,
  meetingCommand,
  moveMeeting,
  parseWhen,
  type SchedulerAdminDeps,
  setMeetingRule,
} from '../../../src/app/use-cases/meeting-admin.ts';
import { remindNow } from '../../../src/app/use-cases/remind-now.ts';
import type { MeetingView, ReminderView } from '../../../src/app/views.ts';
import type { Scheduler } from '../../../src/scheduler/scheduler.ts';
import { schedulerPort } from '../../../src/scheduler/scheduler-port.ts';
import { FakeChannel, resetScheduling, schedulerFor } from '../../scheduler/support.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';

describeEachDatabase('meetings', (db) => {
  let f: CoreFixture;
  let channel: FakeChannel;

  beforeAll(async () => {
    f = await createCoreFixture(db(), '2024-06-10T10:00:00+07:00');
  });

  /** The use cases' dependencies, with a scheduler port bound to `scheduler` (none: no loop runs). */
  const admin = (scheduler?: Scheduler): SchedulerAdminDeps => {
    const port = schedulerPort(f.stores, f.deps.group);
    if (scheduler) port.bind(scheduler);
    return { ...f.deps, scheduler: port };
  };

  beforeEach(async () => {
    await resetScheduling(db());
    channel = new FakeChannel('terminal');
    f.clock.set('2024-06-10T10:00:00+07:00');
  });

  it('the chair sets the rule in chat; the coming meeting is re-planned and shown by /da06 meeting', async () => {
    const scheduler = schedulerFor(f.deps, db(), [channel], f.clock);
    await scheduler.tick();
    const before = (await f.core.handle(f.viewers.lan, { name: 'meeting', args: [] })) as MeetingView;
    expect(before.next?.startsAt).toBe('2024-06-25T02:00:00.000Z');

    expect(await setMeetingRule(admin(scheduler), f.viewers.lan, 'ngày 20')).toMatchObject({
      tone: 'error',
      key: 'auth.chair_only',
    });
    expect(await setMeetingRule(admin(scheduler), f.viewers.chair, 'mỗi tháng một lần')).toMatchObject({
      key: 'scheduler.meeting.rule_invalid',
    });
    const saved = await setMeetingRule(
      admin(scheduler),
      f.viewers.chair,
      'thứ Sáu tuần cuối cùng 14:00; tại Phòng họp A; nội dung: Kiểm điểm tiến độ',
    );
    expect(saved).toMatchObject({
      tone: 'success',
      key: 'scheduler.meeting.rule_saved',
      params: { rule: 'thứ Sáu tuần cuối cùng hằng tháng, 14:00', when: 'thứ Sáu, 28/06/2024 14:00' },
    });
    const after = (await f.core.handle(f.viewers.lan, { name: 'meeting', args: [] })) as MeetingView;
    expect(after.next).toEqual({
      startsAt: '2024-06-28T07:00:00.000Z',
      place: 'Phòng họp A',
      agenda: 'Kiểm điểm tiến độ',
      note: null,
    });
    const preview = await scheduler.preview(new Date('2024-06-01T00:00:00+07:00'), 1);
    expect(preview.find((p) => p.kind === 'meeting')).toMatchObject({
      at: '2024-06-28T14:00:00+07:00',
      place: 'Phòng họp A',
    });
  });

  it("an admin's extra day off moves a rule-decided meeting; preview says why", async () => {
    await f.stores.calendar.set('2024-06-25', 'off', 'Nghỉ bù ngày hội', 'test');
    const scheduler = schedulerFor(f.deps, db(), [channel], f.clock);
    await scheduler.tick();
    const preview = await scheduler.preview(new Date('2024-06-01T00:00:00+07:00'), 1);
    expect(preview.find((p) => p.kind === 'meeting')).toMatchObject({
      at: '2024-06-26T09:00:00+07:00',
      note: 'Ngày 25/06/2024 là ngày nghỉ (Nghỉ bù ngày hội) nên chuyển sang ngày 26/06/2024.',
    });
    const meeting = (await f.core.handle(f.viewers.lan, { name: 'meeting', args: [] })) as MeetingView;
    expect(meeting.next?.startsAt).toBe('2024-06-26T02:00:00.000Z');
  });

  it('moving one occurrence: old reminders are dropped, new ones follow the new time', async () => {
    const scheduler = schedulerFor(f.deps, db(), [channel], f.clock);
    f.clock.set('2024-06-21T09:00:00+07:00'); // the 3-day reminder (Saturday → Friday)
    await scheduler.tick();
    expect(channel.of('meeting').length).toBeGreaterThan(0);
    expect((channel.of('meeting')[0]!.view as ReminderView).meeting?.startsAt).toBe(
      '2024-06-25T09:00:00+07:00',
    );

    // The 1-day reminder for the 25th is decided but cannot go out (the platform is down).
    channel.clear();
    channel.script = () => ({ ok: false, retryable: true, code: 'server_error', reason: '503' });
    f.clock.set('2024-06-24T09:00:00+07:00');
    await scheduler.tick();
    expect(channel.delivered).toEqual([]);

    f.clock.set('2024-06-24T09:05:00+07:00');
    const deps = admin(scheduler);
    expect(await moveMeeting(deps, f.viewers.chair, '2024-06', '2024-06-23 14:00')).toMatchObject({
      key: 'scheduler.meeting.in_past',
    });
    expect(await moveMeeting(deps, f.viewers.chair, '2024-06', 'thứ Năm')).toMatchObject({
      key: 'scheduler.meeting.when_invalid',
    });
    expect(await moveMeeting(deps, f.viewers.chair, '13/2024', '27/06/2024')).toMatchObject({
      key: 'scheduler.meeting.occurrence_invalid',
    });
    expect(
      await moveMeeting(deps, f.viewers.chair, '06/2024', '27/06/2024 14:00', 'Trùng hội nghị toàn ngành'),
    ).toMatchObject({
      tone: 'success',
      key: 'scheduler.meeting.moved',
      params: { period: '2024-06', when: 'thứ Năm, 27/06/2024 14:00' },
    });

    channel.clear();
    channel.script = null;
    f.clock.set('2024-06-24T14:00:00+07:00'); // 3 days before the new time
    await scheduler.tick();
    const reminders = channel.of('meeting').map((d) => (d.view as ReminderView).meeting);
    expect(reminders.length).toBeGreaterThan(0);
    expect(
      reminders.every(
        (m) =>
          m?.startsAt === '2024-06-27T14:00:00+07:00' &&
          m.note === 'Tổ trưởng dời lịch họp: Trùng hội nghị toàn ngành',
      ),
    ).toBe(true);
    const stale = await db().client.outboxMessage.findMany({
      where: { kind: 'meeting-reminder', occurrence: { contains: '2024-06-25T09:00' }, status: 'failed' },
    });
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.every((r) => r.lastError === 'superseded: the meeting was moved')).toBe(true);

    // The rule no longer decides it: the chair's time stays.
    await scheduler.tick();
    const meeting = (await f.core.handle(f.viewers.lan, { name: 'meeting', args: [] })) as MeetingView;
    expect(meeting.next?.startsAt).toBe('2024-06-27T07:00:00.000Z');
  });

  it('moving onto a day off is allowed, with a warning', async () => {
    const moved = await moveMeeting(admin(), f.viewers.chair, '2024-09', '02/09/2024 9h');
    expect(moved).toMatchObject({
      tone: 'warning',
      key: 'scheduler.meeting.moved_off_day',
      params: { reason: 'Quốc khánh' },
    });
  });

  it('cancelling one occurrence: no round, reminders or summary for it; the next month goes on', async () => {
    const scheduler = schedulerFor(f.deps, db(), [channel], f.clock);
    f.clock.set('2024-07-01T10:00:00+07:00');
    expect(await cancelMeeting(admin(), f.viewers.minh, '2024-07')).toMatchObject({
      key: 'auth.chair_only',
    });
    expect(
      await cancelMeeting(admin(), f.viewers.chair, 'tháng 7/2024', 'Tổ trưởng đi công tác'),
    ).toMatchObject({
      key: 'scheduler.meeting.cancelled',
      params: { period: '2024-07' },
    });
    const preview = await scheduler.preview(new Date('2024-07-01T00:00:00+07:00'), 2);
    expect(preview.filter((p) => p.occurrence === '2024-07')).toEqual([
      {
        kind: 'meeting',
        at: '2024-07-25T09:00:00+07:00',
        occurrence: '2024-07',
        status: 'cancelled',
        place: null,
        note: 'Cuộc họp đã bị hủy: Tổ trưởng đi công tác',
      },
    ]);
    expect(preview.filter((p) => p.occurrence === '2024-08').map((p) => p.kind)).toContain('round-open');

    for (const at of [
      '2024-07-18T08:30:00+07:00',
      '2024-07-22T08:30:00+07:00',
      '2024-07-24T16:00:00+07:00',
      '2024-07-25T08:00:00+07:00',
    ]) {
      f.clock.set(at);
      await scheduler.tick();
    }
    expect(channel.of('round_open')).toEqual([]);
    expect(channel.of('round_reminder')).toEqual([]);
    expect(channel.of('meeting')).toEqual([]);
    expect(channel.of('summary')).toEqual([]);
  });

  it('remind now: the chair runs the due jobs at once; others may not', async () => {
    const scheduler = schedulerFor(f.deps, db(), [channel], f.clock);
    f.clock.set('2024-06-18T08:31:00+07:00');
    expect(await remindNow(admin(scheduler), f.viewers.lan)).toMatchObject({
      key: 'auth.chair_only',
    });
    expect(await remindNow(admin(), f.viewers.chair)).toMatchObject({
      key: 'scheduler.remind.unavailable',
    });
    const done = await remindNow(admin(scheduler), f.viewers.chair);
    expect(done).toMatchObject({ tone: 'success', key: 'scheduler.remind.done' });
    expect(Number(done.params?.sent)).toBe(channel.delivered.length);
    expect(channel.of('round_open').length).toBe(4);
  });

  it('the chat words: meeting set/move/cancel and leave, in Vietnamese or English', async () => {
    const deps = admin();
    expect(
      await meetingCommand(deps, f.viewers.chair, [
        'đặt',
        'ngày',
        '20',
        '14h',
        ';',
        'tại',
        'Phòng',
        'họp',
        'B',
      ]),
    ).toMatchObject({
      key: 'scheduler.meeting.rule_saved',
      params: { rule: 'ngày 20 hằng tháng, 14:00' },
    });
    expect(
      await meetingCommand(deps, f.viewers.chair, ['dời', '2024-06', '21/06/2024', '15:30', 'Trùng', 'lịch']),
    ).toMatchObject({
      key: 'scheduler.meeting.moved',
      params: { when: 'thứ Sáu, 21/06/2024 15:30' },
    });
    const moved = await db().client.meeting.findFirstOrThrow({ where: { occurrence: '2024-06' } });
    expect(moved.note).toBe('Tổ trưởng dời lịch họp: Trùng lịch');
    expect(
      await meetingCommand(deps, f.viewers.chair, ['move', '2024-07', '22/07/2024', 'Họp', 'Đảng', 'ủy']),
    ).toMatchObject({
      key: 'scheduler.meeting.moved',
      params: { when: 'thứ Hai, 22/07/2024 14:00' },
    });
    expect(await meetingCommand(deps, f.viewers.chair, ['hủy', '08/2024', 'Nghỉ', 'hè'])).toMatchObject({
      key: 'scheduler.meeting.cancelled',
    });
    expect(await meetingCommand(deps, f.viewers.chair, ['what'])).toMatchObject({
      key: 'scheduler.meeting.usage',
    });

    expect(await leaveCommand(deps, f.viewers.lan, ['12/06/2024', '14/06/2024'])).toMatchObject({
      key: 'scheduler.leave.saved',
      params: { name: 'Nguyễn Thị Lan' },
    });
    expect(
      await leaveCommand(deps, f.viewers.lan, ['Đỗ', 'Văn', 'Minh', '12/06/2024', '14/06/2024']),
    ).toMatchObject({
      key: 'scheduler.leave.self_only',
    });
    expect(
      await leaveCommand(deps, f.viewers.admin, ['Đỗ', 'Văn', 'Minh', '2024-06-12', '2024-06-14']),
    ).toMatchObject({
      key: 'scheduler.leave.saved',
      params: { name: 'Đỗ Văn Minh' },
    });
    expect(
      await leaveCommand(deps, f.viewers.admin, ['Không', 'Có', '2024-06-12', '2024-06-14']),
    ).toMatchObject({
      key: 'scheduler.leave.unknown_member',
    });
    expect(await leaveCommand(deps, f.viewers.lan, ['xóa'])).toMatchObject({
      key: 'scheduler.leave.cleared',
    });
    expect(await leaveCommand(deps, f.viewers.lan, [])).toMatchObject({ key: 'scheduler.leave.usage' });
    const minh = await db().client.member.findUniqueOrThrow({ where: { id: f.viewers.minh.memberId } });
    expect([minh.leaveFrom, minh.leaveUntil]).toEqual(['2024-06-12', '2024-06-14']);
  });

  it('reads the new time as people write it', () => {
    expect(parseWhen('27/06/2024 14:00', '09:00')).toEqual({ day: '2024-06-27', time: '14:00' });
    expect(parseWhen('2024-06-27 lúc 8h30', '09:00')).toEqual({ day: '2024-06-27', time: '08:30' });
    expect(parseWhen('27/6/2024', '09:00')).toEqual({ day: '2024-06-27', time: '09:00' });
    expect(parseWhen('31/06/2024', '09:00')).toBeNull();
    expect(parseWhen('27/06/2024 25:00', '09:00')).toBeNull();
  });
});
