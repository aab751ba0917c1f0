/**
 * PDF plan files with a text layer (a decision exported from Word or LibreOffice). pdfjs-dist reads
 * each page's text with its position and the page's drawing operations; the table is rebuilt from
 * the ruling lines the exporter drew around every cell:
 * - the horizontal lines' heights and the vertical lines' positions make the page's grid;
 * - where a cell has no border on its right, it spans into the next column (`w:gridSpan`); where it
 *   has none on top, it continues the cell above (`w:vMerge`);
 * - each piece of text goes to the cell its middle falls in; the lines of a cell are joined, top
 *   to bottom.
 * Each page becomes one table of the DOCX reader's model, so `planTable` joins pages, skips the
 * decision's text and the repeated header rows exactly as for Word files.
 *
 * Limits: a table drawn without borders, or a scanned page (an image without text), cannot be read;
 * both are refused with their own code. Text outside the ruled area (the decision, the signature)
 * is ignored.
 */
import { findHeader } from '../../domain/plan-columns.ts';
import type { RawTable } from '../../domain/plan-table.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits.ts';
import { fileProblem } from './plan-file-error.ts';
import type { DocxCell, DocxTable } from './read-docx.ts';
import { planTable, tableGrid } from './read-docx.ts';

/** Beyond this a "plan" is not a plan; reading stops before it costs minutes. */
export const MAX_PDF_PAGES = 300;
/** Positions closer than this (points) are one line: Word and LibreOffice draw borders doubled. */
const SNAP = 2.5;

export interface Segment {
  /** Horizontal: y; vertical: x. */
  at: number;
  from: number;
  to: number;
}

export interface PageText {
  str: string;
  /** Middle of the text piece, in page points (origin bottom left). */
  x: number;
  y: number;
  /** Baseline height, to tell lines apart. */
  baseline: number;
  left: number;
}

export interface PageDrawing {
  horizontal: Segment[];
  vertical: Segment[];
  texts: PageText[];
}

export async function readPdf(
  bytes: Uint8Array,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<RawTable> {
  const pages = await readPages(bytes);
  if (pages.every((page) => page.texts.every((t) => t.str.trim() === ''))) {
    throw fileProblem(
      'pdf_no_text',
      'Tệp PDF không có lớp chữ (bản quét hoặc ảnh chụp), nên không đọc được bảng. Hãy dùng tệp Word (.docx) của quyết định, hoặc xuất lại PDF từ Word (Tệp > Lưu thành > PDF).',
    );
  }
  const tables = pages.flatMap(pageTables);
  if (tables.length === 0) {
    throw fileProblem(
      'pdf_no_table',
      'Tệp PDF có chữ nhưng không có bảng kẻ ô nào: bảng kế hoạch cần đường kẻ quanh các ô để đọc được cột và dòng. Hãy dùng tệp Word (.docx) của quyết định, hoặc chép bảng sang Excel và lưu thành .xlsx.',
    );
  }
  return planTable(joinSplitRows(tables, limits), limits, 'pdf');
}

/**
 * A row that Word or LibreOffice broke at the end of a page goes on at the top of the next page,
 * below the repeated header, as a row of its own. It is joined back to the last row of the page
 * before when it reads as the rest of a row: no number of its own, and its content starting in
 * lower case (the middle of a sentence), or not starting like an item ("2.3.", "a)", "-") while it
 * has no lead unit or no deadline (a task row has both).
 */
export function joinSplitRows(tables: DocxTable[], limits = DEFAULT_IMPORT_LIMITS): DocxTable[] {
  tables.forEach((next, i) => {
    const previous = tables[i - 1];
    if (!previous || previous.gridColumns !== next.gridColumns || previous.rows.length === 0) return;
    const grid = tableGrid(next, i, limits).rows;
    const header = findHeader(grid);
    const at = header ? (header.headerRow === 0 ? header.dataStart : -1) : 0;
    const cells = grid[at];
    if (!cells || !isFragment(cells, header ?? findHeader(tableGrid(previous, i - 1, limits).rows))) return;
    let col = 0;
    for (const cell of next.rows[at]!.cells) {
      if (cell.text !== '') appendAbove(previous.rows, previous.rows.length, col, cell.text);
      col += cell.span;
    }
    next.rows.splice(at, 1);
  });
  return tables;
}

function isFragment(cells: string[], header: ReturnType<typeof findHeader>): boolean {
  if (!header || cells.every((c) => c.trim() === '')) return false;
  const text = (meaning: 'number' | 'lead' | 'deadline' | 'activity' | 'task' | 'content') => {
    const column = header.byMeaning.get(meaning);
    return column ? (cells[column.index] ?? '').trim() : null;
  };
  if (text('number')) return false;
  const content = text('activity') || text('task') || text('content') || '';
  if (/^\p{Ll}/u.test(content)) return true;
  // "2.3. Tổ chức…", "a) …", "- …": an item of its own, even when its lead or deadline is merged
  // from the row above on the previous page.
  if (ITEM_MARK.test(content)) return false;
  return !text('lead') || !text('deadline');
}

/** How an item of a plan begins: "1.", "2.3.", "2.3", "a)", "-", "•", "+". */
const ITEM_MARK = /^(?:\d+(?:\.\d+)*\.?|\p{Ll}\)|[-–•+])\s/u;

