import {
  ADMIN_HELP,
  CHAIR_HELP,
  COMMAND_ALIASES,
  MEMBER_HELP,
  TERMINAL_HELP,
} from '../../../app/help-commands.ts';
import type { HelpView } from '../../../app/views.ts';
import { roleLabel } from '../../../i18n/index.ts';
import type { TerminalContext } from './context.ts';
import { blocks, heading, wrap } from './text.ts';

/** The commands, one per line; the administration commands only for admins. */
export function renderHelp(view: HelpView, ctx: TerminalContext): string {
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
  const lines = (keys: readonly string[]) =>
    keys.flatMap((key) => [...wrap(ctx.t(key), ctx.width, '    ', '  '), ...aliasLine(key, ctx)]);
  return blocks(
    heading(ctx.t('help.title'), ctx.width, '='),
    who,
    lines([...MEMBER_HELP, ...TERMINAL_HELP]),
    view.chair ? [...wrap(ctx.t('help.chair_title'), ctx.width), ...lines(CHAIR_HELP)] : null,
    view.admin ? [...wrap(ctx.t('help.admin_title'), ctx.width), ...lines(ADMIN_HELP)] : null,
  );
}

/** "còn gõ được: báo cáo, baocao" under a command that has other names. */
function aliasLine(key: string, ctx: TerminalContext): string[] {
  const aliases = COMMAND_ALIASES[key as keyof typeof COMMAND_ALIASES];
  if (!aliases?.length) return [];
  return wrap(ctx.t('help.aliases', { aliases: aliases.join(', ') }), ctx.width, '      ', '    ');
}
