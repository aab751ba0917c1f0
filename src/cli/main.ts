/**
 * The `da06` command line: finds the command by its leading words and runs it. Each command lives
 * in src/cli/commands/, one file per topic.
 */
import { SettingsError } from '../config/load-settings.ts';
import { AppError } from '../domain/errors.ts';
import { settingsLocale } from '../i18n/settings.ts';
import { describeError } from '../presentation/errors.ts';
import { describeStartupFailure } from '../runtime/startup-errors.ts';
import { type Command, createCliContext, UsageError } from './context.ts';
import { type Output, processOutput } from './output.ts';

/**
 * Every command by the words that select it. A command's module (and what it pulls in: report
 * libraries, chat SDKs…) is imported only when that command runs, so `da06 start` does not load
 * `da06 report`'s document writers (docs/performance.md, footprint).
 */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  start: async () => (await import('./commands/start.ts')).startCommand,
  'db migrate': async () => (await import('./commands/db.ts')).dbMigrateCommand,
  'seed demo': async () => (await import('./commands/seed.ts')).seedDemoCommand,
  'plan import': async () => (await import('./commands/plan.ts')).planImportCommand,
  'plan list': async () => (await import('./commands/plan.ts')).planListCommand,
  deadline: async () => (await import('./commands/deadline.ts')).deadlineCommand,
  'units list': async () => (await import('./commands/units.ts')).unitsListCommand,
  'units add': async () => (await import('./commands/units.ts')).unitsAddCommand,
  'units alias': async () => (await import('./commands/units.ts')).unitsAliasCommand,
  'units rename': async () => (await import('./commands/units.ts')).unitsRenameCommand,
  'units merge': async () => (await import('./commands/units.ts')).unitsMergeCommand,
  'units split': async () => (await import('./commands/units.ts')).unitsSplitCommand,
  'units close': async () => (await import('./commands/units.ts')).unitsCloseCommand,
  'units members-to-move': async () => (await import('./commands/units.ts')).unitsMembersToMoveCommand,
  'members add': async () => (await import('./commands/members.ts')).membersAddCommand,
  'members list': async () => (await import('./commands/members.ts')).membersListCommand,
  'members link': async () => (await import('./commands/members.ts')).membersLinkCommand,
  'members role': async () => (await import('./commands/members.ts')).membersRoleCommand,
  'members deactivate': async () => (await import('./commands/members.ts')).membersDeactivateCommand,
  'members reactivate': async () => (await import('./commands/members.ts')).membersReactivateCommand,
  'schedule preview': async () => (await import('./commands/schedule.ts')).schedulePreviewCommand,
  'schedule calendar': async () => (await import('./commands/schedule.ts')).scheduleCalendarCommand,
  'schedule ics': async () => (await import('./commands/schedule.ts')).scheduleIcsCommand,
  outbox: async () => (await import('./commands/outbox.ts')).outboxCommand,
  simulate: async () => (await import('./commands/simulate.ts')).simulateCommand,
  report: async () => (await import('./commands/report.ts')).reportCommand,
  letter: async () => (await import('./commands/letter.ts')).letterCommand,
  'web link': async () => (await import('./commands/web.ts')).webLinkCommand,
};

/** The command the leading words of `argv` name (the longest match), and the arguments after them. */
export function findCommand(
  argv: string[],
): { name: string; load: () => Promise<Command>; rest: string[] } | null {
  const matches = Object.keys(COMMANDS)
    .map((name) => name.split(' '))
    .filter((path) => path.every((word, i) => argv[i] === word));
  const best = matches.sort((a, b) => b.length - a.length)[0];
  if (!best) return null;
  const name = best.join(' ');
  const load = COMMANDS[name];
  return load ? { name, load, rest: argv.slice(best.length) } : null;
}

/** The overview lists every command's summary, so it is the one place that loads them all. */
async function help(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  const width = Math.max(...commands.map((c) => c.path.join(' ').length));
  return [
    'da06: trợ lý Tổ công tác Đề án 06 (BHXH Việt Nam)',
    '',
    ...commands.map((c) => `  da06 ${c.path.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    'Thêm --help sau một lệnh để xem cách dùng.',
  ].join('\n');
}

export async function main(
  argv: string[],
  output: Output = processOutput,
  env = process.env,
): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    output.out(await help());
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    output.err(`Không có lệnh "${argv.join(' ')}".\n\n${await help()}`);
    return 2;
  }
  const command = await found.load();
  if (found.rest.includes('--help')) {
    output.out(`${command.summary}\n\nCách dùng: ${command.usage}`);
    return 0;
  }
  const context = createCliContext(output, env);
  try {
    return await command.run(found.rest, context);
  } catch (error) {
    if (error instanceof SettingsError) {
      output.err(error.message);
      return 78; // EX_CONFIG
    }
    const failure = describeStartupFailure(error, settingsLocale(context.locale()));
    if (failure) {
      output.err(failure);
      return 1;
    }
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      output.err(`${error.message}\nCách dùng: ${command.usage}`);
      return 2;
    }
    // Everything else is said once, in words: an AppError from the catalogs, a bug as "internal
    // error" with its stack on stderr for whoever runs the command.
    output.err(describeError(error, 'vi', { log: output.err }));
    return error instanceof AppError ? 1 : 70; // EX_SOFTWARE
  } finally {
    await context.close();
  }
}
