/** The member list for admins: id (to use in commands), name, unit, role, linked accounts; paged. */
import type { MembersView } from '../../../app/views.ts';
import { roleLabel } from '../../../i18n/index.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { container, text, title, truncate } from './card.ts';
import { type PagedCard, pagedCard } from './paging.ts';

export function renderMembersCard(view: MembersView, ctx: RenderContext, page = 1): PagedCard {
  const header = [title(ctx.t('members.title', { count: view.members.length }))];
  if (view.members.length === 0) header.push(text(ctx.t('members.none')));
  const items = view.members.map((m) => {
    const role = roleLabel(ctx.locale, m.role) + (m.active ? '' : ` (${ctx.t('members.inactive')})`);
    const accounts = Object.entries(m.identities)
      .map(([platform, id]) => `${platform}: ${id}`)
      .join(' · ');
    return container(
      [
        text(`${ctx.t('members.col.id')} ${m.id} · ${truncate(m.displayName, 80)} · ${m.unitCode} · ${role}`),
        ...(accounts
          ? [text(truncate(accounts, 300), { isSubtle: true, size: 'Small', spacing: 'None' })]
          : []),
      ],
      { spacing: 'Small' },
    );
  });
  return pagedCard(ctx, header, items, {
    page,
    nav: (p) => ({ verb: 'view.page', view: 'members', page: p }),
  });
}
