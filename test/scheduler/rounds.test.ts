/** Reporting rounds: who gets the round, who gets reminded, what the chair gets before the meeting. */
import { beforeAll, beforeEach, expect, it } from 'vitest';
import type { ReminderView, SummaryView } from '../../src/app/views.ts';
import { type CoreFixture, createCoreFixture } from '../support/core.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { FakeChannel, good, resetScheduling, schedulerFor } from './support.ts';

describeEachDatabase('reporting rounds', (db) => {
  let f: CoreFixture;
  let channel: FakeChannel;

  beforeAll(async () => {
    f = await createCoreFixture(db(), '2024-06-18T08:30:00+07:00');
  });

  beforeEach(async () => {
    await resetScheduling(db());
    channel = new FakeChannel('terminal');
  });

  const ids = () => ({
    chair: f.viewers.chair.memberId,
    tuan: f.viewers.admin.memberId,
    lan: f.viewers.lan.memberId,
    minh: f.viewers.minh.memberId,
    ha: f.viewers.ha.memberId,
  });

  it('opens a week before the meeting: each lead unit gets its own tasks not done, with buttons', async () => {
    f.clock.set('2024-06-18T08:30:00+07:00');
    const scheduler = schedulerFor(f.deps, db(), [channel], f.clock);
    await scheduler.tick();
    const open = channel.of('round_open');
    const byMember = new Map(open.map((d) => [d.to, d.view as ReminderView]));
    const { tuan, lan, minh, ha, chair } = ids();
    expect([...byMember.keys()].sort()).toEqual(
      [`member:${tuan}`, `member:${lan}`, `member:${minh}`, `member:${ha}`].sort(),
    );
    expect(byMember.get(`member:${chair}`)).toBeUndefined();
    const cntt = byMember.get(`member:${lan}`)!;
    expect(cntt).toMatchObject({ topic: 'round_open', actions: true, period: { key: '2024-H1' } });
    expect(cntt.tasks.map((t) => t.code)).toEqual(['1', '4']);
    expect(cntt.units).toEqual([
      { code: 'CNTT', name: 'Trung tâm Công nghệ thông tin', taskCodes: ['1', '4'] },
    ]);
    expect(cntt.meeting?.startsAt).toBe('2024-06-25T09:00:00+07:00');
    expect(byMember.get(`member:${minh}`)!.tasks.map((t) => t.code)).toEqual(['2', '4']);
    expect(byMember.get(`member:${ha}`)!.tasks.map((t) => t.code)).toEqual(['3']);

    // A task the unit already finished is left out of the next round (done carries forward).
    await f.core.submitReport(f.viewers.minh, {
      task: '2',
      draft: { ...good, status: 'done', percent: '100' },
    });
    f.clock.set('2024-07-18T08:30:00+07:00');
    channel.clear();
    await scheduler.tick();
    const july = channel.of('round_open').find((d) => d.to === `member:${minh}`)!.view as ReminderView;
    expect(july.period?.key).toBe('2024-07');
    expect(july.tasks.map((t) => t.code)).toEqual(['4']);
  });

  it('reminds only the units that have not reported, naming what is missing; the chair gets the summary', async () => {
    const { lan, minh, ha, chair, tuan } = ids();
    f.clock.set('2024-06-18T08:30:00+07:00');
    const scheduler = schedulerFor(f.deps, db(), [channel], f.clock);
    await scheduler.tick();
    f.clock.set('2024-06-19T10:00:00+07:00');
    await f.core.submitReport(f.viewers.lan, { task: '1', draft: good });
    await f.core.submitReport(f.viewers.lan, { task: '4', draft: good });
    await f.core.submitReport(f.viewers.minh, { task: '2', draft: good });

    channel.clear();
    f.clock.set('2024-06-21T08:30:00+07:00'); // 3 days before is Saturday 22/06: sent on Friday
    await scheduler.tick();
    const reminders = channel.of('round_reminder');
    expect(reminders.map((d) => d.to).sort()).toEqual([`member:${minh}`, `member:${ha}`].sort());
    const vp = reminders.find((d) => d.to === `member:${minh}`)!.view as ReminderView;
    expect(vp.units).toEqual([{ code: 'VP', name: 'Văn phòng BHXH Việt Nam', taskCodes: ['4'] }]);
    expect(vp.tasks.map((t) => [t.code, t.standing])).toEqual([['4', 'not_reported']]);
    expect(reminders.some((d) => d.to === `member:${lan}` || d.to === `member:${tuan}`)).toBe(false);

    // Hà reports; the 1-day reminder goes to VP only.
    await f.core.submitReport(f.viewers.ha, { task: '3', draft: good });
    channel.clear();
    f.clock.set('2024-06-24T08:30:00+07:00');
    await scheduler.tick();
    expect(channel.of('round_reminder').map((d) => d.to)).toEqual([`member:${minh}`]);

    // The chair's summary, the working day before at 16:00, for the half-year.
    channel.clear();
    f.clock.set('2024-06-24T16:00:00+07:00');
    await scheduler.tick();
    const summaries = channel.of('summary');
    expect(summaries.map((d) => d.to)).toEqual([`member:${chair}`]);
    const summary = summaries[0]!.view as SummaryView;
    expect(summary.period.key).toBe('2024-H1');
    expect(summary.viewer.memberId).toBe(chair);
    expect(summary.notReported).toEqual([{ code: 'VP', name: 'Văn phòng BHXH Việt Nam', taskCodes: ['4'] }]);
  });

  it('late reports are accepted after the month ends and marked late', async () => {
    f.clock.set('2024-07-02T09:00:00+07:00');
    const saved = await f.core.submitReport(f.viewers.minh, { task: '4', draft: good, periodKey: '2024-06' });
    expect(saved).toMatchObject({ kind: 'report-saved', late: true, period: { key: '2024-06' } });
  });

  it('a unit nobody can be reached in is reported to the chair, with who was skipped and why', async () => {
    const { ha, chair } = ids();
    channel.unreachable.add(ha);
    f.clock.set('2024-06-18T08:30:00+07:00');
    await schedulerFor(f.deps, db(), [channel], f.clock).tick();
    expect(channel.of('round_open').some((d) => d.to === `member:${ha}`)).toBe(false);
    const notes = channel.of('unreachable_unit');
    expect(notes.map((d) => d.to)).toEqual([`member:${chair}`]);
    const note = notes[0]!.view as ReminderView;
    expect(note.units).toEqual([{ code: 'TCCB', name: 'Vụ Tổ chức cán bộ', taskCodes: ['3'] }]);
    expect(note.people).toEqual([
      {
        name: 'Phạm Thu Hà',
        unitCode: 'TCCB',
        reason: 'chưa liên kết tài khoản trên kênh nào trợ lý đang dùng',
      },
    ]);
  });
});
