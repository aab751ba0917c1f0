/**
 * Wording for the reports: the reports catalogs (src/i18n/reports.*.ts) first, then the shared
 * catalogs through `t`. Until src/i18n/index.ts merges the reports catalogs itself, this is where a
 * `reports.` key is found.
 */
import type { Deadline } from '../domain/deadline.ts';
import type { Period } from '../domain/period.ts';
import type { TaskStanding } from '../domain/report.ts';
import type { Locale } from '../domain/roles.ts';
import {
  formatDate,
  formatPercent,
  interpolate,
  type MessageParams,
  periodLabel,
  standingLabel,
  t,
} from '../i18n/index.ts';
import { reportsEn } from '../i18n/reports.en.ts';
import { type ReportsMessageKey, reportsVi } from '../i18n/reports.vi.ts';

export const REPORTS_CATALOGS: Record<Locale, Readonly<Record<ReportsMessageKey, string>>> = {
  vi: reportsVi,
  en: reportsEn,
};

export function isReportsMessageKey(key: string): key is ReportsMessageKey {
  return Object.hasOwn(reportsVi, key);
}

/** A message of either catalog in `locale`, placeholders filled; an unknown key comes back as is. */
export function rt(locale: Locale, key: string, params?: MessageParams): string {
  if (!isReportsMessageKey(key)) return t(locale, key, params);
  const template = REPORTS_CATALOGS[locale][key];
  return params ? interpolate(template, params) : template;
}

/** Upper case as Vietnamese writes it ("tháng 7/2024" → "THÁNG 7/2024"). */
export function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Place and date under the national motto. Vietnamese follows Nghị định 30/2020/NĐ-CP: days below
 * 10 and the months January and February take a leading zero ("ngày 05 tháng 7", "tháng 02").
 */
export function placeDate(locale: Locale, day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return rt(locale, 'reports.doc.place_date', {
    place: rt(locale, 'reports.doc.place'),
    day: locale === 'vi' ? String(date).padStart(2, '0') : String(date),
    month: month <= 2 ? String(month).padStart(2, '0') : String(month),
    monthName: MONTHS_EN[month - 1]!,
    year,
  });
}

export function periodText(locale: Locale, period: Period | string): string {
  return periodLabel(locale, period);
}

export function dateText(locale: Locale, day: string): string {
  return formatDate(locale, day);
}

export function standingText(locale: Locale, standing: TaskStanding): string {
  return standingLabel(locale, standing);
}

export function percentText(locale: Locale, value: number): string {
  return formatPercent(locale, value);
}

/** The plan's own wording of a deadline ("Tháng 02/2024"), or "Không ghi thời hạn". */
export function deadlineText(locale: Locale, deadline: Deadline): string {
  const text = deadline.text.trim();
  return text === '' ? t(locale, 'deadline.missing') : text;
}

/** "Tháng 06-2024" for sheet names (no "/" allowed there). */
export function monthSheetName(locale: Locale, period: Period): string {
  return rt(locale, 'reports.sheet.month', {
    month: String(period.index).padStart(2, '0'),
    year: period.year,
  });
}
