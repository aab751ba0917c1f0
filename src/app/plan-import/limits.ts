/**
 * Ceilings on what a plan file may make the reader build (issue 16): rows, columns, the text of one
 * cell, the area of merged cells, and the bytes a zip (XLSX, DOCX) inflates to. Each is checked while
 * reading, before the memory is spent: a zip's parts are inflated in chunks and abandoned past the
 * ceiling (whatever sizes its directory declares), a CSV parse stops at the first row past the limit,
 * an XLSX sheet's merges and rows are counted in its XML before the workbook is built. A plan of the
 * Đề án 06 kind has a few hundred rows and a dozen columns; the defaults leave a wide margin.
 */
import { Inflate, unzipSync } from 'fflate';
import { fileProblem } from './plan-file-error.ts';

export interface ImportLimits {
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
  /** Cells covered by all merged ranges of a sheet together. */
  maxMergedCells: number;
  /** Bytes all the parts a reader inflates from a zip may add up to. */
  maxUnzippedBytes: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxRows: 5000,
  maxColumns: 100,
  maxCellChars: 10_000,
  maxMergedCells: 100_000,
  maxUnzippedBytes: 64 * 1024 * 1024,
};

export function importLimits(overrides: Partial<ImportLimits> = {}): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...overrides };
}

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;

/**
 * The parts of a zip that `wanted` keeps, inflated with at most `limits.maxUnzippedBytes` of output
 * in all. The directory's declared sizes refuse a bomb at once; the chunked inflate refuses one whose
 * directory lies, as soon as the output passes the ceiling.
 */
export function unzipBounded(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: ImportLimits,
  what: string,
  code = 'file_too_large',
): Map<string, Uint8Array> {
  const refuse = (size: number) => tooLarge(what, size, limits, code);
  const entries: { name: string; compression: number; declared: number }[] = [];
  let declared = 0;
  // A filter that keeps nothing: fflate reads the central directory and inflates nothing.
  unzipSync(bytes, {
    filter(file) {
      if (wanted(file.name)) {
        entries.push({ name: file.name, compression: file.compression, declared: file.originalSize });
        declared += file.originalSize;
      }
      return false;
    },
  });
  if (declared > limits.maxUnzippedBytes) throw refuse(declared);
  const out = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries) {
    const raw = unzipSync(bytes, {
      filter: (file) => file.name === entry.name && file.compression === 0,
    })[entry.name];
    if (raw) {
      total += raw.length;
      if (total > limits.maxUnzippedBytes) throw refuse(total);
      out.set(entry.name, raw);
      continue;
    }
    const data = inflateEntry(bytes, entry.name, limits.maxUnzippedBytes - total, () =>
      refuse(limits.maxUnzippedBytes + 1),
    );
    total += data.length;
    out.set(entry.name, data);
  }
  return out;
}

/** One deflated entry, inflated chunk by chunk; refused once its output passes `budget` bytes. */
function inflateEntry(bytes: Uint8Array, name: string, budget: number, refuse: () => Error): Uint8Array {
  const compressed = rawEntry(bytes, name);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > budget) throw refuse();
    chunks.push(chunk);
  });
  for (let at = 0; at < compressed.length; at += CHUNK) {
    const end = Math.min(at + CHUNK, compressed.length);
    inflate.push(compressed.subarray(at, end), end === compressed.length);
  }
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

/** The compressed bytes of one entry, found through the central directory (zip format, APPNOTE 4.3). */
function rawEntry(bytes: Uint8Array, name: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('zip: no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const entryName = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (entryName === name) {
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      return bytes.subarray(start, start + compressedSize);
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`zip: no entry ${name}`);
}

function tooLarge(what: string, size: number, limits: ImportLimits, code: string): Error {
  return fileProblem(
    code,
    `Nội dung ${what} quá lớn khi giải nén (hơn ${Math.floor(size / MiB)} MiB, giới hạn ${Math.floor(limits.maxUnzippedBytes / MiB)} MiB, PLAN_IMPORT_MAX_UNZIPPED_BYTES); không đọc tệp này.`,
  );
}

/** Refuses a table past the row, column or cell-length ceiling, naming the first place it is passed. */
export function checkTableSize(rows: string[][], limits: ImportLimits): void {
  if (rows.length > limits.maxRows) throw tooManyRows(limits);
  for (const [r, cells] of rows.entries()) {
    if (cells.length > limits.maxColumns) throw tooManyColumns(r + 1, limits);
    for (const [c, cell] of cells.entries()) {
      if (cell.length > limits.maxCellChars) throw cellTooLong(r + 1, c + 1, limits);
    }
  }
}

export function tooManyRows(limits: ImportLimits): Error {
  return fileProblem(
    'file_too_large',
    `Tệp có hơn ${limits.maxRows} dòng (giới hạn PLAN_IMPORT_MAX_ROWS); không đọc tiếp. Hãy xóa các dòng trống hoặc dòng thừa ở cuối bảng.`,
  );
}

function tooManyColumns(row: number, limits: ImportLimits): Error {
  return fileProblem(
    'file_too_large',
    `Dòng ${row} có hơn ${limits.maxColumns} cột (giới hạn PLAN_IMPORT_MAX_COLUMNS); không đọc tệp này.`,
  );
}

export function cellTooLong(row: number, column: number, limits: ImportLimits): Error {
  return fileProblem(
    'file_too_large',
    `Ô ở dòng ${row}, cột ${column} dài hơn ${limits.maxCellChars} ký tự (giới hạn PLAN_IMPORT_MAX_CELL_CHARS); không đọc tệp này.`,
  );
}

export function tooManyMerged(area: number, limits: ImportLimits): Error {
  return fileProblem(
    'file_too_large',
    `Các vùng ô gộp trong trang tính phủ ${area} ô, vượt giới hạn ${limits.maxMergedCells} (PLAN_IMPORT_MAX_MERGED_CELLS); không đọc tệp này. Hãy bỏ gộp các vùng lớn (Trang đầu > Gộp và căn giữa).`,
  );
}
