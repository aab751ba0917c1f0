import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { parseUnitsCsv } from '../../src/domain/unit-directory.ts';
import { parseUnitChangesCsv, parseUnitHistoryCsv, UnitHistoryError } from '../../src/domain/unit-history.ts';
import { type UnitChangeRequest, UnitStore } from '../../src/store/unit-store.ts';
import { describeEachDatabase } from '../support/databases.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/units/${name}`, import.meta.url), 'utf8');

describeEachDatabase('UnitStore history', (db) => {
  let units: UnitStore;

  beforeAll(async () => {
    units = new UnitStore(db().client);
    await units.sync(parseUnitsCsv(fixture('units.csv')), 'test');
    await units.syncHistory(
      parseUnitHistoryCsv(fixture('unit-history.csv')),
      parseUnitChangesCsv(fixture('unit-changes.csv')),
      'test',
    );
  });

  it('lists the directory as it stood on a date', async () => {
    const kinds = async (day: string) => {
      const counts: Record<string, number> = {};
      for (const unit of await units.listOn(day)) counts[unit.kind] = (counts[unit.kind] ?? 0) + 1;
      return counts;
    };
    expect(await kinds('2024-06-01')).toEqual({ central: 22, group: 1, provincial: 63 });
    expect(await kinds('2025-04-01')).toEqual({ central: 22, group: 1, regional: 35 });
    expect(await kinds('2026-01-01')).toEqual({ central: 22, group: 1, provincial: 34 });
    expect((await units.list()).filter((u) => u.kind === 'provincial')).toHaveLength(34);
    const hagiang = (await units.history()).get('BHXH-HAGIANG');
    expect(hagiang).toMatchObject({ validFrom: null, validTo: '2025-03-01' });
  });

  it('keeps the changes with their decisions and audits the load', async () => {
    const history = await units.history();
    expect(history.changes.filter((c) => c.from === 'BHXH-HAGIANG')).toEqual([
      expect.objectContaining({
        on: '2025-03-01',
        action: 'merge',
        to: 'KV-XIX',
        decision: expect.stringContaining('391/QĐ-BTC'),
      }),
    ]);
    expect(history.resolveOn('BHXH tỉnh Hà Giang', '2026-02-01').codes).toEqual(['P25-TQ']);
    expect(await db().client.auditEntry.count({ where: { action: 'units.history' } })).toBe(1);
  });

  it('loading the same history again adds nothing', async () => {
    const again = await units.syncHistory(
      parseUnitHistoryCsv(fixture('unit-history.csv')),
      parseUnitChangesCsv(fixture('unit-changes.csv')),
      'test',
    );
    expect(again.changes).toBe(0);
    expect(await db().client.unitChange.count()).toBe(
      parseUnitChangesCsv(fixture('unit-changes.csv')).length,
    );
  });

  it('refuses a successor that does not exist, and writes nothing', async () => {
    const before = await db().client.unitChange.count();
    await expect(
      units.syncHistory(
        [],
        [
          {
            on: '2026-01-01',
            action: 'rename',
            from: 'CNTT',
            to: 'KHONG-CO',
            decision: 'QĐ thử',
            source: 'thử',
          },
        ],
        'test',
      ),
    ).rejects.toThrow(UnitHistoryError);
    expect(await db().client.unitChange.count()).toBe(before);
    expect((await units.history()).get('CNTT')?.validTo).toBeNull();
  });

  it('lets an alias of an ended unit be given to a unit that exists', async () => {
    await units.addAlias('BHXH Hà Giang cũ', 'P25-TQ', 'test');
    expect((await units.history()).resolveOn('BHXH Hà Giang cũ', '2026-02-01').codes).toEqual(['P25-TQ']);
  });

  it('refuses bad changes with a clear message and writes nothing', async () => {
    const before = {
      changes: await db().client.unitChange.count(),
      units: await db().client.unit.count(),
      audits: await db().client.auditEntry.count(),
    };
    const base = { action: 'merge' as const, decision: 'QĐ 1/QĐ-BTC ngày 01/12/2026' };
    const attempts: [UnitChangeRequest, RegExp][] = [
      [{ ...base, on: '2027-01-15', from: ['P25-HN'], to: [{ code: 'P25-HP' }] }, /giữa một kỳ báo cáo/],
      [
        { ...base, on: '2027-01-01', from: ['P25-HN'], to: [{ code: 'KHONG-CO' }] },
        /không có trong danh mục/,
      ],
      [{ ...base, on: '2027-01-01', from: ['BHXH-HN'], to: [{ code: 'P25-HN' }] }, /không tồn tại vào ngày/],
      [{ ...base, on: '2027-01-01', from: ['P25-HN'], to: [{ code: 'KV-I' }] }, /không tồn tại vào ngày/],
      [
        { ...base, on: '2027-01-01', from: ['P25-HN'], to: [{ code: 'BHXH-HP', name: 'Trùng mã' }] },
        /chồng lên nhau/,
      ],
      [{ ...base, on: '2027-01-01', from: ['P25-HN'], to: [{ code: 'P25-HN' }] }, /khép vòng/],
    ];
    for (const [request, message] of attempts) {
      await expect(units.applyChange(request, 'test'), JSON.stringify(request)).rejects.toThrow(message);
    }
    expect({
      changes: await db().client.unitChange.count(),
      units: await db().client.unit.count(),
      audits: await db().client.auditEntry.count(),
    }).toEqual(before);
  });

  it('records a merge into a new unit from a date, audited, and the directory follows it', async () => {
    await units.applyChange(
      {
        on: '2027-01-01',
        action: 'merge',
        from: ['P25-HN', 'P25-HP'],
        to: [{ code: 'P27-HNHP', name: 'Bảo hiểm xã hội thành phố Hà Nội - Hải Phòng' }],
        decision: 'QĐ thử 1/QĐ-BTC',
      },
      'test',
    );
    const history = await units.history();
    expect(history.unitsOn('2026-12-31').map((u) => u.code)).toContain('P25-HN');
    expect(history.unitsOn('2027-01-01').map((u) => u.code)).toEqual(expect.arrayContaining(['P27-HNHP']));
    expect(history.unitsOn('2027-01-01').map((u) => u.code)).not.toContain('P25-HP');
    expect(history.rollUp('BHXH-HD', '2027-06-30')).toEqual({ code: 'P27-HNHP', rolled: true });
    expect(await db().client.auditEntry.count({ where: { action: 'unit.merge' } })).toBe(1);
  });
});
