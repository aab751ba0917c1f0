/** The pure planner: no database, no clock; what falls when, and why it moved. */
import { describe, expect, it } from 'vitest';
import { parseMeetingRule } from '../../src/domain/meeting-rule.ts';
import { WorkingCalendar } from '../../src/domain/working-days.ts';
import { isoInZone } from '../../src/domain/zoned-time.ts';
import { SCHEDULER_DEFAULTS, scheduleConfig } from '../../src/scheduler/config.ts';
import { scheduleAll } from '../../src/scheduler/jobs/index.ts';
import {
  dailyOccurrences,
  monthsAround,
  planOccurrences,
  roundPeriod,
  ruleMeeting,
} from '../../src/scheduler/plan-occurrences.ts';

const VN = 'Asia/Ho_Chi_Minh';
const config = scheduleConfig(SCHEDULER_DEFAULTS, { timeZone: VN, locale: 'vi' });
const calendar = new WorkingCalendar();
const rule = (text: string) => {
  const parsed = parseMeetingRule(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.rule;
};
const at = (iso: string) => new Date(iso);

function plan(ruleText: string, month: string, from: string, to: string) {
  const meeting = ruleMeeting(rule(ruleText), calendar, month, config);
  return planOccurrences({ meetings: [meeting], calendar, config, from: at(from), to: at(to) })
    .filter((o) => !o.job.startsWith('overdue'))
    .map((o) => ({
      job: o.job,
      key: o.key,
      at: isoInZone(o.at, VN),
      period: o.period?.key ?? null,
      note: o.note,
    }));
}

describe('planOccurrences', () => {
  it('June 2024, "ngày 25 09:00": round opens a week before (2024-H1), reminders move off the weekend', () => {
    expect(
      plan('ngày 25 09:00', '2024-06', '2024-06-01T00:00:00+07:00', '2024-06-30T23:59:00+07:00'),
    ).toEqual([
      { job: 'round-open', key: '2024-06', at: '2024-06-18T08:30:00+07:00', period: '2024-H1', note: null },
      {
        job: 'round-reminder',
        key: '2024-06/3d',
        at: '2024-06-21T08:30:00+07:00',
        period: '2024-H1',
        note: 'Ngày 22/06/2024 là ngày nghỉ (thứ Bảy) nên gửi sớm hơn, vào ngày 21/06/2024.',
      },
      {
        job: 'meeting-reminder',
        key: '2024-06/3d/2024-06-25T09:00',
        at: '2024-06-21T09:00:00+07:00',
        period: null,
        note: 'Ngày 22/06/2024 là ngày nghỉ (thứ Bảy) nên gửi sớm hơn, vào ngày 21/06/2024.',
      },
      {
        job: 'round-reminder',
        key: '2024-06/1d',
        at: '2024-06-24T08:30:00+07:00',
        period: '2024-H1',
        note: null,
      },
      {
        job: 'meeting-reminder',
        key: '2024-06/1d/2024-06-25T09:00',
        at: '2024-06-24T09:00:00+07:00',
        period: null,
        note: null,
      },
      { job: 'summary', key: '2024-06', at: '2024-06-24T16:00:00+07:00', period: '2024-H1', note: null },
      {
        job: 'meeting-reminder',
        key: '2024-06/1h/2024-06-25T09:00',
        at: '2024-06-25T08:00:00+07:00',
        period: null,
        note: null,
      },
      { job: 'meeting', key: '2024-06', at: '2024-06-25T09:00:00+07:00', period: null, note: null },
    ]);
  });

  it('February 2024, "ngày 10": the meeting moves to 15/02 after Tết and its round opens on 07/02', () => {
    const items = plan('ngày 10 09:00', '2024-02', '2024-02-01T00:00:00+07:00', '2024-02-29T00:00:00+07:00');
    const byJob = (job: string) => items.filter((i) => i.job === job).map((i) => i.at);
    expect(byJob('meeting')).toEqual(['2024-02-15T09:00:00+07:00']);
    // 15 − 7 = 08/02, the first day of the Tết break: the round opens the working day before.
    expect(byJob('round-open')).toEqual(['2024-02-07T08:30:00+07:00']);
    // 3 days before (12/02) and 1 day before (14/02) are in the break too: both fall back to 07/02,
    // the day the round opens, so there is no separate reminder.
    expect(byJob('round-reminder')).toEqual([]);
    // 3d and 1d both land on 07/02 09:00: sent once.
    expect(byJob('meeting-reminder')).toEqual(['2024-02-07T09:00:00+07:00', '2024-02-15T08:00:00+07:00']);
    expect(byJob('summary')).toEqual(['2024-02-07T16:00:00+07:00']);
    expect(items.find((i) => i.job === 'meeting')?.note).toBe(
      'Ngày 10/02/2024 là ngày nghỉ (Tết Nguyên Đán) nên chuyển sang ngày 15/02/2024.',
    );
  });

  it('a cancelled meeting keeps only itself: no reminders, round or summary', () => {
    const meeting = {
      ...ruleMeeting(rule('ngày 25'), calendar, '2024-06', config),
      status: 'cancelled' as const,
    };
    const items = planOccurrences({
      meetings: [meeting],
      calendar,
      config,
      from: at('2024-06-01T00:00:00+07:00'),
      to: at('2024-06-30T00:00:00+07:00'),
    }).filter((o) => !o.job.startsWith('overdue'));
    expect(items.map((o) => o.job)).toEqual(['meeting']);
  });

  it('rounds carry the half-year in June and the year in December', () => {
    expect(roundPeriod('2024-06-18').key).toBe('2024-H1');
    expect(roundPeriod('2024-12-18').key).toBe('2024');
    expect(roundPeriod('2024-07-18').key).toBe('2024-07');
    // "thứ Hai tuần đầu tiên" in July 2024 (01/07): the round opens 24/06, so it is the June round.
    expect(
      plan(
        'thứ Hai tuần đầu tiên 14:00',
        '2024-07',
        '2024-06-01T00:00:00+07:00',
        '2024-07-31T00:00:00+07:00',
      )[0],
    ).toMatchObject({
      job: 'round-open',
      at: '2024-06-24T08:30:00+07:00',
      period: '2024-H1',
    });
  });

  it('daily checks run on working days only; the digest on the first working day of the week', () => {
    const days = dailyOccurrences({
      calendar,
      config,
      from: at('2024-08-30T00:00:00+07:00'),
      to: at('2024-09-06T23:00:00+07:00'),
    });
    const nudges = days.filter((o) => o.job === 'overdue-nudge').map((o) => o.day);
    expect(nudges).toEqual(['2024-08-30', '2024-09-04', '2024-09-05', '2024-09-06']);
    // Monday 02/09 and Tuesday 03/09 are Quốc khánh: that week's digest goes on Wednesday 04/09.
    expect(days.filter((o) => o.job === 'overdue-digest').map((o) => [o.key, o.day])).toEqual([
      ['2024-09-02', '2024-09-04'],
    ]);
    expect(isoInZone(days[0]!.at, VN)).toBe('2024-08-30T08:30:00+07:00');
  });

  it('every job plans through its definition; months around a window', () => {
    const meeting = ruleMeeting(rule('ngày 25'), calendar, '2024-06', config);
    const all = scheduleAll({
      meetings: [meeting],
      calendar,
      config,
      from: at('2024-06-24T00:00:00+07:00'),
      to: at('2024-06-24T23:00:00+07:00'),
    });
    expect(new Set(all.map((o) => o.job))).toEqual(
      new Set([
        'round-reminder',
        'meeting-reminder',
        'summary',
        'overdue-nudge',
        'overdue-escalation',
        'overdue-digest',
      ]),
    );
    expect(monthsAround(at('2024-06-10T00:00:00Z'), at('2024-06-10T00:00:00Z'), VN)).toEqual([
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
    ]);
    expect(monthsAround(at('2024-12-31T20:00:00Z'), at('2024-12-31T20:00:00Z'), VN)).toEqual([
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
    ]);
  });
});
