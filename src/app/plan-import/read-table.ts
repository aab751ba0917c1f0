/**
 * Reads an uploaded plan file into a RawTable (rows of cell text). All file I/O concerns live here:
 * size limit, format detection, text decoding, CSV and XLSX parsing. Interpretation of the rows is
 * domain/plan-table.ts. Every failure is a PlanFileError carrying an ImportProblem in Vietnamese.
 */
import type { RawTable } from '../../domain/plan-table.ts';
import { checkTableSize, type ImportLimits, importLimits } from './limits.ts';
import { fileProblem } from './plan-file-error.ts';
import { readCsv } from './read-csv.ts';

export type { RawTable } from '../../domain/plan-table.ts';
export { PlanFileError } from './plan-file-error.ts';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** "%PDF-". */
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];
/** Compound File (OLE2) header: legacy .xls and .doc files. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export async function readPlanTable(
  input: { name: string; bytes: Uint8Array },
  opts: { maxBytes?: number; sheet?: string; limits?: Partial<ImportLimits> } = {},
): Promise<RawTable> {
  const { name, bytes } = input;
  const limits = importLimits(opts.limits);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  // Checked before anything is decoded or unzipped, so a huge upload costs nothing.
  if (bytes.length > maxBytes) {
    throw fileProblem(
      'file_too_large',
      `Tệp quá lớn: ${formatSize(bytes.length)} (${bytes.length} byte), vượt giới hạn ${formatSize(maxBytes)}.`,
    );
  }
  if (bytes.length === 0) throw fileProblem('empty_file', 'Tệp rỗng: không có dòng nào.');

  const format = formatOf(name, bytes);
  // exceljs, fflate, saxes and pdfjs-dist load with the first file that needs them.
  const table =
    format === 'xlsx'
      ? await (await import('./read-xlsx.ts')).readXlsx(bytes, opts.sheet, limits)
      : format === 'docx'
        ? (await import('./read-docx.ts')).readDocx(bytes, limits)
        : format === 'pdf'
          ? await (await import('./read-pdf.ts')).readPdf(bytes, limits)
          : readCsv(bytes, limits);
  checkTableSize(table.rows, limits);
  if (table.rows.every((cells) => cells.every((c) => c.trim() === ''))) {
    throw fileProblem('empty_file', 'Tệp rỗng: không có dòng nào.');
  }
  return table;
}

function formatOf(name: string, bytes: Uint8Array): RawTable['format'] {
  const extension = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const isZip = startsWith(bytes, ZIP_MAGIC);
  const isOle = startsWith(bytes, OLE_MAGIC);
  if (extension === 'xlsx') {
    if (isZip) return 'xlsx';
    throw fileProblem(
      'format_mismatch',
      isOle
        ? `Tệp "${name}" có đuôi .xlsx nhưng thực chất là tệp Excel cũ (.xls); hãy mở bằng Excel và lưu lại dưới dạng .xlsx.`
        : `Tệp "${name}" có đuôi .xlsx nhưng không phải tệp Excel hợp lệ.`,
    );
  }
  if (extension === 'docx') {
    if (isZip) return 'docx';
    throw fileProblem(
      'format_mismatch',
      isOle
        ? `Tệp "${name}" có đuôi .docx nhưng là tệp Word cũ (.doc) hoặc đã đặt mật khẩu. Hãy gỡ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu) và lưu lại dưới dạng .docx.`
        : `Tệp "${name}" có đuôi .docx nhưng không phải tệp Word hợp lệ (tệp hỏng hoặc sai định dạng).`,
    );
  }
  if (extension === 'doc' || extension === 'docm' || extension === 'dot' || extension === 'rtf') {
    throw fileProblem(
      'unsupported_format',
      `Tệp "${name}" là định dạng Word .${extension}, chưa đọc được: hãy mở bằng Word và lưu thành .docx (Tệp > Lưu thành > Tài liệu Word (*.docx)), rồi nhập tệp .docx.`,
    );
  }
  if (extension === 'pdf') {
    if (startsWith(bytes, PDF_MAGIC)) return 'pdf';
    throw fileProblem('format_mismatch', `Tệp "${name}" có đuôi .pdf nhưng không phải tệp PDF hợp lệ.`);
  }
  if (extension === 'csv' || extension === 'txt') {
    if (isZip || isOle) {
      throw fileProblem(
        'format_mismatch',
        `Tệp "${name}" có đuôi .${extension} nhưng thực chất là tệp Excel/Word; hãy đổi đuôi cho đúng hoặc xuất lại dưới dạng CSV.`,
      );
    }
    return 'csv';
  }
  const hint =
    extension === 'xls' ? ' Định dạng Excel cũ (.xls) chưa được hỗ trợ; hãy lưu lại dưới dạng .xlsx.' : '';
  throw fileProblem(
    'unsupported_format',
    `Không hỗ trợ tệp "${name}": chỉ nhận .csv, .txt, .xlsx, .docx hoặc .pdf (có lớp chữ).${hint}`,
  );
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** "5 MiB", "10,5 MiB", "800 KiB": Vietnamese decimal comma. */
function formatSize(bytes: number): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'MiB'] : [bytes / 1024, 'KiB'];
  const rounded = Math.round(value * 10) / 10;
  return `${String(rounded).replace('.', ',')} ${unit}`;
}
