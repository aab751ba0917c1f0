/** `myTasks` (`/da06 tasks`): the tasks of the viewer's unit with their deadlines. */
import { beforeAll, expect, it } from 'vitest';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { expectKind } from './support.ts';

describeEachDatabase('use case: my tasks', (db) => {
  let f: CoreFixture;

  beforeAll(async () => {
    f = await createCoreFixture(db());
  });

  it('my tasks: lead and coordinating tasks of my unit, with days left or overdue', async () => {
    const view = expectKind(await f.core.handle(f.viewers.lan, { name: 'tasks' }), 'my-tasks');
    expect(view.period.key).toBe('2024-06');
    expect(view.tasks.map((t) => [t.code, t.role])).toEqual([
      ['1', 'lead'],
      ['2', 'coordinating'],
      ['4', 'lead'],
    ]);
    expect(view.tasks[0]?.deadline).toMatchObject({ due: '2024-02-29', overdue: true, daysLeft: -112 });
    expect(view.tasks[1]?.deadline).toMatchObject({ due: '2024-06-30', overdue: false, daysLeft: 10 });
    expect(view.tasks[2]?.deadline).toMatchObject({ kind: 'recurring_annual_from', overdue: false });
  });
});
