/**
 * The emulation scoreboard as files (XLSX with autofilter and frozen header, CSV), always with the
 * rule that produced it written under the ranking. Its words for chat are in src/presentation/scoreboard.ts; the rule and the rates in src/i18n/scoreboard-text.ts.
 */
import type ExcelJS from 'exceljs';
import type { Locale } from '../domain/roles.ts';
import type { Scoreboard, ScoreRow } from '../domain/scoreboard.ts';
import { formatDate, periodLabel, t } from '../i18n/index.ts';
import { rateText, scoreboardRule } from '../i18n/scoreboard-text.ts';
import { csvFile, csvSeparator } from './csv.ts';
import { upper } from './i18n.ts';

const COLUMNS = [
  { key: 'rank', width: 7 },
  { key: 'code', width: 14 },
  { key: 'name', width: 44 },
  { key: 'lead', width: 12 },
  { key: 'done_on_time', width: 14 },
  { key: 'due', width: 12 },
  { key: 'done_rate', width: 14 },
  { key: 'overdue_tasks', width: 12 },
  { key: 'overdue_days', width: 14 },
  { key: 'reports_on_time', width: 12 },
  { key: 'reports_needed', width: 12 },
  { key: 'reporting_rate', width: 14 },
] as const;

export const SCOREBOARD_HEADER_ROW = 4;

function values(row: ScoreRow, locale: Locale): (string | number)[] {
  return [
    row.rank,
    row.code,
    row.name,
    row.lead,
    row.doneOnTime.count,
    row.doneOnTime.of,
    rateText(locale, row.doneOnTime),
    row.overdueTasks,
    row.overdueDays,
    row.reporting.count,
    row.reporting.of,
    rateText(locale, row.reporting),
  ];
}

function headers(locale: Locale): string[] {
  return COLUMNS.map((c) => t(locale, `reports.scoreboard.col.${c.key}`));
}

export async function renderScoreboardXlsx(board: Scoreboard, locale: Locale): Promise<Buffer> {
  // exceljs is imported when a file is asked for: the chat's scoreboard lines above do not need it.
  const { default: Excel } = await import('exceljs');
  const book: ExcelJS.Workbook = new Excel.Workbook();
  book.creator = 'da06-bot';
  const period = periodLabel(locale, board.period);
  const sheet = book.addWorksheet(t(locale, 'reports.scoreboard.sheet'), {
    views: [{ state: 'frozen', ySplit: SCOREBOARD_HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const last = COLUMNS.length;
  sheet.getCell(1, 1).value = upper(t(locale, 'reports.scoreboard.title', { period }));
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, last);
  sheet.getCell(2, 1).value = t(locale, 'reports.scoreboard.as_of', {
    date: formatDate(locale, board.asOf),
    count: board.rows.length,
  });
  sheet.getCell(2, 1).font = { italic: true };
  sheet.mergeCells(2, 1, 2, last);

  const header = sheet.getRow(SCOREBOARD_HEADER_ROW);
  header.values = headers(locale);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 45;
  let rowNumber = SCOREBOARD_HEADER_ROW;
  for (const row of board.rows) {
    rowNumber++;
    sheet.getRow(rowNumber).values = values(row, locale);
  }
  sheet.autoFilter = {
    from: { row: SCOREBOARD_HEADER_ROW, column: 1 },
    to: { row: Math.max(rowNumber, SCOREBOARD_HEADER_ROW), column: last },
  };
  const ruleRow = rowNumber + 2;
  const rule =
    board.rows.length === 0 ? t(locale, 'reports.scoreboard.empty') : scoreboardRule(locale, board);
  sheet.getCell(ruleRow, 1).value = rule;
  sheet.getCell(ruleRow, 1).alignment = { wrapText: true, vertical: 'top' };
  sheet.mergeCells(ruleRow, 1, ruleRow, last);
  sheet.getRow(ruleRow).height = 150;
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The ranking, then an empty row and the rule in the first column. */
export function renderScoreboardCsv(board: Scoreboard, locale: Locale): Buffer {
  const rule =
    board.rows.length === 0 ? t(locale, 'reports.scoreboard.empty') : scoreboardRule(locale, board);
  return csvFile(
    [headers(locale), ...board.rows.map((row) => values(row, locale)), [], [rule]],
    csvSeparator(locale),
  );
}
