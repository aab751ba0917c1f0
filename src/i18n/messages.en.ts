/**
 * English messages. Typed by the Vietnamese catalog's keys, so a missing or extra key is a type
 * error. Wording avoids singular/plural forms ("days overdue: 3") since there is no plural logic.
 */
import type { MessageKey } from './messages.vi.ts';

export const en: Record<MessageKey, string> = {
  // Labels ---------------------------------------------------------------------------------------
  'status.not_started': 'Not started',
  'status.in_progress': 'In progress',
  'status.done': 'Done',
  'status.blocked': 'Blocked',
  'standing.not_reported': 'Not reported',
  'role.member': 'Member',
  'role.vice-chair': 'Vice-chair',
  'role.chair': 'Chair',
  'role.admin': 'Administrator',
  'task.role.lead': 'lead',
  'task.role.coordinating': 'coordinating',
  'field.status': 'Status',
  'field.percent': 'Completion',
  'field.done': 'Work done',
  'field.blockers': 'Blockers and requests',
  'field.evidenceUrl': 'Evidence',

  // Periods and deadlines ------------------------------------------------------------------------
  'period.month': '{month} {year}',
  'period.half1': 'first half of {year}',
  'period.half2': 'second half of {year}',
  'period.year': '{year}',
  'period.invalid':
    'Cannot read the reporting period "{text}". Please write it in one of these forms: 2024-06, 06/2024, tháng 6/2024 (a month); 2024-H1 (a half-year); 2024 (a year).',
  'period.before_plan':
    'The period {period} is before the plan starts; the first reporting period is {first}.',
  'deadline.label': '{text} ({detail})',
  // Kinds of deadline, as the CLI's plan list shows them (issue 17, item 7)
  'deadline.kind.date': 'a date',
  'deadline.kind.month': 'month',
  'deadline.kind.quarter': 'quarter',
  'deadline.kind.year': 'year',
  'deadline.kind.range': 'range',
  'deadline.kind.recurring_annual': 'every year',
  'deadline.kind.recurring_annual_from': 'every year, from a year',
  'deadline.kind.ongoing': 'ongoing',
  'deadline.kind.conditional': 'conditional',
  'deadline.kind.unknown': 'not determined',
  'deadline.missing': 'No deadline given',
  'deadline.due': 'due {date}',
  'deadline.due_left': 'due {date}, days left: {days}',
  'deadline.due_today': 'due {date}, which is today',
  'deadline.due_overdue': 'due {date}, days overdue: {days}',
  'deadline.no_end': 'no end date',
  'deadline.conditional': 'depends on other events, no fixed date',
  'deadline.unknown': 'no date could be read',

  // Validation of a report ------------------------------------------------------------------------
  'report.error.status_invalid':
    'The status is not valid. Please choose one of: Not started, In progress, Done, Blocked.',
  'report.error.percent_invalid': 'Completion must be a whole number, for example 60.',
  'report.error.percent_range': 'Completion must be between 0 and 100.',
  'report.error.done_required': 'Please describe the work done in this period.',
  'report.error.control_chars':
    'The text holds control characters (such as NUL or terminal escape codes); type it again or paste it as plain text.',
  'report.error.too_long': 'The text is too long: at most {max} characters.',
  'report.error.url_invalid':
    'The evidence link is not valid; it must be a full address starting with http:// or https://.',
  'report.error.done_needs_100': 'A task marked Done must be at 100% completion.',
  'report.error.not_started_needs_0': 'A task marked Not started must be at 0% completion.',
  'report.error.blocked_needs_reason':
    'A Blocked status needs a description of the blockers and requests, so the working group can act on them.',

  // Refusals ---------------------------------------------------------------------------------------
  'auth.unregistered':
    'You are not on the working group member list yet (account {platform}: {externalId}), so the assistant cannot take your request. Please ask an administrator ({admins}) to add you with: {linkHint}',
  'auth.inactive':
    'Your member account has been deactivated. If you are still part of the working group, please ask an administrator to reactivate it.',
  'auth.not_your_task':
    'Task {code} is not assigned to unit {unit} (as lead or coordinating unit), so you cannot report on it. Type /da06 tasks to see your unit’s tasks.',
  'auth.admin_only':
    'Only administrators can use this command, because it changes the plan, the unit directory or the member list. Please contact an administrator if a change is needed.',
  'auth.chair_only':
    'Only the chair, vice-chairs and administrators can do this, because it concerns the whole working group. You can still see your unit’s progress with /da06 summary.',

  // Reports ----------------------------------------------------------------------------------------
  'report.unknown_task': 'No task has the code "{code}". Type /da06 tasks to see your unit’s task codes.',
  'report.period_closed':
    'The reporting period {period} was closed on {closedOn}, so its reports can no longer be added or changed. Please report in the current period; to correct past figures, contact the chair.',
  'report.period_not_started':
    'The reporting period {period} has not started yet, so it takes no reports. Please report for the current period.',
  'report.saved': 'Report recorded for task {code}, {period}: {status}, {percent}%.',
  'report.updated': 'Report updated for task {code}, {period} (version {revision}): {status}, {percent}%.',
  'report.late_note':
    'Note: this report was sent after the reporting period ended, so it is recorded as late.',
  'report.no_tasks':
    'Unit {unit} has no task in the plan (as lead or coordinating unit), so there is nothing to report. If this looks wrong, please contact an administrator.',
  'report.form.title': 'Report on task {code} — {period}',
  'report.form.pick': 'Choose the task to report on ({period}):',
  'report.form.new': 'Your unit has not reported on this task in this period; this is a new report.',
  'report.form.current': 'Your unit’s current report (updated {date}, reported by {member}):',
  'report.form.errors': 'Please correct the following:',
  'report.form.empty_value': '(empty)',
  'report.quick_done_text': 'The unit reports the task as done.',
  'snooze.saved': 'Noted: you will be reminded of task {code} on {until}; the chair will see this request.',
  'snooze.reason_too_long': 'The reason is too long: at most {max} characters.',
  'snooze.invalid_date':
    'The reminder date is not valid: it must be a day after today (YYYY-MM-DD), {max} at the latest.',

  // Tasks ------------------------------------------------------------------------------------------
  'tasks.title': 'Tasks of {unit} — reporting period {period}',
  'tasks.subtitle': 'As of {date} · tasks: {count} · not reported this period: {missing}',
  'tasks.role': 'Your unit’s role: {role}',
  'tasks.lead_units': 'Lead units: {units}',
  'tasks.deadline': 'Deadline: {deadline}',
  'tasks.product': 'Output: {product}',
  'tasks.latest': 'Latest report ({period}): {status}, {percent}% — {member}, {date}',
  'tasks.latest_late': '(late report)',
  'tasks.no_report': 'No report yet',
  'tasks.not_reported_mark': 'Not reported for {period}',
  'tasks.footer': 'To report: /da06 report <task code>',
  'tasks.none': 'Your unit currently has no task in the plan.',

  // Summaries --------------------------------------------------------------------------------------
  'summary.title': 'Progress summary, {period} — {scope}',
  'summary.scope_group': 'whole working group',
  'summary.scope_unit': 'unit {unit}',
  'summary.as_of': 'As of {date} · tasks: {count}',
  'summary.empty': 'There is no task within the scope of this summary for this period.',
  'summary.totals': 'Overall',
  'summary.late_reports': 'Late reports: {count}',
  'summary.by_unit': 'By unit',
  'summary.col.unit': 'Unit',
  'summary.col.name': 'Name',
  'summary.col.lead': 'Lead',
  'summary.col.reported': 'Reported',
  'summary.col.done': 'Done',
  'summary.col.in_progress': 'In progress',
  'summary.col.blocked': 'Blocked',
  'summary.col.not_started': 'Not started',
  'summary.col.overdue': 'Overdue',
  'summary.units_legend': 'Lead: tasks the unit leads; Reported: reported this period.',
  'summary.overdue': 'Overdue tasks ({count})',
  'summary.overdue_none': 'No task is overdue.',
  'summary.blockers': 'Blockers and requests ({count})',
  'summary.blockers_none': 'No blockers or requests.',
  'summary.blocker_more': '… (full text: /da06 report {code})',
  'summary.not_reported': 'Units that have not reported ({count})',
  'summary.not_reported_none': 'Every unit has reported.',
  'summary.change': 'Compared with the previous period ({period})',
  'summary.newly_done': 'Completed in this period ({count}):',
  // The terminal's per-unit table, local offices folded (issue 17, item 7)
  'summary.local_folded': 'Provincial and regional offices {label}: {count} units ({codes})',
  'summary.local.overdue': 'with overdue tasks',
  'summary.local.blocked': 'with blockers',
  'summary.local.missing': 'with reports missing',
  'summary.local.ok': 'fully reported',
  'summary.all_units_hint': 'Every unit on its own line: /da06 summary --all-units.',
  'summary.more_units': '… and {count} more units',
  'summary.more_tasks': '… and {count} more tasks',
  'summary.unresolved': 'Tasks with unit names not in the directory ({count})',
  'summary.unresolved_lead': 'lead "{name}"',
  'summary.unresolved_coordinating': 'coordinating "{name}"',
  'summary.unresolved_mark': '"{name}" (not mapped)',
  'summary.unresolved_hint':
    'These names are not linked to any unit in the directory, so nobody is reminded. An admin links a name with: da06 units alias "NAME" CODE',

  // Overdue ----------------------------------------------------------------------------------------
  'overdue.title': 'Overdue tasks as of {date}',
  'overdue.none': 'No task is overdue.',
  'overdue.days': 'days overdue: {days} (due {date})',
  'overdue.lead_units': 'lead: {units}',

  // Meetings ---------------------------------------------------------------------------------------
  'meeting.title': 'Working group meeting',
  'meeting.when': 'When: {when}',
  'meeting.place': 'Where: {place}',
  'meeting.agenda': 'Agenda: {agenda}',
  'meeting.note': 'Note: {note}',
  'meeting.none_scheduled':
    'No next meeting is scheduled yet. The working group will announce it as soon as it is set.',

  // Reminders from the scheduler ------------------------------------------------------------------
  'reminder.meeting.title': 'Working group meeting reminder',
  'reminder.meeting.intro': 'A reminder of the coming working group meeting:',
  'reminder.round_open.title': 'Progress reporting for {period} is open',
  'reminder.round_open.intro':
    'Please update the progress of the tasks below so it can be summarized before the meeting.',
  'reminder.round_reminder.title': 'Reminder: progress report for {period}',
  'reminder.round_reminder.intro':
    'Your unit has not reported on the tasks below yet. Please update them soon.',
  'reminder.overdue_nudge.title': 'Overdue tasks',
  'reminder.overdue_nudge.intro':
    'The tasks below are past their deadline. Please update their progress, or describe the blockers so the working group can help.',
  'reminder.overdue_escalation.title': 'For the chair: tasks overdue for a long time',
  'reminder.overdue_escalation.intro':
    'The tasks below have been overdue for many days and their lead units have not reported them done.',
  'reminder.overdue_digest.title': 'Overdue tasks digest',
  'reminder.overdue_digest.intro': 'Tasks of the working group that are overdue:',
  'reminder.unreachable_unit.title': 'Units that received no reminder',
  'reminder.unreachable_unit.intro':
    'The assistant could not remind the units below because none of their members can be reached. Please add members to these units or link their accounts.',
  'reminder.undeliverable.title': 'Messages not delivered',
  'reminder.undeliverable.intro': 'The assistant could not deliver messages to the members below:',
  'reminder.snoozed': 'The unit asked to be reminded on {until}',
  'reminder.snoozed_reason': 'The unit asked to be reminded on {until}, reason: {reason}',
  'reminder.units': 'Units concerned:',
  'reminder.people': 'Members concerned:',

  // Help -------------------------------------------------------------------------------------------
  'help.title': 'Commands of the Đề án 06 assistant',
  'help.viewer': 'You are using it as: {name} ({unit}, {role})',
  'help.cmd.tasks': '/da06 tasks — Your unit’s tasks, deadlines and reporting status.',
  'help.cmd.report': '/da06 report [task code] — Report progress on a task for the current period.',
  'help.cmd.summary': '/da06 summary [period] — Progress summary, for example: /da06 summary 2024-06.',
  'help.cmd.overdue': '/da06 overdue — Tasks past their deadline.',
  'help.cmd.meeting': '/da06 meeting — The next working group meeting.',
  'help.cmd.leave':
    '/da06 leave <from> <until> — Record your leave: meanwhile the bot asks others in your unit.',
  'help.aliases': 'also: {aliases}',
  'help.chair_title': 'For the chair and vice-chairs:',
  'help.cmd.meeting_set':
    '/da06 meeting set <rule> — Set the monthly meeting, e.g. ngày 25 09:00 or "first Monday 14:00"; meeting move|cancel moves or cancels one meeting.',
  'help.cmd.export':
    '/da06 export [period] [docx|xlsx|csv] — Export the periodic report draft (with a chart).',
  'help.cmd.scoreboard':
    "/da06 scoreboard [period] — The units' emulation ranking, with the rule that produced it.",
  'help.cmd.remind': '/da06 remind now — Send the reminders that are due now.',
  'help.cmd.help': '/da06 help — Show this help.',
  'help.cmd.as': '/da06 as <full name> — Act as another member (terminal only).',
  'help.admin_title': 'Members (administrators only):',
  'help.cmd.members_add':
    '/da06 members add --name "Full name" --unit UNIT_CODE [--role member|vice-chair|chair|admin] [--slack …|--teams …|--terminal …] — Add a member.',
  'help.cmd.members_link':
    '/da06 members link <name|id> --slack …|--teams …|--terminal … — Link a member to an account.',
  'help.cmd.members_role':
    '/da06 members role <name|id> member|vice-chair|chair|admin — Change a member’s role.',
  'help.cmd.members_deactivate':
    '/da06 members deactivate <name|id> — Deactivate a member (their report history is kept).',
  'help.cmd.units': '/da06 units [date] — The unit directory as it stood on a date (default today).',
  'units.directory':
    'Unit directory on {date}: {count} units ({central} central, {regional} regional, {provincial} provincial offices).\n{list}',
  'units.bad_date': 'Not a date: "{text}". For example: /da06 units 2025-04-01 or /da06 units 01/04/2025',
  'help.cmd.members_list': '/da06 members list — List the members.',

  // Members ----------------------------------------------------------------------------------------
  'members.title': 'Working group members ({count})',
  'members.none': 'There are no members yet.',
  'members.col.id': 'ID',
  'members.col.name': 'Name',
  'members.col.unit': 'Unit',
  'members.col.role': 'Role',
  'members.col.accounts': 'Accounts',
  'members.inactive': 'deactivated',
  'members.added': 'Added {name} ({unit}, {role}) to the working group.',
  'members.linked': 'Linked {name} to the account {account}.',
  'members.role_changed': 'The role of {name} is now {role}.',
  'members.reactivated': 'Member {name} is active again.',
  'members.deactivated': 'Deactivated {name}; their report history is kept.',
  'members.usage':
    'The command is not written correctly. Usage:\n/da06 members list\n/da06 members add --name "Full name" --unit UNIT_CODE [--role member|vice-chair|chair|admin] [--slack …|--teams …|--terminal …] [--email …] [--locale vi|en]\n/da06 members link <name|id> --slack …|--teams …|--terminal …\n/da06 members role <name|id> member|vice-chair|chair|admin\n/da06 members deactivate <name|id>\n/da06 members reactivate <name|id>',
  'members.error.member_not_found': 'No member matches "{detail}". See the list with /da06 members list.',
  'members.error.member_ambiguous':
    'Several members match "{detail}". Please write the full name or use the member ID (see /da06 members list).',
  'members.error.duplicate_name':
    'A member named "{detail}" already exists. If this is someone else, add a detail to tell them apart (e.g. their unit in brackets); if it is a deactivated member, use /da06 members reactivate.',
  'members.error.unknown_unit':
    'No unit has the code given. See the unit directory with da06 units list on the server.',
  'members.error.identity_taken':
    'This account is already linked to another member. Check with /da06 members list.',

  // Commands and the terminal ------------------------------------------------------------------------
  'command.unknown': 'There is no command "{command}". Type /da06 help to see the commands.',
  'command.unknown_suggest': 'There is no command "{command}". Did you mean: {suggestion}?',
  'terminal.welcome': 'Hello {name} ({unit}, {role})! Type /da06 help to see the commands, exit to quit.',
  'terminal.switched': 'Now acting as {name} ({unit}, {role}).',
  'terminal.member_not_found': 'No member named "{name}". Choices: {choices}.',
  'terminal.error':
    'Sorry, something went wrong while handling this command. You can type another one; if it keeps failing, tell an administrator.',
  'terminal.bye': 'Goodbye!',
  'terminal.file_saved': 'Saved: {paths}',
  'terminal.to_member': '── Message to {name} ──',
  'terminal.to_group': "── Message to the working group's channel ──",

  // The terminal report form -----------------------------------------------------------------------
  'form.prompt.task': 'Type the code of the task to report on:',
  'form.prompt.status': 'Status ({choices}), choose 1 to 4',
  'form.prompt.percent': 'Completion (0 to 100%)',
  'form.prompt.done': 'Work done in this period',
  'form.prompt.blockers': 'Blockers and requests (optional)',
  'form.prompt.evidence': 'Link to evidence (optional)',
  'form.prompt.keep': '(Enter: keep "{value}"; -: clear)',
  'form.confirm': 'Press Enter (or y) to send, type the number of an answer to change it, or "cancel":',
  // The forgiving terminal form (issue 17, item 3)
  'form.intro':
    'Answer each question. Enter: keep the value shown; "-": clear it; "cancel" or Ctrl-C: leave without saving.',
  'form.review': 'The report for {period} will be sent as follows:',
  'form.confirm_hint': 'Press Enter to send, type a number from 1 to {max} to change an answer, or "cancel".',
  'form.task_hint': 'There is no task "{code}" in your unit\'s list. Type one of: {codes} (or "cancel").',
  'form.prompt.period': 'Which month is this report for? {choices} (Enter: {keep})',
  'form.period_hint': 'Type a number from 1 to {max} to choose the month, or Enter to keep the one chosen.',
  'form.clear_hint': 'Type the new text, or "-" to leave this empty.',
  'form.prompt.evidence_files':
    'Evidence files on this machine: paths separated by ; (PDF, DOCX, XLSX, PNG, JPEG, at most 20 MB; press Enter to skip)',
  'terminal.not_a_file': 'not a file',
  'form.invalid_choice': 'That choice is not valid; please try again.',
  'form.cancelled': 'Cancelled; the report was not saved.',

  // Errors a person can fix (AppError codes, src/domain/errors.ts) -----------------------------------
  'error.internal':
    'The assistant hit an internal error, so the request was not carried out. Please try again in a few minutes; if it keeps failing, tell an administrator.',
  'error.unit.unknown': 'There is no unit with the code "{unit}". See the list: da06 units list',
  'error.unit.alias_taken': 'The name "{alias}" is already used for the unit {owner}.',
  'error.member.identity_taken': 'The account "{account}" is already linked to another member.',
  'error.member.not_found': 'No member matches "{member}". See the list with /da06 members list.',
  'error.member.ambiguous':
    'Several members match "{member}". Please write the full name or use the member ID (see /da06 members list).',
  'error.member.duplicate_name':
    'A member named "{member}" already exists (unit {unit}). If this is someone else, add a detail to tell them apart, e.g. "{member} ({unit})"; if it is a deactivated member, use members reactivate.',
  'error.database.unavailable':
    'Could not open the database {target} after {attempts} attempts: {reason}\nCheck DATABASE_URL and the database server, then run again.',
  'error.database.url_scheme':
    'DATABASE_URL of the form "{scheme}:" is not supported (use file:… for SQLite or postgresql://… for PostgreSQL).',
  'error.unit.change_refused': 'The unit change was refused: {reason}',
  'error.unit_directory.duplicate_code': 'Unit directory: the code "{code}" appears twice.',
  'error.unit_directory.alias_clash':
    'Unit directory: the name "{alias}" is used for both units "{first}" and "{second}".',
  'error.unit_directory.missing_column': 'Unit directory: the header row has no column "{column}".',
  'error.unit_directory.missing_code_or_name': 'Unit directory, line {line}: a unit code or name is missing.',
  'error.unit_directory.bad_kind':
    'Unit directory, line {line}: the kind "{kind}" is not valid (only central, provincial, group).',

  // Evidence files ----------------------------------------------------------------------------------------
  'error.evidence.too_large':
    'The file "{name}" is larger than {limitMb} MB and was not taken. The report is saved.',
  'error.evidence.type_refused':
    'The file "{name}" is not a PDF, DOCX, XLSX, PNG or JPEG (checked by its content, not only its extension) and was not taken. The report is saved.',
  'error.evidence.name_refused':
    'The file name "{name}" is not allowed (no paths such as "../" or "/"). The report is saved.',
  'error.evidence.store_unavailable':
    'The evidence store is not answering, so the file "{name}" was not taken ({reason}). The report is saved without this file; please send the file again in a few minutes.',
  'error.evidence.unreadable': 'Could not read the file "{name}" ({reason}). The report is saved.',
  'error.evidence.no_report': 'Task {task} has no report from your unit to attach evidence to yet.',
  'evidence.saved': 'Saved {count} evidence file(s): {names}.',
  'evidence.heading': 'Evidence files',
  'evidence.line': '{name} ({size}, SHA-256 {hash}…), sent by {who} at {when}',
  'evidence.list': 'Evidence files{scope}:\n{lines}',
  'evidence.list_scope': ' of task {task}',
  'evidence.task_line': '• Task {task} — {unit}, {period} (report revision {revision}): {file}',
  'evidence.none': 'No evidence files yet{scope}.',
  'help.cmd.evidence':
    '/da06 evidence [task] — Evidence files sent with reports (attach them in the report form); /da06 meeting ics — the giao ban invitation (.ics).',
  // Four deadline buckets (issue 19, src/domain/deadline-buckets.ts) ----------------------------
  'buckets.title': 'Progress against deadlines',
  'buckets.in_period': 'Due in the period',
  'buckets.cumulative': 'Since the plan began',
  'buckets.done_on_time': 'Done on time',
  'buckets.done_late': 'Done late',
  'buckets.open_in_time': 'Not done, still in time',
  'buckets.open_overdue': 'Not done, overdue',
  'buckets.short.done_on_time': 'On time',
  'buckets.short.done_late': 'Late',
  'buckets.short.open_in_time': 'In time',
  'buckets.short.open_overdue': 'Overdue',
  'buckets.by_unit': 'By unit (since the plan began)',
  'buckets.undated': '{count} tasks without a deadline (ongoing, conditional, unclear).',
  'buckets.legend':
    'Counted per deadline: a yearly duty has one deadline a year; on time when every lead unit reported it done on or before its last day.',
  'reports.buckets.title': 'Progress against deadlines (since the plan began, as of {date})',
  'reports.buckets.total': 'Total',
  'reports.buckets.sheet': 'Deadlines',
  // The reminder letter (issue 19, src/app/use-cases/reminder-letter.ts)
  'letter.nothing_overdue': 'Unit {unit} leads no overdue task as of {date}: no reminder letter drafted.',
  'letter.nothing_overdue_all': 'No unit leads an overdue task as of {date}: no reminder letter drafted.',
  'letter.caption':
    'Draft reminder letter to {count} units ({units}), as of {date}. The number is left blank for the records office.',
  'letter.offer': 'Draft a reminder letter to the units: /da06 letter {units} (or /da06 letter all).',
  // The nudge ladder (issue 19, src/scheduler/jobs/overdue-nudge.ts)
  'nudge.changes': 'Since the last reminder ({date}): {details}.',
  'nudge.changes.new': 'newly overdue: {codes}',
  'nudge.changes.done': 'reported done: {codes}',
  'nudge.changes.none': 'Since the last reminder ({date}): no change, the tasks below are still overdue.',
  'help.cmd.letter':
    '/da06 letter [unit|all] [period] — Draft the reminder letter (DOCX) to units with overdue tasks.',
  // Web dashboard (issue 18) --------------------------------------------------------------------------
  'web.link':
    'Your sign-in link to the dashboard (single use, expires in {minutes} minutes, do not share it): {url}',
  'web.not_your_unit':
    'You can only see your own unit’s page ({unit}). The chair, vice-chairs and administrators see every unit.',
  'web.not_your_task': 'This task is not assigned to unit {unit}, so you cannot see its reports.',
  'web.not_found': 'This item was not found.',
  'error.web.upload_type':
    'The file "{file}" is not CSV, XLSX or DOCX. Please save the plan in one of these formats and upload it again.',
  'error.web.upload_too_large':
    'The file "{file}" is larger than the limit of {max} bytes (PLAN_IMPORT_MAX_BYTES). Nothing was imported.',
  'error.web.preview_expired':
    'This plan preview has expired (not confirmed within a day) or was already confirmed. Nothing was imported; please upload the file again.',
  'web.plan_imported': 'Imported plan {number}: {created} new tasks, {updated} updated, {closed} closed.',
  'error.web.not_configured':
    'The web dashboard is not enabled: an administrator needs to set PUBLIC_URL (the address browsers use to reach the assistant).',
  'error.web.link_invalid':
    'This sign-in link is not valid. Type /da06 web in your chat with the assistant to get a new one.',
  'error.web.link_used':
    'This sign-in link has already been used. Each link works once; type /da06 web to get a new one.',
  'error.web.link_expired':
    'This sign-in link has expired (links last 10 minutes). Type /da06 web to get a new one.',
  'error.web.member_inactive':
    'The member account {member} has been deactivated, so it cannot sign in to the dashboard. Please contact an administrator.',
};
