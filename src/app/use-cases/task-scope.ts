/** The tasks a viewer deals with, and the lookups several use cases share. */

import type { CoreDeps } from '../core-deps.ts';
import type { TaskRow } from '../ports/stores.ts';
import type { Viewer } from '../views.ts';

export async function allTasks(deps: CoreDeps): Promise<TaskRow[]> {
  return deps.plans.listTasks(deps.group.id);
}

/** Tasks where the viewer's unit leads or coordinates. */
export function tasksOfUnit(tasks: TaskRow[], unitCode: string): TaskRow[] {
  return tasks.filter(
    (task) => task.leadUnits.includes(unitCode) || task.coordinatingUnits.includes(unitCode),
  );
}

export function roleOf(task: TaskRow, viewer: Viewer): 'lead' | 'coordinating' {
  return task.leadUnits.includes(viewer.unitCode) ? 'lead' : 'coordinating';
}

/**
 * A task by the code a person typed: "5", "#5", or "147/QĐ-BHXH#5" when several plans share codes.
 * Returns null when no task or more than one matches.
 */
export function findTask(tasks: TaskRow[], typed: string): TaskRow | null {
  const text = typed.trim().replace(/^#/, '');
  const [plan, code] = text.includes('#') ? text.split('#', 2) : [null, text];
  const matches = tasks.filter(
    (task) => task.code === code?.trim() && (plan === null || task.planNumber === plan.trim()),
  );
  return matches.length === 1 ? matches[0]! : null;
}
