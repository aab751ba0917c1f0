/** Overdue nudges, the escalation ladder, the weekly digest, leave and snooze. */
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { setLeave } from '../../src/app/use-cases/leave.ts';
import type { ReminderView } from '../../src/app/views.ts';
import { parseDeadline } from '../../src/domain/deadline.ts';
import type { Scheduler } from '../../src/scheduler/scheduler.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import { parsedTask } from '../support/builders.ts';
import { type CoreFixture, createCoreFixture } from '../support/core.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { FakeChannel, resetScheduling, schedulerFor } from './support.ts';

describeEachDatabase('overdue nudges and escalation', (db) => {
  let f: CoreFixture;
  let channel: FakeChannel;
  let scheduler: Scheduler;

  beforeAll(async () => {
    f = await createCoreFixture(db(), '2024-05-30T09:00:00+07:00');
    // Task 5: TCCB leads, due Friday 31/05/2024.
    await new PlanStore(db().client).save(
      f.deps.group.id,
      { number: 'L/2024', title: 'Kế hoạch thang nhắc', year: 2024, issuedOn: null },
      [
        parsedTask('5', {
          content: 'Ban hành quy chế',
          leadUnits: ['TCCB'],
          deadline: parseDeadline('Tháng 05/2024'),
        }),
      ],
      'test',
    );
  });

  beforeEach(async () => {
    await resetScheduling(db());
    channel = new FakeChannel('terminal');
    // These scenarios are about who is nudged; the ladder's days have their own test below.
    scheduler = schedulerFor(f.deps, db(), [channel], f.clock, { NUDGE_LADDER: '0,daily' });
  });

  async function at(iso: string) {
    channel.clear();
    f.clock.set(iso);
    await scheduler.tick();
  }

  const view = (d: { view: unknown }) => d.view as ReminderView;

  it('with a daily ladder, nudges the lead unit every working day, and escalates to the chair once, on working day N', async () => {
    const ha = `member:${f.viewers.ha.memberId}`;
    const chair = `member:${f.viewers.chair.memberId}`;
    const escalationsOf5 = () =>
      channel.of('overdue_escalation').filter((d) => view(d).tasks.some((t) => t.code === '5'));

    await at('2024-05-31T08:30:00+07:00'); // the due day: not overdue yet
    expect(channel.of('overdue_nudge').some((d) => d.to === ha)).toBe(false);
    // Task 1 (due 29/02) is long past N: escalated at the first check, once, with its unit.
    const first = channel.of('overdue_escalation');
    expect(first.map((d) => d.to)).toEqual([chair]);
    expect(view(first[0]!).units).toEqual([
      { code: 'CNTT', name: 'Trung tâm Công nghệ thông tin', taskCodes: ['1'] },
    ]);

    await at('2024-06-03T08:30:00+07:00'); // Monday: working day 1
    const nudge = channel.of('overdue_nudge').filter((d) => d.to === ha);
    expect(nudge).toHaveLength(1);
    expect(view(nudge[0]!)).toMatchObject({ actions: true, units: [{ code: 'TCCB', taskCodes: ['5'] }] });
    expect(view(nudge[0]!).tasks).toMatchObject([
      { code: '5', daysOverdue: 3, deadline: { due: '2024-05-31' } },
    ]);
    expect(channel.of('overdue_escalation')).toEqual([]);
    // Monday: the weekly digest of all overdue work to the group channel, without buttons.
    const digest = channel.of('overdue_digest');
    expect(digest.map((d) => d.to)).toEqual(['group']);
    expect(view(digest[0]!)).toMatchObject({ actions: false });
    expect(view(digest[0]!).tasks.map((t) => t.code)).toEqual(['1', '5']);

    await at('2024-06-04T08:30:00+07:00'); // working day 2
    expect(channel.of('overdue_nudge').filter((d) => d.to === ha)).toHaveLength(1);
    expect(channel.of('overdue_escalation')).toEqual([]);
    expect(channel.of('overdue_digest')).toEqual([]);

    await at('2024-06-05T08:30:00+07:00'); // working day 3 = ESCALATE_AFTER_WORKING_DAYS
    expect(channel.of('overdue_nudge').filter((d) => d.to === ha)).toHaveLength(1);
    expect(escalationsOf5().map((d) => d.to)).toEqual([chair]);
    expect(view(escalationsOf5()[0]!).units).toEqual([
      { code: 'TCCB', name: 'Vụ Tổ chức cán bộ', taskCodes: ['5'] },
    ]);
    expect(view(escalationsOf5()[0]!).tasks.map((t) => t.code)).toEqual(['5']);

    await at('2024-06-06T08:30:00+07:00'); // day 4: nudged again, not escalated again
    expect(channel.of('overdue_nudge').filter((d) => d.to === ha)).toHaveLength(1);
    expect(channel.of('overdue_escalation')).toEqual([]);

    await at('2024-06-08T08:30:00+07:00'); // Saturday: no check at all
    expect(channel.delivered).toEqual([]);
  });

  it('a snoozed task is not nudged until its day has passed; the chair sees the snooze and its reason', async () => {
    const ha = `member:${f.viewers.ha.memberId}`;
    f.clock.set('2024-06-04T10:00:00+07:00');
    expect(await f.core.snooze(f.viewers.ha, '5', '2024-06-05', 'Chờ ý kiến Bộ Nội vụ')).toMatchObject({
      key: 'snooze.saved',
    });

    await at('2024-06-05T08:30:00+07:00');
    expect(channel.of('overdue_nudge').some((d) => d.to === ha)).toBe(false);
    const escalation = channel
      .of('overdue_escalation')
      .find((d) => view(d).tasks.some((t) => t.code === '5'))!;
    expect(view(escalation).tasks.find((t) => t.code === '5')).toMatchObject({
      snoozedUntil: '2024-06-05',
      snoozeReason: 'Chờ ý kiến Bộ Nội vụ',
    });

    await at('2024-06-06T08:30:00+07:00');
    expect(channel.of('overdue_nudge').filter((d) => d.to === ha)).toHaveLength(1);
  });

  it('members on leave are skipped and their colleagues asked; a unit with nobody left goes to the chair', async () => {
    const { lan, admin: tuan, chair } = f.viewers;
    f.clock.set('2024-05-31T10:00:00+07:00');
    expect(await setLeave(f.deps, lan, lan.memberId, '2024-06-03', '04/06/2024')).toMatchObject({
      key: 'scheduler.leave.saved',
      params: { name: 'Nguyễn Thị Lan', startsOn: '2024-06-03', endsOn: '2024-06-04' },
    });
    expect(await setLeave(f.deps, lan, f.viewers.minh.memberId, '2024-06-03', '2024-06-04')).toMatchObject({
      key: 'scheduler.leave.self_only',
    });
    expect(await setLeave(f.deps, lan, lan.memberId, '2024-06-05', '2024-06-03')).toMatchObject({
      key: 'scheduler.leave.invalid_dates',
    });

    await at('2024-06-03T08:30:00+07:00');
    const cntt = channel.of('overdue_nudge').filter((d) => view(d).units[0]?.code === 'CNTT');
    expect(cntt.map((d) => d.to)).toEqual([`member:${tuan.memberId}`]);

    // The admin sets the admin's own leave too: CNTT has nobody left for task 1.
    expect(await setLeave(f.deps, tuan, tuan.memberId, '2024-06-04', '2024-06-04')).toMatchObject({
      tone: 'success',
    });
    await at('2024-06-04T08:30:00+07:00');
    expect(channel.of('overdue_nudge').some((d) => view(d).units[0]?.code === 'CNTT')).toBe(false);
    const notes = channel.of('unreachable_unit');
    expect(notes.map((d) => d.to)).toEqual([`member:${chair.memberId}`]);
    expect(view(notes[0]!).units).toEqual([
      { code: 'CNTT', name: 'Trung tâm Công nghệ thông tin', taskCodes: ['1'] },
    ]);
    expect(view(notes[0]!).people).toEqual([
      { name: 'Lê Minh Tuấn', unitCode: 'CNTT', reason: 'đang nghỉ phép đến hết ngày 04/06/2024' },
      { name: 'Nguyễn Thị Lan', unitCode: 'CNTT', reason: 'đang nghỉ phép đến hết ngày 04/06/2024' },
    ]);

    // Back from leave: asked again; clearing leave works for oneself.
    await at('2024-06-05T08:30:00+07:00');
    expect(
      channel
        .of('overdue_nudge')
        .filter((d) => view(d).units[0]?.code === 'CNTT')
        .map((d) => d.to)
        .sort(),
    ).toEqual([`member:${tuan.memberId}`, `member:${lan.memberId}`].sort());
    expect(await setLeave(f.deps, lan, lan.memberId, null, null)).toMatchObject({
      key: 'scheduler.leave.cleared',
    });
  });

  it('marking a task done from the message stops the nudges', async () => {
    const ha = `member:${f.viewers.ha.memberId}`;
    await at('2024-06-03T08:30:00+07:00');
    expect(channel.of('overdue_nudge').some((d) => d.to === ha)).toBe(true);
    f.clock.set('2024-06-03T09:00:00+07:00');
    expect(await f.core.markDone(f.viewers.ha, '5')).toMatchObject({ kind: 'report-saved', status: 'done' });
    await at('2024-06-04T08:30:00+07:00');
    expect(channel.of('overdue_nudge').some((d) => d.to === ha)).toBe(false);
  });
});
