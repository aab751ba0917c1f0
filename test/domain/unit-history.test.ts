import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUnitsCsv } from '../../src/domain/unit-directory.ts';
import {
  type DatedUnit,
  parseUnitChangesCsv,
  parseUnitHistoryCsv,
  UnitHistory,
  UnitHistoryError,
} from '../../src/domain/unit-history.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/units/${name}`, import.meta.url), 'utf8');
const base: DatedUnit[] = parseUnitsCsv(fixture('units.csv')).map((unit) => ({
  ...unit,
  validFrom: null,
  validTo: null,
  territory: unit.kind === 'provincial' ? [unit.code] : [],
  source: 'data/units.csv',
}));
const later = parseUnitHistoryCsv(fixture('unit-history.csv'));
const changes = parseUnitChangesCsv(fixture('unit-changes.csv'));
// What the store does on load: a predecessor ends on the day of its change.
const ends = new Map(changes.map((change) => [change.from, change.on]));
const units = [...base, ...later].map((unit) => ({ ...unit, validTo: ends.get(unit.code) ?? unit.validTo }));
const history = new UnitHistory(units, changes);
const count = (day: string, kind: string) => history.unitsOn(day).filter((unit) => unit.kind === kind).length;

describe('the directory through the 2025 reorganisation', () => {
  it('has 63 provincial offices in 2024, 35 regional from 01/03/2025, 34 provincial from 01/07/2025', () => {
    expect([count('2024-06-01', 'provincial'), count('2024-06-01', 'regional')]).toEqual([63, 0]);
    expect([count('2025-04-01', 'provincial'), count('2025-04-01', 'regional')]).toEqual([0, 35]);
    expect([count('2026-01-01', 'provincial'), count('2026-01-01', 'regional')]).toEqual([34, 0]);
    expect(count('2025-02-28', 'provincial')).toBe(63);
    expect(count('2025-06-30', 'regional')).toBe(35);
    const names = history.unitsOn('2026-01-01').map((unit) => unit.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Bảo hiểm xã hội tỉnh Phú Thọ',
        'Bảo hiểm xã hội tỉnh Ninh Bình',
        'Bảo hiểm xã hội tỉnh Lâm Đồng',
        'Bảo hiểm xã hội thành phố Huế',
      ]),
    );
    expect(names).not.toContain('Bảo hiểm xã hội tỉnh Hà Giang');
  });

  it('every later unit and change carries its source, and every 2024 province has one successor in 2026', () => {
    expect(later.every((unit) => (unit.source ?? '').length > 0)).toBe(true);
    expect(changes.every((change) => (change.source ?? '').length > 0 && change.decision.length > 0)).toBe(
      true,
    );
    for (const unit of base.filter((u) => u.kind === 'provincial')) {
      expect(history.successorsOn(unit.code, '2026-01-01'), unit.code).toHaveLength(1);
    }
  });

  it('resolves a name against the directory of the plan date', () => {
    expect(history.resolveOn('BHXH tỉnh Hà Giang', '2024-03-01')).toMatchObject({
      codes: ['BHXH-HAGIANG'],
      unknown: [],
      replaced: [],
    });
    expect(history.resolveOn('BHXH tỉnh Phú Thọ', '2024-03-01').codes).toEqual(['BHXH-PT']);
    expect(history.resolveOn('BHXH tỉnh Phú Thọ', '2026-03-01').codes).toEqual(['P25-PT']);
    expect(history.resolveOn('BHXH khu vực XIX', '2025-04-01').codes).toEqual(['KV-XIX']);
    expect(history.resolveOn('BHXH các tỉnh', '2025-04-01').codes).toHaveLength(35);
    expect(history.resolveOn('BHXH các tỉnh', '2026-04-01').codes).toHaveLength(34);
  });

  it('reads an old name in a later plan as its successor, with the replacement reported', () => {
    const resolution = history.resolveOn('BHXH tỉnh Hà Giang; Trung tâm CNTT', '2026-03-01');
    expect(resolution.codes).toEqual(['P25-TQ', 'CNTT']);
    expect(resolution.unknown).toEqual([]);
    expect(resolution.replaced).toEqual([
      { phrase: 'Bảo hiểm xã hội tỉnh Hà Giang', from: ['BHXH-HAGIANG'], to: ['P25-TQ'] },
    ]);
    expect(history.resolveOn('BHXH tỉnh Hà Giang', '2025-04-01').codes).toEqual(['KV-XIX']);
  });

  it('says a unit named in a plan dated before it existed did not exist yet', () => {
    const resolution = history.resolveOn('BHXH khu vực XIX', '2024-06-01');
    expect(resolution.codes).toEqual([]);
    expect(resolution.notYet).toEqual([
      { phrase: 'Bảo hiểm xã hội khu vực XIX', code: 'KV-XIX', validFrom: '2025-03-01' },
    ]);
    expect(history.resolveOn('Ban không có thật', '2024-06-01').unknown).toEqual(['Ban không có thật']);
  });

  it('rolls a unit up into the one that carries it at the end of a period, following the territory at a split', () => {
    expect(history.rollUp('BHXH-HAGIANG', '2025-12-31')).toEqual({ code: 'P25-TQ', rolled: true });
    expect(history.rollUp('BHXH-BP', '2025-12-31')).toEqual({ code: 'P25-DNAI', rolled: true });
    expect(history.rollUp('BHXH-TNINH', '2025-12-31')).toEqual({ code: 'P25-TNINH', rolled: true });
    expect(history.rollUp('BHXH-QNINH', '2025-04-30')).toEqual({ code: 'KV-XII', rolled: true });
    expect(history.rollUp('KV-XII', '2025-12-31')).toEqual({ code: 'P25-HP', rolled: true });
    expect(history.rollUp('CNTT', '2025-12-31')).toEqual({ code: 'CNTT', rolled: false });
    expect(history.rollUp('BHXH-HN', '2024-12-31')).toEqual({ code: 'BHXH-HN', rolled: false });
  });

  it('refuses a successor that does not exist and a cycle of successors', () => {
    const change = { on: '2025-03-01', action: 'rename' as const, decision: 'QĐ thử', source: 'thử' };
    expect(() => new UnitHistory(units, [{ ...change, from: 'CNTT', to: 'KHONG-CO' }])).toThrow(
      UnitHistoryError,
    );
    expect(
      () =>
        new UnitHistory(units, [
          { ...change, from: 'CNTT', to: 'VP' },
          { ...change, from: 'VP', to: 'CNTT' },
        ]),
    ).toThrow(/khép vòng: CNTT → VP → CNTT/);
  });

  it('rejects history rows without a source or with an end before their start', () => {
    const header = 'code,kind,name,aliases,valid_from,valid_to,territory,source\n';
    expect(() => parseUnitHistoryCsv(`${header}X,provincial,Tên,X,2025-07-01,,,\n`)).toThrow(/nguồn/);
    expect(() => parseUnitHistoryCsv(`${header}X,provincial,Tên,X,2025-07-01,2025-03-01,,nguồn\n`)).toThrow(
      /valid_to/,
    );
  });
});
