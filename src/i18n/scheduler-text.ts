/**
 * The scheduler's own sentences (src/i18n/scheduler.*.ts, merged into the one lookup `t`): notes it
 * writes on meetings and reminders, and its answers to the chair. The chat use cases of
 * src/app/use-cases read them too.
 */
import type { Locale } from '../domain/roles.ts';
import type { DayOffReason } from '../domain/working-days.ts';
import { formatDate, t } from './index.ts';

/** Why a day is off, in words: "thứ Bảy", "Tết Nguyên Đán", an admin's note. */
export function dayOffText(locale: Locale, reason: DayOffReason): string {
  switch (reason.kind) {
    case 'weekend':
      return t(locale, reason.weekday === 6 ? 'scheduler.reason.saturday' : 'scheduler.reason.sunday');
    case 'holiday':
    case 'official':
      return reason.name;
    case 'extra':
      return reason.note?.trim() || t(locale, 'scheduler.reason.extra');
  }
}

/** "Ngày 10/02/2024 là ngày nghỉ (Tết Nguyên Đán) nên chuyển sang ngày 15/02/2024." */
export function movedNote(
  locale: Locale,
  key: 'scheduler.note.moved' | 'scheduler.note.reminder_moved',
  from: string,
  reason: DayOffReason,
  to: string,
): string {
  return t(locale, key, {
    from: formatDate(locale, from),
    reason: dayOffText(locale, reason),
    to: formatDate(locale, to),
  });
}
