/** Status reports: what a unit says about a task in a period. */

export const STATUSES = ['not_started', 'in_progress', 'done', 'blocked'] as const;
/** Chưa triển khai, Đang triển khai, Đã hoàn thành, Vướng mắc. */
export type Status = (typeof STATUSES)[number];

/** A task's standing in a period, derived from its lead units' reports; `not_reported` when none. */
export type TaskStanding = Status | 'not_reported';

/** The platforms' limit for one text field (Slack's block text limit). */
export const MAX_TEXT_CHARS = 3000;

/** What a member submits; strings as typed, validated by `validateReport` (src/domain/report-validation.ts). */
export interface ReportDraft {
  status: string;
  percent: string | number;
  done: string;
  blockers?: string | null;
  evidenceUrl?: string | null;
}

/** A validated draft. */
export interface ReportInput {
  status: Status;
  percent: number;
  done: string;
  blockers: string | null;
  evidenceUrl: string | null;
}

export type ReportField = keyof ReportInput;

/** A field error: `key` is a message key in src/i18n (e.g. `report.error.percent_range`). */
export interface FieldError {
  field: ReportField;
  key: string;
  params?: Record<string, string | number>;
}