/** Every page's text pieces and straight lines; a damaged or locked file is refused by name. */
async function readPages(bytes: Uint8Array): Promise<PageDrawing[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let document: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    document = await pdfjs.getDocument({
      // A copy, as a plain Uint8Array: pdfjs refuses a Node Buffer and detaches what it is given.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    throw unreadable(error);
  }
  try {
    if (document.numPages > MAX_PDF_PAGES) {
      throw fileProblem(
        'pdf_too_many_pages',
        `Tệp PDF có ${document.numPages} trang, vượt giới hạn ${MAX_PDF_PAGES} trang của một kế hoạch.`,
      );
    }
    const pages: PageDrawing[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const [text, operators] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
      pages.push({ ...pageLines(operators, pdfjs.OPS), texts: pageTexts(text.items) });
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

function unreadable(error: unknown): Error {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'PasswordException') {
    return fileProblem(
      'pdf_encrypted',
      'Tệp PDF được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu hoặc dùng tệp Word (.docx) của quyết định.',
    );
  }
  return fileProblem(
    'invalid_pdf',
    'Tệp PDF bị hỏng hoặc không đúng định dạng PDF. Hãy xuất lại từ Word, hoặc dùng tệp .docx.',
  );
}

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

function pageTexts(items: readonly unknown[]): PageText[] {
  const texts: PageText[] = [];
  for (const item of items as TextItemLike[]) {
    if (typeof item.str !== 'string' || !item.transform || item.str === '') continue;
    const [, , , d = 0, e = 0, f = 0] = item.transform;
    const size = item.height || Math.abs(d) || 10;
    const width = item.width ?? 0;
    texts.push({ str: item.str, x: e + width / 2, y: f + size * 0.3, baseline: f, left: e });
  }
  return texts;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/**
 * The straight lines a page draws: stroked segments, and thin filled rectangles (how Word draws
 * borders). The current transformation is followed through save / restore / transform.
 */
export function pageLines(
  operators: { fnArray: number[]; argsArray: unknown[] },
  OPS: Record<string, number>,
): Pick<PageDrawing, 'horizontal' | 'vertical'> {
  const horizontal: Segment[] = [];
  const vertical: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm = IDENTITY;
  operators.fnArray.forEach((fn, i) => {
    const args = operators.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      if (paint === OPS.endPath) return; // a clip, not a drawing
      const data = ((args[1] as ArrayLike<number>[] | undefined)?.[0] ?? []) as ArrayLike<number>;
      for (const polygon of polygons(data)) {
        addPolygon(
          polygon.map(([x, y]) => apply(ctm, x, y)),
          horizontal,
          vertical,
        );
      }
    }
  });
  return { horizontal, vertical };
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The path's sub-paths as point lists (pdfjs path data: 0 moveTo, 1 lineTo, 2/3 curves, 4 close). */
function polygons(data: ArrayLike<number>): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i]!;
    if (op === 0 || op === 1) {
      if (op === 0 && current.length > 0) {
        out.push(current);
        current = [];
      }
      current.push([data[i + 1]!, data[i + 2]!]);
      i += 3;
    } else if (op === 2) {
      current.push([data[i + 5]!, data[i + 6]!]);
      i += 7;
    } else if (op === 3) {
      current.push([data[i + 3]!, data[i + 4]!]);
      i += 5;
    } else {
      i += 1; // closePath
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Axis-parallel edges of a polygon; a thin rectangle counts as the line along its middle. */
function addPolygon(points: [number, number][], horizontal: Segment[], vertical: Segment[]): void {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (points.length >= 4 && maxY - minY <= SNAP && maxX - minX > SNAP) {
    horizontal.push({ at: (minY + maxY) / 2, from: minX, to: maxX });
    return;
  }
  if (points.length >= 4 && maxX - minX <= SNAP && maxY - minY > SNAP) {
    vertical.push({ at: (minX + maxX) / 2, from: minY, to: maxY });
    return;
  }
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i - 1]!;
    const [x2, y2] = points[i]!;
    if (Math.abs(y1 - y2) < 0.5 && Math.abs(x1 - x2) > SNAP) {
      horizontal.push({ at: y1, from: Math.min(x1, x2), to: Math.max(x1, x2) });
    } else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y1 - y2) > SNAP) {
      vertical.push({ at: x1, from: Math.min(y1, y2), to: Math.max(y1, y2) });
    }
  }
}

