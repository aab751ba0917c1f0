/**
 * The terminal chat end to end: the real `da06 start` process, commands piped on stdin, replies read
 * from stdout, on a fresh SQLite database that start-up migrates and fills with the demo plan.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXE, PDF } from '../../support/evidence-files.ts';

const BIN = resolve(import.meta.dirname, '../../../bin/da06.js');

function runStart(
  input: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, 'start'], {
      // PORT=0: the local dashboard (no PUBLIC_URL) on a free port, not 3000 shared by parallel tests.
      env: { ...process.env, PORT: '0', ...env, CI: undefined as unknown as string },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

describe('npm start with piped input (terminal chat)', () => {
  let env: Record<string, string>;
  let evidencePdf = '';
  let evidenceExe = '';

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'da06-terminal-'));
    env = {
      DATABASE_URL: `file:${join(dir, 'bot.db')}`,
      CLOCK_START: '2024-06-20T09:00:00+07:00',
      TERMINAL_USER: 'nobody',
    };
    evidencePdf = join(dir, 'Biên bản.pdf');
    evidenceExe = join(dir, 'cong-cu.pdf');
    writeFileSync(evidencePdf, PDF);
    writeFileSync(evidenceExe, EXE);
  });

  it('loads the demo plan on first run and prints the current summary, then exits at end of input', async () => {
    const run = await runStart('/da06 summary\n', env);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('147/QĐ-BHXH (27 nhiệm vụ)');
    expect(run.stdout).toContain('tháng 6/2024');
    // Every task is in the chair's summary: the 27 of 147/QĐ-BHXH and the 7 of the sample plan.
    expect(run.stdout).toContain('34 nhiệm vụ');
  });

  it('a member reports through the guided form and the report shows in the summary', async () => {
    const script = [
      '/da06 as lan',
      '/da06 tasks',
      '/da06 report 22',
      '2', // Đang triển khai
      '150', // out of range: asked again at once, with the reason
      '60',
      'Đã hoàn thành dự thảo Quy chế, đang lấy ý kiến các đơn vị',
      '',
      '',
      '', // the summary before saving: Enter sends
      `${evidencePdf}; ${evidenceExe}`, // evidence files: a PDF is kept, a program refused
      '/da06 evidence 22',
      '/da06 summary',
      '/da06 as khanh',
      '/da06 summary',
    ].join('\n');
    const run = await runStart(`${script}\n`, env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Nguyễn Thị Lan'); // switched
    expect(run.stdout).toContain('Tỷ lệ hoàn thành phải từ 0 đến 100');
    expect(run.stdout).toMatch(/Đang triển khai[^\n]*60\s?%/);
    expect(run.stdout).toContain('Đã lưu 1 tệp minh chứng: Biên bản.pdf.');
    // Long lines wrap at the terminal's width: read the words as one line.
    const flat = run.stdout.replace(/\n\s*/g, ' ');
    expect(flat).toContain('Tệp "cong-cu.pdf" không phải PDF, DOCX, XLSX, PNG hay JPEG');
    expect(flat).toMatch(
      /Nhiệm vụ 22 — CNTT, [^•]*: Biên bản\.pdf \(\d+ B, SHA-256 [0-9a-f]{12}…\), Nguyễn Thị Lan gửi lúc/,
    );
    const chairSummary = run.stdout.slice(run.stdout.lastIndexOf('Trần Quốc Khánh'));
    expect(chairSummary).toContain('CNTT');
    expect(chairSummary).toMatch(/Đang triển khai/);
  });

  it("refusals say why: another unit's task, an unknown period, an unknown command", async () => {
    // Task 16 is led by Vụ Tài chính - Kế toán with central units only: not Hà Nội's office.
    const run = await runStart(
      '/da06 as dung\n/da06 report 16\n/da06 summary 13/2024\n/da06 frobnicate\n',
      env,
    );
    expect(run.stdout).toMatch(/16[^\n]*BHXH-HN|BHXH-HN[^\n]*16/);
    expect(run.stdout).toMatch(/2024-06|06\/2024|tháng 6\/2024/); // the accepted period forms
    expect(run.stdout).toContain('frobnicate');
  });

  it('speaks English to a member whose locale is en', async () => {
    const run = await runStart('/da06 as thang\n/da06 tasks\n', env);
    expect(run.stdout).toMatch(/Vũ Đức Thắng/);
    expect(run.stdout).toMatch(/deadline|Deadline|due/i);
  });
});
