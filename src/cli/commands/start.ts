/**
 * `da06 start` (what `npm start` runs): opens the database (migrating it), loads the demo plan on
 * first run when no chat platform is configured, and opens the terminal chat. Piped input is read
 * one command per line and the bot exits at its end, so `printf '/da06 summary\n' | npm start` works.
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { type Clock, shiftedClock, systemClock } from '../../app/clock.ts';
import { createCore } from '../../app/core.ts';
import type { App } from '../../app/open-app.ts';
import { seedDemo } from '../../app/seed-demo.ts';
import { LineSource } from '../../channels/terminal/line-source.ts';
import { TerminalChat } from '../../channels/terminal/terminal-chat.ts';
import type { Settings } from '../../config/settings.ts';
import type { MemberRecord } from '../../store/member-store.ts';
import type { Command } from '../context.ts';

export const startCommand: Command = {
  path: ['start'],
  usage: 'da06 start [--user LOGIN]',
  summary: 'Chạy bot: trò chuyện trong terminal (mặc định, SQLite, kế hoạch mẫu).',
  async run(args, context) {
    const { values } = parseArgs({ args, options: { user: { type: 'string' } } });
    const settings = context.settings();
    const app = await context.app();
    if (await shouldSeedDemo(app, settings)) {
      const seeded = await seedDemo(app, 'system');
      context.output.err(
        `Đã nạp dữ liệu mẫu: kế hoạch 147/QĐ-BHXH (${seeded.plan.parsed.tasks.length} nhiệm vụ), ${seeded.membersAdded} thành viên mẫu.`,
      );
    }
    const clock: Clock = settings.CLOCK_START ? shiftedClock(new Date(settings.CLOCK_START)) : systemClock;
    const interactive = Boolean(process.stdin.isTTY);
    const chat = new TerminalChat({
      core: createCore(app, clock),
      lines: new LineSource(process.stdin, process.stdout, interactive),
      user: pickUser(await app.members.list(), values.user ?? settings.TERMINAL_USER ?? userInfo().username),
      defaultLocale: settings.DEFAULT_LOCALE,
      timeZone: settings.TIME_ZONE,
    });
    await chat.run();
    return 0;
  },
};

/**
 * First run on the embedded default: show something real rather than an empty bot. (`auto` will
 * also skip the demo once a chat platform is configured; the terminal is the only channel so far.)
 */
async function shouldSeedDemo(app: App, settings: Settings): Promise<boolean> {
  if (settings.SEED_DEMO === 'false') return false;
  return (await app.db.client.plan.count()) === 0;
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
