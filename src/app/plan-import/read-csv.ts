/**
 * CSV plan files as offices actually produce them: Excel on Windows saves "CSV" in the ANSI code
 * page (Windows-1258 for Vietnamese, with tone marks as combining characters), "CSV UTF-8" with a
 * BOM, "Unicode text" as UTF-16 with tabs, and uses `;` where the decimal separator is a comma.
 */
import { type CsvError, parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { ImportProblem } from '../../domain/plan.ts';
import type { RawTable } from '../../domain/plan-table.ts';
import { foldVietnamese } from '../../domain/text.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits, tooManyRows } from './limits.ts';
import { PlanFileError } from './plan-file-error.ts';

export function readCsv(bytes: Uint8Array, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): RawTable {
  const { text, encoding } = decode(bytes);
  if (text.includes('\u0000')) {
    // NUL never occurs in text: a binary file, or UTF-16 saved without its byte-order mark.
    throw new PlanFileError({
      row: null,
      column: null,
      code: 'invalid_encoding',
      message:
        'Tệp không phải văn bản CSV (có ký tự NUL). Nếu tệp là "Unicode text" (UTF-16), hãy lưu lại dưới dạng "CSV UTF-8".',
    });
  }
  const delimiter = sniffDelimiter(text);
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter,
      relax_column_count: true,
      // A stray quote inside an unquoted cell (Ban hành "Quy chế") is text, not an error; an
      // unclosed quoted cell still is, since everything after it would be swallowed.
      relax_quotes: true,
      skip_empty_lines: false,
      // Bounded while parsing (issue 16): one row past the limit stops the parse, and no row may
      // hold more text than its cells together are allowed.
      to: limits.maxRows + 1,
      max_record_size: limits.maxCellChars * limits.maxColumns,
    });
  } catch (error) {
    if ((error as CsvError).code === 'CSV_MAX_RECORD_SIZE')
      throw new PlanFileError({
        row: null,
        column: null,
        code: 'file_too_large',
        message: `Một dòng của tệp dài hơn ${limits.maxCellChars * limits.maxColumns} ký tự (PLAN_IMPORT_MAX_CELL_CHARS × PLAN_IMPORT_MAX_COLUMNS); không đọc tệp này.`,
      });
    throw new PlanFileError(csvProblem(error as CsvError));
  }
  if (rows.length > limits.maxRows) throw tooManyRows(limits);
  rows = rows.map((cells) => cells.map((c) => c.replace(/\r\n?/g, '\n')));
  return { rows, formulaCells: [], format: 'csv', encoding };
}

function decode(bytes: Uint8Array): { text: string; encoding: string } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: utf8(bytes.subarray(3)) ?? invalidUtf8(), encoding: 'utf-8' };
  }
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: nfc(iconv.decode(bytes, 'utf-16le')), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: nfc(iconv.decode(bytes, 'utf-16be')), encoding: 'utf-16be' };
  const text = utf8(bytes);
  if (text !== null) return { text, encoding: 'utf-8' };
  // Not UTF-8: the Vietnamese ANSI code page is the only other encoding Excel writes here. It
  // stores many tone marks as combining characters, hence the NFC normalisation.
  return { text: nfc(iconv.decode(Buffer.from(bytes), 'windows-1258')), encoding: 'windows-1258' };
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return nfc(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
}

function invalidUtf8(): never {
  throw new PlanFileError({
    row: null,
    column: null,
    code: 'invalid_encoding',
    message: 'Tệp có dấu hiệu UTF-8 (BOM) nhưng chứa byte không hợp lệ; hãy lưu lại bằng "CSV UTF-8".',
  });
}

/** Also composes NFD text (macOS, some web exports) so that equal words compare equal. */
function nfc(text: string): string {
  return text.normalize('NFC');
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

const DELIMITERS = [',', ';', '\t'] as const;
/** Words of a header line: the delimiter is counted there, where cells rarely contain commas. */
const HEADER_HINTS = ['chu tri', 'phoi hop', 'noi dung', 'nhiem vu', 'hoat dong', 'thoi gian'];

/** Picks the delimiter most frequent (outside quotes) in the header line, `,` on a tie. */
export function sniffDelimiter(text: string): string {
  const lines = logicalLines(text, 10).filter((l) => l.text.trim() !== '');
  const headerLine =
    lines.find((l) => HEADER_HINTS.some((h) => foldVietnamese(l.text).includes(h))) ?? lines[0];
  if (!headerLine) return ',';
  let best: string = ',';
  for (const d of DELIMITERS)
    if ((headerLine.counts.get(d) ?? 0) > (headerLine.counts.get(best) ?? 0)) best = d;
  return best;
}

/** The first `limit` records, split at line breaks outside quotes, with delimiter counts. */
function logicalLines(text: string, limit: number): { text: string; counts: Map<string, number> }[] {
  const lines: { text: string; counts: Map<string, number> }[] = [];
  let start = 0;
  let inQuotes = false;
  let counts = new Map<string, number>();
  for (let i = 0; i <= text.length && lines.length < limit; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t'))
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    else if (ch === undefined || (!inQuotes && ch === '\n')) {
      lines.push({ text: text.slice(start, i), counts });
      start = i + 1;
      counts = new Map();
    }
  }
  return lines;
}

const CSV_ERROR_REASONS: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'có dấu ngoặc kép (") mở ô nhưng không được đóng đến hết tệp',
  CSV_INVALID_CLOSING_QUOTE: 'có ký tự ngay sau dấu ngoặc kép đóng ô',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'có ký tự ngay sau dấu ngoặc kép đóng ô',
  INVALID_OPENING_QUOTE: 'có dấu ngoặc kép đặt sai chỗ',
  CSV_MAX_RECORD_SIZE: 'có dòng quá dài',
};

function csvProblem(error: CsvError): ImportProblem {
  const row = typeof error.records === 'number' ? error.records + 1 : null;
  const column = typeof error.column === 'number' ? `cột ${error.column + 1}` : null;
  const reason = CSV_ERROR_REASONS[error.code] ?? `không đọc được (${error.code})`;
  const where = [row === null ? null : `dòng ${row}`, column].filter(Boolean).join(', ');
  return {
    row,
    column,
    code: 'malformed_csv',
    message: `Tệp CSV bị lỗi${where ? ` ở ${where}` : ''}: ${reason}.`,
  };
}
