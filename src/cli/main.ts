/**
 * The `da06` command line: finds the command by its leading words and runs it. Each command lives
 * in src/cli/commands/, one file per topic.
 */
import { SettingsError } from '../config/load-settings.ts';
import { UserFacingError } from '../domain/errors.ts';
import { dbMigrateCommand } from './commands/db.ts';
import { deadlineCommand } from './commands/deadline.ts';
import {
  membersAddCommand,
  membersDeactivateCommand,
  membersLinkCommand,
  membersListCommand,
  membersRoleCommand,
} from './commands/members.ts';
import { outboxCommand } from './commands/outbox.ts';
import { planImportCommand, planListCommand } from './commands/plan.ts';
import { reportCommand } from './commands/report.ts';
import { scheduleCalendarCommand, schedulePreviewCommand } from './commands/schedule.ts';
import { seedDemoCommand } from './commands/seed.ts';
import { simulateCommand } from './commands/simulate.ts';
import { startCommand } from './commands/start.ts';
import { unitsAddCommand, unitsAliasCommand, unitsListCommand } from './commands/units.ts';
import { type Command, createCliContext, UsageError } from './context.ts';
import { type Output, processOutput } from './output.ts';

export const COMMANDS: Command[] = [
  startCommand,
  dbMigrateCommand,
  seedDemoCommand,
  planImportCommand,
  planListCommand,
  deadlineCommand,
  unitsListCommand,
  unitsAddCommand,
  unitsAliasCommand,
  membersAddCommand,
  membersListCommand,
  membersLinkCommand,
  membersRoleCommand,
  membersDeactivateCommand,
  schedulePreviewCommand,
  scheduleCalendarCommand,
  outboxCommand,
  simulateCommand,
  reportCommand,
];

export function findCommand(argv: string[]): { command: Command; rest: string[] } | null {
  const matches = COMMANDS.filter((command) => command.path.every((word, i) => argv[i] === word));
  const best = matches.sort((a, b) => b.path.length - a.path.length)[0];
  return best ? { command: best, rest: argv.slice(best.path.length) } : null;
}

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.path.join(' ').length));
  return [
    'da06: trợ lý Tổ công tác Đề án 06 (BHXH Việt Nam)',
    '',
    ...COMMANDS.map((c) => `  da06 ${c.path.join(' ').padEnd(width)}  ${c.summary}`),
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
    output.out(help());
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    output.err(`Không có lệnh "${argv.join(' ')}".\n\n${help()}`);
    return 2;
  }
  if (found.rest.includes('--help')) {
    output.out(`${found.command.summary}\n\nCách dùng: ${found.command.usage}`);
    return 0;
  }
  const context = createCliContext(output, env);
  try {
    return await found.command.run(found.rest, context);
  } catch (error) {
    if (error instanceof SettingsError) {
      output.err(error.message);
      return 78; // EX_CONFIG
    }
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      output.err(`${error.message}\nCách dùng: ${found.command.usage}`);
      return 2;
    }
    if (error instanceof UserFacingError) {
      output.err(error.message);
      return 1;
    }
    throw error;
  } finally {
    await context.close();
  }
}
