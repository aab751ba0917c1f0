/** The member list for admins: id (to use in commands), name, unit, role, linked accounts. */
import type { MembersView } from '../../../app/views.ts';
import { roleLabel } from '../../../i18n/index.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { clip, esc, header, type KnownBlock, section, sections } from './kit.ts';
import type { Rendered } from './types.ts';

export function renderMembers(view: MembersView, ctx: RenderContext): Rendered {
  const title = ctx.t('members.title', { count: view.members.length });
  const blocks: KnownBlock[] = [header(title)];
  if (view.members.length === 0) {
    blocks.push(section(esc(ctx.t('members.none'))));
    return { text: title, blocks };
  }
  const lines = view.members.map((m) => {
    const accounts = Object.entries(m.identities)
      .map(([platform, id]) => `${platform}:${id}`)
      .join(' ');
    const role = roleLabel(ctx.locale, m.role) + (m.active ? '' : ` (${ctx.t('members.inactive')})`);
    const parts = [`*${m.id}* ${esc(clip(m.displayName, 80))}`, esc(m.unitCode), esc(role)];
    if (accounts) parts.push(`\`${esc(clip(accounts, 200))}\``);
    return parts.join(' · ');
  });
  blocks.push(...sections(lines));
  return { text: title, blocks };
}
