/**
 * The report form for a member: on a task (by id) or with the task picker, as the core gives it; for
 * the month chosen, else the month being collected.
 */
import type { NoticeView, ReportFormView, Viewer } from '../../../app/views.ts';
import type { SlackDeps } from '../deps.ts';
import { taskRef } from './task-ref.ts';

export async function formFor(
  deps: SlackDeps,
  viewer: Viewer,
  taskId: number | null,
  periodKey: string | null = null,
): Promise<ReportFormView | NoticeView> {
  if (taskId === null) return deps.core.reportForm(viewer, null, periodKey);
  const ref = await taskRef(deps.core, taskId);
  // A button of a task since removed from the plan: the core's own words for an unknown task.
  if (!ref)
    return { kind: 'notice', tone: 'error', key: 'report.unknown_task', params: { code: String(taskId) } };
  return deps.core.reportForm(viewer, ref.ref, periodKey);
}
