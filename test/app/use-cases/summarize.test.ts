/** `summarize` and `overdueList` (`/da06 summary`, `/da06 overdue`) over the month's reports. */
import { beforeAll, expect, it } from 'vitest';
import { parseChatCommand } from '../../../src/app/chat-command.ts';
import { parseDeadline } from '../../../src/domain/deadline.ts';
import { parsedTask } from '../../support/builders.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { expectKind, good } from './support.ts';

describeEachDatabase('use case: summarize', (db) => {
  let f: CoreFixture;

  beforeAll(async () => {
    f = await createCoreFixture(db());
    // What the members reported in June 2024: task 1 done (CNTT); task 2 in progress (VP, sent late
    // in July); task 4 in progress (VP; co-lead CNTT not yet); task 3 (TCCB) nothing.
    await f.core.submitReport(f.viewers.lan, { task: '1', draft: { ...good, status: 'done', percent: 100 } });
    f.clock.set('2024-07-05T10:00:00+07:00');
    await f.core.submitReport(f.viewers.minh, { task: '2', draft: good, periodKey: '2024-06' });
    f.clock.set('2024-06-20T09:00:00+07:00');
    await f.core.submitReport(f.viewers.minh, { task: '4', draft: good });
  });

  it('summary: the chair sees the whole group; a member only their unit', async () => {
    const chair = expectKind(
      await f.core.handle(f.viewers.chair, parseChatCommand('/da06 summary')),
      'summary',
    );
    expect(chair.scopeUnit).toBeNull();
    expect(chair.taskCount).toBe(4);
    // 1 done (CNTT); 2 in progress (VP, late); 4 in progress (VP reported, co-lead CNTT not yet); 3 silent.
    expect(chair.totals).toMatchObject({ done: 1, in_progress: 2, not_reported: 1 });
    expect(chair.notReported.map((u) => u.code).sort()).toEqual(['CNTT', 'TCCB']);
    const member = expectKind(
      await f.core.handle(f.viewers.ha, parseChatCommand('tổng hợp tháng 6/2024')),
      'summary',
    );
    expect(member.scopeUnit).toBe('TCCB');
    expect(member.tasks.map((t) => t.code)).toEqual(['3']);
    expect(member.units.map((u) => u.code)).toEqual(['TCCB']);
  });

  it('summary, export and scoreboard: one default period, the month being collected (grace month)', async () => {
    f.clock.set('2024-07-03T10:00:00+07:00');
    try {
      // On 3 July, June is still being collected: the chair's default summary, export and
      // scoreboard are all of June, so the export agrees with the summary about who reported.
      const summary = expectKind(
        await f.core.handle(f.viewers.chair, parseChatCommand('/da06 summary')),
        'summary',
      );
      expect(summary.period.key).toBe('2024-06');
      const june = expectKind(
        await f.core.handle(f.viewers.chair, parseChatCommand('/da06 summary 2024-06')),
        'summary',
      );
      expect(summary.totals).toEqual(june.totals);
      const file = expectKind(
        await f.core.handle(f.viewers.chair, parseChatCommand('/da06 export csv')),
        'file',
      );
      expect(file.fileName).toContain('2024-06');
      const board = expectKind(
        await f.core.handle(f.viewers.chair, parseChatCommand('/da06 scoreboard')),
        'scoreboard',
      );
      expect(board.period.key).toBe('2024-06');
      // From the day after the grace days, all three move to the running month together.
      f.clock.set('2024-07-11T10:00:00+07:00');
      const july = expectKind(
        await f.core.handle(f.viewers.chair, parseChatCommand('/da06 summary')),
        'summary',
      );
      expect(july.period.key).toBe('2024-07');
      const julyBoard = expectKind(
        await f.core.handle(f.viewers.chair, parseChatCommand('/da06 scoreboard')),
        'scoreboard',
      );
      expect(julyBoard.period.key).toBe('2024-07');
    } finally {
      f.clock.set('2024-06-20T09:00:00+07:00');
    }
  });

  it('summary: a bad period, a period before the plan, and posting by a member are refused', async () => {
    expect(await f.core.handle(f.viewers.chair, parseChatCommand('/da06 summary 13/2024'))).toMatchObject({
      key: 'period.invalid',
    });
    expect(await f.core.handle(f.viewers.chair, parseChatCommand('/da06 summary 2023-12'))).toMatchObject({
      key: 'period.before_plan',
    });
    expect(await f.core.handle(f.viewers.lan, parseChatCommand('/da06 summary post'))).toMatchObject({
      key: 'auth.chair_only',
    });
  });

  it('overdue: dated tasks past their last day and not done; recurring tasks never', async () => {
    const view = expectKind(await f.core.handle(f.viewers.chair, { name: 'overdue' }), 'overdue');
    expect(view.items).toEqual([]); // task 1 (due 02/2024) was reported done
    f.clock.set('2024-07-02T09:00:00+07:00');
    const later = expectKind(await f.core.handle(f.viewers.chair, { name: 'overdue' }), 'overdue');
    expect(later.items.map((i) => [i.code, i.daysOverdue])).toEqual([['2', 2]]);
    f.clock.set('2024-06-20T09:00:00+07:00');
  });

  it('a lead name kept with --allow-unresolved shows in the summary and the overdue list (both databases)', async () => {
    const unresolved = [{ role: 'lead' as const, name: 'KHTC' }];
    const task = parsedTask('9', {
      content: 'Lập dự toán',
      leadUnits: [],
      leadText: 'KHTC',
      deadline: parseDeadline('Tháng 5/2024'),
      unresolved,
    });
    await f.stores.plans.save(
      f.deps.group.id,
      { number: 'U/2024', title: 'Thử', year: 2024, issuedOn: null },
      [task],
      'test',
    );
    const summary = expectKind(
      await f.core.handle(f.viewers.chair, parseChatCommand('/da06 summary')),
      'summary',
    );
    expect(summary.unresolved).toEqual([
      { taskId: expect.any(Number), code: '9', content: 'Lập dự toán', names: unresolved },
    ]);
    const overdue = expectKind(await f.core.handle(f.viewers.chair, { name: 'overdue' }), 'overdue');
    expect(overdue.items.find((i) => i.code === '9')).toMatchObject({
      leadUnits: [],
      unresolvedLeads: ['KHTC'],
    });
  });
});
