import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../src/config/settings.ts';
import { AppError } from '../../src/domain/errors.ts';
import { describeError } from '../../src/presentation/errors.ts';
import { openApp } from '../../src/runtime/open-app.ts';
import { runCli } from '../support/cli.ts';

describe('the database unreachable at start-up', () => {
  it('retries with spaced, clear notices, then stops with one clear error (no crash loop)', async () => {
    const settings = settingsSchema.parse({
      DATABASE_URL: 'postgresql://da06:secret-password@127.0.0.1:1/da06',
      DB_CONNECT_RETRIES: '3',
    });
    const notices: string[] = [];
    const waits: number[] = [];
    const opening = openApp(settings, {
      log: (line) => notices.push(line),
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const error = await opening.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'database.unavailable', params: { attempts: 4 } });
    expect(describeError(error, 'vi')).toMatch(/sau 4 lần thử/);
    expect(waits).toEqual([500, 1000, 2000]); // backing off, not hammering the server
    expect(notices).toHaveLength(3);
    expect(notices.join('\n')).toContain('thử lại sau');
    expect(notices.join('\n')).not.toContain('secret-password');
  });

  it('the CLI says so in one message and exits non-zero', async () => {
    const run = await runCli(['plan', 'list'], {
      DATABASE_URL: 'postgresql://u:pw-123@127.0.0.1:1/x',
      DB_CONNECT_RETRIES: '0',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Không mở được cơ sở dữ liệu');
    expect(run.stderr).toContain('Kiểm tra DATABASE_URL');
    expect(run.stderr).not.toContain('pw-123');
    expect(run.stderr.split('\n')).toHaveLength(1);
  });

  it('and in English with DEFAULT_LOCALE=en', async () => {
    const run = await runCli(['plan', 'list'], {
      DATABASE_URL: 'postgresql://u:pw-123@127.0.0.1:1/x',
      DB_CONNECT_RETRIES: '0',
      DEFAULT_LOCALE: 'en',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^Cannot open the database postgresql:\/\/u:\*\*\*@127\.0\.0\.1:1\/x after 1 attempts \(/,
    );
    expect(run.stderr).not.toContain('pw-123');
  });
});
