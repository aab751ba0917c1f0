import { roundJob } from './shared.ts';

/** The reporting round opens: each lead unit gets its tasks not done yet, with the report buttons. */
export const roundOpenJob = roundJob(
  'round-open',
  'ROUND_OPEN_DAYS_BEFORE days before each meeting, at OVERDUE_CHECK_AT',
  (standing) => standing !== 'done',
);
