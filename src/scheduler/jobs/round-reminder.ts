import { roundJob } from './shared.ts';

/** The round's reminders: only to the units that have not reported their tasks yet. */
export const roundReminderJob = roundJob(
  'round-reminder',
  'ROUND_REMINDER_DAYS_BEFORE days before each meeting, at OVERDUE_CHECK_AT, to units that have not reported',
  (standing) => standing === 'not_reported',
);
