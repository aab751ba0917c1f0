import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { exportScoreboard, scoreboard } from '../../../src/app/use-cases/scoreboard.ts';
import { periodFromKey } from '../../../src/domain/period.ts';
import type { ReportDraft } from '../../../src/domain/report.ts';
import { scoreboardLines } from '../../../src/presentation/scoreboard.ts';
import { SCOREBOARD_HEADER_ROW } from '../../../src/reports/scoreboard-files.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';

const draft = (status: string, percent: number, done: string): ReportDraft => ({ status, percent, done });

/*
 * The fixture's plan: 1 CNTT (due 29/02), 2 VP (due 30/06), 3 TCCB (ongoing), 4 CNTT + VP (recurring).
 * CNTT reports 1 done in May (after its due month); in June VP reports 2 on time and 4 late (3 July),
 * TCCB 3 on time, CNTT 4 on time. Figures at 30 June:
 *            reports on time   done on time   overdue days
 *   CNTT     1/1 (4)           0/1 (1 in May)  0
 *   VP       1/2 (4 late)      0/1 (2 open)    0 (due that day)
 *   TCCB     1/1               —               0
 * → TCCB 1 (— counts as 100 %), CNTT 2 (reporting 100 % beats 50 %), VP 3. The group itself is not ranked.
 */
describeEachDatabase('scoreboard use case', (db) => {
  let f: CoreFixture;

  beforeAll(async () => {
    f = await createCoreFixture(db());
    const { lan, minh, ha } = f.viewers;
    const submit = async (
      at: string,
      viewer: typeof lan,
      task: string,
      periodKey: string,
      d: ReportDraft,
    ) => {
      f.clock.set(at);
      expect((await f.core.submitReport(viewer, { task, draft: d, periodKey })).kind).toBe('report-saved');
    };
    await submit('2024-05-20T09:00:00+07:00', lan, '1', '2024-05', draft('done', 100, 'Xong'));
    await submit('2024-06-20T09:00:00+07:00', minh, '2', '2024-06', draft('in_progress', 50, 'Đang làm'));
    await submit('2024-06-20T09:00:00+07:00', ha, '3', '2024-06', draft('in_progress', 50, 'Đang làm'));
    await submit('2024-06-20T09:00:00+07:00', lan, '4', '2024-06', draft('in_progress', 50, 'Đang làm'));
    await submit('2024-07-03T09:00:00+07:00', minh, '4', '2024-06', draft('in_progress', 20, 'Đang làm'));
    f.clock.set('2024-07-05T09:00:00+07:00');
  });

  it('is for chairs, vice-chairs and admins', async () => {
    expect(await scoreboard(f.core.deps, f.viewers.lan, '2024-06')).toMatchObject({ key: 'auth.chair_only' });
    expect(await scoreboard(f.core.deps, f.viewers.chair, '2023-01')).toMatchObject({
      key: 'period.before_plan',
    });
    expect((await scoreboard(f.core.deps, f.viewers.admin, '2024-06')).kind).toBe('scoreboard');
  });

  it('ranks the lead units by the rule, with the figures behind each rank', async () => {
    const view = await scoreboard(f.core.deps, f.viewers.chair);
    if (view.kind !== 'scoreboard') throw new Error(JSON.stringify(view));
    expect(view.period.key).toBe('2024-06');
    expect(view.asOf).toBe('2024-06-30');
    expect(
      view.rows.map((r) => [
        r.rank,
        r.code,
        r.reporting.count,
        r.reporting.of,
        r.doneOnTime.count,
        r.doneOnTime.of,
        r.overdueDays,
      ]),
    ).toEqual([
      [1, 'TCCB', 1, 1, 0, 0, 0],
      [2, 'CNTT', 1, 1, 0, 1, 0],
      [3, 'VP', 1, 2, 0, 1, 0],
    ]);
    const lines = scoreboardLines(view, 'vi');
    expect(lines[0]).toBe('Bảng xếp hạng thi đua tháng 6/2024');
    expect(lines).toContain(
      '1. Vụ Tổ chức cán bộ (TCCB): hoàn thành đúng hạn — (0/0); quá hạn 0 ngày; báo cáo đúng hạn 100% (1/1)',
    );
    expect(lines).toContain(
      '3. Văn phòng BHXH Việt Nam (VP): hoàn thành đúng hạn 0% (0/1); quá hạn 0 ngày; báo cáo đúng hạn 50% (1/2)' +
        '; theo thời hạn (lũy kế): đúng hạn 0, hoàn thành quá hạn 0, chưa hoàn thành trong hạn 2, chưa hoàn thành quá hạn 0',
    );
    // The four buckets beside the rank (task 3 of TCCB is "Thường xuyên": no deadline, no buckets).
    expect(view.buckets?.TCCB).toBeUndefined();
    expect(lines.at(-1)).toMatch(
      /^Cách xếp hạng: \(1\) Tỷ lệ hoàn thành đúng hạn = .* đến ngày 30\/06\/2024/,
    );
  });

  it('exports to XLSX with the rule under the ranking, and to CSV', async () => {
    const xlsx = await exportScoreboard(f.core.deps, periodFromKey('2024-06'), 'xlsx', 'vi');
    expect(xlsx.fileName).toBe('xep-hang-thi-dua-2024-06.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Xếp hạng thi đua')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: SCOREBOARD_HEADER_ROW });
    expect(sheet.autoFilter).toBe(`A${SCOREBOARD_HEADER_ROW}:L${SCOREBOARD_HEADER_ROW + 3}`);
    expect((sheet.getRow(SCOREBOARD_HEADER_ROW).values as unknown[]).slice(1, 4)).toEqual([
      'Hạng',
      'Mã đơn vị',
      'Tên đơn vị',
    ]);
    expect((sheet.getRow(SCOREBOARD_HEADER_ROW + 2).values as unknown[]).slice(1)).toEqual([
      2,
      'CNTT',
      'Trung tâm Công nghệ thông tin',
      2,
      0,
      1,
      '0%',
      0,
      0,
      1,
      1,
      '100%',
    ]);
    expect(String(sheet.getCell(SCOREBOARD_HEADER_ROW + 5, 1).value)).toMatch(/^Cách xếp hạng:/);

    const csv = await exportScoreboard(f.core.deps, periodFromKey('2024-06'), 'csv', 'vi');
    const lines = csv.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[1]).toBe('1;TCCB;Vụ Tổ chức cán bộ;1;0;0;—;0;0;1;1;100%');
    expect(lines[5]).toMatch(/^"?Cách xếp hạng:/);
  });
});
