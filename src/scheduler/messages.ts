/**
 * The scheduler's sentences live in src/i18n/scheduler-text.ts, where the chat use cases of
 * src/app/use-cases read them too; the scheduler's files keep importing them from here.
 */
export { dayOffText, movedNote } from '../i18n/scheduler-text.ts';
