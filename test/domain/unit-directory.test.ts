import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.ts';
import { parseUnitsCsv, UnitDirectory, type UnitEntry } from '../../src/domain/unit-directory.ts';
import { describeError } from '../../src/presentation/errors.ts';

const units = parseUnitsCsv(readFileSync(new URL('../fixtures/plans/units.csv', import.meta.url), 'utf8'));
const directory = new UnitDirectory(units);
const codesOfKind = (kind: UnitEntry['kind']) => units.filter((u) => u.kind === kind).map((u) => u.code);
const CENTRAL = codesOfKind('central');
const PROVINCIAL = codesOfKind('provincial');

describe('parseUnitsCsv', () => {
  it('reads code, kind, name and |-separated aliases', () => {
    expect(units).toHaveLength(13);
    expect(units.find((u) => u.code === 'TST')).toEqual({
      code: 'TST',
      kind: 'central',
      name: 'Ban Quản lý Thu - Sổ, thẻ',
      aliases: ['TST', 'Ban Thu', 'Ban Quản lý Thu-Sổ, thẻ'],
    });
    expect(units.find((u) => u.code === 'TCT')?.kind).toBe('group');
  });

  it('ignores a BOM, column order and blank lines', () => {
    const entries = parseUnitsCsv('\uFEFFname,code,aliases,kind\n\nVụ Pháp chế,PC,Vụ PC,central\n');
    expect(entries).toEqual([{ code: 'PC', kind: 'central', name: 'Vụ Pháp chế', aliases: ['Vụ PC'] }]);
  });

  it('rejects an unknown kind or a missing column, naming the line', () => {
    const badKind = thrown(() => parseUnitsCsv('code,kind,name,aliases\nPC,ministry,Vụ Pháp chế,\n'));
    expect(badKind).toMatchObject({ code: 'unit_directory.bad_kind', params: { line: 2, kind: 'ministry' } });
    expect(describeError(badKind, 'vi')).toMatch(/dòng 2.*ministry/);
    const noKind = thrown(() => parseUnitsCsv('code,name,aliases\nPC,Vụ Pháp chế,\n'));
    expect(describeError(noKind, 'vi')).toMatch(/thiếu cột "kind"/);
    expect(describeError(noKind, 'en')).toMatch(/no column "kind"/);
  });
});

describe('UnitDirectory', () => {
  it('looks units up by code', () => {
    expect(directory.get('CNTT')?.name).toBe('Trung tâm Công nghệ thông tin');
    expect(directory.get('XYZ')).toBeUndefined();
    expect(directory.all()).toHaveLength(13);
  });

  it('refuses duplicate codes and an alias shared by two units', () => {
    const pc: UnitEntry = { code: 'PC', kind: 'central', name: 'Vụ Pháp chế', aliases: [] };
    expect(
      describeError(
        thrown(() => new UnitDirectory([pc, pc])),
        'vi',
      ),
    ).toMatch(/"PC" bị trùng/);
    const clash = thrown(
      () => new UnitDirectory([pc, { code: 'PC2', kind: 'central', name: 'Vụ Pháp Chế', aliases: [] }]),
    );
    expect(clash).toMatchObject({
      code: 'unit_directory.alias_clash',
      params: { first: 'PC', second: 'PC2' },
    });
    expect(describeError(clash, 'vi')).toMatch(/"PC" và "PC2"/);
  });
});

