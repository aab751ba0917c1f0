/**
 * The scheduler's own sentences (src/i18n/scheduler.*.ts): notes it writes on meetings and reminders,
 * and its answers to the chair. Read here directly, so they work before src/i18n/index.ts merges
 * these catalogs; once merged, channels render the same keys through `t`.
 */
import type { Locale } from '../domain/roles.ts';
import type { DayOffReason } from '../domain/working-days.ts';
import { formatDate, interpolate, type MessageParams, t } from './index.ts';
import { schedulerEn } from './scheduler.en.ts';
import { type SchedulerMessageKey, schedulerVi } from './scheduler.vi.ts';

const CATALOGS: Record<Locale, Readonly<Record<SchedulerMessageKey, string>>> = {
  vi: schedulerVi,
  en: schedulerEn,
};

export function isSchedulerKey(key: string): key is SchedulerMessageKey {
  return Object.hasOwn(schedulerVi, key);
}

/** A scheduler message (or, for other keys, a shared one) in `locale` with its placeholders filled. */
export function schedulerText(locale: Locale, key: string, params?: MessageParams): string {
  if (!isSchedulerKey(key)) return t(locale, key, params);
  const template = CATALOGS[locale][key];
  return params ? interpolate(template, params) : template;
}

/** Why a day is off, in words: "thứ Bảy", "Tết Nguyên Đán", an admin's note. */
export function dayOffText(locale: Locale, reason: DayOffReason): string {
  switch (reason.kind) {
    case 'weekend':
      return schedulerText(
        locale,
        reason.weekday === 6 ? 'scheduler.reason.saturday' : 'scheduler.reason.sunday',
      );
    case 'holiday':
    case 'official':
      return reason.name;
    case 'extra':
      return reason.note?.trim() || schedulerText(locale, 'scheduler.reason.extra');
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
  return schedulerText(locale, key, {
    from: formatDate(locale, from),
    reason: dayOffText(locale, reason),
    to: formatDate(locale, to),
  });
}
