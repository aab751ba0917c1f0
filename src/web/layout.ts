/** The page shell: skip link, header (who, language, sign-out), navigation, main. */
import { canManage, seesWholeGroup } from '../domain/permissions.ts';
import type { Locale } from '../domain/roles.ts';
import { roleLabel, t } from '../i18n/index.ts';
import type { PageContext } from './context.ts';
import { type Html, html } from './html.ts';
import './messages.ts';

function navigation(ctx: PageContext): Html {
  const { viewer } = ctx;
  const entries: [string, string][] = [
    ['/web/', 'dash.nav.overview'],
    [`/web/unit?code=${encodeURIComponent(viewer.unitCode)}`, 'dash.nav.my_unit'],
    ['/web/overdue', 'dash.nav.overdue'],
    ['/web/meetings', 'dash.nav.meetings'],
  ];
  if (seesWholeGroup(viewer))
    entries.push(['/web/scoreboard', 'dash.nav.scoreboard'], ['/web/exports', 'dash.nav.exports']);
  if (canManage(viewer).allowed)
    entries.push(
      ['/web/admin/members', 'dash.nav.members'],
      ['/web/admin/plan-import', 'dash.nav.plan_import'],
    );
  const current = ctx.path === '/web' ? '/web/' : ctx.path;
  return html`<nav aria-label="${ctx.rc.t('dash.nav.label')}"><ul>${entries.map(
    ([href, key]) =>
      html`<li><a href="${href}"${href.split('?')[0] === current && !href.includes('?') ? html` aria-current="page"` : ''}>${ctx.rc.t(key)}</a></li>`,
  )}</ul></nav>`;
}

export function layout(ctx: PageContext, title: string, body: Html): string {
  const { viewer, rc } = ctx;
  const other: Locale = viewer.locale === 'vi' ? 'en' : 'vi';
  const header = html`<header>
<a class="brand" href="/web/">${rc.t('dash.title')}</a>
${navigation(ctx)}
<span class="who">${rc.t('dash.signed_in_as', { name: viewer.displayName, unit: viewer.unitCode, role: roleLabel(viewer.locale, viewer.role) })}</span>
<form method="post" action="/web/lang"><input type="hidden" name="csrf" value="${ctx.csrf}"><input type="hidden" name="lang" value="${other}"><input type="hidden" name="back" value="${ctx.url.pathname + ctx.url.search}"><button type="submit" lang="${other}">${rc.t('dash.language.switch')}</button></form>
<form method="post" action="/web/signout"><input type="hidden" name="csrf" value="${ctx.csrf}"><button type="submit">${rc.t('dash.sign_out')}</button></form>
</header>`;
  return document(viewer.locale, title, html`${header}<main id="main">${body}</main>`);
}

/** A page outside a session (sign-in refusals, signed out): no navigation. */
export function bare(locale: Locale, title: string, body: Html): string {
  return document(
    locale,
    title,
    html`<header><span class="brand">${t(locale, 'dash.title')}</span></header><main id="main">${body}</main>`,
  );
}

function document(locale: Locale, title: string, content: Html): string {
  return html`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${t(locale, 'dash.title')}</title><link rel="stylesheet" href="/web/assets/app.css"></head>
<body><a class="skip" href="#main">${t(locale, 'dash.skip')}</a>${content}</body></html>`.value;
}