/** Values closer than SNAP as one (their mean), ascending. */
export function snap(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of sorted) {
    const last = groups.at(-1);
    if (last && v - last.at(-1)! <= SNAP) last.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** Whether lines at `at` cover most of [from, to]. */
function ruled(segments: Segment[], at: number, from: number, to: number): boolean {
  const span = to - from;
  if (span <= 0) return true;
  const pieces = segments
    .filter((s) => Math.abs(s.at - at) <= SNAP && s.to > from && s.from < to)
    .map((s) => [Math.max(s.from, from), Math.min(s.to, to)] as const)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let end = from;
  for (const [a, b] of pieces) {
    if (b <= end) continue;
    covered += b - Math.max(a, end);
    end = b;
  }
  return covered >= span * 0.6;
}

/**
 * A page's tables in the DOCX model. Lines are grouped into tables by the bands between them that
 * no vertical line crosses (two tables on a page, or a ruled box above the plan); within a table,
 * rows run top to bottom between the horizontal lines, columns left to right between the vertical.
 */
export function pageTables(page: PageDrawing): DocxTable[] {
  const long = (s: Segment) => s.to - s.from > SNAP * 2;
  const horizontal = page.horizontal.filter(long);
  const vertical = page.vertical.filter(long);
  const ys = snap(horizontal.map((s) => s.at)).reverse(); // top first
  const tables: DocxTable[] = [];
  let first = 0;
  for (let r = 0; r + 1 <= ys.length; r++) {
    const crossed =
      r + 1 < ys.length &&
      vertical.some((v) => v.from < (ys[r]! + ys[r + 1]!) / 2 && v.to > (ys[r]! + ys[r + 1]!) / 2);
    if (crossed) continue;
    const band = ys.slice(first, r + 1);
    const table = band.length >= 2 ? gridTable(page, band, horizontal, vertical) : null;
    if (table) tables.push(table);
    first = r + 1;
  }
  return tables;
}

/** One ruled table between the heights `ys` (top first). */
function gridTable(
  page: PageDrawing,
  ys: number[],
  horizontal: Segment[],
  vertical: Segment[],
): DocxTable | null {
  const [top, bottom] = [ys[0]!, ys.at(-1)!];
  const inside = vertical.filter((v) => v.to > bottom + SNAP && v.from < top - SNAP);
  const xs = snap(inside.map((s) => s.at));
  if (xs.length < 2) return null;
  const cellText = gatherText(page.texts, xs, ys);
  const rows: DocxTable['rows'] = [];
  for (let r = 0; r + 1 < ys.length; r++) {
    const [rowTop, rowBottom] = [ys[r]!, ys[r + 1]!];
    const cells: DocxCell[] = [];
    for (let c = 0; c + 1 < xs.length; ) {
      let end = c + 1;
      while (end + 1 < xs.length && !ruled(inside, xs[end]!, rowBottom, rowTop)) end++;
      const open = r > 0 && !ruled(horizontal, rowTop, xs[c]!, xs[end]!);
      const text = cellTextOf(cellText, r, c, end);
      cells.push({ text: open ? '' : text, span: end - c, vMerge: open ? 'continue' : null });
      if (open && text !== '') appendAbove(rows, r, c, text);
      c = end;
    }
    rows.push({ cells, gridBefore: 0 });
  }
  return { gridColumns: xs.length - 1, rows };
}

/** Text of a cell that a merged cell's lines run into, written into the merge's first cell. */
function appendAbove(rows: DocxTable['rows'], r: number, c: number, text: string): void {
  for (let up = r - 1; up >= 0; up--) {
    let col = 0;
    const cell = rows[up]!.cells.find((x) => {
      const here = col === c;
      col += x.span;
      return here;
    });
    if (!cell) return;
    if (cell.vMerge !== 'continue') {
      cell.text = cell.text === '' ? text : `${cell.text} ${text}`;
      return;
    }
  }
}

type TextGrid = Map<string, PageText[]>;

function gatherText(texts: PageText[], xs: number[], ys: number[]): TextGrid {
  const grid: TextGrid = new Map();
  for (const text of texts) {
    const c = xs.findIndex((x, i) => i + 1 < xs.length && text.x >= x && text.x < xs[i + 1]!);
    const r = ys.findIndex((y, i) => i + 1 < ys.length && text.y <= y && text.y > ys[i + 1]!);
    if (c < 0 || r < 0) continue;
    const key = `${r}:${c}`;
    grid.set(key, [...(grid.get(key) ?? []), text]);
  }
  return grid;
}

/** The text of grid row `r`, columns c…end-1: lines top to bottom, pieces left to right. */
function cellTextOf(grid: TextGrid, r: number, c: number, end: number): string {
  const pieces: PageText[] = [];
  for (let col = c; col < end; col++) pieces.push(...(grid.get(`${r}:${col}`) ?? []));
  pieces.sort((a, b) =>
    Math.abs(a.baseline - b.baseline) > SNAP ? b.baseline - a.baseline : a.left - b.left,
  );
  let text = '';
  let lastBaseline: number | null = null;
  for (const piece of pieces) {
    const newLine = lastBaseline !== null && Math.abs(piece.baseline - lastBaseline) > SNAP;
    text += newLine && !text.endsWith(' ') && !piece.str.startsWith(' ') ? ` ${piece.str}` : piece.str;
    lastBaseline = piece.baseline;
  }
  return text.replace(/\s+/g, ' ').trim().normalize('NFC');
}
