import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { periodHeading, qualifyCodes, sectionHeading } from '../../src/domain/plan-periods.ts';
import { parsePlanTable, type RawTable } from '../../src/domain/plan-table.ts';
import { foldVietnamese } from '../../src/domain/text.ts';
import { parseUnitsCsv, UnitDirectory } from '../../src/domain/unit-directory.ts';

const units = parseUnitsCsv(readFileSync(new URL('../fixtures/plans/units.csv', import.meta.url), 'utf8'));
const directory = new UnitDirectory(units);
const table = (rows: string[][]): RawTable => ({ rows, formulaCells: [], format: 'xlsx' });

describe('periodHeading', () => {
  it.each([
    ['1. Đến năm 2025', '', 'period', '1', 'Đến năm 2025'],
    ['Đến năm 2030', '2', 'period', '2', 'Đến năm 2030'],
    ['Giai đoạn 2021 - 2025', '', 'period', null, 'Giai đoạn 2021 - 2025'],
    ['Giai đoạn 1 (từ năm 2023 - 2025)', '', 'period', null, 'Giai đoạn 1 (từ năm 2023 - 2025)'],
    ['Năm 2024', '', 'period', null, 'Năm 2024'],
    ['Phần I. Nhiệm vụ chung', '', 'part', 'I', 'Phần I. Nhiệm vụ chung'],
    ['Phần thứ 2', '', 'part', '2', 'Phần thứ 2'],
  ] as const)('%j (TT %j) is a %s numbered %s', (text, tt, level, number, title) => {
    for (const written of [text, foldVietnamese(text)]) {
      const heading = periodHeading(written, tt);
      expect(heading?.level).toBe(level);
      expect(heading?.number).toBe(number);
      expect(foldVietnamese(heading?.title ?? '')).toBe(foldVietnamese(title));
    }
  });

  it.each([
    'Đến năm 2025, 100% hồ sơ được số hóa',
    'Hoàn thiện thể chế',
    '1. Rà soát quy định',
    'Năm 2024 và các năm tiếp theo triển khai hệ thống',
  ])('%j is not a period', (text) => {
    expect(periodHeading(text)).toBeNull();
  });

  it('reads letters as parts and Roman numerals as sections', () => {
    expect(sectionHeading('A. Nhiệm vụ chung')).toEqual({
      level: 'part',
      number: 'A',
      title: 'Nhiệm vụ chung',
    });
    expect(sectionHeading('II. Công tác chỉ đạo')).toEqual({
      level: 'section',
      number: 'II',
      title: 'Công tác chỉ đạo',
    });
    expect(sectionHeading('Công tác chỉ đạo')).toEqual({
      level: 'section',
      number: null,
      title: 'Công tác chỉ đạo',
    });
  });
});

describe('qualifyCodes', () => {
  it('keeps codes numbered straight through, prefixes all codes once numbering restarts', () => {
    const straight = [
      { code: '1', sectionPath: 'I' },
      { code: '2', sectionPath: 'II' },
    ];
    expect(qualifyCodes(straight)).toBe(straight);
    expect(
      qualifyCodes([
        { code: '1', sectionPath: 'I' },
        { code: '1', sectionPath: 'II' },
        { code: '2', sectionPath: '' },
      ]).map((d) => d.code),
    ).toEqual(['I.1', 'II.1', '2']);
  });
});

const HIER_HEADER = ['TT', 'Mục tiêu', 'Nhiệm vụ', 'Hoạt động', 'Chủ trì', 'Phối hợp', 'Thời hạn'];

describe('parsePlanTable: period rows and restarting numbering', () => {
  it('puts period rows merged across a hierarchical table into section and code', () => {
    const rows = [
      HIER_HEADER,
      ['1. Đến năm 2025', '', '', '', '', '', ''],
      ['I', 'Hoàn thiện thể chế', '1. Rà soát', '1.1. Rà soát văn bản', 'Vụ Pháp chế', '', 'Quý I/2025'],
      ['', '', '', '1.2. Đề xuất sửa đổi', '', '', 'Quý II/2025'],
      ['2. Đến năm 2030', '', '', '', '', '', ''],
      ['I', 'Hoàn thiện thể chế', '1. Rà soát', '1.1. Rà soát lại', 'Vụ TCCB', '', 'Năm 2030'],
      // The period text in the objective column (the merge's master is not the TT cell).
      ['', 'Giai đoạn 2031 - 2035', 'Giai đoạn 2031 - 2035', '', '', '', ''],
      [
        '',
        'Mục tiêu mới',
        '1. Tổng kết',
        '1.1. Tổng kết Đề án',
        'Trung tâm CNTT',
        'Các Vụ',
        'Tháng 11 hằng năm',
      ],
    ];
    const plan = parsePlanTable(table(rows), directory);
    expect(plan.problems.filter((p) => p.code !== 'unknown_deadline')).toEqual([]);
    expect(plan.tasks.map((t) => [t.code, t.section, t.objective])).toEqual([
      ['1.I.1.1', 'Đến năm 2025', 'Hoàn thiện thể chế'],
      ['1.I.1.2', 'Đến năm 2025', 'Hoàn thiện thể chế'],
      ['2.I.1.1', 'Đến năm 2030', 'Hoàn thiện thể chế'],
      ['3.I.1.1', 'Giai đoạn 2031 - 2035', 'Mục tiêu mới'],
    ]);
    expect(plan.tasks[3]!.coordinatingUnits).toEqual(['TCCB', 'PC', 'TCKT', 'TDKT']);
  });

  it('reads flat tables numbered again under parts and sections', () => {
    const rows = [
      ['TT', 'Nội dung thực hiện', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành'],
      ['A', 'Nhiệm vụ chung', '', '', ''],
      ['I', 'Công tác chỉ đạo', '', '', ''],
      ['1', 'Xây dựng kế hoạch', 'Văn phòng', '', 'Tháng 3/2025'],
      ['2', 'Giao ban', 'Văn phòng', '', 'Hằng tháng'],
      ['B', 'Nhiệm vụ riêng', '', '', ''],
      ['I', 'Công tác chỉ đạo', '', '', ''],
      ['1', 'Kiểm tra', 'Vụ Pháp chế', '', 'Quý IV/2025'],
    ];
    const plan = parsePlanTable(table(rows), directory);
    expect(plan.problems).toEqual([]);
    expect(plan.tasks.map((t) => [t.code, t.section])).toEqual([
      ['A.I.1', 'Nhiệm vụ chung — Công tác chỉ đạo'],
      ['A.I.2', 'Nhiệm vụ chung — Công tác chỉ đạo'],
      ['B.I.1', 'Nhiệm vụ riêng — Công tác chỉ đạo'],
    ]);
  });

  it('still reports a code repeated under the same heading', () => {
    const rows = [
      ['TT', 'Nội dung thực hiện', 'Đơn vị chủ trì', 'Thời gian hoàn thành'],
      ['1', 'Đến năm 2025', '', ''],
      ['1', 'Việc một', 'Văn phòng', 'Năm 2025'],
      ['1', 'Việc hai', 'Văn phòng', 'Năm 2025'],
    ];
    const plan = parsePlanTable(table(rows), directory);
    expect(plan.problems.map((p) => p.code)).toEqual(['duplicate_code']);
    expect(plan.tasks.map((t) => t.section)).toEqual(['Đến năm 2025', 'Đến năm 2025']);
  });
});
