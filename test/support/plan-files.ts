/**
 * Writes one plan table as CSV, XLSX and DOCX, the way offices produce them: merged cells for the
 * hierarchy (a value on the first row of its group, the rows below covered by a vertical merge) and
 * for period rows (one text across every column). Used by the tests and by the fixture script
 * test/fixtures/plans/build-docx.ts.
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';

export interface PlanSheet {
  /** rows[0] is the header; a value is written on the first row of its merge only. */
  rows: string[][];
  /** Columns whose empty cells continue the value above (vertical merges). */
  mergeColumns?: number[];
  /** Rows whose first cell spans every column (period, part and section rows). */
  spanRows?: number[];
}

export function toCsv(sheet: PlanSheet): string {
  const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return `${sheet.rows.map((r) => r.map(quote).join(',')).join('\n')}\n`;
}

export async function toXlsx(sheet: PlanSheet): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Kế hoạch');
  const width = Math.max(...sheet.rows.map((r) => r.length));
  sheet.rows.forEach((cells, r) => {
    ws.getRow(r + 1).values = cells.map((c) => (c === '' ? null : c));
  });
  for (const r of sheet.spanRows ?? []) ws.mergeCells(r + 1, 1, r + 1, width);
  for (const [top, bottom, col] of verticalRuns(sheet)) ws.mergeCells(top + 1, col + 1, bottom + 1, col + 1);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** [first row, last row, column] of each vertical merge: a value followed by empty cells. */
export function verticalRuns(sheet: PlanSheet): [number, number, number][] {
  const runs: [number, number, number][] = [];
  const spans = new Set(sheet.spanRows ?? []);
  for (const col of sheet.mergeColumns ?? []) {
    let start: number | null = null;
    for (let r = 1; r <= sheet.rows.length; r++) {
      const ends = r === sheet.rows.length || spans.has(r) || (sheet.rows[r]![col] ?? '') !== '';
      if (ends) {
        if (start !== null && r - 1 > start) runs.push([start, r - 1, col]);
        start = r < sheet.rows.length && !spans.has(r) && (sheet.rows[r]![col] ?? '') !== '' ? r : null;
      }
    }
  }
  return runs;
}

export interface DocxLayout {
  /** Paragraphs before the table (the decision's text). */
  preamble?: string[];
  /** A table that is not the plan (signature block), written before the appendix. */
  otherTable?: string[][];
  /** Title above the plan table ("PHỤ LỤC"). */
  title?: string;
  /** Rows after which the plan continues in a new table, with the header row repeated. */
  splitAfter?: number[];
}

export async function toDocx(sheet: PlanSheet, layout: DocxLayout = {}): Promise<Uint8Array> {
  const width = Math.max(...sheet.rows.map((r) => r.length));
  const runs = verticalRuns(sheet);
  const spans = new Set(sheet.spanRows ?? []);
  const merge = (r: number, c: number): 'restart' | 'continue' | null => {
    for (const [top, bottom, col] of runs) {
      if (col !== c || r < top || r > bottom) continue;
      return r === top ? 'restart' : 'continue';
    }
    return null;
  };
  const paragraphs = (text: string) =>
    (text === '' ? [''] : text.split('\n')).map((line) => new Paragraph({ children: [new TextRun(line)] }));
  const row = (r: number, header: boolean) => {
    const cells = sheet.rows[r]!;
    if (spans.has(r)) {
      return new TableRow({
        children: [new TableCell({ children: paragraphs(cells[0] ?? ''), columnSpan: width })],
      });
    }
    return new TableRow({
      tableHeader: header,
      children: Array.from({ length: width }, (_, c) => {
        const m = merge(r, c);
        return new TableCell({
          children: paragraphs(m === 'continue' ? '' : (cells[c] ?? '')),
          ...(m === null
            ? {}
            : { verticalMerge: m === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }),
        });
      }),
    });
  };
  const columnWidths = Array.from({ length: width }, () => Math.floor(9000 / width));
  const tables: Table[] = [];
  const cuts = [...(layout.splitAfter ?? []), sheet.rows.length - 1];
  let from = 1;
  for (const cut of cuts) {
    if (cut < from) continue;
    const body: TableRow[] = [row(0, true)];
    for (let r = from; r <= cut; r++) body.push(row(r, false));
    tables.push(new Table({ rows: body, columnWidths, width: { size: 9000, type: WidthType.DXA } }));
    from = cut + 1;
  }
  const children: (Paragraph | Table)[] = [];
  for (const text of layout.preamble ?? []) children.push(...paragraphs(text));
  if (layout.otherTable) {
    const w = Math.max(...layout.otherTable.map((r) => r.length));
    children.push(
      new Table({
        columnWidths: Array.from({ length: w }, () => Math.floor(9000 / w)),
        rows: layout.otherTable.map(
          (cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: paragraphs(c) })) }),
        ),
      }),
    );
  }
  if (layout.title) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: layout.title, bold: true })],
      }),
    );
  }
  tables.forEach((table, i) => {
    if (i > 0) children.push(new Paragraph({ children: [] }));
    children.push(table);
  });
  const document = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}
