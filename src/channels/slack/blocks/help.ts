/** The commands, one per line; the administration commands only for admins. */
import { ADMIN_HELP, CHAIR_HELP, MEMBER_HELP } from '../../../app/help-commands.ts';
import type { HelpView } from '../../../app/views.ts';
import { roleLabel } from '../../../i18n/index.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { context, esc, header, type KnownBlock, sections } from './kit.ts';
import type { Rendered } from './types.ts';

export function renderHelp(view: HelpView, ctx: RenderContext): Rendered {
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
  blocks.push(...sections(MEMBER_HELP.map((key) => `• ${esc(ctx.t(key))}`)));
  if (view.chair) {
    blocks.push(
      ...sections(
        CHAIR_HELP.map((key) => `• ${esc(ctx.t(key))}`),
        `*${esc(ctx.t('help.chair_title'))}*`,
      ),
    );
  }
  if (view.admin) {
    blocks.push(
      ...sections(
        ADMIN_HELP.map((key) => `• ${esc(ctx.t(key))}`),
        `*${esc(ctx.t('help.admin_title'))}*`,
      ),
    );
  }
  return { text: title, blocks };
}
