/**
 * "Report status": the form (with this period's report to edit, if any) and the submission. The
 * same validation serves every channel; a closed period or someone else's task is refused with why.
 */

import { type Period, parsePeriod } from '../../domain/period.ts';
import { canReportOn } from '../../domain/permissions.ts';
import type { ReportDraft } from '../../domain/report.ts';
import { validateReport } from '../../domain/report-validation.ts';
import {
  closesOn,
  defaultReportPeriod,
  reportableMonths,
  reportingWindow,
} from '../../domain/reporting-window.ts';
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

/**
 * The form to report on `taskCode` (or a task picker when none is given), for the month named by
 * `periodText` or else the month being collected; during the grace days it offers both months.
 */
export async function reportForm(
  deps: CoreDeps,
  viewer: Viewer,
  taskCode?: string | null,
  periodText?: string | null,
): Promise<ReportFormView | NoticeView> {
  const today = todayOf(deps);
  const period = reportPeriod(periodText, today, deps.graceDays);
  if ('tone' in period) return period;
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
    periods: reportableMonths(today, deps.graceDays),
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
  /** Defaults to the month being collected (`defaultReportPeriod`): the form's first choice. */
  periodKey?: string;
  /** Recorded with the report, in the same transaction (see ChannelReceipt). */
  receipt?: ChannelReceipt;
  /** The request's key (ADR 25): a replay of the same request stores nothing and gets the first answer. */
  requestKey?: string;
}

/** How a channel makes one request write once: its key, and what to record with the report. */
export interface RequestOnce {
  requestKey?: string;
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
  const period = reportPeriod(request.periodKey, today, deps.graceDays);
  if ('tone' in period) return period;
  const window = reportingWindow(period, today, deps.graceDays);
  const validated = validateReport(request.draft);
  if (!validated.ok) {
    const form = await reportForm(deps, viewer, checked.code, period.key);
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
  const { revision, replayed } = await deps.reports.submit(
    {
      taskId: checked.id,
      period,
      unitId,
      memberId: viewer.memberId,
      input: validated.input,
      late,
      ...(request.requestKey ? { requestKey: request.requestKey } : {}),
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
  return replayed ? { ...saved(revision), replayed: true } : saved(revision);
}

/**
 * The month a report is for: the one typed, else the one being collected (the grace month); refused
 * when it is not a month, has not begun, or is closed. Half-years and years are summaries of months.
 */
function reportPeriod(
  typed: string | null | undefined,
  today: string,
  graceDays: number,
): Period | NoticeView {
  const period = typed?.trim() ? parsePeriod(typed) : defaultReportPeriod(today, graceDays);
  if (period?.kind !== 'month') return notice('period.invalid', { text: typed ?? '' });
  const window = reportingWindow(period, today, graceDays);
  if (window === 'not_started') return notice('report.period_not_started', { period: period.key });
  if (window === 'closed') {
    return notice('report.period_closed', { period: period.key, closedOn: closesOn(period, graceDays) });
  }
  return period;
}

/** The task, if it exists and the viewer's unit may report on it; otherwise the refusal. */
function checkTask(viewer: Viewer, found: TaskRow | string): TaskRow | NoticeView {
  if (typeof found === 'string') return notice('report.unknown_task', { code: found });
  const task = found;
  const decision = canReportOn(viewer, task);
  if (!decision.allowed) return notice(decision.reason, { code: task.code, unit: viewer.unitCode });
  return task;
}
