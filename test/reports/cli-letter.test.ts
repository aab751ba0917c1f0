/** `da06 letter` over the demo (SQLite file, clock at 5 July 2024): the "done when" of issue 19. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letterCommand } from '../../src/cli/commands/letter.ts';
import { createCliContext, UsageError } from '../../src/cli/context.ts';
import { runCli } from '../support/cli.ts';
import { readDocx } from './support.ts';

describe('da06 letter (SQLite file, demo data, clock at 5 July 2024)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'da06-letter-cli-'));
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
    return letterCommand.run(args, context);
  };

  beforeAll(async () => {
    expect((await runCli(['seed', 'demo'], env)).code).toBe(0);
  });
  afterAll(async () => {
    await context.close();
  });

  it('writes the letter to VP for June 2024, readable with its diacritics', async () => {
    const file = join(dir, 'f.docx');
    expect(await run(['--unit', 'VP', '--period', '2024-06', '--out', file])).toBe(0);
    expect(out[0]).toMatch(
      /^Đã ghi công văn đôn đốc 2024-06: .*f\.docx — VP \(\d+ quá hạn, \d+ sắp đến hạn\)\.$/,
    );
    const { paragraphs, rows } = readDocx(readFileSync(file));
    expect(paragraphs).toContain('Kính gửi: Văn phòng Bảo hiểm xã hội Việt Nam.');
    expect(rows[1]![0]).toContain('V/v đôn đốc thực hiện nhiệm vụ Đề án 06');
    expect(rows.some((r) => r[0] === 'TT' && r[4] === 'Số ngày quá hạn')).toBe(true);
    expect(paragraphs).toContain('Trần Quốc Khánh');
  });

  it('all units at once (only those with something overdue); usage errors; nothing overdue writes nothing', async () => {
    const all = join(dir, 'all.docx');
    expect(await run(['--all', '--period', '2024-06', '--out', all])).toBe(0);
    const letters = readDocx(readFileSync(all)).paragraphs.filter((p) => p.startsWith('Kính gửi:'));
    expect(letters).toEqual(['Kính gửi: Văn phòng Bảo hiểm xã hội Việt Nam.']);
    await expect(run(['--out', all])).rejects.toBeInstanceOf(UsageError);
    await expect(run(['--unit', 'CNTT', '--all', '--out', all])).rejects.toBeInstanceOf(UsageError);
    await expect(run(['--unit', 'CNTT', '--out', join(dir, 'x.pdf')])).rejects.toBeInstanceOf(UsageError);
    const none = join(dir, 'none.docx');
    // The demo's CNTT reported everything due by June done.
    expect(await run(['--unit', 'CNTT', '--period', '2024-06', '--out', none])).toBe(0);
    expect(out[0]).toBe(
      'Đơn vị CNTT không có nhiệm vụ chủ trì nào quá hạn tính đến ngày 30/06/2024: không soạn công văn đôn đốc.',
    );
    expect(existsSync(none)).toBe(false);
  });
});
