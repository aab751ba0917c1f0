/**
 * Text-layer PDF plans (issue 14): the table is rebuilt from the ruling lines and text positions
 * into the DOCX reader's model. The fixtures are the DOCX fixtures exported to PDF by LibreOffice
 * (`libreoffice --headless --convert-to pdf`), so each PDF must read exactly as its DOCX.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocxTable } from '../../src/app/plan-import/read-docx.ts';
import { joinSplitRows } from '../../src/app/plan-import/read-pdf.ts';
import { PlanFileError, readPlanTable } from '../../src/app/plan-import/read-table.ts';
import { parsePlanTable } from '../../src/domain/plan-table.ts';
import { parseUnitsCsv, UnitDirectory } from '../../src/domain/unit-directory.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/plans/${name}`, import.meta.url)));
const directory = new UnitDirectory(parseUnitsCsv(new TextDecoder().decode(fixture('unseen-units.csv'))));

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlanFileError);
  return (error as PlanFileError).problem;
}

/** A one-page PDF whose page draws `content` (Helvetica as F1), with a correct cross-reference table. */
function pdf(content: string): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const text = (x: number, y: number, s: string) => `BT /F1 9 Tf ${x} ${y} Td (${s}) Tj ET`;

describe.each([
  ['official-decision', 'an official decision (preamble, merges, period rows, a header repeated)'],
  ['libreoffice', 'a two-row header with column spans and a lead merged over two tasks'],
  ['unseen-plan', 'a 12-page hierarchical plan whose rows break across pages'],
])('a text-layer PDF exported by LibreOffice: %s', (name, what) => {
  it(`reads ${what} exactly as the DOCX it came from`, async () => {
    const fromPdf = await readPlanTable({ name: `${name}.pdf`, bytes: fixture(`${name}.pdf`) });
    const fromDocx = await readPlanTable({ name: `${name}.docx`, bytes: fixture(`${name}.docx`) });
    expect(fromPdf.format).toBe('pdf');
    expect(fromPdf.rows).toEqual(fromDocx.rows);
    const plan = parsePlanTable(fromPdf, directory);
    expect(plan.tasks.length).toBeGreaterThan(0);
    expect(plan).toEqual(parsePlanTable(fromDocx, directory));
    // As the CLI hands it over: a Node Buffer (pdfjs refuses those unless copied).
    const buffer = readFileSync(new URL(`../fixtures/plans/${name}.pdf`, import.meta.url));
    expect((await readPlanTable({ name: `${name}.pdf`, bytes: buffer })).rows).toEqual(fromDocx.rows);
  });
});

