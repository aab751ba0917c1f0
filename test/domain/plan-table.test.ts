import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlocking, parsePlanTable, type RawTable, WARNING_CODES } from '../../src/domain/plan-table.ts';
import { parseUnitsCsv, UnitDirectory } from '../../src/domain/unit-directory.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/plans/${name}`, import.meta.url), 'utf8');
const units = parseUnitsCsv(fixture('units.csv'));
const directory = new UnitDirectory(units);
const CENTRAL = units.filter((u) => u.kind === 'central').map((u) => u.code);
const PROVINCIAL = units.filter((u) => u.kind === 'provincial').map((u) => u.code);

const csvTable = (text: string): RawTable => ({
  rows: parse(text, { relax_column_count: true }),
  formulaCells: [],
  format: 'csv',
});
const table = (rows: string[][], formulaCells: RawTable['formulaCells'] = []): RawTable => ({
  rows,
  formulaCells,
  format: 'xlsx',
});
const HEADER = [
  'TT',
  'Nội dung thực hiện',
  'Đơn vị chủ trì',
  'Đơn vị phối hợp',
  'Thời gian hoàn thành',
  'Sản phẩm',
];
const codes = (plan: ReturnType<typeof parsePlanTable>) => plan.problems.map((p) => p.code);

describe('parsePlanTable: flat official layout', () => {
  const plan = parsePlanTable(csvTable(fixture('flat-official.csv')), directory);

  it('finds the header below the title and maps every column', () => {
    expect(plan.columns).toEqual([
      { header: 'TT', meaning: 'number' },
      { header: 'Nội dung thực hiện', meaning: 'content' },
      { header: 'Đơn vị\nchủ trì', meaning: 'lead' },
      { header: 'Đơn vị phối hợp', meaning: 'coordinating' },
      { header: 'Thời gian\nhoàn thành', meaning: 'deadline' },
      { header: 'Sản phẩm', meaning: 'product' },
    ]);
    expect(plan.problems).toEqual([]);
  });

  it('reads task rows, with codes as written and section rows in their three shapes', () => {
    expect(plan.tasks.map((t) => [t.code, t.row, t.section])).toEqual([
      ['1', 5, 'Công tác lãnh đạo, chỉ đạo'],
      ['2', 6, 'Công tác lãnh đạo, chỉ đạo'],
      ['3', 8, 'Cải cách TTHC, cung cấp DVC, dịch vụ thanh toán trực tuyến'],
      ['4', 9, 'Cải cách TTHC, cung cấp DVC, dịch vụ thanh toán trực tuyến'],
      ['5', 11, 'Công tác truyền thông và thi đua, khen thưởng'],
    ]);
  });

  it('resolves units, keeping the cells verbatim', () => {
    const [t1, t2, t3, t4] = plan.tasks;
    expect(t1!.leadUnits).toEqual(['CNTT']);
    // The lead is not also its own coordinator.
    expect(t1!.coordinatingUnits).toEqual([...CENTRAL.filter((c) => c !== 'CNTT'), ...PROVINCIAL]);
    expect(t2!.leadUnits).toEqual(['TCT']);
    expect(t3!.coordinatingUnits.slice(0, 4)).toEqual(['CNTT', 'TST', 'CSXH', 'CSYT']);
    expect(t4!.coordinatingUnits).toEqual(['TST', 'CNTT']);
    expect(t4!.coordinatingText).toBe(
      'Ban Quản lý Thu - Sổ, thẻ, Trung tâm CNTT; các Bộ, ngành, địa phương liên quan',
    );
  });

  it('keeps content, flat task/objective/activity fields, deadlines and products', () => {
    const [t1, t2, , t4, t5] = plan.tasks;
    expect(t1).toMatchObject({
      objective: null,
      activity: null,
      task: t1!.content,
      product: 'Hội nghị toàn Ngành',
      deadline: { text: 'Tháng 02/2024', kind: 'month', due: '2024-02-29' },
    });
    expect(t2!.deadline).toMatchObject({ kind: 'recurring_annual_from', due: '2024-12-31' });
    expect(t4!.product).toBeNull();
    expect(t4!.content).toContain('"Đăng ký khai sinh');
    expect(t5!.content).toContain('xuất sắc\ntrong thực hiện');
  });
});

