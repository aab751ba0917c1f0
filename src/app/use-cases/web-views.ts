/**
 * What the web dashboard's unit and task pages show (issue 18), decided here like every chat answer:
 * a member sees their own unit and the tasks it is involved in; chairs, vice-chairs and admins all.
 * These views are the dashboard's only (no chat renders them), so they are not part of `View`.
 */
import type { DeadlineView } from '../../domain/deadline.ts';
import { daysLeft, daysOverdue } from '../../domain/overdue.ts';
import { canSeeTask, canSeeUnit } from '../../domain/permissions.ts';
import { type CoreDeps, today as todayOf } from '../core-deps.ts';
import type { MemberRecord, ReportHistory, TaskRow } from '../ports/stores.ts';
import type { MyTasksView, NoticeView, Viewer } from '../views.ts';
import { myTasks } from './my-tasks.ts';
import { allTasks } from './task-scope.ts';

export interface UnitPageView {
  kind: 'unit-page';
  unit: { code: string; name: string };
  tasks: MyTasksView;
  members: MemberRecord[];
}

export interface TaskPageView {
  kind: 'task-page';
  task: TaskRow;
  deadline: DeadlineView;
  reports: ReportHistory[];
}

const refuse = (key: string, params?: NoticeView['params']): NoticeView => ({
  kind: 'notice',
  tone: 'error',
  key,
  params,
});

export async function unitPage(
  deps: CoreDeps,
  viewer: Viewer,
  unitCode: string,
): Promise<UnitPageView | NoticeView> {
  const allowed = canSeeUnit(viewer, unitCode);
  if (!allowed.allowed) return refuse(allowed.reason, { unit: viewer.unitCode });
  const unit = (await deps.units.names()).find((u) => u.code === unitCode);
  if (!unit) return refuse('web.not_found');
  // The unit's tasks as its own members see them in chat (`/da06 tasks`).
  const tasks = await myTasks(deps, { ...viewer, unitCode: unit.code, unitName: unit.name });
  const members = (await deps.members.list()).filter((m) => m.unitCode === unit.code);
  return { kind: 'unit-page', unit: { code: unit.code, name: unit.name }, tasks, members };
}

export async function taskPage(
  deps: CoreDeps,
  viewer: Viewer,
  taskId: number,
): Promise<TaskPageView | NoticeView> {
  const task = (await allTasks(deps)).find((row) => row.id === taskId);
  if (!task) return refuse('web.not_found');
  const allowed = canSeeTask(viewer, task);
  if (!allowed.allowed) return refuse(allowed.reason, { unit: viewer.unitCode });
  const today = todayOf(deps);
  const reports = await deps.reports.taskHistory(task.id, null);
  const latest = reports.flatMap((r) => r.revisions.at(-1) ?? []).find(() => true);
  const standing = latest?.status ?? 'not_reported';
  return {
    kind: 'task-page',
    task,
    deadline: {
      ...task.deadline,
      daysLeft: standing === 'done' ? null : daysLeft(task.deadline, today),
      overdue: daysOverdue(task.deadline, standing, today) !== null,
    },
    reports,
  };
}
