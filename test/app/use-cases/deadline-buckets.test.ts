/**
 * The four deadline buckets over the database (`doneReports`, the plan's yearly deadlines) as
 * `/da06 summary` shows them, and a yearly duty's occurrence in the overdue list.
 */

import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { parseChatCommand } from '../../../src/app/chat-command.ts';
import { exportReport } from '../../../src/app/use-cases/export-report.ts';
import { parseDeadline } from '../../../src/domain/deadline.ts';
import { readDocx } from '../../reports/support.ts';
import { parsedTask } from '../../support/builders.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { expectKind, good } from './support.ts';

const done = { ...good, status: 'done', percent: '100' };

function asFile(view: Awaited<ReturnType<typeof exportReport>>) {
  return expectKind(view, 'file');
}

describeEachDatabase('use case: four deadline buckets', (db) => {
  let f: CoreFixture;

  beforeAll(async () => {
    f = await createCoreFixture(db());
    // A second plan: a yearly duty of TCCB, and a task CNTT and VP lead together, due in May.
    await f.stores.plans.save(
      f.deps.group.id,
      { number: 'Y/2024', title: 'Kế hoạch hằng năm', year: 2024, issuedOn: null },
      [
        parsedTask('Y1', {
          content: 'Tổng kết công tác năm',
          leadUnits: ['TCCB'],
          deadline: parseDeadline('Tháng 11 hằng năm'),
        }),
        parsedTask('Y2', {
          content: 'Rà soát dữ liệu dùng chung',
          leadUnits: ['CNTT', 'VP'],
          deadline: parseDeadline('Tháng 5/2024'),
        }),
      ],
      'test',
    );
    // May: VP reports task 2 (Quý II/2024) done, and its part of Y2; CNTT never does its part of Y2.
    f.clock.set('2024-05-25T10:00:00+07:00');
    await f.core.submitReport(f.viewers.minh, { task: '2', draft: done });
    await f.core.submitReport(f.viewers.minh, { task: 'Y/2024#Y2', draft: done });
    // June: CNTT reports task 1 (Tháng 02/2024) done, months late.
    f.clock.set('2024-06-20T09:00:00+07:00');
    await f.core.submitReport(f.viewers.lan, { task: '1', draft: done });
  });

  it('the yearly part of a deadline is stored and read back', async () => {
    const tasks = await f.stores.plans.listTasks(f.deps.group.id, 'Y/2024');
    expect(tasks[0]!.deadline).toEqual(parseDeadline('Tháng 11 hằng năm'));
    expect(tasks[1]!.deadline.yearly).toBeUndefined();
  });

  it('the chair sees the period and cumulative buckets, per unit', async () => {
    const view = expectKind(
      await f.core.handle(f.viewers.chair, parseChatCommand('/da06 summary')),
      'summary',
    );
    const { period, cumulative } = view.buckets!;
    // Due in June: task 2 (Quý II/2024), reported done in May.
    expect(period.overall).toEqual({ done_on_time: 1, done_late: 0, open_in_time: 0, open_overdue: 0 });
    // Task 1 late; task 2 on time; task 4 (2024 and after) and Y1 (November) in time; Y2 overdue (CNTT).
    expect(cumulative.overall).toEqual({ done_on_time: 1, done_late: 1, open_in_time: 2, open_overdue: 1 });
    expect(cumulative.undated).toBe(1); // task 3, Thường xuyên
    const units = Object.fromEntries(cumulative.units.map((u) => [u.code, u.counts]));
    expect(units.CNTT).toEqual({ done_on_time: 0, done_late: 1, open_in_time: 1, open_overdue: 1 });
    expect(units.VP).toEqual({ done_on_time: 2, done_late: 0, open_in_time: 1, open_overdue: 0 });
    expect(units.TCCB).toEqual({ done_on_time: 0, done_late: 0, open_in_time: 1, open_overdue: 0 });
  });

  it('the DOCX and XLSX reports carry the table: each unit, the cumulative and the period totals', async () => {
    const docx = expectKind(
      await f.core.handle(f.viewers.chair, parseChatCommand('/da06 export 2024-06 docx')),
      'file',
    );
    const { paragraphs, rows } = readDocx(docx.bytes);
    expect(paragraphs).toContain('Tiến độ thực hiện nhiệm vụ theo thời hạn (lũy kế đến ngày 20/06/2024)');
    const header = rows.findIndex((r) => r[1] === 'Đã hoàn thành đúng hạn');
    expect(rows[header]).toEqual([
      'Đơn vị',
      'Đã hoàn thành đúng hạn',
      'Hoàn thành quá hạn',
      'Chưa hoàn thành, trong hạn',
      'Chưa hoàn thành, quá hạn',
      'Tổng số',
    ]);
    const table = rows.slice(header + 1, header + 6);
    expect(table).toContainEqual(['Trung tâm Công nghệ thông tin (CNTT)', '0', '1', '1', '1', '3']);
    expect(table.at(-2)).toEqual(['Lũy kế từ đầu kế hoạch', '1', '1', '2', '1', '5']);
    expect(table.at(-1)).toEqual(['Hạn trong kỳ', '1', '0', '0', '0', '1']);

    const xlsx = asFile(await exportReport(f.deps, f.viewers.chair, '2024-06', 'xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Theo thời hạn')!;
    const values = sheet.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : row));
    expect(values).toContainEqual(['Lũy kế từ đầu kế hoạch', 1, 1, 2, 1, 5]);
  });

  it('a member sees the buckets of the tasks the unit leads, by its own part', async () => {
    const view = expectKind(
      await f.core.handle(f.viewers.minh, parseChatCommand('/da06 summary')),
      'summary',
    );
    expect(view.buckets!.cumulative.overall).toEqual({
      done_on_time: 2,
      done_late: 0,
      open_in_time: 1,
      open_overdue: 0,
    });
    expect(view.buckets!.cumulative.units.map((u) => u.code)).toEqual(['VP']);
  });

  it('a past period is counted as of its last day', async () => {
    const view = expectKind(
      await f.core.handle(f.viewers.chair, parseChatCommand('/da06 summary 2024-05')),
      'summary',
    );
    // As of 31/5 task 1 was not done yet (overdue); Y2, due that very day and half done, is still in time.
    expect(view.buckets!.cumulative.asOf).toBe('2024-05-31');
    expect(view.buckets!.cumulative.overall.open_overdue).toBe(1);
    expect(view.buckets!.period.overall).toEqual({
      done_on_time: 0,
      done_late: 0,
      open_in_time: 1,
      open_overdue: 0,
    });
  });

  it('the yearly duty is overdue after its day in the year, until reported done that year', async () => {
    f.clock.set('2024-12-05T09:00:00+07:00');
    const late = expectKind(await f.core.handle(f.viewers.chair, { name: 'overdue' }), 'overdue');
    expect(late.items.find((i) => i.code === 'Y1')).toMatchObject({ due: '2024-11-30', daysOverdue: 5 });
    await f.core.submitReport(f.viewers.ha, { task: 'Y/2024#Y1', draft: done });
    const after = expectKind(await f.core.handle(f.viewers.chair, { name: 'overdue' }), 'overdue');
    expect(after.items.find((i) => i.code === 'Y1')).toBeUndefined();
    // The next year the duty is due again: December's done does not carry into 2025.
    f.clock.set('2025-12-02T09:00:00+07:00');
    const next = expectKind(await f.core.handle(f.viewers.chair, { name: 'overdue' }), 'overdue');
    expect(next.items.find((i) => i.code === 'Y1')).toMatchObject({ due: '2025-11-30', daysOverdue: 2 });
    f.clock.set('2024-06-20T09:00:00+07:00');
  });
});
