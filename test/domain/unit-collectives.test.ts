import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../src/domain/text.ts';
import { isOutsideBody } from '../../src/domain/unit-collectives.ts';
import { parseUnitsCsv, UnitDirectory } from '../../src/domain/unit-directory.ts';

const units = parseUnitsCsv(readFileSync(new URL('../fixtures/plans/units.csv', import.meta.url), 'utf8'));
const directory = new UnitDirectory(units);
const CENTRAL = units.filter((u) => u.kind === 'central').map((u) => u.code);
const VU = ['TCCB', 'PC', 'TCKT', 'TDKT'];
const BAN = ['TST', 'CSXH', 'CSYT'];

/** Each case is checked as written and with its diacritics stripped (OCR and hurried typing). */
function bothWays(cases: [string, string[], string[]][]): [string, string[], string[]][] {
  return cases.flatMap((c) => [c, [foldVietnamese(c[0]), c[1], c[2]] as typeof c]);
}

describe('collective phrases in unit cells', () => {
  it.each(
    bothWays([
      ['Các đơn vị liên quan thuộc BHXH Việt Nam', CENTRAL, []],
      ['Các đơn vị thuộc và trực thuộc BHXH Việt Nam', CENTRAL, []],
      ['Các đơn vị có liên quan của BHXH Việt Nam', CENTRAL, []],
      ['Các Vụ', VU, []],
      ['Ban', BAN, []],
      ['Các Vụ, Ban', [...VU, ...BAN], []],
      ['Các Vụ, Ban, Trung tâm', [...VU, ...BAN, 'CNTT'], []],
      ['Các Ban nghiệp vụ và Trung tâm CNTT', [...BAN, 'CNTT'], []],
      ['các cơ quan thông tấn, báo chí Trung ương', [], []],
      ['Ban KHTC', [], ['Ban KHTC']],
      ['Vụ KHTC, Vụ Pháp chế', ['PC'], ['Vụ KHTC']],
    ]),
  )('%j → %j, unknown %j', (cell, codes, unknown) => {
    const resolved = directory.resolve(cell);
    expect(new Set(resolved.codes)).toEqual(new Set(codes));
    expect(resolved.unknown).toEqual(
      unknown.map((u) => (cell === foldVietnamese(cell) ? foldVietnamese(u) : u)),
    );
  });
});

describe('outside bodies', () => {
  it.each(
    bothWays([
      ['Tổng công ty Bưu điện Việt Nam', [], []],
      ['UBND tỉnh', [], []],
      ['Công an tỉnh, thành phố', [], []],
      ['Thông tấn xã Việt Nam, Đài Truyền hình Việt Nam', [], []],
      ['Trung tâm CNTT và Tổng công ty Bưu điện Việt Nam', ['CNTT'], []],
      ['Vụ Pháp chế; Bộ Quốc phòng; Ngân hàng Chính sách xã hội', ['PC'], []],
      ['Sở Y tế, Sở Tư pháp các tỉnh', [], []],
      ['Tập đoàn VNPT, Viettel', [], []],
      ['Công ty TNHH ABC; Ủy ban nhân dân các quận, huyện', [], []],
    ]),
  )('%j → %j (outside bodies left out)', (cell, codes, unknown) => {
    const resolved = directory.resolve(cell);
    expect(new Set(resolved.codes)).toEqual(new Set(codes));
    expect(resolved.unknown).toEqual(unknown);
  });

  it.each([
    'Viện Khoa học BHXH',
    'Tạp chí BHXH',
    'Trung tâm Lưu trữ',
    'Ban KHTC',
    'Vụ Kế hoạch',
    'KHTC',
    'TTLT',
  ])('does not take the BHXH-looking %j for an outside body', (name) => {
    expect(isOutsideBody(name)).toBe(false);
  });
});
