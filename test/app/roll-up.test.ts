/**
 * Roll-up across a merge (issue 15): reports keep their unit; a summary, an export and a scoreboard
 * over a period that spans the change count them under the successor, named with its predecessors.
 */
import { beforeAll, expect, it } from 'vitest';
import { loadReportDocument } from '../../src/app/use-cases/export-report.ts';
import { scoreboardData } from '../../src/app/use-cases/scoreboard.ts';
import { parsePeriod } from '../../src/domain/period.ts';
import { UnitStore } from '../../src/store/unit-store.ts';
import { type CoreFixture, createCoreFixture } from '../support/core.ts';
import { describeEachDatabase } from '../support/databases.ts';

const good = {
  status: 'in_progress',
  percent: '40',
  done: 'Đã xây dựng dự thảo',
  blockers: '',
  evidenceUrl: '',
};

describeEachDatabase('roll-up across a merge', (db) => {
  let f: CoreFixture;

  beforeAll(async () => {
    f = await createCoreFixture(db(), '2024-11-20T09:00:00+07:00');
    // Reported in November 2024 by the VP member, while VP existed.
    expect(await f.core.submitReport(f.viewers.minh, { task: '4', draft: good })).toMatchObject({
      kind: 'report-saved',
    });
    // From 01/03/2025 VP and TCCB are merged into a new Văn phòng.
    await new UnitStore(db().client).syncHistory(
      [
        {
          code: 'VPM',
          kind: 'central',
          name: 'Văn phòng (sau sắp xếp)',
          aliases: [],
          validFrom: '2025-03-01',
          validTo: null,
          territory: [],
          source: 'thử',
        },
      ],
      [
        { on: '2025-03-01', action: 'merge', from: 'VP', to: 'VPM', decision: 'QĐ thử', source: 'thử' },
        { on: '2025-03-01', action: 'merge', from: 'TCCB', to: 'VPM', decision: 'QĐ thử', source: 'thử' },
      ],
      'test',
    );
    f.clock.set('2025-12-20T09:00:00+07:00');
    // The VP member still belongs to VP and reports in December 2025.
    expect(
      await f.core.submitReport(f.viewers.minh, { task: '4', draft: { ...good, percent: '70' } }),
    ).toMatchObject({
      kind: 'report-saved',
    });
  });

  it('the 2025 yearly summary shows the VP report under its successor, flagged', async () => {
    const view = await f.core.handle(f.viewers.chair, { name: 'summary', period: '2025', post: false });
    expect(view.kind).toBe('summary');
    if (view.kind !== 'summary') return;
    const codes = view.units.map((u) => u.code);
    expect(codes).toContain('VPM');
    expect(codes).not.toContain('VP');
    expect(codes).not.toContain('TCCB');
    expect(view.units.find((u) => u.code === 'VPM')?.name).toBe('Văn phòng (sau sắp xếp) (gồm: TCCB, VP)');
    const task4 = view.tasks.find((t) => t.code === '4');
    expect(JSON.stringify(task4)).toContain('VPM');
    // The report itself keeps its unit.
    const row = await db().client.statusReport.findFirstOrThrow({
      where: { period: { key: '2025-12' } },
      include: { unit: true },
    });
    expect(row.unit.code).toBe('VP');
  });

  it('the 2024 summary still shows VP', async () => {
    const view = await f.core.handle(f.viewers.chair, { name: 'summary', period: '2024', post: false });
    if (view.kind !== 'summary') throw new Error(view.kind);
    expect(view.units.map((u) => u.code)).toContain('VP');
    expect(view.units.map((u) => u.code)).not.toContain('VPM');
  });

  it('the 2025 export counts the words of VP under its successor', async () => {
    const doc = await loadReportDocument(f.core.deps, parsePeriod('2025')!, '2025-12-20');
    const task4 = doc.data.tasks.find((t) => t.code === '4');
    expect(task4?.words.map((w) => [w.unitCode, w.percent])).toEqual([['VPM', 70]]);
    expect(doc.data.units.map((u) => u.code)).not.toContain('VP');
  });

  it('the scoreboard ranks the units that exist at the end of the period', async () => {
    const board2025 = await scoreboardData(f.core.deps, parsePeriod('2025')!, '2025-12-20');
    expect(board2025.rows.map((r) => r.code).sort()).toEqual(['CNTT', 'VPM']);
    const board2024 = await scoreboardData(f.core.deps, parsePeriod('2024')!, '2025-12-20');
    expect(board2024.rows.map((r) => r.code).sort()).toEqual(['CNTT', 'TCCB', 'VP']);
  });
});
