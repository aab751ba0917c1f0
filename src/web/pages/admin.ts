/** Admin pages: members (change roles, deactivate, reactivate, link a chat account) through the same use case as `/da06 members`. */
import type { MemberRecord } from '../../app/ports/stores.ts';
import { isRole, PLATFORMS, ROLES } from '../../domain/roles.ts';
import { roleLabel } from '../../i18n/index.ts';
import { type Outcome, type PageContext, WebRefusal } from '../context.ts';
import { type Html, html } from '../html.ts';
import { expect, section, table } from './shared.ts';

export async function membersPage(ctx: PageContext, saved?: string): Promise<Outcome> {
  const { rc, viewer } = ctx;
  const view = expect(await ctx.core.handle(viewer, { name: 'members', args: ['list', '--all'] }), 'members');
  const rows = view.members.map((m) => memberRow(ctx, m));
  const title = rc.t('dash.members.heading');
  const headers = [
    'dash.col.name',
    'dash.col.unit',
    'dash.members.identities',
    'dash.col.active',
    'dash.col.role',
    'dash.col.actions',
  ].map((k) => rc.t(k));
  const body = html`<h1>${title}</h1>${saved ? html`<p role="status" class="ok">${saved}</p>` : ''}${section(title, table(null, headers, rows), 'members-table')}${linkForm(ctx, view.members)}`;
  return { kind: 'page', title, body };
}

function hidden(ctx: PageContext, member: number, action: string): Html {
  return html`<input type="hidden" name="csrf" value="${ctx.csrf}"><input type="hidden" name="member" value="${member}"><input type="hidden" name="action" value="${action}">`;
}

function memberRow(ctx: PageContext, m: MemberRecord): Html {
  const { rc, viewer } = ctx;
  const label = rc.t('dash.members.role_for', { name: m.displayName });
  const identities = Object.entries(m.identities).map(([platform, id]) => `${platform}:${id}`);
  const toggle = m.active ? 'deactivate' : 'reactivate';
  return html`<tr><td>${m.displayName}</td><td>${m.unitCode}</td><td>${identities.join(', ') || '—'}</td>
<td>${m.active ? rc.t('dash.members.active') : html`<span class="bad">${rc.t('dash.members.inactive')}</span>`}</td>
<td><form method="post" action="/web/admin/members" class="inline">${hidden(ctx, m.id, 'role')}
<select name="role" aria-label="${label}">${ROLES.map((r) => html`<option value="${r}"${r === m.role ? html` selected` : ''}>${roleLabel(viewer.locale, r)}</option>`)}</select>
<button type="submit" class="secondary">${rc.t('dash.members.save_role')}</button></form></td>
<td><form method="post" action="/web/admin/members" class="inline">${hidden(ctx, m.id, toggle)}<button type="submit" class="secondary" aria-label="${rc.t(`dash.members.${toggle}`)}: ${m.displayName}">${rc.t(`dash.members.${toggle}`)}</button></form></td></tr>`;
}

/** Link a chat account (platform + user id) to a member: the same `members link` chat and CLI use. */
function linkForm(ctx: PageContext, members: MemberRecord[]): Html {
  const { rc } = ctx;
  const title = rc.t('dash.members.link_heading');
  return section(
    title,
    html`<form method="post" action="/web/admin/members"><input type="hidden" name="csrf" value="${ctx.csrf}"><input type="hidden" name="action" value="link">
<p><label for="link-member">${rc.t('dash.members.link_member')}</label>
<select id="link-member" name="member">${members.map((m) => html`<option value="${m.id}">${m.displayName} (${m.unitCode})</option>`)}</select></p>
<p><label for="link-platform">${rc.t('dash.members.link_platform')}</label>
<select id="link-platform" name="platform">${PLATFORMS.map((p) => html`<option value="${p}">${p}</option>`)}</select></p>
<p><label for="link-account">${rc.t('dash.members.link_account')}</label>
<input id="link-account" name="account" required maxlength="200"></p>
<button type="submit">${rc.t('dash.members.link_submit')}</button></form>`,
    'members-link',
  );
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
  } else if (action === 'deactivate' || action === 'reactivate') args = [action, member];
  else if (action === 'link') {
    const platform = form.get('platform') ?? '';
    const account = (form.get('account') ?? '').trim();
    if (!(PLATFORMS as readonly string[]).includes(platform) || !/^[^\s-]\S*$/.test(account))
      throw new WebRefusal(400, 'members.usage');
    args = ['link', member, `--${platform}`, account];
  } else throw new WebRefusal(400, 'dash.error.not_found');
  const view = expect(await ctx.core.handle(ctx.viewer, { name: 'members', args }), 'notice');
  if (view.tone === 'error') throw new WebRefusal(400, view.key, view.params);
  return membersPage(ctx, ctx.rc.tl(view.key, view.params));
}
