/**
 * The platform-neutral core every channel calls: who is talking, and what each command answers.
 * Channels translate their events into these calls and render the returned views.
 */
import { canManage, canPostToGroup } from '../domain/permissions.ts';
import type { Locale, Platform } from '../domain/roles.ts';
import { type ChatCommand, suggestCommand } from './chat-command.ts';
import type { CoreDeps } from './core-deps.ts';
import type { SchedulerPort } from './ports/scheduler.ts';
import {
  attachEvidence,
  type EvidenceTarget,
  type EvidenceUpload,
  listEvidence,
} from './use-cases/evidence.ts';
import { exportReport } from './use-cases/export-report.ts';
import { identify } from './use-cases/identify.ts';
import { leaveCommand } from './use-cases/leave.ts';
import { manageMembers } from './use-cases/manage-members.ts';
import { meetingCalendar, nextMeeting } from './use-cases/meeting.ts';
import { meetingCommand } from './use-cases/meeting-admin.ts';
import { meetingInvitation } from './use-cases/meeting-invitation.ts';
import { myTasks } from './use-cases/my-tasks.ts';
import { remindNow } from './use-cases/remind-now.ts';
import { reminderLetter } from './use-cases/reminder-letter.ts';
import { type RequestOnce, reportForm, type SubmitRequest, submitReport } from './use-cases/report-status.ts';
import { type Once, oncePerRequest } from './use-cases/request-once.ts';
import { scoreboard } from './use-cases/scoreboard.ts';
import { overdueList, summarize } from './use-cases/summarize.ts';
import { markDone, snoozeTask } from './use-cases/task-actions.ts';
import { unitDirectoryOn } from './use-cases/unit-directory-view.ts';
import { webLinkCommand } from './use-cases/web-sign-in.ts';
import type { NoticeView, View, Viewer } from './views.ts';

export class Core {
  /**
   * `deps`: the stores, the group, the clock. `scheduler`: the port through which chairs move
   * meetings and remind now from chat (src/app/ports/scheduler.ts); the composition root builds it
   * before the core and binds the running scheduler to it later.
   */
  constructor(
    readonly deps: CoreDeps,
    private readonly scheduler: SchedulerPort,
  ) {}

  /** The group's time zone, in which channels show dates and times. */
  get timeZone(): string {
    return this.deps.group.timeZone;
  }

  /** The group's language: what a channel speaks before it knows who is talking. */
  get locale(): Locale {
    return this.deps.group.locale === 'en' ? 'en' : 'vi';
  }

  /** The members of the group (the terminal lets one become any of them). */
  members() {
    return this.deps.members.list();
  }

  member(id: number) {
    return this.deps.members.byId(id);
  }

  /** Every task of the group's plans, in plan order (buttons carry ids; channels show codes). */
  tasks() {
    return this.deps.plans.listTasks(this.deps.group.id);
  }

  /** The meeting rule in words (the chair's, else MEETING_RULE) and the coming months' meetings. */
  meetingCalendar(viewer: Viewer) {
    return meetingCalendar({ ...this.deps, scheduler: this.scheduler }, viewer);
  }

  /** A chair's change to the meetings or their rule; the scheduler's alarm is set again after it. */
  private async changeMeetings(viewer: Viewer, args: string[]): Promise<View> {
    const view = await meetingCommand({ ...this.deps, scheduler: this.scheduler }, viewer, args);
    await this.scheduler.running()?.rearm?.();
    return view;
  }

