/** The commands, one per line; the administration commands only for admins. */
import type { HelpView } from '../../../app/views.ts';
import { roleLabel } from '../../../i18n/index.ts';
import type { SlackContext } from '../i18n.ts';
import { context, esc, header, type KnownBlock, sections } from './kit.ts';
import type { Rendered } from './types.ts';

/** The terminal's list without `/da06 as` (a terminal-only command). */
const MEMBER_COMMANDS = [
  'help.cmd.tasks',
  'help.cmd.report',
  'help.cmd.summary',
  'help.cmd.overdue',
  'help.cmd.meeting',
  'help.cmd.help',
] as const;

const ADMIN_COMMANDS = [
  'help.cmd.members_add',
  'help.cmd.members_link',
  'help.cmd.members_role',
  'help.cmd.members_deactivate',
  'help.cmd.members_list',
] as const;

export function renderHelp(view: HelpView, ctx: SlackContext): Rendered {
  const title = ctx.t('help.title');
  const blocks: KnownBlock[] = [header(title)];
  const viewer = view.viewer;
  if (viewer) {
    const who = ctx.t('help.viewer', {
      name: viewer.displayName,
      unit: viewer.unitName,
      role: roleLabel(ctx.locale, viewer.role),
    });
    blocks.push(context(esc(who)));
  }
  blocks.push(...sections(MEMBER_COMMANDS.map((key) => `• ${esc(ctx.t(key))}`)));
  if (view.admin) {
    blocks.push(
      ...sections(
        ADMIN_COMMANDS.map((key) => `• ${esc(ctx.t(key))}`),
        `*${esc(ctx.t('help.admin_title'))}*`,
      ),
    );
  }
  return { text: title, blocks };
}
