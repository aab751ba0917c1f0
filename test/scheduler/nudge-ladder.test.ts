/** The nudge ladder (NUDGE_LADDER="0,2,5,weekly"): a month of mornings, what each repeat says changed. */
import { beforeAll, expect, it } from 'vitest';
import type { ReminderView } from '../../src/app/views.ts';
import { parseDeadline } from '../../src/domain/deadline.ts';
import { isNudgeDay, parseNudgeLadder } from '../../src/domain/nudge-ladder.ts';
import { addDays } from '../../src/domain/period.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import { parsedTask } from '../support/builders.ts';
import { type CoreFixture, createCoreFixture } from '../support/core.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { FakeChannel, resetScheduling, schedulerFor } from './support.ts';

it('reads the ladder setting, and refuses what it cannot read', () => {
  const ladder = parseNudgeLadder('0,2,5,weekly');
  expect(ladder).toEqual({ steps: [0, 2, 7], repeatEvery: 5 });
  const days = Array.from({ length: 25 }, (_, step) => step).filter((step) => isNudgeDay(ladder, step));
  expect(days).toEqual([0, 2, 7, 12, 17, 22]);
  expect(parseNudgeLadder('0,daily')).toEqual({ steps: [0], repeatEvery: 1 });
  expect(parseNudgeLadder('1,3')).toEqual({ steps: [1, 4], repeatEvery: null });
  expect(isNudgeDay(parseNudgeLadder('1,3'), 9)).toBe(false);
  expect(() => parseNudgeLadder('0,x')).toThrow('"x"');
  expect(() => parseNudgeLadder('0,0')).toThrow();
  expect(() => parseNudgeLadder('')).toThrow();
});

describeEachDatabase('overdue nudges on the ladder', (db) => {
  let f: CoreFixture;

  beforeAll(async () => {
    f = await createCoreFixture(db(), '2024-05-30T09:00:00+07:00');
    await resetScheduling(db());
    // TCCB leads 5 (due Friday 31/05) and 6 (due Tuesday 04/06).
    await new PlanStore(db().client).save(
      f.deps.group.id,
      { number: 'L/2024', title: 'Kế hoạch thang nhắc', year: 2024, issuedOn: null },
      [
        parsedTask('5', {
          content: 'Ban hành quy chế',
          leadUnits: ['TCCB'],
          deadline: parseDeadline('Tháng 05/2024'),
        }),
        parsedTask('6', {
          content: 'Rà soát biên chế',
          leadUnits: ['TCCB'],
          deadline: parseDeadline('Ngày 04/6/2024'),
        }),
      ],
      'test',
    );
  });

  it('a month of mornings: the ladder days only, each repeat saying what changed; the chair is offered the letter', async () => {
    const channel = new FakeChannel('terminal');
    const scheduler = schedulerFor(f.deps, db(), [channel], f.clock);
    const ha = `member:${f.viewers.ha.memberId}`;
    const nudges: { day: string; view: ReminderView }[] = [];
    const escalations: ReminderView[] = [];
    for (let day = '2024-06-03'; day <= '2024-06-28'; day = addDays(day, 1)) {
      if (day === '2024-06-10') {
        f.clock.set(`${day}T10:00:00+07:00`);
        await f.core.submitReport(f.viewers.ha, {
          task: 'L/2024#6',
          draft: { status: 'done', percent: '100', done: 'Đã rà soát xong', blockers: '', evidenceUrl: '' },
        });
      }
      channel.clear();
      f.clock.set(`${day}T08:30:00+07:00`);
      await scheduler.tick();
      for (const d of channel.of('overdue_nudge').filter((d) => d.to === ha))
        nudges.push({ day, view: d.view as ReminderView });
      escalations.push(...channel.of('overdue_escalation').map((d) => d.view as ReminderView));
    }
    // 5: steps 0, 2, 7, 12, 17 from Monday 03/06; 6: steps 0 and 2 from Wednesday 05/06, then done.
    expect(nudges.map((n) => n.day)).toEqual([
      '2024-06-03',
      '2024-06-05',
      '2024-06-07',
      '2024-06-12',
      '2024-06-19',
      '2024-06-26',
    ]);
    expect(nudges[0]!.view.changes).toBeUndefined();
    expect(nudges[1]!.view.tasks.map((t) => t.code)).toEqual(['5', '6']);
    expect(nudges[1]!.view.changes).toEqual({ since: '2024-06-03', newOverdue: ['6'], doneSince: [] });
    expect(nudges[2]!.view.changes).toEqual({ since: '2024-06-05', newOverdue: [], doneSince: [] });
    expect(nudges[3]!.view.tasks.map((t) => t.code)).toEqual(['5']);
    expect(nudges[3]!.view.changes).toEqual({ since: '2024-06-07', newOverdue: [], doneSince: ['6'] });
    const offered = escalations.filter((v) => v.tasks.some((t) => t.code === '5'));
    expect(offered).toHaveLength(1);
    expect(offered[0]!.letterUnits).toEqual(['TCCB']);
  });
});
