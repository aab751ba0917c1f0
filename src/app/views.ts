/**
 * Neutral view models: what a use case returns and every channel renders (terminal text, Slack
 * Block Kit, Teams Adaptive Cards). Text in them is data (task content, unit names, members' words);
 * labels and sentences come from src/i18n in the reader's locale, chosen by the renderer.
 */
import type { DeadlineView } from '../domain/deadline.ts';
import type { BucketsResult } from '../domain/deadline-buckets.ts';
import type { Period } from '../domain/period.ts';
import type { FieldError, Status, TaskStanding } from '../domain/report.ts';
import type { Role } from '../domain/roles.ts';
import type { Scoreboard } from '../domain/scoreboard.ts';
import type { SummaryData } from '../domain/summary.ts';
import type { MemberRecord } from './ports/stores.ts';

export type { DeadlineView };

export interface Viewer {
  memberId: number;
  displayName: string;
  unitCode: string;
  unitName: string;
  role: Role;
  locale: 'vi' | 'en';
}

export interface LatestReportView {
  periodKey: string;
  unitCode: string;
  status: Status;
  percent: number;
  done: string;
  blockers: string | null;
  evidenceUrl: string | null;
  memberName: string;
  updatedAt: string; // ISO date-time
  late: boolean;
}

export interface TaskItemView {
  taskId: number;
  code: string;
  planNumber: string;
  content: string;
  section: string | null;
  /** The viewer's unit's role in the task. */
  role: 'lead' | 'coordinating';
  leadUnits: string[];
  deadline: DeadlineView;
  product: string | null;
  /** The viewer's unit's latest report (any period up to now), or null. */
  latest: LatestReportView | null;
  /** Whether the viewer's unit has reported in the current period. */
  reportedThisPeriod: boolean;
}

export interface MyTasksView {
  kind: 'my-tasks';
  viewer: Viewer;
  period: Period;
  today: string;
  tasks: TaskItemView[];
}

/** The form a channel shows to report on one task (Slack modal, Teams card, terminal questions). */
export interface ReportFormView {
  kind: 'report-form';
  viewer: Viewer;
  /** The month the form reports on: the one named, else the one being collected (the grace month). */
  period: Period;
  /** The months the member may choose, the one being collected first (two during the grace days). */
  periods: Period[];
  /** Tasks the viewer may report on, for the task picker. */
  choices: { taskId: number; code: string; content: string }[];
  /** The task already chosen, if any. */
  taskId: number | null;
  /** This period's report of the viewer's unit on that task, to pre-fill an edit. */
  current: LatestReportView | null;
  /** Validation errors of a previous submission, to show beside the fields. */
  errors: FieldError[];
}

export interface ReportSavedView {
  kind: 'report-saved';
  viewer: Viewer;
  period: Period;
  taskCode: string;
  taskContent: string;
  status: Status;
  percent: number;
  revision: number;
  late: boolean;
  /**
   * This request was handled before (its request key was claimed already): nothing was stored now,
   * and `revision` is the one the first handling wrote.
   */
  replayed?: true;
}

export interface SummaryView extends SummaryData {
  kind: 'summary';
  viewer: Viewer;
  /** `/da06 summary --all-units`: every unit on its own line (the terminal folds local offices). */
  allUnits?: boolean;
  /** The four deadline buckets (src/domain/deadline-buckets.ts) of the period and since the plan began (absent in views made before them). */
  buckets?: { period: BucketsResult; cumulative: BucketsResult };
}

export interface OverdueView {
  kind: 'overdue';
  viewer: Viewer;
  today: string;
  items: SummaryData['overdue'];
}

export interface MeetingView {
  kind: 'meeting';
  viewer: Viewer;
  /** The next giao ban, or null when none is scheduled yet. */
  next: { startsAt: string; place: string | null; agenda: string | null; note: string | null } | null;
}

