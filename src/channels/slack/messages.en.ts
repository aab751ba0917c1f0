/** English messages of the Slack app: the same keys and placeholders as slack.vi.ts. */
import type { SlackMessageKey } from './messages.vi.ts';

export const slackEn: Readonly<Record<SlackMessageKey, string>> = {
  'slack.button.update': 'Update progress',
  'slack.button.done': 'Mark as done',
  'slack.button.snooze': 'Remind me later',
  'slack.button.report': 'Report progress',
  'slack.button.more': 'Show more',
  'slack.button.previous': 'Previous page',
  'slack.confirm.done.title': 'Confirm completion',
  'slack.confirm.done.text': 'Report task {code} as done (100%) for the current period?',
  'slack.confirm.yes': 'Confirm',
  'slack.confirm.no': 'No',

  'slack.more.page': 'Page {page}/{pages}',
  'slack.more.expired': 'This content has changed; please type the command again to see the latest version.',

  'slack.modal.app_title': 'Đề án 06 assistant',
  'slack.modal.report_title': 'Progress report',
  'slack.modal.done_title': 'Task done',
  'slack.modal.snooze_title': 'Remind me later',
  'slack.modal.submit': 'Submit',
  'slack.modal.cancel': 'Cancel',
  'slack.modal.close': 'Close',
  'slack.modal.skip': 'Skip',

  'slack.form.context': 'Reporting period: {period} · Unit: {unit}',
  'slack.form.task': 'Task',
  'slack.form.period': 'Report for the month',
  'slack.form.period_hint': 'Last month still takes (late) reports during the first days of this one.',
  'slack.form.task_placeholder': 'Choose the task to report on',
  'slack.form.task_search': 'Type a code or words of the task to find it',
  'slack.form.task_required': 'Please choose the task to report on.',
  'slack.form.status_placeholder': 'Choose the status',
  'slack.form.percent_hint': 'A whole number from 0 to 100; Done is 100, Not started is 0.',
  'slack.form.done_placeholder': 'What was achieved during the period',
  'slack.form.blockers_placeholder': 'Difficulties, blockers and requests to the working group (if any)',
  'slack.form.evidence_placeholder': 'https://… (document, system, report as evidence)',
  'slack.form.evidence_files': 'Evidence files',
  'slack.form.evidence_files_hint':
    'PDF, DOCX, XLSX, PNG or JPEG, at most 20 MB each (a decision, minutes, a screenshot).',

  'slack.done.link_prompt':
    'If there is one, please send a link to the task’s output (document, system, report…) as evidence. You may skip this step.',
  'slack.done.link_label': 'Link to the output',

  'slack.snooze.intro':
    'Pause reminders about task {code} for your unit until the chosen day (90 days at most). The chair will see the request and its reason.',
  'slack.snooze.until': 'Remind me on',
  'slack.snooze.reason': 'Reason',
  'slack.snooze.reason_placeholder': 'For example: waiting for guidance from the Ministry of Public Security',

  'slack.summary.posted': 'The summary for {period} was posted to the working group’s channel.',
  'slack.summary.no_group_channel':
    'The working group’s channel (SLACK_GROUP_CHANNEL) is not configured, so the summary could not be posted. Please contact an administrator.',
  'slack.summary.post_failed':
    'The summary could not be posted to the group’s channel ({reason}). If the app is not in the channel yet, add it with /invite and try again.',
  'slack.summary.totals_line': '{label}: *{count}* ({share})',
  'slack.summary.unit_line':
    'Lead {lead} · Reported {reported} · Done {done} · In progress {inProgress} · Blocked {blocked} · Not started {notStarted} · Overdue {overdue}',

  'slack.home.greeting': 'Hello {name} ({unit}, {role})',
  'slack.home.my_tasks': 'Your unit’s tasks',
  'slack.home.group': 'Working group progress — {period}',
  'slack.home.group_more':
    'Overdue: {overdue} tasks · Blockers and requests: {blockers} · Units not reported: {missing}',
  'slack.home.group_hint': 'Full summary: /da06 summary · Post to the group’s channel: /da06 summary post',
  'slack.home.meeting': 'Next meeting',
  'slack.home.unregistered_title': 'Welcome to the Đề án 06 assistant',

  'slack.export.upload_failed':
    'The report file could not be uploaded to the conversation ({reason}). In a channel, add the app with /invite and try again, or type the command in a direct message to the assistant.',

  'slack.error.generic':
    'The assistant hit an error while handling your request, so nothing was done. Please try again in a few minutes; if it keeps failing, tell an administrator.',
};
