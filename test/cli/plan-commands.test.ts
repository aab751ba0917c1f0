import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures/cli', name);

describe('da06 plan / seed / deadline commands (SQLite file, as a user runs them)', () => {
  let env: Record<string, string>;

  beforeAll(() => {
    env = { DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'da06-cli-')), 'cli.db')}` };
  });

  it('seed demo loads the 27 tasks of the 2024 plan, and plan list shows them with lead units and deadlines', async () => {
    const seeded = await runCli(['seed', 'demo'], env);
    expect(seeded.stderr).toContain('migration');
    expect(seeded.stdout).toContain('27 nhiệm vụ mới');
    // The sample plan of the current year (dữ liệu mẫu) is loaded too; this test reads the 2024 plan.
    const listed = await runCli(['plan', 'list', '--plan', '147/QĐ-BHXH', '--json'], env);
    const tasks = JSON.parse(listed.stdout) as {
      code: string;
      leadUnits: string[];
      deadline: { kind: string; due: string };
    }[];
    expect(tasks).toHaveLength(27);
    expect(tasks.map((task) => task.code)).toEqual(Array.from({ length: 27 }, (_, i) => String(i + 1)));
    expect(tasks[0]).toMatchObject({ leadUnits: ['CNTT'], deadline: { kind: 'month', due: '2024-02-29' } });
    expect(tasks[1]).toMatchObject({
      leadUnits: ['TCT'],
      deadline: { kind: 'recurring_annual_from', due: '2024-12-31' },
    });
    expect(tasks[20]?.leadUnits).toHaveLength(63); // task 21: "BHXH các tỉnh" leads
    const text = await runCli(['plan', 'list', '--plan', '147/QĐ-BHXH'], env);
    expect(text.stdout).toContain('147/QĐ-BHXH #22');
    expect(text.stdout).toContain('27 nhiệm vụ.');
    // Kinds of deadline and roles in Vietnamese, not the codes (issue 17, item 7).
    expect(text.stdout).toMatch(/Tháng 02\/2024 +tháng +2024-02-29/);
    expect(text.stdout).not.toMatch(/ recurring_annual_from /);
    const members = await runCli(['members', 'list'], env);
    expect(members.stdout).toContain('Tổ trưởng');
    expect(members.stdout).not.toMatch(/ chair /);
  });

  it('seed demo run twice updates instead of duplicating', async () => {
    const again = await runCli(['seed', 'demo'], env);
    expect(again.stdout).toContain('0 nhiệm vụ mới, 27 nhiệm vụ cập nhật');
    expect(again.stdout).toContain('thêm 0');
  });

  it('plan import --dry-run --json prints the parsed tasks and writes nothing', async () => {
    const run = await runCli(
      [
        'plan',
        'import',
        fixture('small-plan.csv'),
        '--number',
        'T-1',
        '--year',
        '2024',
        '--dry-run',
        '--json',
      ],
      env,
    );
    expect(run.code).toBe(0);
    const tasks = JSON.parse(run.stdout);
    expect(tasks).toHaveLength(3);
    expect(tasks[0]).toEqual({
      code: '1',
      section: 'Công tác lãnh đạo, chỉ đạo',
      objective: null,
      task: expect.any(String),
      activity: null,
      content: 'Tổ chức hội nghị triển khai.',
      leadUnits: ['CNTT'],
      coordinatingUnits: expect.arrayContaining(['VP', 'BHXH-HN', 'BHXH-HCM']),
      deadline: { text: 'Tháng 02/2024', kind: 'month', due: '2024-02-29' },
      product: 'Hội nghị',
      row: 3,
      leadText: 'Trung tâm CNTT',
      coordinatingText: expect.any(String),
      issues: [],
    });
    expect(tasks[2]).toMatchObject({
      leadUnits: ['TTLT'],
      coordinatingUnits: ['TST'],
      deadline: { kind: 'quarter', due: '2024-12-31' },
    });
    const listed = JSON.parse((await runCli(['plan', 'list', '--plan', 'T-1', '--json'], env)).stdout);
    expect(listed).toEqual([]);
  });

  it('plan import writes the plan, and a re-import updates tasks by code', async () => {
    const args = ['plan', 'import', fixture('small-plan.csv'), '--number', 'T-2', '--year', '2024'];
    expect((await runCli(args, env)).stdout).toContain('3 nhiệm vụ mới');
    expect((await runCli(args, env)).stdout).toContain('0 nhiệm vụ mới, 3 cập nhật');
    expect(JSON.parse((await runCli(['plan', 'list', '--plan', 'T-2', '--json'], env)).stdout)).toHaveLength(
      3,
    );
  });

  it('an unknown unit rejects the whole file, naming row and column, until an admin maps it', async () => {
    const args = ['plan', 'import', fixture('unknown-unit.csv'), '--number', 'T-3'];
    const rejected = await runCli(args, env);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('Vụ XYZ (dòng 6)');
    expect(rejected.stderr).toContain(`--number T-3 --map "Vụ XYZ=`);
    expect(JSON.parse((await runCli(['plan', 'list', '--plan', 'T-3', '--json'], env)).stdout)).toEqual([]);

    // The review: every row printed, the unknown name on its row, exit 1 while it remains.
    const review = await runCli([...args, '--dry-run', '--json'], env);
    expect(review.code).toBe(1);
    const rows = JSON.parse(review.stdout) as {
      row: number;
      issues: { column: string; message: string }[];
    }[];
    expect(rows.map((r) => r.row)).toEqual([3, 4, 6]);
    expect(rows[2]!.issues).toEqual([
      { column: 'Đơn vị chủ trì', message: expect.stringContaining('Vụ XYZ') },
    ]);
    expect(rows[0]!.issues).toEqual([]);

    // --map with a code the directory lacks is refused; with a real code the dry run passes.
    expect((await runCli([...args, '--dry-run', '--map', 'Vụ XYZ=NOPE'], env)).stderr).toContain('NOPE');
    const mapped = await runCli([...args, '--dry-run', '--json', '--map', 'Vụ XYZ=TTLT'], env);
    expect(mapped.code).toBe(0);
    expect(JSON.parse(mapped.stdout)[2].leadUnits).toEqual(['TTLT']);

    // A real import with --map records the name as an alias: the next import needs no --map.
    const accepted = await runCli([...args, '--map', 'Vụ XYZ=TTLT'], env);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('3 nhiệm vụ mới');
    expect(accepted.stderr).toContain('Đã lưu tên gọi "Vụ XYZ" cho đơn vị TTLT');
    expect((await runCli(args, env)).code).toBe(0);
  });

  it('plan import reads a Word decision: the review first, then the import', async () => {
    const file = join(import.meta.dirname, '../fixtures/plans/official-decision.docx');
    const review = await runCli(['plan', 'import', file, '--number', 'QD-1', '--dry-run', '--json'], env);
    expect(review.code).toBe(0);
    const rows = JSON.parse(review.stdout) as { code: string; section: string; issues: unknown[] }[];
    expect(rows.map((r) => r.code)).toEqual([
      '1.I.1.1',
      '1.I.1.2',
      '1.I.2.1',
      '1.II.1.1',
      '1.II.1.2',
      '2.I.1.1',
      '2.I.1.2',
    ]);
    expect(rows.every((r) => r.issues.length === 0)).toBe(true);
    const imported = await runCli(['plan', 'import', file, '--number', 'QD-1', '--year', '2025'], env);
    expect(imported.stdout).toContain('7 nhiệm vụ mới');
    const listed = await runCli(['plan', 'list', '--plan', 'QD-1'], env);
    expect(listed.stdout).toContain('QD-1 #2.I.1.1');
  });

  it('plan import reads a text-layer PDF exported from Word/LibreOffice, as a user runs it', async () => {
    const pdf = join(import.meta.dirname, '../fixtures/plans/libreoffice.pdf');
    const args = ['plan', 'import', pdf, '--number', 'T-PDF', '--year', '2025', '--dry-run', '--json'];
    const run = await runCli(args, env);
    expect(run.code, run.stderr).toBe(0);
    const tasks = JSON.parse(run.stdout) as {
      content: string;
      leadUnits: string[];
      deadline: { text: string };
    }[];
    expect(tasks.map((t) => [t.content, t.leadUnits, t.deadline.text])).toEqual([
      ['Xây dựng kế hoạch năm', ['VP'], 'Quý I hằng năm'],
      ['Giao ban định kỳ', ['VP'], 'Hằng tháng'],
      ['Nâng cấp Cổng thông tin điện tử', ['CNTT'], 'Tháng 11 hằng năm'],
      ['Sơ kết Đề án', ['PC'], 'Định kỳ 5 năm'],
    ]);
  });

  it('--allow-unresolved keeps an unknown name on the task until "units alias NAME CODE" links it', async () => {
    const args = ['plan', 'import', fixture('unresolved-unit.csv'), '--number', 'T-4', '--allow-unresolved'];
    const imported = await runCli(args, env);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('Vụ ABC (dòng 6)');
    expect(imported.stdout).toContain('1 nhiệm vụ còn tên đơn vị chưa rõ');
    expect((await runCli(['plan', 'list', '--plan', 'T-4'], env)).stdout).toContain('"Vụ ABC" (chưa rõ)');
    // The written report marks the owner nobody is reminded for, until it is linked.
    const out = join(mkdtempSync(join(tmpdir(), 'da06-report-')), 'r.csv');
    const year = String(new Date().getFullYear());
    expect((await runCli(['report', '--out', out, '--period', year], env)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Vụ ABC (chưa xác định được đơn vị: ""Vụ ABC"")');
    const linked = await runCli(['units', 'alias', 'Vụ ABC', 'PC'], env);
    expect(linked.code).toBe(0);
    expect(linked.stdout).toContain('Đã gắn 1 nhiệm vụ');
    const tasks = JSON.parse((await runCli(['plan', 'list', '--plan', 'T-4', '--json'], env)).stdout);
    expect(tasks[2]).toMatchObject({ code: '3', leadUnits: ['PC'], unresolved: [] });
  });

  it('units alias refuses a wording that already names another unit', async () => {
    const run = await runCli(['units', 'alias', 'Trung tâm CNTT', '--unit', 'VP'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('đã dùng cho đơn vị CNTT');
  });

  it('deadline --json reads one phrase', async () => {
    const run = await runCli(['deadline', 'Quý IV/2022', '--json'], env);
    expect(JSON.parse(run.stdout)).toEqual({ text: 'Quý IV/2022', kind: 'quarter', due: '2022-12-31' });
    const yearly = await runCli(['deadline', 'Tháng 11 hằng năm', '--json'], env);
    expect(JSON.parse(yearly.stdout)).toEqual({
      text: 'Tháng 11 hằng năm',
      kind: 'recurring_annual',
      due: null,
      yearly: { everyYears: 1, month: 11, day: 30 },
    });
    expect((await runCli(['deadline', 'Trước ngày 15/12 hằng năm'], env)).stdout).toContain('hạn ngày 14/12');
  });

  it('a bad setting stops with one message listing every problem, without printing secrets', async () => {
    const run = await runCli(['plan', 'list'], {
      DATABASE_URL: 'mysql://root:hunter2@db/x',
      TIME_ZONE: 'Mars/Olympus',
      DEFAULT_LOCALE: 'fr',
    });
    expect(run.code).toBe(78);
    expect(run.stderr).toContain('DATABASE_URL');
    expect(run.stderr).toContain('TIME_ZONE');
    expect(run.stderr).toContain('DEFAULT_LOCALE');
    expect(run.stderr).not.toContain('hunter2');
  });

  it('a refusal lists the first 50 problems, then "và N lỗi khác"; PLAN_IMPORT_MAX_ROWS stops a long file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'da06-cli-bad-'));
    const rows = Array.from({ length: 120 }, (_, i) => `${i + 1},Nhiệm vụ ${i + 1},,Tháng 12/2024`);
    const file = join(dir, 'bad.csv');
    writeFileSync(file, ['STT,Nội dung,Đơn vị chủ trì,Thời gian hoàn thành', ...rows].join('\n'));
    const run = await runCli(['plan', 'import', file, '--number', 'BAD', '--year', '2024', '--dry-run'], env);
    expect(run.stderr).toContain('120 lỗi');
    expect(run.stderr.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(50);
    expect(run.stderr).toContain('… và 70 lỗi khác.');
    const capped = await runCli(['plan', 'import', file, '--number', 'BAD', '--year', '2024', '--dry-run'], {
      ...env,
      PLAN_IMPORT_MAX_ROWS: '100',
    });
    expect(capped.stderr).toContain('PLAN_IMPORT_MAX_ROWS');
    expect(capped.stderr).toContain('1 lỗi');
  });
});
