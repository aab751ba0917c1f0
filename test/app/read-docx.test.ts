import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_XML_BYTES } from '../../src/app/plan-import/read-docx.ts';
import { PlanFileError, readPlanTable } from '../../src/app/plan-import/read-table.ts';
import { parsePlanTable } from '../../src/domain/plan-table.ts';
import { parseUnitsCsv, UnitDirectory } from '../../src/domain/unit-directory.ts';
import { type PlanSheet, toCsv, toDocx, toXlsx } from '../support/plan-files.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/plans/${name}`, import.meta.url)));
const directory = new UnitDirectory(parseUnitsCsv(new TextDecoder().decode(fixture('unseen-units.csv'))));

async function planOf(name: string, bytes: Uint8Array) {
  return parsePlanTable(await readPlanTable({ name, bytes }), directory);
}

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlanFileError);
  return (error as PlanFileError).problem;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const cell = (text: string, props = '') =>
  `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:tc>`;
const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const table = (columns: number, ...rows: string[]) =>
  `<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(columns)}</w:tblGrid>${rows.join('')}</w:tbl>`;
const docx = (body: string) =>
  zipSync({
    'word/document.xml': strToU8(
      `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    ),
  });
const HEADER = row(
  cell('TT'),
  cell('Nội dung thực hiện'),
  cell('Đơn vị chủ trì'),
  cell('Thời gian hoàn thành'),
);

describe('DOCX plans: an official decision built with the docx package', () => {
  it('skips the decision text and the signature table, reads merges, period rows and the repeated header', async () => {
    const plan = await planOf('qd.docx', fixture('official-decision.docx'));
    expect(plan.problems).toEqual([]);
    expect(plan.tasks.map((t) => [t.code, t.section, t.objective, t.task, t.leadUnits])).toEqual([
      ['1.I.1.1', 'Đến năm 2025', 'Hoàn thiện thể chế', '1. Rà soát quy định nội bộ', ['PC']],
      ['1.I.1.2', 'Đến năm 2025', 'Hoàn thiện thể chế', '1. Rà soát quy định nội bộ', ['PC']],
      ['1.I.2.1', 'Đến năm 2025', 'Hoàn thiện thể chế', '2. Chuẩn hóa thủ tục hành chính', ['VP']],
      ['1.II.1.1', 'Đến năm 2025', 'Phát triển hạ tầng số', '1. Nâng cấp hệ thống', ['CNTT']],
      ['1.II.1.2', 'Đến năm 2025', 'Phát triển hạ tầng số', '1. Nâng cấp hệ thống', ['CNTT']],
      ['2.I.1.1', 'Đến năm 2030', 'Hoàn thiện thể chế', '1. Rà soát quy định nội bộ', ['PC']],
      ['2.I.1.2', 'Đến năm 2030', 'Hoàn thiện thể chế', '1. Rà soát quy định nội bộ', ['TT']],
    ]);
    expect(plan.tasks[2]!.coordinatingUnits).toEqual(['CNTT']); // the state corporation is left out
    expect(plan.tasks[1]!.deadline.yearly).toEqual({ everyYears: 1, month: 11, day: 30 });
  });
});

describe('DOCX plans: saved by LibreOffice from an HTML table with rowspan and colspan', () => {
  it('reads the two-row header, the period rows and a lead merged over two tasks', async () => {
    const plan = await planOf('lo.docx', fixture('libreoffice.docx'));
    expect(plan.problems).toEqual([]);
    expect(plan.tasks.map((t) => [t.code, t.section, t.content, t.leadUnits, t.deadline.kind])).toEqual([
      [
        'A.I.1',
        'Giai đoạn 2021 - 2025 — Công tác chỉ đạo, điều hành',
        'Xây dựng kế hoạch năm',
        ['VP'],
        'recurring_annual',
      ],
      ['A.I.2', 'Giai đoạn 2021 - 2025 — Công tác chỉ đạo, điều hành', 'Giao ban định kỳ', ['VP'], 'ongoing'],
      [
        'A.II.1',
        'Giai đoạn 2021 - 2025 — Hạ tầng số',
        'Nâng cấp Cổng thông tin điện tử',
        ['CNTT'],
        'recurring_annual',
      ],
      [
        'B.I.1',
        'Giai đoạn 2026 - 2030 — Công tác chỉ đạo, điều hành',
        'Sơ kết Đề án',
        ['PC'],
        'recurring_annual',
      ],
    ]);
  });
});

describe('DOCX plans: bad input', () => {
  it('names the tables found and their header rows when none is a plan table', async () => {
    const bytes = docx(table(2, row(cell('Nơi nhận:'), cell('KT. TỔNG GIÁM ĐỐC'))));
    const problem = await problemOf(readPlanTable({ name: 'qd.docx', bytes }));
    expect(problem.code).toBe('no_plan_table');
    expect(problem.message).toContain('Có 1 bảng — bảng 1 (1 dòng): Nơi nhận: | KT. TỔNG GIÁM ĐỐC');
    expect((await problemOf(readPlanTable({ name: 'qd.docx', bytes: docx('<w:p/>') }))).message).toContain(
      'không có bảng nào',
    );
  });

  it('refuses a corrupt file, broken XML and a password-protected (OLE) .docx', async () => {
    const zipHead = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await problemOf(readPlanTable({ name: 'a.docx', bytes: zipHead }))).code).toBe('invalid_docx');
    const broken = zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:tbl>') });
    expect((await problemOf(readPlanTable({ name: 'a.docx', bytes: broken }))).code).toBe('invalid_docx');
    const noDocument = zipSync({ 'xl/workbook.xml': strToU8('<x/>') });
    expect((await problemOf(readPlanTable({ name: 'a.docx', bytes: noDocument }))).message).toContain(
      'word/document.xml',
    );
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await problemOf(readPlanTable({ name: 'a.docx', bytes: ole }))).message).toContain('mật khẩu');
  });

  it('refuses a 50 MB file by its size, before unzipping it', async () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const problem = await problemOf(readPlanTable({ name: 'big.docx', bytes: big }));
    expect(problem.code).toBe('file_too_large');
  });

  it('refuses a document.xml whose declared size is too large, without inflating it', async () => {
    const bytes = docx(table(4, HEADER));
    // Rewrite the declared uncompressed size in the local and central headers (a lying zip bomb).
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const declared = MAX_DOCUMENT_XML_BYTES + 1;
    for (let i = 0; i + 4 <= bytes.length; i++) {
      const signature = view.getUint32(i, true);
      if (signature === 0x04034b50) view.setUint32(i + 22, declared, true);
      if (signature === 0x02014b50) view.setUint32(i + 24, declared, true);
    }
    const problem = await problemOf(readPlanTable({ name: 'bomb.docx', bytes }));
    expect(problem.code).toBe('docx_too_large');
  });

  it('names table, row and cell of a cell merged past the table', async () => {
    const bytes = docx(
      table(4, HEADER, row(cell('1'), cell('Việc', '<w:gridSpan w:val="3"/>'), cell('Quý I/2025'))),
    );
    const problem = await problemOf(readPlanTable({ name: 'a.docx', bytes }));
    expect(problem.code).toBe('docx_merge_outside_table');
    expect(problem.message).toContain('Bảng 1, dòng 2: ô thứ 3 trải ra ngoài bảng');
  });

  it('refuses a column with data under an empty header cell, and pads ragged rows', async () => {
    const emptyHeader = docx(
      table(
        5,
        row(
          cell('TT'),
          cell('Nội dung thực hiện'),
          cell('Đơn vị chủ trì'),
          cell('Thời gian hoàn thành'),
          cell(''),
        ),
      ),
    );
    expect((await readPlanTable({ name: 'a.docx', bytes: emptyHeader })).rows).toHaveLength(1);
    const withData = docx(
      table(
        5,
        row(
          cell('TT'),
          cell('Nội dung thực hiện'),
          cell('Đơn vị chủ trì'),
          cell('Thời gian hoàn thành'),
          cell(''),
        ),
        row(cell('1'), cell('Việc'), cell('Vụ Pháp chế'), cell('Quý I/2025'), cell('Trung tâm CNTT')),
      ),
    );
    const problem = await problemOf(readPlanTable({ name: 'a.docx', bytes: withData }));
    expect(problem.code).toBe('empty_header_cell');
    expect(problem.message).toContain('cột 5');
    const ragged = docx(table(4, HEADER, row(cell('1'), cell('Việc'), cell('Vụ Pháp chế'))));
    const plan = await planOf('a.docx', ragged);
    expect(plan.tasks.map((t) => [t.code, t.leadUnits])).toEqual([['1', ['PC']]]);
  });
});

describe('merged unit and deadline cells (XLSX and DOCX)', () => {
  it('apply to every row they cover, while merged hierarchy cells stay a hierarchy', async () => {
    const sheet: PlanSheet = {
      rows: [
        ['TT', 'Nội dung thực hiện', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành'],
        ['1', 'Việc một', 'Văn phòng', 'Vụ Pháp chế', 'Quý I/2025'],
        ['2', 'Việc hai', '', '', ''],
        ['3', 'Việc ba', 'Trung tâm CNTT', '', 'Năm 2025'],
      ],
      mergeColumns: [2, 4],
    };
    for (const [name, bytes] of [
      ['m.xlsx', await toXlsx(sheet)],
      ['m.docx', await toDocx(sheet)],
    ] as const) {
      const plan = await planOf(name, bytes);
      expect(plan.problems).toEqual([]);
      expect(plan.tasks.map((t) => [t.code, t.leadUnits, t.coordinatingUnits, t.deadline.text])).toEqual([
        ['1', ['VP'], ['PC'], 'Quý I/2025'],
        ['2', ['VP'], [], 'Quý I/2025'],
        ['3', ['CNTT'], [], 'Năm 2025'],
      ]);
    }
  });
});

describe('the same table as CSV, XLSX and DOCX', () => {
  const LEADS = ['Vụ Pháp chế', 'Trung tâm CNTT', 'Các Vụ', 'Văn phòng; UBND tỉnh', 'Ban Thu', 'KHTC'];
  const DEADLINES = [
    'Quý I/2025',
    'Tháng 11 hằng năm',
    'Định kỳ 5 năm',
    'Thường xuyên',
    '6 tháng đầu năm 2025',
    '',
  ];
  const text = fc.stringMatching(/^[A-Za-zÀ-ỹ][A-Za-zÀ-ỹ ,.]{0,20}$/);
  const activity = fc.record({
    text,
    lead: fc.constantFrom(...LEADS),
    coordinating: fc.constantFrom('', 'Các đơn vị liên quan thuộc BHXH Việt Nam', 'Công an tỉnh'),
    deadline: fc.constantFrom(...DEADLINES),
  });
  const objective = fc.record({
    text,
    tasks: fc.array(fc.record({ text, activities: fc.array(activity, { minLength: 1, maxLength: 3 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
  });
  const plan = fc.array(
    fc.record({ period: fc.boolean(), objectives: fc.array(objective, { minLength: 1, maxLength: 2 }) }),
    {
      minLength: 1,
      maxLength: 2,
    },
  );

  type PlanValue = typeof plan extends fc.Arbitrary<infer T> ? T : never;

  function sheetOf(value: PlanValue): PlanSheet {
    const rows = [
      ['TT', 'Mục tiêu', 'Nhiệm vụ', 'Hoạt động', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn'],
    ];
    const spanRows: number[] = [];
    value.forEach((part, p) => {
      if (part.period) {
        spanRows.push(rows.length);
        rows.push([`${p + 1}. Đến năm ${2025 + 5 * p}`]);
      }
      for (const o of part.objectives) {
        o.tasks.forEach((t, ti) => {
          t.activities.forEach((a, ai) => {
            rows.push([
              '',
              ti === 0 && ai === 0 ? `Mục tiêu ${o.text}` : '',
              ai === 0 ? `Nhiệm vụ ${t.text}` : '',
              `Hoạt động ${a.text}`,
              a.lead,
              a.coordinating,
              a.deadline,
            ]);
          });
        });
      }
    });
    return { rows, mergeColumns: [1, 2], spanRows };
  }

  it('imports to the same tasks and problems', async () => {
    await fc.assert(
      fc.asyncProperty(plan, async (value) => {
        const sheet = sheetOf(value);
        const csv = await planOf('p.csv', new TextEncoder().encode(toCsv(sheet)));
        const xlsx = await planOf('p.xlsx', await toXlsx(sheet));
        const word = await planOf(
          'p.docx',
          await toDocx(sheet, { preamble: ['QUYẾT ĐỊNH'], title: 'PHỤ LỤC' }),
        );
        expect(xlsx.tasks).toEqual(csv.tasks);
        expect(word.tasks).toEqual(csv.tasks);
        expect(word.problems).toEqual(csv.problems);
      }),
      { numRuns: 12 },
    );
  });
});
