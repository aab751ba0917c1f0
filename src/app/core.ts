/**
 * The platform-neutral core every channel calls: who is talking, and what each command answers.
 * Channels translate their events into these calls and render the returned views.
 */
import { canManage, canPostToGroup } from '../domain/permissions.ts';
import type { Platform } from '../domain/roles.ts';
import {
  leaveCommand,
  meetingCommand,
  remindNow,
  type SchedulerAdminDeps,
} from '../scheduler/meeting-admin.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';
import { ReportStore } from '../store/report-store.ts';
import type { ChatCommand } from './chat-command.ts';
import type { Clock } from './clock.ts';
import type { CoreDeps } from './core-deps.ts';
import type { App } from './open-app.ts';
import { exportReport } from './use-cases/export-report.ts';
import { identify } from './use-cases/identify.ts';
import { manageMembers } from './use-cases/manage-members.ts';
import { nextMeeting } from './use-cases/meeting.ts';
import { myTasks } from './use-cases/my-tasks.ts';
import {
  type ChannelReceipt,
  reportForm,
  type SubmitRequest,
  submitReport,
} from './use-cases/report-status.ts';
import { scoreboard } from './use-cases/scoreboard.ts';
import { overdueList, summarize } from './use-cases/summarize.ts';
import { markDone, snoozeTask } from './use-cases/task-actions.ts';
import type { View, Viewer } from './views.ts';

export class Core {
  private scheduler:
    | (SchedulerAdminDeps['scheduler'] & Partial<Pick<Scheduler, 'preview' | 'rearm'>>)
    | null = null;

  constructor(readonly deps: CoreDeps) {}

  /** The running scheduler, so chairs can move meetings and remind now from chat. */
  useScheduler(
    scheduler: (SchedulerAdminDeps['scheduler'] & Partial<Pick<Scheduler, 'preview' | 'rearm'>>) | null,
  ): void {
    this.scheduler = scheduler;
  }

  /** A chair's change to the meetings or their rule; the scheduler's alarm is set again after it. */
  private async changeMeetings(viewer: Viewer, args: string[]): Promise<View> {
    const view = await meetingCommand({ ...this.deps, scheduler: this.scheduler }, viewer, args);
    await this.scheduler?.rearm?.();
    return view;
  }

  identify(platform: Platform, externalId: string) {
    return identify(this.deps, platform, externalId);
  }

  /** Answers a chat command. `report` answers with the form; channels submit it with `submitReport`. */
  async handle(viewer: Viewer, command: ChatCommand): Promise<View> {
    switch (command.name) {
      case 'help':
        return {
          kind: 'help',
          viewer,
          admin: canManage(viewer).allowed,
          chair: canPostToGroup(viewer).allowed,
        };
      case 'tasks':
        return myTasks(this.deps, viewer);
      case 'report':
        return reportForm(this.deps, viewer, command.task);
      case 'summary': {
        const allowed = canPostToGroup(viewer);
        if (command.post && !allowed.allowed) return { kind: 'notice', tone: 'error', key: allowed.reason };
        return summarize(this.deps, viewer, command.period);
      }
      case 'overdue':
        return overdueList(this.deps, viewer);
      case 'meeting':
        return command.args.length > 0 ? this.changeMeetings(viewer, command.args) : this.nextMeeting(viewer);
      case 'leave':
        return leaveCommand(this.deps, viewer, command.args);
      case 'remind':
        return remindNow({ ...this.deps, scheduler: this.scheduler }, viewer);
      case 'export':
        return exportReport(this.deps, viewer, command.period, command.format);
      case 'scoreboard':
        return scoreboard(this.deps, viewer, command.period);
      case 'members':
        return manageMembers(this.deps, viewer, command.args);
      case 'unknown':
        return { kind: 'notice', tone: 'warning', key: 'command.unknown', params: { command: command.text } };
    }
  }

  /**
   * The next giao ban: the one the scheduler has planned in the database, or, before it has (a fresh
   * database, a process that does not run the loop), the next one its rule gives.
   */
  private async nextMeeting(viewer: Viewer): Promise<View> {
    const view = await nextMeeting(this.deps, viewer);
    if (view.next || !this.scheduler?.preview) return view;
    const now = this.deps.clock.now();
    const planned = (await this.scheduler.preview(now, 2)).find(
      (item) => item.kind === 'meeting' && item.status !== 'cancelled' && new Date(item.at) >= now,
    );
    return planned
      ? {
          ...view,
          next: {
            startsAt: new Date(planned.at).toISOString(),
            place: planned.place ?? null,
            agenda: null,
            note: planned.note ?? null,
          },
        }
      : view;
  }

  reportForm(viewer: Viewer, taskCode?: string | null) {
    return reportForm(this.deps, viewer, taskCode);
  }

  submitReport(viewer: Viewer, request: SubmitRequest) {
    return submitReport(this.deps, viewer, request);
  }

  /** "Đã hoàn thành" on a reminder: done, 100 %, with the product link when given. */
  markDone(viewer: Viewer, task: string | number, evidenceUrl?: string | null, receipt?: ChannelReceipt) {
    return markDone(this.deps, viewer, task, evidenceUrl, receipt);
  }

  /** "Nhắc lại sau" on a reminder: no nudges about the task for the viewer's unit until `until`. */
  snooze(viewer: Viewer, task: string | number, until: string, reason?: string | null) {
    return snoozeTask(this.deps, viewer, task, until, reason);
  }
}

export function createCore(app: App, clock: Clock): Core {
  return new Core({
    db: app.db.client,
    group: app.group,
    plans: app.plans,
    reports: new ReportStore(app.db.client),
    members: app.members,
    units: app.units,
    clock,
    graceDays: app.settings.REPORT_GRACE_DAYS,
  });
}
