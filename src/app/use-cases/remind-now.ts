/** `/da06 remind now`: the chair has the running scheduler decide what is due and send it at once. */
import { canPostToGroup } from '../../domain/permissions.ts';
import type { SchedulerPort } from '../ports/scheduler.ts';
import type { NoticeView, Viewer } from '../views.ts';
import { notice } from './meeting-admin.ts';

/** `/da06 remind now`: the chair runs the jobs that are due, and the outbox, at once. */
export async function remindNow(deps: { scheduler: SchedulerPort }, viewer: Viewer): Promise<NoticeView> {
  const allowed = canPostToGroup(viewer);
  if (!allowed.allowed) return notice('error', allowed.reason);
  const running = deps.scheduler.running();
  if (!running) return notice('warning', 'scheduler.remind.unavailable');
  const result = await running.tick();
  return notice('success', 'scheduler.remind.done', {
    planned: result.planned,
    sent: result.sent,
    pending: result.pending,
  });
}
