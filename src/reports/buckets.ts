/**
 * The four deadline buckets (src/domain/deadline-buckets.ts) in the report files: a table in the
 * DOCX report's section I (per unit, cumulative since the plan began, with the period's totals and
 * the group's), and a sheet of its own in the XLSX.
 */
import {
  AlignmentType,
  convertMillimetersToTwip,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type ExcelJS from 'exceljs';
import { BUCKETS, type BucketCounts, type BucketsResult, totalOf } from '../domain/deadline-buckets.ts';
import type { Locale } from '../domain/roles.ts';
import { formatDate, t } from '../i18n/index.ts';

export interface ReportBuckets {
  period: BucketsResult;
  cumulative: BucketsResult;
}

const FONT_SIZE = 24; // 12 pt in half-points
const TEXT_WIDTH = convertMillimetersToTwip(210 - 30 - 15);

/** The rows of the bucket table: each unit (cumulative), the group's cumulative, the period's. */
export function bucketTableRows(buckets: ReportBuckets, locale: Locale): string[][] {
  const counts = (c: BucketCounts) => [...BUCKETS.map((b) => String(c[b])), String(totalOf(c))];
  return [
    [
      t(locale, 'summary.col.unit'),
      ...BUCKETS.map((b) => t(locale, `buckets.${b}`)),
      t(locale, 'reports.buckets.total'),
    ],
    ...buckets.cumulative.units.map((u) => [
      u.name && u.name !== u.code ? `${u.name} (${u.code})` : u.code,
      ...counts(u.counts),
    ]),
    [t(locale, 'buckets.cumulative'), ...counts(buckets.cumulative.overall)],
    [t(locale, 'buckets.in_period'), ...counts(buckets.period.overall)],
  ];
}

/** Title paragraph, the table, and the counting note, for section I of the DOCX report. */
export function bucketsDocx(buckets: ReportBuckets, locale: Locale): (Paragraph | Table)[] {
  const rows = bucketTableRows(buckets, locale);
  const first = Math.floor(TEXT_WIDTH * 0.34);
  const rest = Math.floor((TEXT_WIDTH - first) / (rows[0]!.length - 1));
  const widths = [first, ...rows[0]!.slice(1).map(() => rest)];
  const bold = (r: number) => r === 0 || r >= rows.length - 2;
  const table = new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          children: cells.map(
            (value, i) =>
              new TableCell({
                width: { size: widths[i]!, type: WidthType.DXA },
                verticalAlign: VerticalAlign.CENTER,
                margins: { left: 80, right: 80, top: 40, bottom: 40 },
                children: [
                  new Paragraph({
                    alignment: i === 0 ? AlignmentType.LEFT : AlignmentType.CENTER,
                    children: [new TextRun({ text: value, bold: bold(r), size: FONT_SIZE })],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
  const note = (text: string) =>
    new Paragraph({
      children: [new TextRun({ text, italics: true, size: FONT_SIZE })],
      alignment: AlignmentType.JUSTIFIED,
      spacing: { before: 60 },
    });
  const asOf = formatDate(locale, buckets.cumulative.asOf);
  return [
    new Paragraph({
      children: [new TextRun({ text: t(locale, 'reports.buckets.title', { date: asOf }), bold: true })],
      spacing: { before: 160, after: 80 },
      keepNext: true,
    }),
    table,
    note(t(locale, 'buckets.legend')),
    ...(buckets.cumulative.undated > 0
      ? [note(t(locale, 'buckets.undated', { count: buckets.cumulative.undated }))]
      : []),
  ];
}

/** A sheet "Tiến độ theo thời hạn" with the same table. */
export function addBucketsSheet(book: ExcelJS.Workbook, buckets: ReportBuckets, locale: Locale): void {
  const sheet = book.addWorksheet(t(locale, 'reports.buckets.sheet'));
  const rows = bucketTableRows(buckets, locale);
  sheet.columns = rows[0]!.map((_, i) => ({ width: i === 0 ? 48 : 18 }));
  sheet.getCell(1, 1).value = t(locale, 'reports.buckets.title', {
    date: formatDate(locale, buckets.cumulative.asOf),
  });
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  rows.forEach((cells, r) => {
    const row = sheet.getRow(r + 3);
    cells.forEach((value, i) => {
      row.getCell(i + 1).value = i === 0 || r === 0 ? value : Number(value);
    });
    if (r === 0 || r >= rows.length - 2) row.font = { bold: true };
  });
  sheet.getCell(rows.length + 4, 1).value = t(locale, 'buckets.legend');
}
