/**
 * CSV files: the report's flat table (one row per task of the period as a whole) and the scoreboard.
 * UTF-8 with a byte-order mark so Excel opens Vietnamese correctly; RFC 4180 quoting, CRLF rows;
 * a unit's words keep their line breaks inside the quoted cell.
 */

import { t } from '../i18n/index.ts';
import { type ReportDocument, tableRows } from './model.ts';

export const BOM = '\uFEFF';

export const CSV_COLUMNS = [
  'period',
  'tt',
  'section',
  'content',
  'lead',
  'deadline',
  'standing',
  'percent',
  'overdue_days',
  'words',
] as const;

export function renderReportCsv(doc: ReportDocument): Buffer {
  const { locale, data } = doc;
  const rows = tableRows(data, locale).map((row) => [
    data.period.key,
    row.tt,
    row.section,
    row.content,
    row.lead,
    row.deadline,
    row.standing,
    row.percent,
    row.daysOverdue,
    row.words.join('\n'),
  ]);
  return csvFile([CSV_COLUMNS.map((c) => t(locale, `reports.col.${c}`)), ...rows]);
}

/** Rows as a CSV file: BOM, quoted where needed, CRLF. */
export function csvFile(rows: (string | number | null)[][]): Buffer {
  const text = rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
  return Buffer.from(`${BOM}${text}\r\n`, 'utf8');
}

/**
 * One cell. Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a CR, as
 * "- Đã hoàn thành…" does) gets a leading apostrophe, the usual guard against CSV formula injection.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
