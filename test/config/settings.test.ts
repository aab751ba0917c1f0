/**
 * What a person sees when the configuration is wrong: one line per problem, in their language
 * (DEFAULT_LOCALE, Vietnamese unless it says en), naming the setting and how to fix it; a chat
 * platform configured in part stops start-up; unknown and misspelt variables are warned about.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../../src/config/load-settings.ts';
import { platformVariablesSet } from '../../src/config/platforms.ts';
import { SETTINGS_CATALOGS } from '../../src/i18n/settings.ts';

const noDotenv = join(tmpdir(), 'da06-no-such-dir', '.env');

function problemsOf(env: Record<string, string>, dotenvPath = noDotenv): string {
  try {
    loadSettings(env, dotenvPath);
  } catch (error) {
    if (error instanceof SettingsError) return error.message;
    throw error;
  }
  throw new Error('the settings were accepted');
}

function warningsOf(env: Record<string, string>, dotenv?: string): string[] {
  let path = noDotenv;
  if (dotenv !== undefined) {
    path = join(mkdtempSync(join(tmpdir(), 'da06-env-')), '.env');
    writeFileSync(path, dotenv);
  }
  const warnings: string[] = [];
  loadSettings(env, path, { warn: (line) => warnings.push(line) });
  return warnings;
}

const BAD_VALUES = {
  PORT: 'abc',
  DATABASE_POOL_SIZE: '0',
  TIME_ZONE: 'Mars/Olympus',
  SEED_DEMO: 'maybe',
  LOG_LEVEL: 'loud',
  SLACK_API_URL: 'not a url',
  REPORT_GRACE_DAYS: '99',
  CLOCK_START: 'yesterday',
  SLACK_SEND_RATE: 'fast',
};

describe('settings messages', () => {
  it('say what is wrong with each value, in Vietnamese, never in zod’s English', () => {
    const message = problemsOf(BAD_VALUES);
    expect(message).not.toMatch(/Invalid input|expected|received|Too (small|big)/);
    expect(message).toMatchInlineSnapshot(`
      "Cấu hình không hợp lệ:
        - DATABASE_POOL_SIZE: phải từ 1 trở lên (giá trị hiện tại: "0")
        - TIME_ZONE: không phải múi giờ IANA hợp lệ (ví dụ: Asia/Ho_Chi_Minh) (giá trị hiện tại: "Mars/Olympus")
        - SEED_DEMO: phải là một trong: auto, true, false (giá trị hiện tại: "maybe")
        - LOG_LEVEL: phải là một trong: fatal, error, warn, info, debug, trace, silent (giá trị hiện tại: "loud")
        - PORT: phải là một số (giá trị hiện tại: "abc")
        - REPORT_GRACE_DAYS: tối đa là 60 (giá trị hiện tại: "99")
        - CLOCK_START: phải là ngày giờ ISO, ví dụ 2024-06-20 hoặc 2024-06-20T08:30:00+07:00 (giá trị hiện tại: "yesterday")
        - SLACK_API_URL: phải là một URL (ví dụ https://slack.com/api/) (giá trị hiện tại: "not a url")
        - SLACK_SEND_RATE: phải là một số (giá trị hiện tại: "fast")
      Sửa các biến môi trường trên (hoặc tệp .env) rồi chạy lại; README mục "Configuration" liệt kê mọi biến."
    `);
  });

  it('say the same in English when DEFAULT_LOCALE=en', () => {
    const message = problemsOf({ ...BAD_VALUES, DEFAULT_LOCALE: 'en' });
    expect(message).not.toMatch(/Invalid input|expected|received|Too (small|big)/);
    expect(message).toMatchInlineSnapshot(`
      "Invalid configuration:
        - DATABASE_POOL_SIZE: must be 1 or more (current value: "0")
        - TIME_ZONE: is not a valid IANA time zone (e.g. Asia/Ho_Chi_Minh) (current value: "Mars/Olympus")
        - SEED_DEMO: must be one of: auto, true, false (current value: "maybe")
        - LOG_LEVEL: must be one of: fatal, error, warn, info, debug, trace, silent (current value: "loud")
        - PORT: must be a number (current value: "abc")
        - REPORT_GRACE_DAYS: must be at most 60 (current value: "99")
        - CLOCK_START: must be an ISO date or date-time, e.g. 2024-06-20 or 2024-06-20T08:30:00+07:00 (current value: "yesterday")
        - SLACK_API_URL: must be a URL (e.g. https://slack.com/api/) (current value: "not a url")
        - SLACK_SEND_RATE: must be a number (current value: "fast")
      Fix the environment variables above (or the .env file) and start again; README "Configuration" lists every variable."
    `);
  });

  it('one problem is one line', () => {
    expect(problemsOf({ PORT: '70000' })).toMatchInlineSnapshot(
      `"Cấu hình không hợp lệ: PORT: tối đa là 65535 (giá trị hiện tại: "70000"). Sửa biến này (hoặc tệp .env) rồi chạy lại."`,
    );
    expect(problemsOf({ PORT: '70000', DEFAULT_LOCALE: 'en' })).toMatchInlineSnapshot(
      `"Invalid configuration: PORT: must be at most 65535 (current value: "70000"). Fix this variable (or the .env file) and start again."`,
    );
  });

  it('never print a secret’s value', () => {
    expect(
      problemsOf({ SLACK_BOT_TOKEN: 'xoxp-secret-value', SLACK_SIGNING_SECRET: 'abcdefgh' }),
    ).not.toContain('secret-value');
  });
});

describe('a chat platform configured in part', () => {
  const cases: [string, Record<string, string>][] = [
    ['Slack bot token without a signing secret', { SLACK_BOT_TOKEN: 'xoxb-1' }],
    ['Slack signing secret without a bot token', { SLACK_SIGNING_SECRET: 'abcdefgh12' }],
    ['Socket Mode without the bot token', { SLACK_APP_TOKEN: 'xapp-1' }],
    ['Teams App ID alone', { MicrosoftAppId: '00000000-0000-0000-0000-000000000001' }],
    [
      'Teams without a tenant',
      { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'pw' },
    ],
    ['Teams password alone', { MicrosoftAppPassword: 'pw', MicrosoftAppType: 'MultiTenant' }],
  ];

  it.each(cases)('%s stops start-up with one line naming what is missing (vi, en)', (_name, env) => {
    const vi = problemsOf(env);
    const en = problemsOf({ ...env, DEFAULT_LOCALE: 'en' });
    expect(vi.split('\n')).toHaveLength(1);
    expect(en.split('\n')).toHaveLength(1);
    expect({ vi, en }).toMatchSnapshot();
  });

  it('a complete configuration starts (HTTP mode, Socket Mode, Teams)', () => {
    expect(() =>
      loadSettings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdefgh12' }, noDotenv),
    ).not.toThrow();
    expect(() =>
      loadSettings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }, noDotenv),
    ).not.toThrow();
    expect(() =>
      loadSettings(
        {
          MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
          MicrosoftAppPassword: 'pw',
          MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
        },
        noDotenv,
      ),
    ).not.toThrow();
  });

  it('any platform variable set counts as a platform (the demo is then never loaded)', () => {
    const settings = (env: Record<string, string>) => loadSettings(env, noDotenv);
    expect(platformVariablesSet(settings({}))).toBe(false);
    expect(platformVariablesSet(settings({ SLACK_GROUP_CHANNEL: 'C1' }))).toBe(true);
    expect(platformVariablesSet(settings({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' }))).toBe(true);
    expect(
      platformVariablesSet(settings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdefgh12' })),
    ).toBe(true);
  });
});

describe('unknown variables', () => {
  it('in .env are warned about, with the likely intended name', () => {
    const warnings = warningsOf(
      {},
      'SLACK_SIGNIN_SECRET=abcdefgh\nTIMEZONE=Asia/Bangkok\nFAVOURITE_COLOUR=blue\nPORT=3001\n',
    );
    expect(warnings).toMatchInlineSnapshot(`
      [
        "Tệp .env: SLACK_SIGNIN_SECRET không phải một thiết lập của da06 nên bị bỏ qua; có phải bạn muốn SLACK_SIGNING_SECRET?",
        "Tệp .env: TIMEZONE không phải một thiết lập của da06 nên bị bỏ qua; có phải bạn muốn TIME_ZONE?",
        "Tệp .env: FAVOURITE_COLOUR không phải một thiết lập của da06 nên bị bỏ qua.",
      ]
    `);
  });

  it('in the environment only when they look like a setting (the environment holds much else)', () => {
    expect(
      warningsOf({ TIMEZONE: 'UTC', HOME: '/root', PATH: '/bin', DEFAULT_LOCALE: 'en' }),
    ).toMatchInlineSnapshot(`
      [
        "Environment variable TIMEZONE is not a da06 setting and is ignored; did you mean TIME_ZONE?",
      ]
    `);
  });
});

describe('the settings catalog', () => {
  it('has the same keys and placeholders in Vietnamese and English', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(SETTINGS_CATALOGS.en).sort()).toEqual(Object.keys(SETTINGS_CATALOGS.vi).sort());
    for (const [key, text] of Object.entries(SETTINGS_CATALOGS.vi)) {
      expect([key, placeholders(SETTINGS_CATALOGS.en[key as keyof typeof SETTINGS_CATALOGS.en])]).toEqual([
        key,
        placeholders(text),
      ]);
    }
  });
});

describe('da06 start-up', () => {
  it('a partial Slack configuration exits 78 with one line; a misspelt variable is warned about', async () => {
    const { runCli } = await import('../support/cli.ts');
    const partial = await runCli(['plan', 'list'], { SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(partial.code).toBe(78);
    expect(partial.stderr.split('\n')).toHaveLength(1);
    expect(partial.stderr).toContain('thiếu SLACK_SIGNING_SECRET');
    const database = `file:${join(mkdtempSync(join(tmpdir(), 'da06-cli-')), 'da06.db')}`;
    const misspelt = await runCli(['plan', 'list'], { DATABASE_URL: database, TIMEZONE: 'UTC' });
    expect(misspelt.code).toBe(0);
    expect(misspelt.stderr).toContain('TIMEZONE không phải một thiết lập của da06');
    expect(misspelt.stderr).toContain('TIME_ZONE?');
  });
});

describe('switches (issue 16)', () => {
  it('accept exactly what the README says, true or false, in any case', () => {
    expect(loadSettings({ SCHEDULER_ENABLED: 'FALSE' }, noDotenv).SCHEDULER_ENABLED).toBe(false);
    expect(loadSettings({ TERMINAL: 'True' }, noDotenv).TERMINAL).toBe(true);
    expect(loadSettings({ TEAMS_ALLOW_UNAUTHENTICATED: 'TRUE' }, noDotenv).TEAMS_ALLOW_UNAUTHENTICATED).toBe(
      true,
    );
  });

  it.each(['1', 'yes', 'on', '0', 'no'])(
    'TEAMS_ALLOW_UNAUTHENTICATED=%s does not turn authentication off: it is refused, naming the setting',
    (value) => {
      expect(problemsOf({ TEAMS_ALLOW_UNAUTHENTICATED: value })).toContain('TEAMS_ALLOW_UNAUTHENTICATED');
    },
  );
});
