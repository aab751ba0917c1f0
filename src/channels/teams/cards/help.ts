/** The commands, as the terminal lists them, with a note on typing them in Teams and shortcut buttons. */
import type { HelpView } from '../../../app/views.ts';
import { roleLabel } from '../../../i18n/index.ts';
import type { QuickCommand } from '../actions.ts';
import {
  type AdaptiveCard,
  adaptiveCard,
  type CardContext,
  execute,
  sectionTitle,
  text,
  title,
} from './card.ts';

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

const SHORTCUTS: [QuickCommand, string][] = [
  ['tasks', 'teams.action.my_tasks'],
  ['report', 'teams.action.report'],
  ['summary', 'teams.action.summary'],
  ['overdue', 'teams.action.overdue'],
];

export function renderHelpCard(view: HelpView, ctx: CardContext): AdaptiveCard {
  const viewer = view.viewer;
  const body = [
    title(ctx.t('help.title')),
    ...(viewer
      ? [
          text(
            ctx.t('help.viewer', {
              name: viewer.displayName,
              unit: viewer.unitName,
              role: roleLabel(ctx.locale, viewer.role),
            }),
            { isSubtle: true, spacing: 'None' },
          ),
        ]
      : []),
    ...MEMBER_COMMANDS.map((key) => text(ctx.t(key), { spacing: 'Small' })),
    text(ctx.t('teams.help.usage'), { isSubtle: true, spacing: 'Medium' }),
    ...(view.admin
      ? [
          sectionTitle(ctx.t('help.admin_title')),
          ...ADMIN_COMMANDS.map((key) => text(ctx.t(key), { spacing: 'Small' })),
        ]
      : []),
  ];
  const actions = viewer
    ? SHORTCUTS.map(([command, label]) => execute(ctx.t(label), { verb: 'command', command }))
    : [];
  return adaptiveCard(ctx, body, actions);
}
