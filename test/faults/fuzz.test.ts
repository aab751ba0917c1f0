/**
 * Fuzzing (fast-check, 10,000 cases in all): every form submission and every plan file ends in a
 * stored result or a clear error — never an exception escaping, never a partial write.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPlan } from '../../src/app/plan-import/import-plan.ts';
import { MAX_TEXT_CHARS, STATUSES } from '../../src/domain/report.ts';
import { validateReport } from '../../src/domain/report-validation.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import { type CoreFixture, createCoreFixture } from '../support/core.ts';
import { createTempDatabase, type TempDatabase } from '../support/temp-database.ts';

const statusText = fc.oneof(
  fc.constantFrom(...STATUSES, '1', '2', '3', '4', 'Đã hoàn thành', 'vướng mắc', 'DONE', ''),
  fc.string({ maxLength: 20 }),
);
const percentText = fc.oneof(
  fc.integer({ min: -50, max: 200 }).map(String),
  fc.string({ maxLength: 6 }),
  fc.constant('50%'),
);
const longText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: MAX_TEXT_CHARS - 2, maxLength: MAX_TEXT_CHARS + 3 }),
);
const draft = fc.record({
  status: statusText,
  percent: percentText,
  done: longText,
  blockers: fc.option(longText, { nil: null }),
  evidenceUrl: fc.option(fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 })), { nil: null }),
});

describe('form submissions', () => {
  it('validation never throws and either accepts a well-formed report or names each bad field (8,000 cases)', () => {
    fc.assert(
      fc.property(draft, (input) => {
        const result = validateReport(input);
        if (result.ok) {
          expect(STATUSES).toContain(result.input.status);
          expect(result.input.percent).toBeGreaterThanOrEqual(0);
          expect(result.input.percent).toBeLessThanOrEqual(100);
          expect(result.input.done.length).toBeGreaterThan(0);
          expect(result.input.done.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(error.key).toMatch(/^report\.error\./);
        }
      }),
      { numRuns: 8000 },
    );
  });

  describe('through the core, on a real database', () => {
    let temp: TempDatabase;
    let f: CoreFixture;

    beforeAll(async () => {
      temp = await createTempDatabase('sqlite');
      f = await createCoreFixture(temp.db);
      return () => temp.drop();
    });

    it('each submission is stored whole (with its revision) or refused with nothing written (1,000 cases)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('1', '2', '3', '4', '99', 'x'), draft, async (task, input) => {
          const before = await temp.db.client.statusReportRevision.count();
          const view = await f.core.submitReport(f.viewers.lan, { task, draft: input });
          const after = await temp.db.client.statusReportRevision.count();
          expect(['report-saved', 'report-form', 'notice']).toContain(view.kind);
          expect(after - before).toBe(view.kind === 'report-saved' ? 1 : 0);
          if (view.kind === 'report-saved') {
            const current = await temp.db.client.statusReport.findFirstOrThrow({
              where: { task: { code: task }, unit: { code: 'CNTT' } },
            });
            expect(current.revision).toBe(view.revision);
          }
        }),
        { numRuns: 1000 },
      );
    }, 180_000);
  });
});

describe('plan files', () => {
  let temp: TempDatabase;
  let f: CoreFixture;

  beforeAll(async () => {
    temp = await createTempDatabase('sqlite');
    f = await createCoreFixture(temp.db);
    return () => temp.drop();
  });

  const header = 'TT,Nội dung thực hiện,Đơn vị chủ trì,Đơn vị phối hợp,Thời gian hoàn thành,Sản phẩm';
  const cell = fc.oneof(
    fc.constantFrom(
      '',
      'Trung tâm Công nghệ thông tin',
      'Vụ Tổ chức cán bộ',
      'Vụ XYZ',
      'Tháng 02/2024',
      'Quý IV/2024',
      '=SUM(A1)',
      '"',
      ',',
      '\n',
    ),
    fc.string({ maxLength: 30 }),
  );
  const row = fc.tuple(
    fc.oneof(fc.integer({ min: 1, max: 9 }).map(String), fc.constantFrom('I', 'II', '')),
    cell,
    cell,
    cell,
    cell,
    cell,
  );
  const csv = (rows: string[][]) =>
    new TextEncoder().encode(
      [header, ...rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))].join('\n'),
    );
  // Well-formed plans with random text in them, so every run also proves the "imported whole" branch.
  const validRow = fc.tuple(
    fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== '' && !/^[=+\-@]/.test(text)),
    fc.constantFrom('Trung tâm Công nghệ thông tin', 'Vụ Tổ chức cán bộ', 'Văn phòng BHXH Việt Nam'),
    fc.constantFrom('Tháng 02/2024', 'Quý IV/2024', 'Thường xuyên', 'Năm 2024'),
  );
  const validFile = fc
    .array(validRow, { minLength: 1, maxLength: 6 })
    .map((rows) =>
      csv(rows.map(([content, lead, deadline], i) => [String(i + 1), content, lead, '', deadline, ''])),
    );
  const file = fc.oneof(
    { arbitrary: validFile, weight: 2 },
    { arbitrary: fc.array(row, { maxLength: 8 }).map(csv), weight: 3 },
    { arbitrary: fc.uint8Array({ maxLength: 300 }), weight: 1 },
    { arbitrary: fc.string({ maxLength: 300 }).map((text) => new TextEncoder().encode(text)), weight: 1 },
  );
  const fileNames = fc.constantFrom('plan.csv', 'plan.xlsx', 'plan.txt', 'plan.docx');
  it('each file is imported whole or rejected with row/column problems and nothing written (1,000 cases)', async () => {
    const plans = new PlanStore(temp.db.client);
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(file, fileNames, async (bytes, name) => {
        const tasksBefore = await temp.db.client.task.count();
        const outcome = await importPlan(
          { units: f.stores.units, plans, groupId: f.deps.group.id, maxBytes: 100_000 },
          {
            file: { name, bytes },
            header: { number: 'FUZZ', title: 'Fuzz', year: 2024, issuedOn: null },
            dryRun: false,
            actor: 'fuzz',
          },
        );
        if (outcome.saved) {
          imported++;
          expect(outcome.blocking).toEqual([]);
          const fuzzTasks = await plans.listTasks(f.core.deps.group.id, 'FUZZ');
          expect(fuzzTasks.map((t) => t.code).sort()).toEqual(outcome.parsed.tasks.map((t) => t.code).sort());
        } else {
          expect(outcome.blocking.length).toBeGreaterThan(0);
          for (const problem of outcome.blocking) expect(problem.message.length).toBeGreaterThan(0);
          expect(await temp.db.client.task.count()).toBe(tasksBefore);
        }
      }),
      { numRuns: 1000 },
    );
    expect(imported).toBeGreaterThan(0); // the generator does produce valid plans
  }, 180_000);
});
