import type { MembersView } from '../../../app/views.ts';
import { roleLabel } from '../../../i18n/index.ts';
import type { TerminalContext } from './context.ts';
import { blocks, columns, heading, truncate } from './text.ts';

/** The member list for admins: id (to use in commands), name, unit, role, linked accounts. */
export function renderMembers(view: MembersView, ctx: TerminalContext): string {
  const title = heading(ctx.t('members.title', { count: view.members.length }), ctx.width, '=');
  if (view.members.length === 0) return blocks(title, [ctx.t('members.none')]);
  const header = [
    'members.col.id',
    'members.col.name',
    'members.col.unit',
    'members.col.role',
    'members.col.accounts',
  ];
  const rows = view.members.map((m) => {
    const accounts = Object.entries(m.identities)
      .map(([platform, id]) => `${platform}:${id}`)
      .join(' ');
    const role = roleLabel(ctx.locale, m.role) + (m.active ? '' : ` (${ctx.t('members.inactive')})`);
    return [String(m.id), truncate(m.displayName, 30), m.unitCode, role, truncate(accounts, 40)];
  });
  return blocks(
    title,
    columns([header.map((key) => ctx.t(key)), ...rows], ['right', 'left', 'left', 'left', 'left']),
  );
}
