/**
 * The scheduler port: what the core asks of the scheduler (src/scheduler), which it does not import.
 * The composition root builds the port over the stores before any channel exists, and binds the
 * running scheduler to it once that is built (`src/scheduler/scheduler-port.ts`), so nothing is
 * constructed in a cycle (docs/adr/0010-ports-and-sealed-store.md).
 */
import type { MeetingRule } from '../../domain/meeting-rule.ts';
import type { Locale } from '../../domain/roles.ts';

/** A meeting as planned for one month. */
export interface PlannedMeetingSummary {
  status: 'planned' | 'cancelled' | 'held';
  startsAt: Date;
  /** The month it belongs to, "2024-06". */
  month: string;
  place: string | null;
  agenda: string | null;
  note: string | null;
  /** The iCalendar SEQUENCE of its invitation (raised at each move, re-plan or cancel). */
  sequence: number;
}

/** One meeting of the scheduler's preview (`da06 schedule`), as the core reads it. */
export interface MeetingPreview {
  kind: string;
  /** ISO date-time with the group's offset. */
  at: string;
  status?: string;
  place?: string | null;
  note?: string;
}

/** The scheduler running in this process: its loop ticks, and a chair may ask it to run at once. */
export interface RunningScheduler {
  /** Runs the jobs that are due and drains the outbox now (`/da06 remind now`). */
  tick(): Promise<{ planned: number; sent: number; pending: number }>;
  /** Meetings and rounds from `from` for `months` months, without writing anything. */
  preview(from: Date, months: number): Promise<MeetingPreview[]>;
  /** Sets the alarm again for the next planned moment (after meetings or their rule changed). */
  rearm?(): Promise<void> | void;
}

export interface SchedulerPort {
  /** The group's language, in which the scheduler writes its notes on meetings. */
  readonly locale: Locale;
  /** The rule meetings follow: the chair's saved one (JSON), else MEETING_RULE. */
  effectiveRule(saved: string | null): MeetingRule;
  /**
   * Writes the meetings of `months` (or of the months around `now`) from `rule`, re-planning those
   * the rule still decides, and returns them.
   */
  planMeetings(
    rule: MeetingRule,
    months: string[] | 'around-now',
    now: Date,
  ): Promise<PlannedMeetingSummary[]>;
  /** The scheduler running in this process, or null (no loop here: SCHEDULER_ENABLED=false, a CLI command). */
  running(): RunningScheduler | null;
}
