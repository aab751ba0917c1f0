import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartPathFor, reportCommand } from '../../src/cli/commands/report.ts';
import { createCliContext, UsageError } from '../../src/cli/context.ts';
import { runCli } from '../support/cli.ts';
import { pngSize, readDocx } from './support.ts';

describe('da06 report (SQLite file, demo data, clock at 5 July 2024)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'da06-report-cli-'));
  const env = {
    DATABASE_URL: `file:${join(dir, 'cli.db')}`,
    CLOCK_START: '2024-07-05T09:00:00+07:00',
    DB_CONNECT_RETRIES: '0',
  };
  const out: string[] = [];
  const err: string[] = [];
  const context = createCliContext({ out: (text) => out.push(text), err: (text) => err.push(text) }, env);
  const run = (args: string[]) => {
    out.length = 0;
    err.length = 0;
    return reportCommand.run(args, context);
  };

  beforeAll(async () => {
    expect((await runCli(['seed', 'demo'], env)).code).toBe(0);
  });
  afterAll(async () => {
    await context.close();
  });

  it('writes the DOCX and the chart beside it; says when the period has no reports', async () => {
    const file = join(dir, 'out', 'report.docx');
    expect(await run(['--period', '2024-06', '--out', file])).toBe(0);
    expect(out[0]).toMatch(/^Đã ghi báo cáo 2024-06: .*report\.docx \(\d+ KB\)\.$/);
    expect(chartPathFor(file)).toBe(join(dir, 'out', 'report-chart.png'));
    expect(pngSize(readFileSync(chartPathFor(file)))).toEqual({ width: 1200, height: 960 });
    // The demo holds the members' replies of May and June 2024 (src/app/demo-data.ts).
    expect(err).toEqual([]);
    const { paragraphs } = readDocx(readFileSync(file));
    expect(paragraphs).toContain('Tình hình triển khai Đề án 06 tháng 6/2024');
    expect(
      paragraphs.some((p) =>
        p.startsWith(
          'Thực hiện Kế hoạch triển khai Đề án 06 của Bảo hiểm xã hội Việt Nam năm 2024 (số 147/QĐ-BHXH ngày 31/01/2024)',
        ),
      ),
    ).toBe(true);
    expect(paragraphs).toContain('Trần Quốc Khánh');
    expect(await run(['--period', '2024-03', '--out', join(dir, 'out', 'march.docx')])).toBe(0);
    expect(err).toEqual(['Lưu ý: kỳ 2024-03 chưa có báo cáo nào của các đơn vị.']);
  });

  it('takes the format from --format or the file name; the scoreboard as CSV', async () => {
    const xlsx = join(dir, 'bang.xlsx');
    expect(await run(['--period', '2024-H1', '--out', xlsx])).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const csv = join(dir, 'xep-hang.csv');
    expect(await run(['--period', '2024-06', '--scoreboard', '--out', csv])).toBe(0);
    expect(out[0]).toMatch(/^Đã ghi bảng xếp hạng thi đua 2024-06: .*xep-hang\.csv \(\d+ đơn vị\)\.$/);
    expect(readFileSync(csv, 'utf8').startsWith('\uFEFFHạng;Mã đơn vị;Tên đơn vị')).toBe(true);
    expect(existsSync(chartPathFor(csv))).toBe(false);
  });

  it('refuses a period before the plan, and wrong options, saying why', async () => {
    expect(await run(['--period', '2023-01', '--out', join(dir, 'x.docx')])).toBe(1);
    expect(err).toEqual([
      'Kỳ tháng 1/2023 diễn ra trước khi kế hoạch bắt đầu; kỳ báo cáo đầu tiên là năm 2024.',
    ]);
    await expect(run(['--period', '2024-06', '--out', join(dir, 'x.pdf')])).rejects.toThrow(UsageError);
    await expect(run(['--scoreboard', '--out', join(dir, 'x.docx')])).rejects.toThrow(UsageError);
    await expect(run(['--period', '2024-06'])).rejects.toThrow(UsageError);
  });
});