describe('parsePlanTable: header matching', () => {
  it('matches synonyms, multi-line cells and ignores budget and notes', () => {
    const plan = parsePlanTable(
      table([
        [
          'STT',
          'Tên nhiệm vụ',
          'Cơ quan\nchủ trì',
          'Phối hợp',
          'Tiến độ',
          'Kết quả',
          'Kinh phí',
          'Ghi chú',
          'Cột lạ',
        ],
        ['1', 'Việc A', 'Vụ Pháp chế', '', 'Quý I/2024', '', '100', '', 'x'],
      ]),
      directory,
    );
    expect(plan.columns.map((c) => c.meaning)).toEqual([
      'number',
      'content',
      'lead',
      'coordinating',
      'deadline',
      'product',
      'budget',
      'notes',
      null,
    ]);
    expect(plan.problems).toEqual([
      expect.objectContaining({ code: 'unmatched_column', column: 'Cột lạ', row: 1 }),
    ]);
    expect(plan.problems.some(isBlocking)).toBe(false);
    expect(plan.tasks).toHaveLength(1);
  });

  it('reads a two-row header ("Đơn vị" over "Chủ trì | Phối hợp")', () => {
    const plan = parsePlanTable(
      table([
        ['TT', 'Nội dung', 'Đơn vị', '', 'Thời hạn'],
        ['', '', 'Chủ trì', 'Phối hợp', ''],
        ['1', 'Việc A', 'Vụ Pháp chế', 'Trung tâm CNTT', 'Năm 2024'],
      ]),
      directory,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.tasks[0]).toMatchObject({ row: 3, leadUnits: ['PC'], coordinatingUnits: ['CNTT'] });
  });

  it('reports a missing required column by the name the user knows', () => {
    const plan = parsePlanTable(table([HEADER.slice(0, 4), ['1', 'Việc A', 'Vụ Pháp chế', '']]), directory);
    expect(plan.tasks).toEqual([]);
    expect(plan.problems).toEqual([
      expect.objectContaining({ code: 'missing_column', column: 'Thời gian hoàn thành' }),
    ]);
    expect(isBlocking(plan.problems[0]!)).toBe(true);
  });

  it('reports a table without a recognisable header', () => {
    const plan = parsePlanTable(
      table([
        ['Họ tên', 'Ngày sinh'],
        ['A', '1/1/1990'],
      ]),
      directory,
    );
    expect(codes(plan)).toEqual(['missing_header']);
  });

  it('skips the header repeated on a later page and the column-numbering row', () => {
    const plan = parsePlanTable(
      table([
        HEADER,
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
        ['1', 'Việc A', 'Vụ Pháp chế', '', 'Năm 2024', ''],
        ['TT', 'Nội dung thực hiện', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành', 'Sản phẩm'],
        ['2', 'Việc B', 'Vụ Pháp chế', '', 'Năm 2024', ''],
      ]),
      directory,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.tasks.map((t) => [t.code, t.row])).toEqual([
      ['1', 3],
      ['2', 5],
    ]);
  });
});

describe('parsePlanTable: problems per task', () => {
  it('reports an unknown unit with its row, column header and value', () => {
    const plan = parsePlanTable(
      table([HEADER, ['1', 'Việc A', 'Trung tâm CNTT', 'Vụ XYZ, Vụ Pháp chế', 'Năm 2024', '']]),
      directory,
    );
    expect(plan.problems).toEqual([
      expect.objectContaining({ code: 'unknown_unit', row: 2, column: 'Đơn vị phối hợp', value: 'Vụ XYZ' }),
    ]);
    expect(plan.problems[0]!.message).toContain('"Vụ XYZ"');
    expect(plan.tasks[0]!.coordinatingUnits).toEqual(['PC']);
  });

  it('requires a lead unit of BHXH', () => {
    const plan = parsePlanTable(
      table([
        HEADER,
        ['1', 'Việc A', '', '', 'Năm 2024', ''],
        ['2', 'Việc B', 'Bộ Công an', '', 'Năm 2024', ''],
      ]),
      directory,
    );
    expect(plan.problems.map((p) => [p.code, p.row])).toEqual([
      ['missing_lead', 2],
      ['missing_lead', 3],
    ]);
  });

  it('keeps an unreadable or empty deadline verbatim and only warns', () => {
    const plan = parsePlanTable(
      table([
        HEADER,
        ['1', 'Việc A', 'Vụ Pháp chế', '', 'Sớm nhất có thể', ''],
        ['2', 'Việc B', 'Vụ Pháp chế', '', '', ''],
      ]),
      directory,
    );
    expect(plan.tasks[0]!.deadline).toEqual({
      text: 'Sớm nhất có thể',
      kind: 'unknown',
      due: null,
      start: null,
    });
    expect(codes(plan)).toEqual(['unknown_deadline', 'unknown_deadline']);
    expect(plan.problems.some(isBlocking)).toBe(false);
  });

  it('reports duplicate codes naming both rows', () => {
    const plan = parsePlanTable(
      table([
        HEADER,
        ['1', 'Việc A', 'Vụ Pháp chế', '', 'Năm 2024', ''],
        ['2', 'Việc B', 'Vụ Pháp chế', '', 'Năm 2024', ''],
        ['1.', 'Việc C', 'Vụ Pháp chế', '', 'Năm 2024', ''],
      ]),
      directory,
    );
    expect(plan.problems).toEqual([expect.objectContaining({ code: 'duplicate_code', row: 4, value: '1' })]);
    expect(plan.problems[0]!.message).toMatch(/dòng 2 và dòng 4/);
  });

  it('refuses formula cells and over-long cells', () => {
    const plan = parsePlanTable(
      table(
        [
          ['Kế hoạch (tiêu đề có công thức)'],
          HEADER,
          ['1', 'Việc A', 'Vụ Pháp chế', '', '30/06/2024', ''],
          ['2', 'x'.repeat(10_001), 'Vụ Pháp chế', '', 'Năm 2024', ''],
        ],
        [
          { row: 0, col: 0 },
          { row: 2, col: 4 },
        ],
      ),
      directory,
    );
    expect(plan.problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ['formula_cell', 3, 'Thời gian hoàn thành'],
      ['cell_too_long', 4, 'Nội dung thực hiện'],
    ]);
    expect(plan.problems.every(isBlocking)).toBe(true);
  });

  it('reports a task row without a number when the table numbers its rows', () => {
    const plan = parsePlanTable(
      table([HEADER, ['', 'Việc A', 'Vụ Pháp chế', '', 'Năm 2024', '']]),
      directory,
    );
    expect(codes(plan)).toEqual(['missing_code']);
  });

  it('splits warnings from blocking problems', () => {
    expect([...WARNING_CODES].sort()).toEqual(['unknown_deadline', 'unmatched_column']);
    expect(isBlocking({ row: 1, column: null, code: 'unknown_unit', message: '' })).toBe(true);
    expect(isBlocking({ row: 1, column: null, code: 'unknown_deadline', message: '' })).toBe(false);
  });
});