describe('PDF plans drawn as Word draws them, and bad input', () => {
  it('reads borders drawn as thin filled rectangles, and ignores the text outside the table', async () => {
    const xs = [50, 80, 250, 400, 545];
    const ys = [700, 680, 650];
    const borders = [
      ...ys.map((y) => `${xs[0]} ${y - 0.25} ${xs.at(-1)! - xs[0]!} 0.5 re f`),
      ...xs.map((x) => `${x - 0.25} ${ys.at(-1)} 0.5 ${ys[0]! - ys.at(-1)!} re f`),
    ];
    const cells = [
      text(55, 687, 'TT'),
      text(85, 687, 'Noi dung thuc hien'),
      text(255, 687, 'Don vi chu tri'),
      text(405, 687, 'Thoi gian hoan thanh'),
      text(55, 667, '1'),
      text(85, 667, 'Ra soat du lieu'),
      text(85, 657, 'dan cu'),
      text(255, 667, 'Trung tam CNTT'),
      text(405, 667, 'Quy IV/2025'),
    ];
    const bytes = pdf([text(50, 760, 'QUYET DINH ban hanh Ke hoach'), ...borders, ...cells].join('\n'));
    const plan = parsePlanTable(await readPlanTable({ name: 'word.pdf', bytes }), directory);
    expect(plan.tasks.map((t) => [t.code, t.content, t.leadUnits, t.deadline.due])).toEqual([
      ['1', 'Ra soat du lieu dan cu', ['CNTT'], '2025-12-31'],
    ]);
  });

  it('refuses a scanned PDF (no text layer) with its own code', async () => {
    const problem = await problemOf(
      readPlanTable({ name: 'scan.pdf', bytes: pdf('0.5 g 40 40 500 760 re f') }),
    );
    expect(problem.code).toBe('pdf_no_text');
    expect(problem.message).toContain('không có lớp chữ');
  });

  it('refuses a PDF with text but no ruled table', async () => {
    const problem = await problemOf(
      readPlanTable({ name: 'letter.pdf', bytes: pdf(text(72, 700, 'Noi dung thuc hien')) }),
    );
    expect(problem.code).toBe('pdf_no_table');
  });

  it('refuses a PDF that needs a password to open; one that only restricts copying reads', async () => {
    // Both made from libreoffice.pdf with qpdf --encrypt (AES-256): a user password, an owner password.
    const locked = await problemOf(readPlanTable({ name: 'locked.pdf', bytes: fixture('locked.pdf') }));
    expect(locked.code).toBe('pdf_encrypted');
    expect(locked.message).toContain('mật khẩu');
    const restricted = await readPlanTable({ name: 'r.pdf', bytes: fixture('copy-restricted.pdf') });
    const docx = await readPlanTable({ name: 'l.docx', bytes: fixture('libreoffice.docx') });
    expect(restricted.rows).toEqual(docx.rows);
  });

  it('refuses a damaged PDF and a file that only has the .pdf name', async () => {
    const broken = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage');
    expect((await problemOf(readPlanTable({ name: 'kh.pdf', bytes: broken }))).code).toBe('invalid_pdf');
    const csv = new TextEncoder().encode('TT,Nội dung\n');
    expect((await problemOf(readPlanTable({ name: 'kh.pdf', bytes: csv }))).code).toBe('format_mismatch');
  });
});

describe('rows broken at a page end', () => {
  const header = ['TT', 'Hoạt động', 'Đơn vị chủ trì', 'Thời gian hoàn thành'];
  const page = (...rows: string[][]): DocxTable => ({
    gridColumns: 4,
    rows: [header, ...rows].map((cells) => ({
      cells: cells.map((text) => ({ text, span: 1, vMerge: null })),
      gridBefore: 0,
    })),
  });
  const texts = (table: DocxTable) => table.rows.map((r) => r.cells.map((c) => c.text));

  it('joins the rest of a row to the last row of the page before', () => {
    const [first, second] = joinSplitRows([
      page(['1', 'Rà soát văn bản hướng', 'Vụ Pháp', 'Quý']),
      page(['', 'dẫn nghiệp vụ', 'chế', 'IV/2025'], ['2', 'Tập huấn', 'Văn phòng', 'Năm 2025']),
    ]);
    expect(texts(first!).at(-1)).toEqual([
      '1',
      'Rà soát văn bản hướng dẫn nghiệp vụ',
      'Vụ Pháp chế',
      'Quý IV/2025',
    ]);
    expect(texts(second!).slice(1)).toEqual([['2', 'Tập huấn', 'Văn phòng', 'Năm 2025']]);
  });

  it('keeps a row of its own: numbered, or an item whose lead is merged from the page before', () => {
    const tables = joinSplitRows([
      page(['', '1.1. Rà soát', 'Vụ Pháp chế', 'Quý IV/2025']),
      page(['', '1.2. Đề xuất sửa đổi', '', 'Quý I/2026']),
    ]);
    expect(texts(tables[1]!)).toHaveLength(2);
    const numbered = joinSplitRows([
      page(['1', 'Rà soát', 'VP', 'Năm 2025']),
      page(['2', 'Tập huấn', '', '']),
    ]);
    expect(texts(numbered[1]!)).toHaveLength(2);
  });
});
