/**
 * The Universal Actions (`Action.Execute`) our cards carry: a verb and its data, and the reading of
 * what Teams sends back in an `adaptiveCard/action` invoke (the data merged with the card's inputs).
 * Everything in an invoke comes from the client, so it is read defensively; the core still checks
 * every permission.
 */
import type { ReminderView } from '../../app/views.ts';

/** The tasks a reminder was about, carried by its buttons so a refreshed card can continue it. */
export interface ReminderRef {
  topic: ReminderView['topic'];
  period: string | null;
  tasks: number[];
}

export type PagedView = 'summary' | 'overdue' | 'tasks' | 'members' | 'scoreboard';
export const QUICK_COMMANDS = ['tasks', 'report', 'summary', 'overdue', 'meeting'] as const;
export type QuickCommand = (typeof QUICK_COMMANDS)[number];

/** What one button does. Consuming actions (`report.submit`, `task.done`, `task.snooze`) carry `cardId`. */
export type ActionData =
  | { verb: 'report.open'; taskCode?: string; reminder?: ReminderRef }
  | { verb: 'report.submit'; cardId: string; formPeriod?: string; reminder?: ReminderRef }
  | { verb: 'task.done'; cardId: string; taskId: number; reminder?: ReminderRef }
  | { verb: 'task.snooze'; cardId: string; taskId: number; reminder?: ReminderRef }
  | { verb: 'reminder.page'; reminder: ReminderRef; page: number }
  | { verb: 'view.page'; view: PagedView; period?: string | null; page: number }
  | { verb: 'command'; command: QuickCommand };

export type Verb = ActionData['verb'];

/** Input ids of the report form; the data keys above never use them. */
export const FORM_INPUTS = {
  task: 'task',
  status: 'status',
  percent: 'percent',
  done: 'done',
  blockers: 'blockers',
  evidenceUrl: 'evidenceUrl',
  /** The month, during the grace days only; the submit action carries the form's month as `formPeriod`. */
  period: 'period',
} as const;

/** Input ids of a task's "Đã hoàn thành" / "Nhắc lại sau" panels on a reminder (unique per task). */
export const taskInputs = (taskId: number) => ({
  evidence: `evidence_${taskId}`,
  until: `until_${taskId}`,
  reason: `reason_${taskId}`,
});

/** Splits the action into the verb and the `data` object of an `Action.Execute`. */
export function toExecuteData(data: ActionData): { verb: Verb; payload: Record<string, unknown> } {
  const { verb, ...payload } = data;
  return { verb, payload: { da06: 1, ...payload } };
}

/** An invoke's action read back, with the card's inputs beside it. Null when it is not ours or is malformed. */
export interface ReadAction {
  action: ActionData;
  inputs: Record<string, string>;
}

const TOPICS: ReminderView['topic'][] = [
  'meeting',
  'round_open',
  'round_reminder',
  'overdue_nudge',
  'overdue_escalation',
  'overdue_digest',
  'unreachable_unit',
  'undeliverable',
];

export function readAction(verb: unknown, rawData: unknown): ReadAction | null {
  if (typeof verb !== 'string' || !isRecord(rawData)) return null;
  const data = rawData;
  const inputs: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string') inputs[key] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) inputs[key] = String(value);
  }
  const cardId = typeof data.cardId === 'string' && /^[\w-]{8,64}$/.test(data.cardId) ? data.cardId : null;
  const reminder = readReminder(data.reminder);
  const optionalReminder = reminder ? { reminder } : {};
  const page = readInt(data.page, 1, 10_000) ?? 1;
  switch (verb) {
    case 'report.open': {
      const taskCode =
        typeof data.taskCode === 'string' && data.taskCode.length <= 64 ? data.taskCode : undefined;
      return { action: { verb, ...(taskCode ? { taskCode } : {}), ...optionalReminder }, inputs };
    }
    case 'report.submit':
      return cardId ? { action: { verb, cardId, ...optionalReminder }, inputs } : null;
    case 'task.done':
    case 'task.snooze': {
      const taskId = readInt(data.taskId, 1, Number.MAX_SAFE_INTEGER);
      return cardId && taskId !== null
        ? { action: { verb, cardId, taskId, ...optionalReminder }, inputs }
        : null;
    }
    case 'reminder.page':
      return reminder ? { action: { verb, reminder, page }, inputs } : null;
    case 'view.page': {
      const view = data.view;
      if (
        view !== 'summary' &&
        view !== 'overdue' &&
        view !== 'tasks' &&
        view !== 'members' &&
        view !== 'scoreboard'
      )
        return null;
      const period = typeof data.period === 'string' && data.period.length <= 32 ? data.period : null;
      return { action: { verb, view, period, page }, inputs };
    }
    case 'command': {
      const command = QUICK_COMMANDS.find((c) => c === data.command);
      return command ? { action: { verb, command }, inputs } : null;
    }
    default:
      return null;
  }
}

function readReminder(value: unknown): ReminderRef | null {
  if (!isRecord(value)) return null;
  const topic = TOPICS.find((t) => t === value.topic);
  if (!topic || !Array.isArray(value.tasks) || value.tasks.length > 500) return null;
  const tasks = value.tasks.filter((id): id is number => Number.isSafeInteger(id) && (id as number) > 0);
  const period = typeof value.period === 'string' && value.period.length <= 32 ? value.period : null;
  return { topic, period, tasks };
}

function readInt(value: unknown, min: number, max: number): number | null {
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