describe('UnitDirectory.resolve', () => {
  it('splits a human-written cell into units, groups first mentioned first, without repeats', () => {
    const result = directory.resolve('Trung tâm CNTT; Vụ Tổ chức cán bộ, các đơn vị và BHXH các tỉnh');
    expect(result.unknown).toEqual([]);
    expect(result.codes.slice(0, 2)).toEqual(['CNTT', 'TCCB']);
    expect(new Set(result.codes)).toEqual(new Set([...CENTRAL, ...PROVINCIAL]));
    expect(result.codes).toHaveLength(new Set(result.codes).size);
  });

  it('keeps commas inside unit names and group phrases', () => {
    expect(directory.resolve('Ban Quản lý Thu - Sổ, thẻ, Ban Thực hiện chính sách BHYT')).toEqual({
      codes: ['TST', 'CSYT'],
      unknown: [],
    });
    expect(directory.resolve('BHXH các tỉnh, thành phố trực thuộc Trung ương')).toEqual({
      codes: PROVINCIAL,
      unknown: [],
    });
  });

  it('ignores case, diacritics (OCR text), spacing around dashes and trailing dots', () => {
    expect(directory.resolve('trung tam cntt, BAN QUAN LY THU-SO, THE.')).toEqual({
      codes: ['CNTT', 'TST'],
      unknown: [],
    });
  });

  it('matches long and short forms of the usual abbreviations', () => {
    expect(directory.resolve('Trung tâm Công nghệ thông tin')).toEqual({ codes: ['CNTT'], unknown: [] });
    expect(directory.resolve('Bảo hiểm xã hội các tỉnh').codes).toEqual(PROVINCIAL);
    expect(directory.resolve('BHXH thành phố Hà Nội').codes).toEqual(['BHXH-HN']);
  });

  it('reads "(gọi tắt là …)", "liên quan" and "có liên quan" as noise', () => {
    const cell = 'Các đơn vị trực thuộc BHXH Việt Nam (gọi tắt là các đơn vị) liên quan và BHXH các tỉnh.';
    expect(directory.resolve(cell)).toEqual({ codes: [...CENTRAL, ...PROVINCIAL], unknown: [] });
    expect(directory.resolve('Văn phòng BHXH Việt Nam, các đơn vị có liên quan')).toEqual({
      codes: ['VP', ...CENTRAL.filter((c) => c !== 'VP')],
      unknown: [],
    });
  });

  it('expands group phrases to central units only, never the working group', () => {
    for (const phrase of ['các đơn vị', 'Các đơn vị liên quan', 'các đơn vị trực thuộc BHXH Việt Nam']) {
      expect(directory.resolve(phrase).codes).toEqual(CENTRAL);
    }
    expect(directory.resolve('Tổ công tác').codes).toEqual(['TCT']);
  });

  it('expands every wording of "all provincial offices"', () => {
    for (const phrase of ['BHXH các tỉnh', 'BHXH các tỉnh, thành phố', 'BHXH tỉnh, thành phố', 'BHXH tỉnh']) {
      expect(directory.resolve(phrase)).toEqual({ codes: PROVINCIAL, unknown: [] });
    }
  });

  it('reads a group phrase followed by a colon as the heading of a list', () => {
    expect(directory.resolve('BHXH các tỉnh, thành phố: Hà Nội, Thái Bình')).toEqual({
      codes: ['BHXH-HN', 'BHXH-TB'],
      unknown: [],
    });
  });

  it('recognises external bodies and drops them', () => {
    const cell =
      'Bộ Công an; Văn phòng Chính phủ; Bộ Thông tin và Truyền thông; các Bộ, ngành, địa phương liên quan; Các cơ sở đào tạo, bồi dưỡng có thẩm quyền';
    expect(directory.resolve(cell)).toEqual({ codes: [], unknown: [] });
    expect(directory.resolve('Tổ công tác Đề án 06/CP').codes).toEqual([]);
  });

  it('returns what it cannot match verbatim, one entry per phrase', () => {
    expect(directory.resolve('Trung tâm CNTT, Vụ XYZ; Phòng Kế hoạch - Tài chính tỉnh, Văn phòng.')).toEqual({
      codes: ['CNTT', 'VP'],
      unknown: ['Vụ XYZ', 'Phòng Kế hoạch - Tài chính tỉnh'],
    });
  });

  it('ignores list numbering and "khác" inside a cell', () => {
    expect(directory.resolve('1. Trung tâm CNTT\n2. Vụ Pháp chế\n3. Các cơ quan khác')).toEqual({
      codes: ['CNTT', 'PC'],
      unknown: [],
    });
  });

  it('returns nothing for an empty cell', () => {
    expect(directory.resolve('  ')).toEqual({ codes: [], unknown: [] });
  });
});

/** What `run` threw (an AppError: a code and its parameters, put in words by describeError). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error;
  }
  throw new Error('expected an error');
}
