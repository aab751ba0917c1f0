/** English messages of the Microsoft Teams channel; typed by the Vietnamese catalog's keys. */
import type { TeamsMessageKey } from './messages.vi.ts';

export const teamsEn: Record<TeamsMessageKey, string> = {
  // Buttons ----------------------------------------------------------------------------------------
  'teams.action.update': 'Update progress',
  'teams.action.done': 'Done',
  'teams.action.snooze': 'Remind me later',
  'teams.action.done_confirm': 'Confirm done',
  'teams.action.snooze_confirm': 'Confirm reminder',
  'teams.action.submit': 'Submit report',
  'teams.action.back': 'Back',
  'teams.action.next': 'Show more',
  'teams.action.previous': 'Previous page',
  'teams.action.report_other': 'Report on another task',
  'teams.action.my_tasks': "My unit's tasks",
  'teams.action.report': 'Report progress',
  'teams.action.summary': 'Summary',
  'teams.action.overdue': 'Overdue',
  'teams.action.meeting': 'Next meeting',
  'teams.page': 'Page {page}/{pages}',

  // The report form --------------------------------------------------------------------------------
  'teams.form.task': 'Task',
  'teams.form.period': 'Report for the month (last month still takes late reports in the first days)',
  'teams.form.task_placeholder': 'Choose the task to report on',
  'teams.form.task_required': 'Please choose the task to report on.',
  'teams.form.status_placeholder': 'Choose a status',
  'teams.form.status_required': 'Please choose a status.',
  'teams.form.percent_placeholder': 'From 0 to 100',
  'teams.form.done_placeholder': 'What was done in this period',
  'teams.form.blockers_placeholder': 'Optional; required when the status is Blocked',
  'teams.form.evidence_placeholder': 'https://… (optional)',
  'teams.form.evidence_done': 'Link to the product or evidence (optional)',
  'teams.form.field_error': '{field}: {message}',

  // "Remind me later" ------------------------------------------------------------------------------
  'teams.snooze.until': 'Remind me on',
  'teams.snooze.until_required': 'Please choose a day.',
  'teams.snooze.reason': 'Reason (the chair will see it)',

  // After an action on a reminder ----------------------------------------------------------------
  'teams.reminder.remaining': 'Tasks of this reminder your unit has not reported on this period:',
  'teams.reminder.all_done': 'Your unit has reported on every task of this reminder. Thank you!',
  'teams.reminder.hidden_tasks': '… and {count} more tasks: press "Show more".',

  // Conversations ----------------------------------------------------------------------------------
  'teams.welcome.personal':
    'Hello {name}! The Project 06 assistant will remind you here of meetings, reporting rounds and overdue tasks of {unit}. Type "help" to see the commands.',
  'teams.welcome.team':
    "The Project 06 assistant has been added to this team. The working group's announcements and progress summaries will be posted in this channel. To use a command in the channel, mention the assistant first, e.g. @Trợ lý Đề án 06 summary.",
  'teams.unregistered_hint':
    'Once you have been added, send the assistant any message (for example "help") to receive reminders here.',
  'teams.help.usage':
    'In Teams, type commands without "/da06", in English or Vietnamese: "tasks", "report 5", "summary 2024-06", "overdue", "meeting". In a team channel, mention the assistant first.',
  'teams.summary_posted': "The summary has been posted to the working group's Teams channel.",
  'teams.group_unknown':
    "The working group has no Teams channel yet: please add the Project 06 assistant app to the working group's team first.",
  'teams.group_failed':
    "The summary could not be posted to the working group's Teams channel ({reason}). Please try again later.",
  'teams.error':
    'Sorry, something went wrong while handling your request. Please try again in a few minutes; if it keeps failing, tell an administrator.',
  'teams.card_expired': 'This card can no longer be used. Type "report" to open a new form.',
  'teams.evidence.task_needed':
    'To send evidence files, name the task in the same message (e.g. "evidence 22"), after reporting on it.',
  'teams.fallback': 'The Project 06 assistant sent a card; please update Microsoft Teams to see it.',

  // Export and scoreboard --------------------------------------------------------------------------
  'teams.file.chart_title': 'Progress chart (reduced; the full-size chart is in the report file)',
  'teams.file.chart_missing': 'The chart is too large to show in the card; see it in the report file.',
  'teams.file.consent_below':
    'Select "Allow" on the card below for the assistant to save {file} to your OneDrive and send it here.',
  'teams.file.consent_description': '{caption} Size: {size}.',
  'teams.file.sent_personal':
    'The file {file} is sent in your personal chat with the assistant (Teams does not let the assistant send files in a channel).',
  'teams.file.personal_unknown':
    'Teams does not let the assistant send files in a channel, and the assistant has no personal chat with you yet. Please open a personal chat with the assistant and type "export" there.',
  'teams.file.personal_failed':
    'Could not send {file} to your personal chat ({reason}). Please type "export" in your personal chat with the assistant.',
  'teams.file.uploaded': 'Saved {file} to your OneDrive.',
  'teams.file.declined':
    'You declined {file}; it was not sent. Type the command again to export it when needed.',
  'teams.file.expired': 'This file is no longer available. Please type "export" again.',
  'teams.file.upload_failed':
    'Could not upload {file} to OneDrive ({reason}). Please try again later; if it keeps failing, tell an administrator.',

  // Start-up ---------------------------------------------------------------------------------------
  'teams.startup.unauthenticated':
    '⚠ WARNING: the Microsoft Teams channel runs WITHOUT AUTHENTICATION (TEAMS_ALLOW_UNAUTHENTICATED=true). Anyone who can reach {path} can pose as a member and submit reports. Use it only for local development; production must set MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId.',
};
