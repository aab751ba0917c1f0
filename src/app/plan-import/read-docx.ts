/**
 * Word (.docx) plan files: the decision's text, then the appendix with the plan table. The package
 * is unzipped with fflate (only `word/document.xml`, refused by its declared size before it is
 * inflated, and inflated in chunks up to a ceiling, limits.ts) and the XML read with saxes, a streaming XML parser, into a table model of our own:
 * rows of grid cells with their horizontal span (`w:gridSpan`) and vertical merge (`w:vMerge`).
 * A merged cell's text is written in its first grid cell only and the cells it covers read as
 * empty, as exceljs gives merged XLSX cells, so the same row parser reads all three formats.
 * Text runs are joined, paragraphs and line breaks become "\n", deleted (tracked) text and the
 * fallback copy of alternate content are skipped, nested tables become text of their cell.
 *
 * The plan is every table whose header row matches plan columns, plus the tables that continue it
 * (a plan split across several tables, or broken at each page with its header repeated).
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { findHeader } from '../../domain/plan-columns.ts';
import type { RawTable } from '../../domain/plan-table.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits, tooManyRows, unzipBounded } from './limits.ts';
import { fileProblem, PlanFileError } from './plan-file-error.ts';

/** document.xml of a long plan is a few MB; more is images inlined in odd ways, or a zip bomb. */
export const MAX_DOCUMENT_XML_BYTES = 32 * 1024 * 1024;

/** One grid cell of a Word table. */
export interface DocxCell {
  text: string;
  /** Grid columns it spans (`w:gridSpan`), at least 1. */
  span: number;
  /** `restart` starts a vertical merge, `continue` is covered by the cell above. */
  vMerge: 'restart' | 'continue' | null;
}

export interface DocxTable {
  /** Columns declared by `w:tblGrid`, or 0 when the table declares none. */
  gridColumns: number;
  rows: { cells: DocxCell[]; gridBefore: number }[];
}

export function readDocx(bytes: Uint8Array, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): RawTable {
  const xml = documentXml(bytes, limits);
  const tables = parseDocumentTables(xml);
  return planTable(tables, limits);
}

function documentXml(bytes: Uint8Array, limits: ImportLimits): string {
  let files: Map<string, Uint8Array>;
  // The smaller of the two ceilings: the document part alone, and every part together.
  const bounded = { ...limits, maxUnzippedBytes: Math.min(limits.maxUnzippedBytes, MAX_DOCUMENT_XML_BYTES) };
  try {
    files = unzipBounded(
      bytes,
      (name) => name === 'word/document.xml',
      bounded,
      'văn bản trong tệp Word',
      'docx_too_large',
    );
  } catch (error) {
    if (error instanceof PlanFileError) throw error;
    throw fileProblem(
      'invalid_docx',
      `Không đọc được tệp Word: tệp bị hỏng hoặc không phải .docx (${(error as Error).message}). Hãy mở bằng Word và lưu lại dưới dạng .docx.`,
    );
  }
  const document = files.get('word/document.xml');
  if (!document) {
    throw fileProblem(
      'invalid_docx',
      'Tệp không có phần nội dung văn bản Word (word/document.xml): không phải tệp .docx hợp lệ.',
    );
  }
  return new TextDecoder('utf-8').decode(document);
}

/** Every top-level table of the body, in document order; nested tables become text of their cell. */
export function parseDocumentTables(xml: string): DocxTable[] {
  const parser = new SaxesParser({ position: false });
  const reader = new DocumentTableReader();
  parser.on('opentag', (tag) => reader.open(tag as SaxesTagPlain));
  parser.on('text', (value) => reader.text(value));
  parser.on('closetag', (tag) => reader.close(tag.name));
  try {
    parser.write(xml).close();
  } catch (error) {
    throw fileProblem(
      'invalid_docx',
      `Tệp Word bị hỏng: phần nội dung không phải XML hợp lệ (${(error as Error).message.split('\n')[0]}).`,
    );
  }
  return reader.tables;
}

/** Tags whose content is skipped: a second copy of the same content (mc:Fallback) or deleted runs. */
const isSkippedTag = (name: string) => name === 'mc:Fallback' || name === 'w:del' || name === 'w:moveFrom';

/** Builds the top-level tables from the parser's events, one tag at a time. */
class DocumentTableReader {
  readonly tables: DocxTable[] = [];
  private depth = 0; // nesting of w:tbl
  private table: DocxTable | null = null;
  private row: DocxTable['rows'][number] | null = null;
  private cell: DocxCell | null = null;
  private paragraphs: string[] = [];
  private cellText = '';
  private inText = false;
  private skip = 0; // inside mc:Fallback (a second copy of the same content) or deleted runs

