/**
 * CSV files: the report's flat table (one row per task of the period as a whole) and the scoreboard.
 * UTF-8 with a byte-order mark so Excel opens Vietnamese correctly; RFC 4180 quoting, CRLF rows;
 * a unit's words keep their line breaks inside the quoted cell.
 *
 * The separator follows the document's language, as Excel does when it opens a file: Vietnamese
 * Windows lists with ";" (its decimal mark is ","), English with ",". Cells are guarded against
 * formula injection by OWASP's rules for either separator (see `csvCell`).
 */
import type { Locale } from '../domain/roles.ts';
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
  return csvFile([CSV_COLUMNS.map((c) => t(locale, `reports.col.${c}`)), ...rows], csvSeparator(locale));
}

export type CsvSeparator = ',' | ';';

/** The list separator Excel uses for the document's language. */
export function csvSeparator(locale: Locale): CsvSeparator {
  return locale === 'vi' ? ';' : ',';
}

/** Rows as a CSV file: BOM, quoted where needed, CRLF. */
export function csvFile(rows: (string | number | null)[][], separator: CsvSeparator = ','): Buffer {
  const text = rows.map((row) => row.map((value) => csvCell(value, separator)).join(separator)).join('\r\n');
  return Buffer.from(`${BOM}${text}\r\n`, 'utf8');
}

/** What starts a formula in a spreadsheet: = + - @, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A formula start right after either separator (and any spaces): where a reader splitting on the
 * other separator would begin a new cell. */
const FORMULA_AFTER_SEPARATOR = /([,;])( *)(?=[=+\-@\t\r])/g;

/**
 * One cell, guarded against CSV formula injection by OWASP's rules for both separators: a text that
 * starts like a formula ("=1+1", "- Đã hoàn thành…") gets a leading apostrophe, and so does every
 * part after a "," or ";" that would start one (`x;=cmd|…` opened where ";" separates); a text with
 * either separator, a quote, a line break or edge spaces is quoted whole.
 */
export function csvCell(value: string | number | null, separator: CsvSeparator = ','): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const guarded = (FORMULA_START.test(value) ? `'${value}` : value).replace(FORMULA_AFTER_SEPARATOR, "$1$2'");
  const quote = /[",;\r\n]/.test(guarded) || guarded.includes(separator) || /^\s|\s$/.test(guarded);
  return quote ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}
