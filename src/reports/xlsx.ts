/**
 * The XLSX of a period's report: the appendix table on one sheet per period, with a title, the
 * header frozen and an autofilter; a half-year or a year gets a summary sheet (the period as a whole)
 * and one sheet per month. Members' words are kept whole; a cell holds at most 32,767 characters in
 * Excel, so longer words continue on rows marked "(tiếp)".
 */
import ExcelJS from 'exceljs';
import type { ReportPeriodData } from '../domain/report-period-data.ts';
import type { Locale } from '../domain/roles.ts';
import { formatDate, periodLabel, t } from '../i18n/index.ts';
import { addBucketsSheet } from './buckets.ts';
import { monthSheetName, upper } from './i18n.ts';
import { type ReportDocument, type TableRow, tableRows } from './model.ts';

/** Excel's limit for one cell. */
export const EXCEL_CELL_MAX = 32_767;

export const REPORT_COLUMNS = [
  { key: 'tt', width: 6 },
  { key: 'section', width: 28 },
  { key: 'content', width: 60 },
  { key: 'lead', width: 24 },
  { key: 'deadline', width: 18 },
  { key: 'standing', width: 16 },
  { key: 'percent', width: 10 },
  { key: 'overdue_days', width: 12 },
  { key: 'words', width: 90 },
] as const;

/** Where the table's header row is on every sheet. */
export const HEADER_ROW = 4;

export async function renderReportXlsx(doc: ReportDocument): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'da06-bot';
  book.title = t(doc.locale, 'reports.doc.title', { period: periodLabel(doc.locale, doc.data.period) });
  if (doc.data.period.kind === 'month') {
    addSheet(book, monthSheetName(doc.locale, doc.data.period), doc.data, doc.locale);
  } else {
    addSheet(book, t(doc.locale, 'reports.sheet.summary'), doc.data, doc.locale);
    for (const month of doc.months)
      addSheet(book, monthSheetName(doc.locale, month.period), month, doc.locale);
  }
  if (doc.buckets) addBucketsSheet(book, doc.buckets, doc.locale);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function addSheet(book: ExcelJS.Workbook, name: string, data: ReportPeriodData, locale: Locale): void {
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = REPORT_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const last = REPORT_COLUMNS.length;

  sheet.getCell(1, 1).value = t(locale, 'reports.sheet.title', {
    period: upper(periodLabel(locale, data.period)),
  });
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, last);
  sheet.getCell(2, 1).value = t(locale, 'reports.sheet.as_of', { date: formatDate(locale, data.asOf) });
  sheet.getCell(2, 1).font = { italic: true };
  sheet.mergeCells(2, 1, 2, last);
  if (!data.hasReports) {
    sheet.getCell(3, 1).value = t(locale, 'reports.sheet.no_reports', {
      period: periodLabel(locale, data.period),
    });
    sheet.getCell(3, 1).font = { bold: true, color: { argb: 'FFC62828' } };
    sheet.mergeCells(3, 1, 3, last);
  }

  const header = sheet.getRow(HEADER_ROW);
  header.values = REPORT_COLUMNS.map((c) => t(locale, `reports.col.${c.key}`));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = thin();
  });

  let rowNumber = HEADER_ROW;
  for (const row of tableRows(data, locale)) {
    for (const [i, words] of splitWords(row.words).entries()) {
      rowNumber++;
      const values = cells(row, words, i > 0, locale);
      const excelRow = sheet.getRow(rowNumber);
      excelRow.values = values;
      excelRow.alignment = { vertical: 'top', wrapText: true };
      excelRow.eachCell({ includeEmpty: true }, (cell) => {
        cell.border = thin();
      });
    }
  }
  sheet.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: Math.max(rowNumber, HEADER_ROW), column: last },
  };
}

function cells(row: TableRow, words: string, continued: boolean, locale: Locale): (string | number | null)[] {
  const mark = continued ? ` ${t(locale, 'reports.cell.continued')}` : '';
  return [
    `${row.tt}${mark}`,
    row.section,
    continued ? '' : row.content,
    row.lead,
    row.deadline,
    row.standing,
    row.percent,
    row.daysOverdue,
    words,
  ];
}

/** The words of one task in cells of at most EXCEL_CELL_MAX characters, whole entries kept together when they fit. */
export function splitWords(words: string[], max = EXCEL_CELL_MAX): string[] {
  const cells: string[] = [];
  let current = '';
  const push = () => {
    cells.push(current);
    current = '';
  };
  for (const word of words) {
    const joined = current === '' ? word : `${current}\n${word}`;
    if (joined.length <= max) {
      current = joined;
      continue;
    }
    if (current !== '') push();
    let rest = word;
    while (rest.length > max) {
      cells.push(rest.slice(0, max));
      rest = rest.slice(max);
    }
    current = rest;
  }
  if (current !== '' || cells.length === 0) push();
  return cells;
}

function thin(): Partial<ExcelJS.Borders> {
  const side = { style: 'thin' as const, color: { argb: 'FFBDBDBD' } };
  return { top: side, left: side, bottom: side, right: side };
}
