/** "My tasks": the tasks of my unit, with deadline, days left or overdue, and the latest status. */
import { daysLeft, daysOverdue } from '../../domain/overdue.ts';
import { periodOf } from '../../domain/period.ts';
import type { Status, TaskStanding } from '../../domain/report.ts';
import { type CoreDeps, today as todayOf } from '../core-deps.ts';
import type { StoredReport } from '../ports/stores.ts';
import type { LatestReportView, MyTasksView, Viewer } from '../views.ts';
import { allTasks, roleOf, tasksOfUnit } from './task-scope.ts';

export async function myTasks(deps: CoreDeps, viewer: Viewer): Promise<MyTasksView> {
  const today = todayOf(deps);
  const period = periodOf('month', today);
  const tasks = tasksOfUnit(await allTasks(deps), viewer.unitCode);
  const latest = await deps.reports.latestOfUnit(
    viewer.unitCode,
    tasks.map((task) => task.id),
    today,
  );
  return {
    kind: 'my-tasks',
    viewer,
    period,
    today,
    tasks: tasks.map((task) => {
      const report = latest.get(task.id) ?? null;
      const standing: TaskStanding = report?.status ?? 'not_reported';
      const late = daysOverdue(task.deadline, standing, today);
      return {
        taskId: task.id,
        code: task.code,
        planNumber: task.planNumber,
        content: task.content,
        section: task.section,
        role: roleOf(task, viewer),
        leadUnits: task.leadUnits,
        deadline: {
          ...task.deadline,
          daysLeft: standing === 'done' ? null : daysLeft(task.deadline, today),
          overdue: late !== null,
        },
        product: task.product,
        latest: report ? latestView(report) : null,
        reportedThisPeriod: report?.periodKey === period.key,
      };
    }),
  };
}

export function latestView(report: StoredReport): LatestReportView {
  return {
    periodKey: report.periodKey,
    unitCode: report.unitCode,
    status: report.status as Status,
    percent: report.percent,
    done: report.done,
    blockers: report.blockers,
    evidenceUrl: report.evidenceUrl,
    memberName: report.memberName,
    updatedAt: report.updatedAt,
    late: report.late,
  };
}
