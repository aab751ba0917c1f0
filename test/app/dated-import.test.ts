/** Plan import reads unit names as of the plan's issue date (issue 15). */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { importPlan } from '../../src/app/plan-import/import-plan.ts';
import { parseUnitsCsv } from '../../src/domain/unit-directory.ts';
import { parseUnitChangesCsv, parseUnitHistoryCsv } from '../../src/domain/unit-history.ts';
import { ensureGroup } from '../../src/store/group-store.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import { UnitStore } from '../../src/store/unit-store.ts';
import { describeEachDatabase } from '../support/databases.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/units/${name}`, import.meta.url), 'utf8');
const HEADER = 'TT,Nội dung thực hiện,Đơn vị chủ trì,Đơn vị phối hợp,Thời gian hoàn thành,Sản phẩm';
const csv = (...leads: string[]) =>
  new TextEncoder().encode(
    `${HEADER}\n${leads.map((lead, i) => `${i + 1},Rà soát dữ liệu ${i + 1}.,${lead},Trung tâm CNTT,Năm 2026,Báo cáo`).join('\n')}\n`,
  );

describeEachDatabase('plan import by issue date', (db) => {
  let deps: Parameters<typeof importPlan>[0];

  beforeAll(async () => {
    const group = await ensureGroup(db().client, {
      name: 'Tổ thử',
      timeZone: 'Asia/Ho_Chi_Minh',
      locale: 'vi',
    });
    const units = new UnitStore(db().client);
    await units.sync(parseUnitsCsv(fixture('units.csv')), 'test');
    await units.syncHistory(
      parseUnitHistoryCsv(fixture('unit-history.csv')),
      parseUnitChangesCsv(fixture('unit-changes.csv')),
      'test',
    );
    deps = { units, plans: new PlanStore(db().client), groupId: group.id, maxBytes: 1_000_000 };
  });

  const run = (lead: string | string[], issuedOn: string) =>
    importPlan(deps, {
      file: { name: 'p.csv', bytes: csv(...[lead].flat()) },
      header: { number: `T-${issuedOn}`, title: 'Thử', year: Number(issuedOn.slice(0, 4)), issuedOn },
      dryRun: true,
      actor: 'test',
    });

  it('"BHXH tỉnh Hà Giang" in a 2024 plan is the 2024 office', async () => {
    const outcome = await run('BHXH tỉnh Hà Giang', '2024-01-31');
    expect(outcome.blocking).toEqual([]);
    expect(outcome.parsed.tasks[0]?.leadUnits).toEqual(['BHXH-HAGIANG']);
  });

  it('in a plan dated after the merger it is read as its successor, with a warning', async () => {
    const outcome = await run('BHXH tỉnh Hà Giang', '2026-01-15');
    expect(outcome.blocking).toEqual([]);
    expect(outcome.parsed.tasks[0]?.leadUnits).toEqual(['P25-TQ']);
    expect(outcome.warnings).toEqual([
      expect.objectContaining({ code: 'unit_replaced', message: expect.stringContaining('P25-TQ') }),
    ]);
  });

  it('the warning names every row where the old name was read as its successor', async () => {
    const outcome = await run(['BHXH tỉnh Hà Giang', 'Trung tâm CNTT', 'BHXH tỉnh Hà Giang'], '2026-01-15');
    expect(outcome.warnings).toEqual([
      expect.objectContaining({
        code: 'unit_replaced',
        row: 2,
        message: expect.stringContaining('Dòng 2, 4:'),
      }),
    ]);
  });

  it('a plan dated before a unit existed is refused with a clear message', async () => {
    const outcome = await run('BHXH khu vực XIX', '2024-06-01');
    expect(outcome.blocking).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'unit_not_yet',
          row: 2,
          message: expect.stringContaining('2025-03-01'),
        }),
      ]),
    );
    expect(outcome.saved).toBeNull();
  });
});
