/** Pieces several pages share: a notice from the core as a refusal, tables, the period picker. */
import type { NoticeView } from '../../app/views.ts';
import type { TaskStanding } from '../../domain/report.ts';
import { standingLabel } from '../../i18n/index.ts';
import { type PageContext, WebRefusal } from '../context.ts';
import { type Html, html } from '../html.ts';

/** The view the page expects, or the core's notice (a refusal, a bad period) as a page in the viewer's words. */
export function expect<V extends { kind: string }, K extends V['kind']>(
  view: V,
  kind: K,
): Extract<V, { kind: K }> {
  if (view.kind === kind) return view as Extract<V, { kind: K }>;
  if (view.kind === 'notice') {
    const notice = view as unknown as NoticeView;
    const status = notice.key.startsWith('auth.') ? 403 : 400;
    throw new WebRefusal(status, notice.key, notice.params);
  }
  throw new Error(`expected a ${kind} view, got ${view.kind}`);
}

export function table(caption: string | null, headers: string[], rows: Html[], numeric: number[] = []): Html {
  return html`<div class="scroll"><table>${caption ? html`<caption class="note">${caption}</caption>` : ''}
<thead><tr>${headers.map((h, i) => html`<th scope="col"${numeric.includes(i) ? html` class="num"` : ''}>${h}</th>`)}</tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

export function section(title: string, body: Html | string, id?: string): Html {
  const headingId = id ?? `h-${title.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}`;
  return html`<section aria-labelledby="${headingId}"><h2 id="${headingId}">${title}</h2>${body}</section>`;
}

export function orNone(ctx: PageContext, rows: Html[], build: () => Html): Html {
  return rows.length > 0 ? build() : html`<p>${ctx.rc.t('dash.none')}</p>`;
}

export function standing(ctx: PageContext, value: TaskStanding): Html {
  const tone = value === 'done' ? 'ok' : value === 'blocked' || value === 'not_reported' ? 'bad' : '';
  return html`<span class="${tone}">${standingLabel(ctx.viewer.locale, value)}</span>`;
}

export function periodPicker(ctx: PageContext, action: string, current: string | null): Html {
  return html`<form method="get" action="${action}" class="inline"><label for="period">${ctx.rc.t('dash.period.label')}</label>
<input id="period" name="period" value="${current ?? ''}" size="10" pattern="[0-9]{4}(-(0[1-9]|1[0-2]|H[12]))?">
<button type="submit">${ctx.rc.t('dash.period.show')}</button></form>`;
}

export function taskLink(taskId: number, code: string): Html {
  return html`<a href="/web/task?id=${taskId}">${code}</a>`;
}

export function unitLink(code: string, label?: string): Html {
  return html`<a href="/web/unit?code=${encodeURIComponent(code)}">${label ?? code}</a>`;
}
