/**
 * "Report status": the form (with this period's report to edit, if any) and the submission. The
 * same validation serves every channel; a closed period or someone else's task is refused with why.
 */

import { type Period, parsePeriod, periodOf } from '../../domain/period.ts';
import { canReportOn } from '../../domain/permissions.ts';
import type { ReportDraft } from '../../domain/report.ts';
import { validateReport } from '../../domain/report-validation.ts';
import { closesOn, reportingWindow } from '../../domain/reporting-window.ts';
import { type CoreDeps, today as todayOf } from '../core-deps.ts';
import type { TaskRow } from '../ports/stores.ts';
import type { NoticeView, ReportFormView, ReportSavedView, Viewer } from '../views.ts';
import { latestView } from './my-tasks.ts';
import { allTasks, findTask, tasksOfUnit } from './task-scope.ts';

const notice = (
  key: string,
  params?: NoticeView['params'],
  tone: NoticeView['tone'] = 'error',
): NoticeView => ({
  kind: 'notice',
  tone,
  key,
  params,
});

/** The form to report on `taskCode` (or a task picker when none is given). */
export async function reportForm(
  deps: CoreDeps,
  viewer: Viewer,
  taskCode?: string | null,
): Promise<ReportFormView | NoticeView> {
  const period = periodOf('month', todayOf(deps));
  const tasks = await allTasks(deps);
  const mine = tasksOfUnit(tasks, viewer.unitCode);
  if (mine.length === 0) return notice('report.no_tasks', { unit: viewer.unitCode }, 'info');
  let task: TaskRow | null = null;
  if (taskCode) {
    const checked = checkTask(viewer, findTask(tasks, taskCode) ?? taskCode);
    if ('kind' in checked) return checked;
    task = checked;
  }
  const current = task
    ? ((await deps.reports.forPeriod(period.key, [task.id])).find((r) => r.unitCode === viewer.unitCode) ??
      null)
    : null;
  return {
    kind: 'report-form',
    viewer,
    period,
    choices: mine.map((t) => ({ taskId: t.id, code: t.code, content: t.content })),
    taskId: task?.id ?? null,
    current: current ? latestView(current) : null,
    errors: [],
  };
}

export interface SubmitRequest {
  /** The task as typed ("5") or its id from a form. */
  task: string | number;
  draft: ReportDraft;
  /** Defaults to the month that is running. */
  periodKey?: string;
  /** Recorded with the report, in the same transaction (see ChannelReceipt). */
  receipt?: ChannelReceipt;
}

/**
 * What a channel records with a stored report, atomically: proof that this request was handled, so
 * that a repeat of it — even after a crash right after the commit — finds the record together with
 * the report it made, never the one without the other (the Teams card ledger).
 */
export interface ChannelReceipt {
  action: string;
  entity: string;
  entityId: string;
  /** What to record, given the confirmation the member is about to see. */
  details(saved: ReportSavedView): unknown;
}

export async function submitReport(
  deps: CoreDeps,
  viewer: Viewer,
  request: SubmitRequest,
): Promise<ReportSavedView | ReportFormView | NoticeView> {
  const today = todayOf(deps);
  // A form names its task by id: read that one task, not the plan (this is the submission hot path).
  const task =
    typeof request.task === 'number'
      ? await deps.plans.taskById(deps.group.id, request.task)
      : findTask(await allTasks(deps), request.task);
  const checked = task
    ? checkTask(viewer, task)
    : notice('report.unknown_task', { code: String(request.task) });
  if ('kind' in checked) return checked;
  const period: Period | null = request.periodKey ? parsePeriod(request.periodKey) : periodOf('month', today);
  // Members report month by month; half-years and years are summaries of the months.
  if (period?.kind !== 'month') return notice('period.invalid', { text: request.periodKey ?? '' });
  const window = reportingWindow(period, today, deps.graceDays);
  if (window === 'not_started') return notice('report.period_not_started', { period: period.key });
  if (window === 'closed') {
    return notice('report.period_closed', { period: period.key, closedOn: closesOn(period, deps.graceDays) });
  }
  const validated = validateReport(request.draft);
  if (!validated.ok) {
    const form = await reportForm(deps, viewer, checked.code);
    return form.kind === 'report-form' ? { ...form, errors: validated.errors } : form;
  }
  const unitId = await deps.units.idOf(viewer.unitCode);
  const late = window === 'late';
  const saved = (revision: number): ReportSavedView => ({
    kind: 'report-saved',
    viewer,
    period,
    taskCode: checked.code,
    taskContent: checked.content,
    status: validated.input.status,
    percent: validated.input.percent,
    revision,
    late,
  });
  const actor = `member:${viewer.memberId}`;
  const { receipt } = request;
  const { revision } = await deps.reports.submit(
    {
      taskId: checked.id,
      period,
      unitId,
      memberId: viewer.memberId,
      input: validated.input,
      late,
      submittedAt: deps.clock.now(),
    },
    actor,
    receipt &&
      ((revision) => ({
        actor,
        action: receipt.action,
        entity: receipt.entity,
        entityId: receipt.entityId,
        details: receipt.details(saved(revision)),
      })),
  );
  return saved(revision);
}

/** The task, if it exists and the viewer's unit may report on it; otherwise the refusal. */
function checkTask(viewer: Viewer, found: TaskRow | string): TaskRow | NoticeView {
  if (typeof found === 'string') return notice('report.unknown_task', { code: found });
  const task = found;
  const decision = canReportOn(viewer, task);
  if (!decision.allowed) return notice(decision.reason, { code: task.code, unit: viewer.unitCode });
  return task;
}
