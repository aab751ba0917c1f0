/**
 * The buttons on reminders and overdue alerts: "Đã hoàn thành" (done in one click, with the product
 * link if the member gives one) and "Nhắc lại sau" (snooze until a day, with a reason the chair sees).
 * "Cập nhật tiến độ" is the report form (report-status.ts).
 */

import { addDays, daysBetween } from '../../domain/period.ts';
import { canReportOn } from '../../domain/permissions.ts';
import { charCount, cleanTypedText } from '../../domain/text.ts';
import { t } from '../../i18n/index.ts';
import { type CoreDeps, today as todayOf } from '../core-deps.ts';
import type { NoticeView, ReportFormView, ReportSavedView, Viewer } from '../views.ts';
import { type RequestOnce, submitReport } from './report-status.ts';
import { allTasks, findTask } from './task-scope.ts';

/** The longest snooze a unit may ask for: a quarter; beyond that the chair should hear about it. */
export const MAX_SNOOZE_DAYS = 90;
/** A snooze reason is a sentence or two for the chair, stored with the snooze and in the audit log. */
export const MAX_SNOOZE_REASON_CHARS = 500;

const notice = (tone: NoticeView['tone'], key: string, params?: NoticeView['params']): NoticeView => ({
  kind: 'notice',
  tone,
  key,
  params,
});

export async function markDone(
  deps: CoreDeps,
  viewer: Viewer,
  task: string | number,
  evidenceUrl?: string | null,
  once: RequestOnce = {},
): Promise<ReportSavedView | ReportFormView | NoticeView> {
  return submitReport(deps, viewer, {
    task,
    draft: {
      status: 'done',
      percent: 100,
      done: t(viewer.locale, 'report.quick_done_text'),
      evidenceUrl: evidenceUrl ?? null,
    },
    ...once,
  });
}

export async function snoozeTask(
  deps: CoreDeps,
  viewer: Viewer,
  taskRef: string | number,
  until: string,
  reason?: string | null,
  requestKey?: string,
): Promise<NoticeView> {
  const tasks = await allTasks(deps);
  const task = typeof taskRef === 'number' ? tasks.find((t) => t.id === taskRef) : findTask(tasks, taskRef);
  if (!task) return notice('error', 'report.unknown_task', { code: String(taskRef) });
  const decision = canReportOn(viewer, task);
  if (!decision.allowed) return notice('error', decision.reason, { code: task.code, unit: viewer.unitCode });
  const today = todayOf(deps);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || until <= today || daysBetween(today, until) > MAX_SNOOZE_DAYS) {
    return notice('error', 'snooze.invalid_date', { max: formatMax(today) });
  }
  const typed = cleanTypedText(reason);
  if (!typed.ok) return notice('error', 'report.error.control_chars');
  if (typed.text !== null && charCount(typed.text) > MAX_SNOOZE_REASON_CHARS) {
    return notice('error', 'snooze.reason_too_long', { max: MAX_SNOOZE_REASON_CHARS });
  }
  const unitId = await deps.units.idOf(viewer.unitCode);
  await deps.roster.snooze({
    taskId: task.id,
    taskCode: task.code,
    unitId,
    memberId: viewer.memberId,
    until,
    reason: typed.text,
    ...(requestKey ? { requestKey } : {}),
  });
  return notice('success', 'snooze.saved', { code: task.code, until });
}

function formatMax(today: string): string {
  return addDays(today, MAX_SNOOZE_DAYS);
}
