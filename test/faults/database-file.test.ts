/**
 * A SQLite file that cannot be created stops start-up at once with one line naming the real cause
 * (no retries, no "External error id#0", no stack trace), in the operator's language.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeStartupFailure } from '../../src/runtime/startup-errors.ts';
import { nativeModuleMismatch, prepareSqliteFile } from '../../src/store/database-file.ts';
import { runCli } from '../support/cli.ts';

const root = resolve(import.meta.dirname, '../..');

describe('a database file that cannot be created', () => {
  it('file:/proc/nope/da06.db fails at once (Node’s recursive mkdir spins forever there)', () => {
    // A child process: the spin is synchronous, so only a process can be stopped if it comes back.
    const run = spawnSync(process.execPath, ['bin/da06.js', 'plan', 'list'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: 'file:/proc/nope/da06.db', DB_CONNECT_RETRIES: '3' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    // One message, no stack trace; wrapped between words at the terminal's width (80 when piped).
    expect(
      run.stderr
        .trim()
        .split('\n')
        .every((line) => line.length <= 80),
    ).toBe(true);
    expect(run.stderr.trim().replace(/\n\s*/g, ' ')).toBe(
      'Không tạo được thư mục /proc/nope cho cơ sở dữ liệu SQLite (ENOENT): chọn đường dẫn khác trong DATABASE_URL.',
    );
  });

  it('permission denied is said so, in Vietnamese and in English', async () => {
    const vi = await runCli(['plan', 'list'], { DATABASE_URL: 'file:/sys/da06.db' });
    expect(vi.code).toBe(1);
    expect(vi.stderr).toMatchInlineSnapshot(
      `"Không có quyền ghi /sys/da06.db (permission denied): cấp quyền ghi cho người dùng chạy bot, hoặc chọn đường dẫn khác trong DATABASE_URL."`,
    );
    const en = await runCli(['plan', 'list'], { DATABASE_URL: 'file:/sys/da06.db', DEFAULT_LOCALE: 'en' });
    expect(en.code).toBe(1);
    expect(en.stderr).toMatchInlineSnapshot(
      `"Permission denied writing /sys/da06.db: give the bot’s user write access, or choose another path in DATABASE_URL."`,
    );
  });

  it('prepareSqliteFile creates missing directories and leaves a usable path', async () => {
    const { mkdtempSync, existsSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(resolve(tmpdir(), 'da06-file-'));
    const path = resolve(dir, 'a/b/da06.db');
    prepareSqliteFile(path);
    expect(existsSync(resolve(dir, 'a/b'))).toBe(true);
  });
});

describe('a native module built for another Node version', () => {
  it('is recognised by either of the messages Node gives, and not in other errors', () => {
    const again = Object.assign(
      new Error(
        "Module did not self-register: '/srv/da06/node_modules/better-sqlite3/build/Release/better_sqlite3.node'.",
      ),
      { code: 'ERR_DLOPEN_FAILED' },
    );
    expect(nativeModuleMismatch(again)).toBe('better-sqlite3');
    expect(nativeModuleMismatch(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBeNull();
  });

  it('names the module and the command that fixes it', () => {
    // The error Node raises when better-sqlite3 was compiled for Node 20 and runs on Node 24.
    const error = Object.assign(
      new Error(
        "The module '/srv/da06/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 137. Please try re-compiling or re-installing\nthe module (for instance, using `npm rebuild` or `npm install`).",
      ),
      { code: 'ERR_DLOPEN_FAILED' },
    );
    expect(describeStartupFailure(error, 'vi')).toMatchInlineSnapshot(
      `"Mô-đun better-sqlite3 được biên dịch cho một phiên bản Node.js khác, không chạy được trên Node.js này: chạy "npm rebuild better-sqlite3" rồi khởi động lại."`,
    );
    expect(describeStartupFailure(error, 'en')).toMatchInlineSnapshot(
      `"The module better-sqlite3 was built for another Node.js version and cannot load in this one: run "npm rebuild better-sqlite3" and start again."`,
    );
  });
});
