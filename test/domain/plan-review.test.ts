import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  describeUnresolved,
  mapCommand,
  parseMaps,
  reviewPlan,
  withMappedAliases,
} from '../../src/domain/plan-review.ts';
import { isBlocking, parsePlanTable } from '../../src/domain/plan-table.ts';
import { parseUnitsCsv, UnitDirectory, type UnitEntry } from '../../src/domain/unit-directory.ts';
import { suggestUnits } from '../../src/domain/unit-suggestions.ts';

const units = parseUnitsCsv(readFileSync(new URL('../fixtures/plans/units.csv', import.meta.url), 'utf8'));
const withExtra: UnitEntry[] = [
  ...units,
  { code: 'KHTC', kind: 'central', name: 'Vụ Kế hoạch - Tài chính', aliases: [] },
  { code: 'TTLT', kind: 'central', name: 'Trung tâm Lưu trữ', aliases: [] },
  { code: 'TAPCHI', kind: 'central', name: 'Tạp chí Bảo hiểm xã hội', aliases: [] },
];

describe('suggestUnits', () => {
  it.each([
    ['KHTC', 'KHTC'],
    ['TTLT', 'TTLT'],
    ['LT', 'TTLT'],
    ['TCBHXH', 'TAPCHI'],
    ['Vụ Tổ chức', 'TCCB'],
    ['Ban Thu sổ thẻ', 'TST'],
  ])('%j → %s first', (name, code) => {
    expect(suggestUnits(name, withExtra)[0]?.code).toBe(code);
  });

  it('suggests nothing for a name like no unit, and no provincial office for an abbreviation', () => {
    expect(suggestUnits('XYZW', withExtra)).toEqual([]);
    expect(suggestUnits('HN', withExtra).map((s) => s.code)).not.toContain('BHXH-HN');
  });
});

describe('reviewPlan', () => {
  const rows = [
    ['TT', 'Nội dung thực hiện', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành'],
    ['1', 'Việc một', 'KHTC', 'Vụ Pháp chế', 'Quý I/2025'],
    ['2', 'Việc hai', 'Vụ Pháp chế', 'khtc, TTLT', 'Tháng 11 hằng năm'],
    ['3', 'Việc ba', 'Văn phòng', '', 'Khi có yêu cầu'],
    ['4', 'Việc bốn', 'KHTC', '', 'lúc nào đó'],
  ];
  const parsed = parsePlanTable({ rows, formulaCells: [], format: 'csv' }, new UnitDirectory(units));
  const review = reviewPlan(parsed, withExtra, isBlocking);

  it('keeps every row, with the issues found on it', () => {
    expect(review.rows.map((r) => [r.row, r.issues.map((i) => i.code)])).toEqual([
      [2, ['unknown_unit']],
      [3, ['unknown_unit', 'unknown_unit']],
      [4, []],
      [5, ['unknown_unit', 'unknown_deadline']],
    ]);
    expect(review.rows[3]!.issues[1]!.blocking).toBe(false);
  });

  it('groups unknown names once each, ignoring case and diacritics, with rows and suggestions', () => {
    expect(review.unresolved.map((u) => [u.name, u.rows, u.suggestions[0]?.code])).toEqual([
      ['KHTC', [2, 3, 5], 'KHTC'],
      ['TTLT', [3], 'TTLT'],
    ]);
    expect(describeUnresolved(review.unresolved[0]!)).toBe(
      'KHTC (dòng 2, 3, 5) — có phải Vụ Kế hoạch - Tài chính (KHTC)?',
    );
    expect(mapCommand('kế hoạch.docx', review.unresolved, ['--number', 'T-1'])).toBe(
      'da06 plan import "kế hoạch.docx" --number T-1 --map KHTC=KHTC --map TTLT=TTLT',
    );
  });

  it('after the mapping step every unit resolves', () => {
    const maps = parseMaps(['KHTC=khtc', 'TTLT = TTLT']);
    const again = parsePlanTable(
      { rows, formulaCells: [], format: 'csv' },
      new UnitDirectory(withMappedAliases(withExtra, maps)),
    );
    expect(again.problems.filter(isBlocking)).toEqual([]);
    expect(again.tasks[1]!.coordinatingUnits).toEqual(['KHTC', 'TTLT']);
  });

  it('refuses a --map value without a name or a code', () => {
    expect(() => parseMaps(['KHTC'])).toThrow(/TÊN=MÃ/);
    expect(() => parseMaps(['=TCKT'])).toThrow(/TÊN=MÃ/);
  });
});
