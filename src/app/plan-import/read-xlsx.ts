/**
 * XLSX plan files through exceljs. Cells become the text a person sees in Excel, with two
 * deliberate differences: cells covered by a merge (other than its top-left master) read as empty,
 * which is what the hierarchical reader expects ("filled on the first row of its group, empty
 * below"), and formula cells are recorded so the importer can refuse them rather than trust a
 * cached result.
 */
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import type { RawTable } from '../../domain/plan-table.ts';
import { foldVietnamese } from '../../domain/text.ts';
import {
  cellTooLong,
  DEFAULT_IMPORT_LIMITS,
  type ImportLimits,
  tooManyMerged,
  tooManyRows,
  unzipBounded,
} from './limits.ts';
import { fileProblem, PlanFileError } from './plan-file-error.ts';

export async function readXlsx(
  bytes: Uint8Array,
  sheetName?: string,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs reads only what was checked (issue 16): every part inflated within the ceiling, the
    // sheets' merged areas counted, then packed again uncompressed. A merge over a whole sheet
    // would otherwise become billions of cell objects inside exceljs before any row is read.
    const checked = checkedPackage(bytes, limits);
    // exceljs' typings ask for its own Buffer type; a Node Buffer over the same bytes is what it reads.
    await workbook.xlsx.load(Buffer.from(checked) as unknown as ExcelJS.Buffer);
  } catch (error) {
    if (error instanceof PlanFileError) throw error;
    throw fileProblem(
      'invalid_xlsx',
      `Không đọc được tệp XLSX (${(error as Error).message}). Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx.`,
    );
  }
  const sheet = pickSheet(workbook, sheetName);
  const rows: string[][] = [];
  const formulaCells: RawTable['formulaCells'] = [];
  const covered: NonNullable<RawTable['covered']> = [];
  // eachRow visits only rows that exist in the file: a sheet formatted down to row 1,048,576 does
  // not cost a million iterations. Missing rows in between stay as empty rows, so that row numbers
  // match what the user sees in Excel.
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    if (r > limits.maxRows) throw tooManyRows(limits);
    while (rows.length < r - 1) rows.push([]);
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, limits.maxColumns + 1); c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master.address !== cell.address) {
        // Below its master in the same column: a vertical merge (the row parser decides what it means).
        if (Number(cell.master.col) === c && Number(cell.master.row) < r)
          covered.push({ row: r - 1, col: c - 1 });
        cells.push('');
        continue;
      }
      if (isFormula(cell.value)) formulaCells.push({ row: r - 1, col: c - 1 });
      const text = cellText(cell.value);
      if (text.length > limits.maxCellChars) throw cellTooLong(r, c, limits);
      cells.push(text);
    }
    rows.push(trimTrailingEmpty(cells));
  });
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c.trim() === '')) rows.pop();
  if (rows.length === 0) throw fileProblem('empty_file', `Trang tính "${sheet.name}" không có dòng nào.`);
  return { rows, formulaCells, format: 'xlsx', covered };
}

/** The package with every part inflated within the ceiling and no sheet merging too many cells. */
function checkedPackage(bytes: Uint8Array, limits: ImportLimits): Uint8Array {
  const parts = unzipBounded(bytes, (name) => !name.endsWith('/'), limits, 'tệp Excel');
  const decoder = new TextDecoder();
  for (const [name, data] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const area = mergedArea(decoder.decode(data));
    if (area > limits.maxMergedCells) throw tooManyMerged(area, limits);
  }
  return zipSync(Object.fromEntries(parts), { level: 0 });
}

/** Cells covered by a sheet's merged ranges (`<mergeCell ref="A1:C4"/>`), counted without building them. */
export function mergedArea(sheetXml: string): number {
  let area = 0;
  for (const match of sheetXml.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    const [, c1, r1, c2, r2] = match as unknown as [string, string, string, string, string];
    const rows = Math.abs(Number(r2) - Number(r1)) + 1;
    const cols = Math.abs(columnNumber(c2) - columnNumber(c1)) + 1;
    area += rows * cols;
  }
  return area;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The named sheet (exact name first, then ignoring case and diacritics), else the first visible one. */
function pickSheet(workbook: ExcelJS.Workbook, name: string | undefined): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  if (name !== undefined) {
    const found =
      sheets.find((s) => s.name === name) ??
      sheets.find((s) => foldVietnamese(s.name) === foldVietnamese(name));
    if (found) return found;
    throw fileProblem(
      'sheet_not_found',
      `Không có trang tính "${name}". Các trang tính trong tệp: ${sheets.map((s) => `"${s.name}"`).join(', ')}.`,
    );
  }
  const sheet = sheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden') ?? sheets[0];
  if (!sheet) throw fileProblem('empty_file', 'Tệp XLSX không có trang tính nào.');
  return sheet;
}

function isFormula(value: ExcelJS.CellValue): boolean {
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
}

/** What Excel shows: rich text joined, numbers as written, dates dd/MM/yyyy, a link's text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n').normalize('NFC');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return formatDate(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value && Array.isArray(value.richText)) {
    return cellText(value.richText.map((run: { text?: unknown }) => cellText(run.text)).join(''));
  }
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value ? cellText(value.result) : '';
  if ('hyperlink' in value && 'text' in value) return cellText(value.text);
  if ('error' in value) return String(value.error);
  if ('text' in value) return cellText(value.text);
  return '';
}

/** exceljs gives dates as UTC midnight; the UTC parts are the calendar day written in the cell. */
function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${date.getUTCFullYear()}`;
}

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return cells.slice(0, end);
}
