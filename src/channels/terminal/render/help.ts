import type { HelpView } from '../../../app/views.ts';
import { roleLabel } from '../../../i18n/index.ts';
import type { RenderContext } from './context.ts';
import { blocks, heading, wrap } from './text.ts';

const MEMBER_COMMANDS = [
  'help.cmd.tasks',
  'help.cmd.report',
  'help.cmd.summary',
  'help.cmd.overdue',
  'help.cmd.meeting',
  'help.cmd.help',
  'help.cmd.leave',
  // The terminal lets one person try the bot as any member.
  'help.cmd.as',
] as const;

const CHAIR_COMMANDS = [
  'help.cmd.meeting_set',
  'help.cmd.remind',
  'help.cmd.export',
  'help.cmd.scoreboard',
] as const;

const ADMIN_COMMANDS = [
  'help.cmd.members_add',
  'help.cmd.members_link',
  'help.cmd.members_role',
  'help.cmd.members_deactivate',
  'help.cmd.members_list',
] as const;

/** The commands, one per line; the administration commands only for admins. */
export function renderHelp(view: HelpView, ctx: RenderContext): string {
  const viewer = view.viewer;
  const who = viewer
    ? wrap(
        ctx.t('help.viewer', {
          name: viewer.displayName,
          unit: viewer.unitName,
          role: roleLabel(ctx.locale, viewer.role),
        }),
        ctx.width,
      )
    : null;
  const lines = (keys: readonly string[]) => keys.flatMap((key) => wrap(ctx.t(key), ctx.width, '    ', '  '));
  return blocks(
    heading(ctx.t('help.title'), ctx.width, '='),
    who,
    lines(MEMBER_COMMANDS),
    view.chair ? [...wrap(ctx.t('help.chair_title'), ctx.width), ...lines(CHAIR_COMMANDS)] : null,
    view.admin ? [...wrap(ctx.t('help.admin_title'), ctx.width), ...lines(ADMIN_COMMANDS)] : null,
  );
}
