/** English messages of the scheduler: exactly the keys of scheduler.vi.ts (a missing one is a type error). */
import type { SchedulerMessageKey } from './scheduler.vi.ts';

export const schedulerEn: Record<SchedulerMessageKey, string> = {
  // Meeting rule and occurrences ---------------------------------------------------------------------
  'scheduler.meeting.rule_saved': 'Meeting schedule set: {rule}. Next meeting: {when}.',
  'scheduler.meeting.rule_saved_none': 'Meeting schedule set: {rule}.',
  'scheduler.meeting.rule_invalid':
    'Could not read the meeting schedule "{text}". Example: /da06 meeting set day 25 09:00; at Meeting room 1; agenda: Monthly progress review — or "first Monday 14:00", "last Friday 14:00".',
  'scheduler.meeting.time_invalid': 'The meeting time in "{text}" is not valid: write 14:00, 14h or 14h30.',
  'scheduler.meeting.occurrence_invalid':
    'Which month\'s meeting is "{text}"? Give the month of the meeting, e.g. 2024-06 or 06/2024.',
  'scheduler.meeting.when_invalid':
    'Could not read the new time "{text}". Example: /da06 meeting move 2024-06 27/06/2024 14:00 (leave out the time to keep it).',
  'scheduler.meeting.not_found': 'There is no meeting for {period} to change.',
  'scheduler.meeting.in_past': 'A meeting cannot be moved to a time that has passed ({when}).',
  'scheduler.meeting.already_held': 'The meeting for {period} has already taken place and cannot be changed.',
  'scheduler.meeting.moved':
    'The meeting for {period} is moved to {when}. Members will be reminded of the new time.',
  'scheduler.meeting.moved_off_day':
    'The meeting for {period} is moved to {when}. Note: that day is a day off ({reason}).',
  'scheduler.meeting.cancelled':
    'The meeting for {period} is cancelled. Its meeting reminders and reporting round will not be sent.',
  'scheduler.meeting.usage':
    'Usage: /da06 meeting set <schedule> (e.g. day 25 09:00; at Meeting room A) · /da06 meeting move <month> <day> [time] [reason] · /da06 meeting cancel <month> [reason]. Chair, vice-chairs and admins only.',
  'scheduler.meeting.restored': 'The meeting for {period} is back on, at {when}.',

  // Notes on meetings (Meeting.note) and reminders ----------------------------------------------------
  'scheduler.note.moved': '{from} is a day off ({reason}), so it moves to {to}.',
  'scheduler.note.reminder_moved': '{from} is a day off ({reason}), so this is sent earlier, on {to}.',
  'scheduler.note.chair_moved': 'Moved by the chair: {reason}',
  'scheduler.note.chair_moved_plain': 'Moved by the chair.',
  'scheduler.note.cancelled': 'The meeting is cancelled: {reason}',
  'scheduler.note.cancelled_plain': 'The meeting is cancelled.',
  'scheduler.reason.saturday': 'Saturday',
  'scheduler.reason.sunday': 'Sunday',
  'scheduler.reason.extra': 'office day off',

  // People the chair hears about -----------------------------------------------------------------------
  'scheduler.people.on_leave': 'on leave until {until}',
  'scheduler.people.no_account': 'has no account linked on any channel the assistant uses',
  'scheduler.people.inactive': 'no longer an active member',

  // Leave ------------------------------------------------------------------------------------------------
  'scheduler.leave.saved':
    'Leave recorded for {name} from {startsOn} to {endsOn}. Meanwhile the assistant asks the other members of the unit.',
  'scheduler.leave.cleared': 'Leave cleared for {name}.',
  'scheduler.leave.invalid_dates':
    'The leave dates are not valid: give a first and a last day (YYYY-MM-DD or DD/MM/YYYY), the last not before the first and not in the past.',
  'scheduler.leave.usage':
    "Usage: /da06 leave <first day> <last day> (e.g. /da06 leave 2024-06-03 2024-06-05) · /da06 leave clear to remove it. Admins put the member's name first.",
  'scheduler.leave.unknown_member': 'No member "{name}".',
  'scheduler.leave.self_only': 'You can set leave only for yourself; an admin can set it for others.',

  // Remind now ---------------------------------------------------------------------------------------------
  'scheduler.remind.done':
    'Ran the reminders that are due: {planned} new messages planned, {sent} sent, {pending} waiting to be retried.',
  'scheduler.remind.unavailable':
    'The scheduler does not run in this process (SCHEDULER_ENABLED=false), so reminders cannot be sent now.',

  // Meeting invitations (iCalendar) ---------------------------------------------------------------------
  'scheduler.ics.summary': 'Đề án 06 working group giao ban — {period}',
  'scheduler.ics.caption':
    'Invitation to the giao ban of {period}: {when}{place}. Open the .ics file to add it to your calendar (Outlook, Google Calendar).',
  'scheduler.ics.caption_cancelled':
    'The giao ban of {period} is cancelled. Open the .ics file to remove it from your calendar.',
  'scheduler.ics.place': ', at {place}',
  'scheduler.ics.alt': 'Meeting invitation (iCalendar)',
  'scheduler.ics.none': 'There is no coming giao ban to send an invitation for.',
  'scheduler.ics.usage':
    'Usage: /da06 meeting ics [month, e.g. 2024-06]: the giao ban invitation as an .ics file.',
};