  open(tag: SaxesTagPlain): void {
    const name = tag.name;
    if (isSkippedTag(name)) this.skip++;
    if (this.skip > 0) return;
    const attr = (key: string) => tag.attributes[key] as string | undefined;
    switch (name) {
      case 'w:tbl':
        this.depth++;
        if (this.depth === 1) this.table = { gridColumns: 0, rows: [] };
        break;
      case 'w:gridCol':
        if (this.depth === 1 && this.table) this.table.gridColumns++;
        break;
      case 'w:tr':
        if (this.depth === 1) this.row = { cells: [], gridBefore: 0 };
        break;
      case 'w:gridBefore':
        if (this.depth === 1 && this.row) this.row.gridBefore = positive(attr('w:val')) ?? 0;
        break;
      case 'w:tc':
        if (this.depth === 1) this.openCell();
        break;
      case 'w:gridSpan':
        if (this.depth === 1 && this.cell) this.cell.span = positive(attr('w:val')) ?? 1;
        break;
      case 'w:vMerge':
        if (this.depth === 1 && this.cell)
          this.cell.vMerge = attr('w:val') === 'restart' ? 'restart' : 'continue';
        break;
      case 'w:t':
        this.inText = true;
        break;
      case 'w:tab':
        if (this.cell) this.cellText += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        if (this.cell) this.cellText += '\n';
        break;
    }
  }

  text(value: string): void {
    if (this.inText && this.skip === 0 && this.cell) this.cellText += value;
  }

  close(name: string): void {
    if (isSkippedTag(name)) {
      this.skip--;
      return;
    }
    if (this.skip > 0) return;
    switch (name) {
      case 'w:t':
        this.inText = false;
        break;
      case 'w:p':
        // A paragraph of a nested table's cell joins its outer cell's text as well.
        if (this.cell) {
          this.paragraphs.push(this.cellText);
          this.cellText = '';
        }
        break;
      case 'w:tc':
        if (this.depth === 1) this.closeCell();
        break;
      case 'w:tr':
        if (this.depth === 1 && this.row && this.table) {
          this.table.rows.push(this.row);
          this.row = null;
        }
        break;
      case 'w:tbl':
        if (this.depth === 1 && this.table) {
          this.tables.push(this.table);
          this.table = null;
        }
        this.depth--;
        break;
    }
  }

  private openCell(): void {
    this.cell = { text: '', span: 1, vMerge: null };
    this.paragraphs = [];
    this.cellText = '';
  }

  /** The cell's paragraphs joined by "\n", non-breaking spaces as spaces, trimmed, in NFC. */
  private closeCell(): void {
    if (!this.cell || !this.row) return;
    this.cell.text = [...this.paragraphs, this.cellText]
      .join('\n')
      .replace(/\u00a0/g, ' ')
      .trim()
      .normalize('NFC');
    this.row.cells.push(this.cell);
    this.cell = null;
  }
}

function positive(value: string | undefined): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : null;
}

/**
 * Lays a Word table out on its grid: a cell's text in its first grid column, the columns it spans
 * and the cells below it in a vertical merge empty. Throws, naming table, row and cell, when a cell
 * runs past the table's grid.
 */
export function tableGrid(table: DocxTable, index: number, limits = DEFAULT_IMPORT_LIMITS): Grid {
  // Refused before the grid is laid out: its size is rows × width.
  if (table.rows.length > limits.maxRows) throw tooManyRows(limits);
  const width = Math.max(
    table.gridColumns,
    ...table.rows.map((r) => r.gridBefore + r.cells.reduce((sum, c) => sum + c.span, 0)),
  );
  if (width > limits.maxColumns) {
    throw fileProblem(
      'file_too_large',
      `Bảng ${index + 1} có ${width} cột, vượt giới hạn ${limits.maxColumns} (PLAN_IMPORT_MAX_COLUMNS); không đọc tệp này.`,
    );
  }
  const rows: string[][] = [];
  const covered: RawCell[] = [];
  table.rows.forEach((row, r) => {
    const cells = new Array<string>(width).fill('');
    let col = row.gridBefore;
    for (const cell of row.cells) {
      if (table.gridColumns > 0 && col + cell.span > table.gridColumns) {
        throw fileProblem(
          'docx_merge_outside_table',
          `Bảng ${index + 1}, dòng ${r + 1}: ô thứ ${row.cells.indexOf(cell) + 1} trải ra ngoài bảng (bảng có ${table.gridColumns} cột, ô kết thúc ở cột ${col + cell.span}). Hãy sửa ô gộp trong Word rồi lưu lại.`,
        );
      }
      // A covered cell reads as empty. Word shows a "continue" with nothing above it (a table split
      // at a page) as a cell of its own, and keeps no text in it either.
      if (cell.vMerge !== 'continue') cells[col] = cell.text;
      else if (r > 0) covered.push({ row: r, col });
      col += cell.span;
    }
    rows.push(cells);
  });
  return { rows, covered };
}

