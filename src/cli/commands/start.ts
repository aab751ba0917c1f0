/**
 * `da06 start` (what `npm start` runs): opens the database (migrating it), and then either serves the
 * configured chat platforms on one HTTP server, or, with none configured (the embedded default),
 * loads the demo plan on first run and opens the terminal chat. Piped input is read one command per
 * line and the bot exits at its end, so `printf '/da06 summary\n' | npm start` works.
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { TerminalAdapter } from '../../channels/terminal/index.ts';
import { LineSource } from '../../channels/terminal/line-source.ts';
import { platformVariablesSet } from '../../config/platforms.ts';
import type { Settings } from '../../config/settings.ts';
import { type DashboardState, platformConfigured, startBot } from '../../runtime/bot.ts';
import { createLogger } from '../../runtime/logger.ts';
import type { App } from '../../runtime/open-app.ts';
import { installProcessGuards } from '../../runtime/process-guards.ts';
import type { MemberRecord } from '../../store/member-store.ts';
import { type Command, settingsClock } from '../context.ts';

export const startCommand: Command = {
  path: ['start'],
  usage: 'da06 start [--terminal] [--user LOGIN]',
  summary: 'Chạy bot: phục vụ Slack/Teams nếu đã cấu hình, nếu không thì trò chuyện trong terminal.',
  async run(args, context) {
    const { values } = parseArgs({
      args,
      options: { user: { type: 'string' }, terminal: { type: 'boolean' } },
    });
    const settings = context.settings();
    const app = await context.app();
    const useTerminal = values.terminal || settings.TERMINAL || !platformConfigured(settings);
    const clock = settingsClock(settings);
    if (await shouldSeedDemo(app, settings)) {
      // The plan reader (CSV decoding, plan parsing) is loaded only for the first run's demo data.
      const { seedDemo } = await import('../../app/seed-demo.ts');
      const seeded = await seedDemo(app, 'system', clock);
      context.output.err(
        `Đã nạp dữ liệu mẫu: kế hoạch 147/QĐ-BHXH (${seeded.plan.parsed.tasks.length} nhiệm vụ), kế hoạch mẫu ${seeded.samplePlan.parsed.tasks.length} nhiệm vụ, ${seeded.replies} báo cáo, ${seeded.membersAdded} thành viên mẫu.`,
      );
    }
    // The terminal is for people: JSON logs only for warnings unless LOG_LEVEL asks for more.
    const logger = createLogger(useTerminal && !process.env.LOG_LEVEL ? 'warn' : settings.LOG_LEVEL);
    const interactive = Boolean(process.stdin.isTTY);
    const terminal = useTerminal ? new TerminalAdapter() : null;
    const bot = await startBot({
      app,
      settings,
      clock,
      logger,
      terminal,
      // A piped session answers its commands and exits; reminders would only interleave with them.
      scheduler: !useTerminal || interactive,
      http: !useTerminal,
    });
    // Where the web dashboard is (issue 18), or how to turn it on.
    context.output.err(dashboardLine(bot.dashboard, bot.port));
    // bin/da06.js held V8's young generation at its initial size during start-up; under load it may
    // grow again as V8 sees fit (its default factor, 2), so requests pay no extra garbage collection.
    setFlagsFromString('--semi-space-growth-factor=2');
    if (!terminal) {
      installProcessGuards(logger);
      await waitForSignal(logger, bot.stop);
      return 0;
    }
    terminal.openChat({
      core: bot.core,
      lines: new LineSource(process.stdin, process.stdout, interactive),
      user: pickUser(await app.members.list(), values.user ?? settings.TERMINAL_USER ?? userInfo().username),
      defaultLocale: settings.DEFAULT_LOCALE,
      timeZone: settings.TIME_ZONE,
    });
    await terminal.run();
    await bot.stop(2000);
    return 0;
  },
};

/** The start-up line about the web dashboard: where it is, or what to set. */
function dashboardLine(dashboard: DashboardState, port: number | null): string {
  const signIn = 'gõ /da06 web để nhận liên kết đăng nhập.';
  if (dashboard.url !== null)
    return dashboard.local
      ? `Bảng điều khiển web: ${dashboard.url} (chỉ mở được trên máy này); ${signIn}`
      : `Bảng điều khiển web: ${dashboard.url} (cổng ${port}); ${signIn}`;
  if (dashboard.reason === 'listen-failed')
    return `Bảng điều khiển web: chưa bật; không mở được cổng ${dashboard.port} (${dashboard.detail}), hãy đặt PORT khác (ví dụ PORT=3001).`;
  return 'Bảng điều khiển web: chưa bật; với Slack/Teams cần đặt PUBLIC_URL (địa chỉ trình duyệt của thành viên truy cập được, ví dụ https://da06.bhxh.gov.vn).';
}

/** SIGTERM (or Ctrl-C): stop taking requests, finish those in flight, release claims, then exit. */
function waitForSignal(
  logger: { info(message: string): void },
  stop: (graceMs?: number) => Promise<void>,
): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = (signal: string) => {
      logger.info(`${signal}: shutting down`);
      const force = setTimeout(() => process.exit(1), 15_000);
      force.unref();
      stop(10_000).then(resolve, resolve);
    };
    process.once('SIGTERM', () => onSignal('SIGTERM'));
    process.once('SIGINT', () => onSignal('SIGINT'));
  });
}

/**
 * First run on the embedded default: show something real rather than an empty bot. With any chat
 * platform variable set the database is meant for the real plan (`da06 plan import`): no demo then,
 * whatever SEED_DEMO says (`da06 seed demo` still loads it on purpose).
 */
async function shouldSeedDemo(app: App, settings: Settings): Promise<boolean> {
  if (settings.SEED_DEMO === 'false' || platformVariablesSet(settings)) return false;
  return (await app.stores.plans.count()) === 0;
}

/**
 * The member at the terminal: the one whose terminal login is `login`; otherwise the chair (then an
 * admin), so a fresh demo opens as someone who sees the whole group. `/da06 as` switches.
 */
function pickUser(members: MemberRecord[], login: string): string {
  if (members.some((m) => m.identities.terminal === login)) return login;
  const fallback = members.find((m) => m.role === 'chair') ?? members.find((m) => m.role === 'admin');
  return fallback?.identities.terminal ?? login;
}
