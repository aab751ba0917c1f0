/** Admin pages: members (change roles, deactivate) through the same use case as `/da06 members`. */
import { isRole, ROLES } from '../../domain/roles.ts';
import { roleLabel } from '../../i18n/index.ts';
import { type Outcome, type PageContext, WebRefusal } from '../context.ts';
import { html } from '../html.ts';
import { expect, section, table } from './shared.ts';

export async function membersPage(ctx: PageContext, saved?: string): Promise<Outcome> {
  const { rc, viewer } = ctx;
  const view = expect(await ctx.core.handle(viewer, { name: 'members', args: ['list'] }), 'members');
  const rows = view.members.map((m) => {
    const label = rc.t('dash.members.role_for', { name: m.displayName });
    return html`<tr><td>${m.displayName}</td><td>${m.unitCode}</td><td>${Object.keys(m.identities).join(', ') || '—'}</td>
<td><form method="post" action="/web/admin/members" class="inline"><input type="hidden" name="csrf" value="${ctx.csrf}"><input type="hidden" name="member" value="${m.id}"><input type="hidden" name="action" value="role">
<select name="role" aria-label="${label}">${ROLES.map((r) => html`<option value="${r}"${r === m.role ? html` selected` : ''}>${roleLabel(viewer.locale, r)}</option>`)}</select>
<button type="submit" class="secondary">${rc.t('dash.members.save_role')}</button></form></td>
<td><form method="post" action="/web/admin/members" class="inline"><input type="hidden" name="csrf" value="${ctx.csrf}"><input type="hidden" name="member" value="${m.id}"><input type="hidden" name="action" value="deactivate"><button type="submit" class="secondary" aria-label="${rc.t('dash.members.deactivate')}: ${m.displayName}">${rc.t('dash.members.deactivate')}</button></form></td></tr>`;
  });
  const title = rc.t('dash.members.heading');
  const headers = [
    'dash.col.name',
    'dash.col.unit',
    'dash.members.identities',
    'dash.col.role',
    'dash.col.actions',
  ].map((k) => rc.t(k));
  const body = html`<h1>${title}</h1>${saved ? html`<p role="status" class="ok">${saved}</p>` : ''}${section(title, table(null, headers, rows), 'members-table')}`;
  return { kind: 'page', title, body };
}

export async function membersAction(ctx: PageContext, form: URLSearchParams): Promise<Outcome> {
  const member = form.get('member') ?? '';
  const action = form.get('action');
  if (!/^\d+$/.test(member)) throw new WebRefusal(400, 'dash.error.not_found');
  let args: string[];
  if (action === 'role') {
    const role = form.get('role') ?? '';
    if (!isRole(role)) throw new WebRefusal(400, 'dash.error.not_found');
    args = ['role', member, role];
  } else if (action === 'deactivate') args = ['deactivate', member];
  else throw new WebRefusal(400, 'dash.error.not_found');
  const view = expect(await ctx.core.handle(ctx.viewer, { name: 'members', args }), 'notice');
  if (view.tone === 'error') throw new WebRefusal(400, view.key, view.params);
  return membersPage(ctx, ctx.rc.tl(view.key, view.params));
}
