/**
 * Every identifier the Slack app and its manifest share: the slash command, the events it subscribes
 * to, the action_ids of buttons and selects, the callback_ids of modals, the block_ids of form inputs.
 * test/channels/slack/manifest.test.ts checks these against manifests/slack/manifest.yaml and against
 * what the renderers emit and the listeners handle.
 */

/** The one slash command (sub-commands are parsed by `parseChatCommand`). */
export const COMMAND = '/da06';

/** The path of commands, interactivity, options and events on the bot's HTTP server. */
export const EVENTS_PATH = '/slack/events';

/** Events API subscriptions (bot events). */
export const EVENTS = { appHomeOpened: 'app_home_opened' } as const;

/** Interactive elements whose clicks or choices the app handles (block_actions, block_suggestion). */
export const ACTIONS = {
  /** "Cập nhật tiến độ" / "Báo cáo tiến độ": opens the report modal (value: task id, or '' for the picker). */
  reportTask: 'da06_report_task',
  /** "Đã hoàn thành": core.markDone, then the product-link modal (value: task id). */
  markDone: 'da06_mark_done',
  /** "Nhắc lại sau": the snooze modal (value: task id). */
  snooze: 'da06_snooze',
  /** The task select in the report modal: choosing a task reloads the form pre-filled for it. */
  formTask: 'da06_form_task',
  /** "Xem thêm" under a long reply: the next page (value: `MorePayload` as JSON). */
  more: 'da06_more',
  /** Paging of the App Home's task list (value: page number). */
  homePage: 'da06_home_page',
} as const;

/** Inputs of modals: read from `view.state.values` on submission, never dispatched on their own. */
export const INPUTS = {
  status: 'da06_status',
  percent: 'da06_percent',
  done: 'da06_done',
  blockers: 'da06_blockers',
  evidence: 'da06_evidence',
  period: 'da06_period',
  evidenceFiles: 'da06_evidence_files',
  doneLink: 'da06_done_link',
  snoozeUntil: 'da06_snooze_until',
  snoozeReason: 'da06_snooze_reason',
} as const;

/** Modals whose submission the app handles (view_submission). */
export const CALLBACKS = {
  report: 'da06_report_form',
  doneLink: 'da06_done_link_form',
  snooze: 'da06_snooze_form',
} as const;

/** block_ids of input blocks: `response_action: "errors"` names them. */
export const BLOCKS = {
  task: 'report_task',
  status: 'report_status',
  percent: 'report_percent',
  done: 'report_done',
  blockers: 'report_blockers',
  evidence: 'report_evidence',
  period: 'report_period',
  evidenceFiles: 'report_evidence_files',
  doneLink: 'done_link',
  snoozeUntil: 'snooze_until',
  snoozeReason: 'snooze_reason',
} as const;

/** The block of a task's buttons in a message: one per task, so block_ids stay unique. */
export const taskActionsBlockId = (taskId: number) => `task_actions:${taskId}`;

/**
 * Scopes the app's calls need (chat.postMessage/postEphemeral, conversations.open for DMs,
 * files.uploadV2 for `/da06 export`, files.info and the download of evidence files from the report
 * form's file_input (files:read), /da06, conversations.history to find the outbox's own messages
 * after a crash in DMs and in the group's public or private channel).
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'im:write',
  'files:write',
  'files:read',
  'im:history',
  'channels:history',
  'groups:history',
] as const;
