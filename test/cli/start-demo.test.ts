/**
 * A newcomer's plain `npm start` today (issue 15): no settings, no clock, a fresh SQLite database.
 * The demo is alive on today's date: the summary has reported tasks and the overdue list has tasks.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../../bin/da06.js');

function runStart(
  input: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, 'start'], {
      // PORT=0: the local dashboard on a free port, not 3000 shared by parallel tests.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', ...env },
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
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

it("a fresh start on today's date shows reported tasks in the summary and overdue tasks", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'da06-start-demo-'));
  const run = await runStart('/da06 summary\n/da06 overdue\n', {
    DATABASE_URL: `file:${join(dir, 'bot.db')}`,
  });
  expect(run.code, run.stderr).toBe(0);
  // wrapped at 80 columns, so any whitespace between the words
  expect(run.stderr).toMatch(/kế hoạch mẫu 7 nhiệm vụ,\s+51 báo cáo,\s+11\s+thành\s+viên\s+mẫu/);
  // The current month's summary has replies in: in progress and one blocked with a kiến nghị.
  expect(run.stdout).toMatch(/Đang triển khai:\s+[1-9]/);
  expect(run.stdout).toMatch(/Vướng mắc:\s+[1-9]/);
  // The sample plan's task due two months ago is overdue.
  expect(run.stdout).toMatch(/quá hạn \d+ ngày/);
  // The 2024 plan closed with its year-end replies: no task is overdue by years (was 700–950 days).
  const ages = [...run.stdout.matchAll(/quá hạn (\d+) ngày/g)].map((m) => Number(m[1]));
  expect(Math.max(...ages)).toBeLessThan(100);
}, 150_000);