export interface MembersView {
  kind: 'members';
  viewer: Viewer;
  members: MemberRecord[];
}

/** A task a reminder is about; every channel shows "Cập nhật tiến độ", "Đã hoàn thành", "Nhắc lại sau" on it. */
export interface ReminderTask {
  taskId: number;
  code: string;
  content: string;
  leadUnits: string[];
  deadline: { text: string; due: string | null };
  standing: TaskStanding;
  /** Days past the due date, for overdue nudges and escalations. */
  daysOverdue: number | null;
  /** A snooze the unit asked for, shown to the chair in escalations. */
  snoozedUntil?: string | null;
  snoozeReason?: string | null;
}

/**
 * A proactive message from the scheduler: meeting reminders, reporting rounds, overdue nudges and
 * escalations, the weekly digest, notes to the chair. Written to the outbox as JSON, so keep it plain data.
 */
export interface ReminderView {
  kind: 'reminder';
  topic:
    | 'meeting'
    | 'round_open'
    | 'round_reminder'
    | 'overdue_nudge'
    | 'overdue_escalation'
    | 'overdue_digest'
    | 'unreachable_unit'
    | 'undeliverable';
  period: Period | null;
  meeting: { startsAt: string; place: string | null; agenda: string | null; note: string | null } | null;
  tasks: ReminderTask[];
  /** Units concerned (not yet reported, no reachable member…), with the task codes each still owes. */
  units: { code: string; name: string; taskCodes: string[] }[];
  /** Members concerned (for the chair: who could not be reached and why). */
  people?: { name: string; unitCode: string; reason: string }[];
  /** Whether the task buttons are offered (not in digests to the group channel). */
  actions: boolean;
  /** A meeting reminder's iCalendar invitation (.ics text), attached where the platform allows. */
  invitation?: { fileName: string; text: string };
  /** A repeated overdue nudge: what changed since the unit's last one (day YYYY-MM-DD, task codes). */
  changes?: { since: string; newOverdue: string[]; doneSince: string[] };
  /** The escalation offers the chair the reminder letter (/da06 letter) to these unit codes. */
  letterUnits?: string[];
}

export interface HelpView {
  kind: 'help';
  viewer: Viewer | null;
  /** Whether admin commands are shown. */
  admin: boolean;
  /** Whether the chair's commands (meeting set, remind now) are shown. */
  chair?: boolean;
}

/**
 * A sentence for the user: a refusal, a confirmation, an error. `key` is an i18n message key;
 * `params` fill its placeholders.
 */
export interface NoticeView {
  kind: 'notice';
  tone: 'info' | 'success' | 'warning' | 'error';
  key: string;
  params?: Record<string, string | number>;
}

export type View =
  | MyTasksView
  | ReportFormView
  | ReportSavedView
  | SummaryView
  | OverdueView
  | MeetingView
  | HelpView
  | MembersView
  | ReminderView
  | FileView
  | ScoreboardView
  | NoticeView;

export type { Status, TaskStanding };

/**
 * A file for the conversation: channels upload `bytes` as `fileName` with `caption` as the message
 * (already in the viewer's locale, as the file is), and post `image` (the chart) beside it.
 */
export interface FileView {
  kind: 'file';
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  /** What the file is, for screen readers and platforms that describe uploads. */
  altText?: string;
  /** Lines of the message that carries the file: what it is, the totals, kiến nghị cut to 300 characters. */
  caption: string[];
  /** The progress chart as a picture to post with the file. */
  image?: {
    fileName: string;
    mimeType: 'image/png';
    bytes: Buffer;
    width: number;
    height: number;
    altText: string;
  };
}

/**
 * The ranking, best first; channels render it in the viewer's locale and write the rule under it
 * (`scoreboardLines` and `scoreboardRule` in src/reports/scoreboard-files.ts).
 */
export interface ScoreboardView extends Scoreboard {
  kind: 'scoreboard';
  viewer: Viewer;
}
