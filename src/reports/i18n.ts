/**
 * Wording for the report files: helpers over the one lookup `t` of src/i18n (which merges the
 * `reports.` catalogs with the others) and the date and period formats of src/i18n.
 */
import type { Deadline } from '../domain/deadline.ts';
import type { Period } from '../domain/period.ts';
import type { Locale } from '../domain/roles.ts';
import { MONTH_NAMES_EN, t } from '../i18n/index.ts';

/** Upper case as Vietnamese writes it ("tháng 7/2024" → "THÁNG 7/2024"). */
export function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}

/**
 * Place and date under the national motto. Vietnamese follows Nghị định 30/2020/NĐ-CP: days below
 * 10 and the months January and February take a leading zero ("ngày 05 tháng 7", "tháng 02").
 */
export function placeDate(locale: Locale, day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return t(locale, 'reports.doc.place_date', {
    place: t(locale, 'reports.doc.place'),
    day: locale === 'vi' ? String(date).padStart(2, '0') : String(date),
    month: month <= 2 ? String(month).padStart(2, '0') : String(month),
    monthName: MONTH_NAMES_EN[month - 1]!,
    year,
  });
}

/** The plan's own wording of a deadline ("Tháng 02/2024"), or "Không ghi thời hạn". */
export function deadlineText(locale: Locale, deadline: Deadline): string {
  const text = deadline.text.trim();
  return text === '' ? t(locale, 'deadline.missing') : text;
}

/** "Tháng 06-2024" for sheet names (no "/" allowed there). */
export function monthSheetName(locale: Locale, period: Period): string {
  return t(locale, 'reports.sheet.month', {
    month: String(period.index).padStart(2, '0'),
    year: period.year,
  });
}
