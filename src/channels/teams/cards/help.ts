/** The commands, as the terminal lists them, with a note on typing them in Teams and shortcut buttons. */
import { ADMIN_HELP, CHAIR_HELP, MEMBER_HELP } from '../../../app/help-commands.ts';
import type { HelpView } from '../../../app/views.ts';
import { roleLabel } from '../../../i18n/index.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import type { QuickCommand } from '../actions.ts';
import { type AdaptiveCard, adaptiveCard, execute, sectionTitle, text, title } from './card.ts';

const SHORTCUTS: [QuickCommand, string][] = [
  ['tasks', 'teams.action.my_tasks'],
  ['report', 'teams.action.report'],
  ['summary', 'teams.action.summary'],
  ['overdue', 'teams.action.overdue'],
];

export function renderHelpCard(view: HelpView, ctx: RenderContext): AdaptiveCard {
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
    ...MEMBER_HELP.map((key) => text(ctx.t(key), { spacing: 'Small' })),
    text(ctx.t('teams.help.usage'), { isSubtle: true, spacing: 'Medium' }),
    ...(view.chair
      ? [
          sectionTitle(ctx.t('help.chair_title')),
          ...CHAIR_HELP.map((key) => text(ctx.t(key), { spacing: 'Small' })),
        ]
      : []),
    ...(view.admin
      ? [
          sectionTitle(ctx.t('help.admin_title')),
          ...ADMIN_HELP.map((key) => text(ctx.t(key), { spacing: 'Small' })),
        ]
      : []),
  ];
  const actions = viewer
    ? SHORTCUTS.map(([command, label]) => execute(ctx.t(label), { verb: 'command', command }))
    : [];
  return adaptiveCard(ctx, body, actions);
}