describe('parsePlanTable: hierarchical layout', () => {
  const plan = parsePlanTable(csvTable(fixture('hierarchical.csv')), directory);

  it('builds one task per activity with path codes', () => {
    expect(plan.problems).toEqual([]);
    expect(plan.tasks.map((t) => t.code)).toEqual([
      'I.1.1',
      'I.1.2',
      'I.2.1',
      'I.2.2',
      'II.1.1',
      'II.1.2',
      'II.2',
    ]);
  });

  it('carries objective and task down from merged cells', () => {
    expect(plan.tasks[1]).toMatchObject({
      objective: 'I. Hoàn thiện thể chế, chính sách',
      task: '1. Rà soát quy định nội bộ',
      activity: '1.2. Đề xuất sửa đổi, bổ sung',
      content: '1.2. Đề xuất sửa đổi, bổ sung',
    });
    expect(plan.tasks[6]).toMatchObject({ task: 'Tập huấn kỹ năng số', activity: null, leadUnits: ['TCCB'] });
  });

  it('inherits empty unit, deadline and product cells within the task only', () => {
    const [a11, a12, a21, a22, b11, b12] = plan.tasks;
    expect(a12).toMatchObject({
      leadUnits: ['PC'],
      coordinatingUnits: a11!.coordinatingUnits,
      product: 'Báo cáo rà soát',
    });
    expect(a12!.deadline.due).toBe('2024-06-30');
    expect(a22).toMatchObject({ leadText: 'Văn phòng BHXH Việt Nam', coordinatingUnits: ['CNTT'] });
    expect(a22!.deadline).toEqual(a21!.deadline);
    expect(b11!.coordinatingUnits).toEqual(PROVINCIAL);
    expect(b12).toMatchObject({
      leadUnits: ['CNTT'],
      coordinatingUnits: ['VP'],
      product: 'Phần mềm được nâng cấp',
    });
    expect(b12!.deadline.kind).toBe('ongoing');
  });

  it('numbers leaves from the TT column when it is filled on every activity row', () => {
    const result = parsePlanTable(
      table([
        ['TT', 'Nhiệm vụ', 'Hoạt động', 'Chủ trì', 'Thời gian'],
        ['1', 'Nhiệm vụ A', 'HĐ a', 'Vụ Pháp chế', 'Năm 2024'],
        ['3', '', 'HĐ b', '', ''],
        ['1', 'Nhiệm vụ B', 'HĐ c', 'Trung tâm CNTT', 'Năm 2024'],
      ]),
      directory,
    );
    expect(result.tasks.map((t) => t.code)).toEqual(['1.1', '1.3', '2.1']);
  });

  it('numbers groups from a TT column merged like the group', () => {
    const result = parsePlanTable(
      table([
        ['TT', 'Nhiệm vụ', 'Hoạt động', 'Chủ trì', 'Thời gian'],
        ['4', 'Nhiệm vụ A', 'HĐ a', 'Vụ Pháp chế', 'Năm 2024'],
        ['', '', 'HĐ b', '', ''],
        ['7', 'Nhiệm vụ B', 'HĐ c', 'Trung tâm CNTT', 'Năm 2024'],
      ]),
      directory,
    );
    expect(result.tasks.map((t) => t.code)).toEqual(['4.1', '4.2', '7.1']);
  });

  it('reports units written on a row that belongs to no activity', () => {
    const result = parsePlanTable(
      table([
        ['Nhiệm vụ', 'Hoạt động', 'Chủ trì', 'Thời gian'],
        ['', '', 'Vụ Pháp chế', 'Năm 2024'],
      ]),
      directory,
    );
    expect(codes(result)).toEqual(['orphan_row']);
  });
});

describe('parsePlanTable: robustness', () => {
  it('never throws on random cell text in a valid table', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '',
        'I',
        'II.',
        '1',
        '1.2',
        'a)',
        'Vụ Pháp chế',
        'BHXH các tỉnh, thành phố',
        'Quý IV/2024',
        '(1)',
      ),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    );
    const header = fc.constantFrom(
      HEADER,
      [
        'TT',
        'Mục tiêu',
        'Nhiệm vụ',
        'Hoạt động',
        'Đơn vị chủ trì',
        'Đơn vị phối hợp',
        'Thời hạn',
        'Sản phẩm',
      ],
      ['Nhiệm vụ', 'Nội dung', 'Chủ trì', 'Thời gian'],
    );
    fc.assert(
      fc.property(header, fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 12 }), (head, rows) => {
        const plan = parsePlanTable(table([head, ...rows]), directory);
        expect(Array.isArray(plan.tasks) && Array.isArray(plan.problems)).toBe(true);
        for (const task of plan.tasks) expect(task.row).toBeGreaterThan(1);
      }),
      { numRuns: 300 },
    );
  });
});
