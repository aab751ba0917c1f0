/**
 * Reads the settings once, from the environment and an optional `.env` file (the environment wins).
 * A bad value stops start-up with one message listing every invalid setting and how to fix it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import type { z } from 'zod';
import { SECRET_SETTINGS, type Settings, settingsSchema } from './settings.ts';

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(
      [
        'Cấu hình không hợp lệ / Invalid configuration:',
        ...problems.map((problem) => `  - ${problem}`),
        'Sửa các biến môi trường trên (hoặc tệp .env) rồi chạy lại; README mục "Cấu hình" liệt kê mọi biến.',
      ].join('\n'),
    );
    this.name = 'SettingsError';
  }
}

export function loadSettings(env: NodeJS.ProcessEnv = process.env, dotenvPath = '.env'): Settings {
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  // Empty strings mean "not set", as most deployment tools write unset variables.
  for (const key of Object.keys(merged)) if (merged[key] === '') delete merged[key];
  const result = settingsSchema.safeParse(merged);
  if (result.success) return result.data;
  throw new SettingsError(result.error.issues.map((issue) => describeIssue(issue, merged)));
}

function describeIssue(issue: z.core.$ZodIssue, values: Record<string, string | undefined>): string {
  const name = String(issue.path[0] ?? '(?)');
  const value = values[name];
  const shown = value === undefined || SECRET_SETTINGS.has(name) ? '' : ` (giá trị hiện tại: "${value}")`;
  return `${name}: ${issue.message}${shown}`;
}
