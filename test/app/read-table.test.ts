import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { PlanFileError, readPlanTable } from '../../src/app/plan-import/read-table.ts';
import { isBlocking, parsePlanTable } from '../../src/domain/plan-table.ts';
import { parseUnitsCsv, UnitDirectory } from '../../src/domain/unit-directory.ts';

const fixtureBytes = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/plans/${name}`, import.meta.url)));
const directory = new UnitDirectory(parseUnitsCsv(new TextDecoder().decode(fixtureBytes('units.csv'))));

/** The PlanFileError's problem, or a failure when the read succeeds or fails differently. */
async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlanFileError);
  return (error as PlanFileError).problem;
}

describe('readPlanTable: CSV', () => {
  const reference = readPlanTable({ name: 'flat-official.csv', bytes: fixtureBytes('flat-official.csv') });

  it('reads UTF-8 with quoted multi-line cells', async () => {
    const table = await reference;
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', formulaCells: [] });
    expect(table.rows).toHaveLength(11);
    expect(table.rows[2]).toEqual([
      'TT',
      'Nội dung thực hiện',
      'Đơn vị\nchủ trì',
      'Đơn vị phối hợp',
      'Thời gian\nhoàn thành',
      'Sản phẩm',
    ]);
  });

  it.each([
    ['flat-official.utf8-bom.csv', 'utf-8'],
    ['flat-official.windows-1258.csv', 'windows-1258'],
    ['flat-official.semicolon.csv', 'utf-8'],
  ])('reads %s to the same rows', async (name, encoding) => {
    const table = await readPlanTable({ name, bytes: fixtureBytes(name) });
    expect(table.encoding).toBe(encoding);
    expect(table.rows).toEqual((await reference).rows);
  });

  it('composes Windows-1258 combining tone marks into NFC letters', async () => {
    const table = await readPlanTable({
      name: 'kh.csv',
      bytes: fixtureBytes('flat-official.windows-1258.csv'),
    });
    expect(table.rows[0]![0]).toBe('KẾ HOẠCH TRIỂN KHAI ĐỀ ÁN 06 CỦA BẢO HIỂM XÃ HỘI VIỆT NAM NĂM 2024');
    expect(table.rows[0]![0]!.normalize('NFC')).toBe(table.rows[0]![0]);
  });

  it('reads UTF-16 with BOM and tab delimiters (Excel "Unicode text")', async () => {
    const text = 'TT\tNội dung\tĐơn vị chủ trì\tThời gian\n1\tViệc A, việc B\tVụ Pháp chế\tQuý I/2024\n';
    for (const [encoding, name] of [
      ['utf-16le', 'utf-16le'],
      ['utf-16be', 'utf-16be'],
    ] as const) {
      const bytes = new Uint8Array(iconv.encode(text, encoding, { addBOM: true }));
      const table = await readPlanTable({ name: 'kh.txt', bytes });
      expect(table.encoding).toBe(name);
      expect(table.rows[1]).toEqual(['1', 'Việc A, việc B', 'Vụ Pháp chế', 'Quý I/2024']);
    }
  });

  it('refuses UTF-16 without a byte-order mark instead of reading NUL characters', async () => {
    const bytes = new Uint8Array(iconv.encode('TT,Nội dung\n', 'utf-16le'));
    expect(await problemOf(readPlanTable({ name: 'kh.csv', bytes }))).toMatchObject({
      code: 'invalid_encoding',
    });
  });

  it('names the row of an unclosed quote', async () => {
    const bytes = new TextEncoder().encode(
      'TT,Nội dung,Đơn vị chủ trì\n1,Việc A,Vụ Pháp chế\n2,"Việc B,Vụ Pháp chế\n',
    );
    const problem = await problemOf(readPlanTable({ name: 'kh.csv', bytes }));
    expect(problem).toMatchObject({ code: 'malformed_csv', row: 3 });
    expect(problem.message).toMatch(/dòng 3.*ngoặc kép/);
  });

  it('rejects an empty file and a file of blank lines', async () => {
    for (const text of ['', '\n\n  \n']) {
      const problem = await problemOf(
        readPlanTable({ name: 'kh.csv', bytes: new TextEncoder().encode(text) }),
      );
      expect(problem).toMatchObject({ code: 'empty_file', message: 'Tệp rỗng: không có dòng nào.' });
    }
  });
});

describe('readPlanTable: format and size', () => {
  it('rejects input over the size limit before parsing, saying size and limit', async () => {
    const bytes = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x2c);
    const problem = await problemOf(readPlanTable({ name: 'kh.csv', bytes }));
    expect(problem.code).toBe('file_too_large');
    expect(problem.message).toContain('5242881 byte');
    expect(problem.message).toContain('giới hạn 5 MiB');
    const small = await problemOf(
      readPlanTable({ name: 'kh.xlsx', bytes: new Uint8Array(2048) }, { maxBytes: 1024 }),
    );
    expect(small.message).toMatch(/2 KiB.*giới hạn 1 KiB/);
  });

  it('accepts only .csv, .txt, .xlsx, .docx and .pdf, and says how to save the others', async () => {
    const bytes = new TextEncoder().encode('TT,Nội dung\n');
    expect(await problemOf(readPlanTable({ name: 'kh.docx', bytes }))).toMatchObject({
      code: 'format_mismatch',
    });
    for (const name of ['kh.doc', 'kh.docm']) {
      const problem = await problemOf(readPlanTable({ name, bytes }));
      expect(problem.code).toBe('unsupported_format');
      expect(problem.message).toContain('lưu thành .docx');
    }
    expect(await problemOf(readPlanTable({ name: 'kh.pdf', bytes }))).toMatchObject({
      code: 'format_mismatch',
      message: expect.stringContaining('PDF'),
    });
    expect((await problemOf(readPlanTable({ name: 'kh.xls', bytes }))).message).toContain('Excel cũ (.xls)');
    expect(await problemOf(readPlanTable({ name: 'kh', bytes }))).toMatchObject({
      code: 'unsupported_format',
    });
  });

  it('rejects a .csv that is a zip and an .xlsx that is not', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    expect(await problemOf(readPlanTable({ name: 'kh.csv', bytes: zip }))).toMatchObject({
      code: 'format_mismatch',
    });
    const text = new TextEncoder().encode('TT,Nội dung\n');
    expect(await problemOf(readPlanTable({ name: 'kh.xlsx', bytes: text }))).toMatchObject({
      code: 'format_mismatch',
    });
    expect(await problemOf(readPlanTable({ name: 'kh.xlsx', bytes: zip }))).toMatchObject({
      code: 'invalid_xlsx',
    });
  });
});

async function hierarchicalWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Ghi chú').addRow(['Trang này không phải kế hoạch']);
  const ws = workbook.addWorksheet('Kế hoạch');
  ws.addRow(['Nhiệm vụ', 'Hoạt động', 'Đơn vị\nchủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành', 'Năm']);
  ws.addRow(['1. Số hóa hồ sơ', 'Rà soát', 'Trung tâm CNTT', 'Các đơn vị', 'Quý I/2024', 2024]);
  ws.addRow(['', 'Số hóa', '', '', new Date(Date.UTC(2024, 5, 30)), 2024.5]);
  ws.addRow(['', { richText: [{ text: 'Kiểm ' }, { text: 'tra', font: { bold: true } }] }, '', '', '', null]);
  ws.addRow([
    '2. Truyền thông',
    { text: 'Đăng tin', hyperlink: 'https://baohiemxahoi.gov.vn' },
    'Vụ Pháp chế',
    '',
  ]);
  ws.getCell('E5').value = { formula: 'DATE(2024,12,31)', result: new Date(Date.UTC(2024, 11, 31)) };
  ws.mergeCells('A2:A4');
  ws.mergeCells('C2:C4');
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('readPlanTable: XLSX', () => {
  it('reads the named sheet: merged cells empty below the master, text as Excel shows it', async () => {
    const table = await readPlanTable(
      { name: 'kh.xlsx', bytes: await hierarchicalWorkbook() },
      { sheet: 'kế hoạch' },
    );
    expect(table.format).toBe('xlsx');
    expect(table.rows).toEqual([
      ['Nhiệm vụ', 'Hoạt động', 'Đơn vị\nchủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành', 'Năm'],
      ['1. Số hóa hồ sơ', 'Rà soát', 'Trung tâm CNTT', 'Các đơn vị', 'Quý I/2024', '2024'],
      ['', 'Số hóa', '', '', '30/06/2024', '2024.5'],
      ['', 'Kiểm tra'],
      ['2. Truyền thông', 'Đăng tin', 'Vụ Pháp chế', '', '31/12/2024'],
    ]);
    expect(table.formulaCells).toEqual([{ row: 4, col: 4 }]);
  });

  it('reads the first sheet by default and names the sheets when one is missing', async () => {
    const bytes = await hierarchicalWorkbook();
    expect((await readPlanTable({ name: 'kh.xlsx', bytes })).rows).toEqual([
      ['Trang này không phải kế hoạch'],
    ]);
    const problem = await problemOf(readPlanTable({ name: 'kh.xlsx', bytes }, { sheet: 'KH 2025' }));
    expect(problem).toMatchObject({ code: 'sheet_not_found' });
    expect(problem.message).toContain('"Kế hoạch"');
  });

  it('feeds the hierarchical interpretation, which inherits merged cells and refuses the formula', async () => {
    const table = await readPlanTable(
      { name: 'kh.xlsx', bytes: await hierarchicalWorkbook() },
      { sheet: 'Kế hoạch' },
    );
    const plan = parsePlanTable(table, directory);
    expect(plan.tasks.map((t) => [t.code, t.leadUnits.join(), t.deadline.due])).toEqual([
      ['1.1', 'CNTT', '2024-03-31'],
      ['1.2', 'CNTT', '2024-06-30'],
      ['1.3', 'CNTT', '2024-06-30'],
      ['2.1', 'PC', '2024-12-31'],
    ]);
    expect(plan.problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ['unmatched_column', 1, 'Năm'],
      ['formula_cell', 5, 'Thời gian hoàn thành'],
    ]);
    expect(plan.problems.filter(isBlocking).map((p) => p.code)).toEqual(['formula_cell']);
  });

  it('rejects a workbook whose sheet is empty', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Trống');
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await problemOf(readPlanTable({ name: 'kh.xlsx', bytes }))).toMatchObject({ code: 'empty_file' });
  });
});