  /**
   * Evidence files a channel received with a report (after `submitReport` saved it): checked, stored,
   * recorded; one notice per outcome. Without an evidence store every file is refused, never dropped.
   */
  async attachEvidence(
    viewer: Viewer,
    target: EvidenceTarget,
    uploads: EvidenceUpload[],
  ): Promise<NoticeView[]> {
    const files = this.deps.evidenceFiles;
    if (!files) {
      return uploads.map((upload) => ({
        kind: 'notice',
        tone: 'error',
        key: 'error.evidence.store_unavailable',
        params: { name: upload.name, reason: 'EVIDENCE_DIR' },
      }));
    }
    return attachEvidence({ ...this.deps, evidenceFiles: files }, viewer, target, uploads);
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
        return reportForm(this.deps, viewer, command.task, command.period);
      case 'summary': {
        const allowed = canPostToGroup(viewer);
        if (command.post && !allowed.allowed) return { kind: 'notice', tone: 'error', key: allowed.reason };
        const view = await summarize(this.deps, viewer, command.period);
        return view.kind === 'summary' && command.allUnits ? { ...view, allUnits: true } : view;
      }
      case 'overdue':
        return overdueList(this.deps, viewer);
      case 'meeting':
        if (isInvitationWord(command.args[0])) {
          const month = command.args.slice(1).join(' ').trim() || null;
          return meetingInvitation({ ...this.deps, scheduler: this.scheduler }, viewer.locale, month);
        }
        return command.args.length > 0 ? this.changeMeetings(viewer, command.args) : this.nextMeeting(viewer);
      case 'leave':
        return leaveCommand(this.deps, viewer, command.args);
      case 'remind':
        return remindNow({ scheduler: this.scheduler }, viewer);
      case 'export':
        return exportReport(this.deps, viewer, command.period, command.format);
      case 'scoreboard':
        return scoreboard(this.deps, viewer, command.period);
      case 'letter':
        return reminderLetter(this.deps, viewer, command.args);
      case 'members':
        return manageMembers(this.deps, viewer, command.args);
      case 'evidence':
        return listEvidence(this.deps, viewer, command.task);
      case 'units':
        return unitDirectoryOn(this.deps, viewer, command.args);
      case 'web':
        return webLinkCommand(this.deps, viewer);
      case 'unknown': {
        // A typo of a command: "có phải bạn muốn /da06 report 6?"
        const suggestion = suggestCommand(command.text);
        return suggestion
          ? {
              kind: 'notice',
              tone: 'warning',
              key: 'command.unknown_suggest',
              params: { command: command.text, suggestion: `/da06 ${suggestion}` },
            }
          : { kind: 'notice', tone: 'warning', key: 'command.unknown', params: { command: command.text } };
      }
    }
  }

  /**
   * The next giao ban: the one the scheduler has planned in the database, or, before it has (a fresh
   * database, a process that does not run the loop), the next one its rule gives.
   */
  private async nextMeeting(viewer: Viewer): Promise<View> {
    const view = await nextMeeting(this.deps, viewer);
    const running = this.scheduler.running();
    if (view.next || !running) return view;
    const now = this.deps.clock.now();
    const planned = (await running.preview(now, 2)).find(
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

  reportForm(viewer: Viewer, taskCode?: string | null, periodKey?: string | null) {
    return reportForm(this.deps, viewer, taskCode, periodKey);
  }

  submitReport(viewer: Viewer, request: SubmitRequest) {
    return submitReport(this.deps, viewer, request);
  }

  /** "Đã hoàn thành" on a reminder: done, 100 %, with the product link when given. */
  markDone(viewer: Viewer, task: string | number, evidenceUrl?: string | null, once?: RequestOnce) {
    return markDone(this.deps, viewer, task, evidenceUrl, once);
  }

  /** "Nhắc lại sau" on a reminder: no nudges about the task for the viewer's unit until `until`. */
  snooze(viewer: Viewer, task: string | number, until: string, reason?: string | null, requestKey?: string) {
    return snoozeTask(this.deps, viewer, task, until, reason, requestKey);
  }

  /**
   * Runs a channel's submission (who is asking, then what they submit) in the directory's optimistic
   * scope (ADR 24, addendum 3): the member and the task may come from a cache, checked against the
   * database before the answer is returned; when the check fails `work` runs again on fresh reads.
   * So `work` must write nothing before `submitReport`'s write, and must be safe to run twice.
   */
  optimistic<T>(work: () => Promise<T>): Promise<T> {
    return this.deps.directory.optimistic(work);
  }

  /**
   * Runs `work` once per request key (ADR 25): a replay of the request — a retry, after a restart, on
   * another replica — gets `{ fresh: false }` and runs nothing. Work that fails is forgotten.
   */
  once<T>(key: string, actor: string, work: () => Promise<T>): Promise<Once<T>> {
    return oncePerRequest(this.deps, key, actor, work);
  }
}

/** `/da06 meeting ics` (also "thư mời", "invite"): the invitation file rather than a change. */
function isInvitationWord(word: string | undefined): boolean {
  const folded = (word ?? '').toLowerCase();
  return folded === 'ics' || folded === 'invite' || folded === 'invitation';
}