type RawCell = { row: number; col: number };
interface Grid {
  rows: string[][];
  /** Cells covered by a vertical merge from the cell above. */
  covered: RawCell[];
}

/**
 * The plan: tables whose header matches plan columns, and the tables that continue them. The PDF
 * reader rebuilds its tables in the same model and ends here too (`format` 'pdf').
 */
export function planTable(
  tables: DocxTable[],
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
  format: 'docx' | 'pdf' = 'docx',
): RawTable {
  const grids = tables.map((t, i) => tableGrid(t, i, limits));
  const rows: string[][] = [];
  const covered: RawCell[] = [];
  const take = (grid: Grid, from: number) => {
    const offset = rows.length - from;
    rows.push(...grid.rows.slice(from));
    for (const c of grid.covered) if (c.row >= from) covered.push({ row: c.row + offset, col: c.col });
  };
  let width: number | null = null;
  for (const grid of grids) {
    const header = findHeader(grid.rows);
    if (header) {
      take(grid, width === null ? header.headerRow : header.dataStart);
      width = grid.rows[header.headerRow]!.length;
    } else if (width !== null && grid.rows.length > 0 && grid.rows[0]!.length === width) {
      // The same plan continued in a new table (a page or section break in the middle).
      take(grid, 0);
    } else if (width !== null) {
      break;
    }
  }
  if (width === null)
    throw noPlanTable(
      grids.map((g) => g.rows),
      format === 'pdf' ? 'PDF' : 'Word',
    );
  checkHeaderCells(rows);
  return { rows: rows.map(trimTrailingEmpty), formulaCells: [], format, covered };
}

/** A column with data but an empty header cell would be dropped without a word: refuse instead. */
function checkHeaderCells(rows: string[][]): void {
  const header = findHeader(rows);
  if (!header) return;
  const headerRows = rows.slice(header.headerRow, header.dataStart);
  const width = rows[header.headerRow]!.length;
  for (let col = 0; col < width; col++) {
    if (headerRows.some((r) => (r[col] ?? '').trim() !== '')) continue;
    const filled = rows.slice(header.dataStart).findIndex((r) => (r[col] ?? '').trim() !== '');
    // A period row merged across the table writes its text in column 1 only: not a column's data.
    if (filled >= 0 && rows[header.dataStart + filled]!.filter((c) => c.trim() !== '').length > 1) {
      throw fileProblem(
        'empty_header_cell',
        `Bảng kế hoạch: cột ${col + 1} có dữ liệu (dòng ${header.dataStart + filled + 1}) nhưng ô tiêu đề của cột trống. Hãy ghi tên cột (ví dụ "Đơn vị phối hợp") rồi lưu lại.`,
      );
    }
  }
}

function noPlanTable(grids: string[][][], kind: 'Word' | 'PDF'): Error {
  if (grids.length === 0) {
    return fileProblem(
      'no_plan_table',
      `Tệp ${kind} không có bảng nào. Bảng kế hoạch cần các cột như "Nội dung thực hiện", "Đơn vị chủ trì", "Thời gian hoàn thành".`,
    );
  }
  const found = grids
    .slice(0, 10)
    .map((grid, i) => {
      const first = (grid.find((r) => r.some((c) => c.trim() !== '')) ?? [])
        .map((c) => c.replace(/\s+/g, ' ').trim())
        .filter((c) => c !== '')
        .map((c) => (c.length > 30 ? `${c.slice(0, 27)}...` : c));
      return `bảng ${i + 1} (${grid.length} dòng): ${first.length > 0 ? first.join(' | ') : '(trống)'}`;
    })
    .join('; ');
  return fileProblem(
    'no_plan_table',
    `Không tìm thấy bảng kế hoạch trong tệp ${kind}. Có ${grids.length} bảng — ${found}. Bảng kế hoạch cần dòng tiêu đề có cột nội dung (Nội dung thực hiện, Nhiệm vụ hoặc Hoạt động) và cột đơn vị (Đơn vị chủ trì hoặc Đơn vị phối hợp).`,
  );
}

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return cells.slice(0, end);
}
