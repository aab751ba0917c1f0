/** Overdue, the scoreboard with its rule, exports as downloads, the meetings: the chat commands' views as pages. */

import { scoreboardParts } from '../../presentation/scoreboard.ts';
import { type Outcome, type PageContext, WebRefusal } from '../context.ts';
import { html } from '../html.ts';
import { expect, orNone, periodPicker, section, standing, table, taskLink } from './shared.ts';

export async function overduePage(ctx: PageContext): Promise<Outcome> {
  const { rc } = ctx;
  const view = expect(await ctx.core.handle(ctx.viewer, { name: 'overdue' }), 'overdue');
  const rows = view.items.map(
    (o) =>
      html`<tr><td>${taskLink(o.taskId, o.code)}</td><td>${o.content}</td><td>${o.leadUnits.join(', ')}</td><td>${rc.date(o.due)}</td><td class="num">${o.daysOverdue}</td><td>${standing(ctx, o.standing)}</td></tr>`,
  );
  const title = rc.t('dash.overdue.heading', { today: rc.date(view.today) });
  const headers = [
    'dash.col.code',
    'dash.col.content',
    'dash.col.lead',
    'dash.col.due',
    'dash.col.days_overdue',
    'dash.col.status',
  ].map((k) => rc.t(k));
  const body = html`<h1>${title}</h1>${section(
    rc.t('dash.overview.overdue'),
    orNone(ctx, rows, () => table(null, headers, rows, [4])),
  )}`;
  return { kind: 'page', title, body };
}

export async function scoreboardPage(ctx: PageContext): Promise<Outcome> {
  const { rc } = ctx;
  const asked = ctx.url.searchParams.get('period');
  const view = expect(await ctx.core.handle(ctx.viewer, { name: 'scoreboard', period: asked }), 'scoreboard');
  const parts = scoreboardParts(view, ctx.viewer.locale, 1000);
  const title = rc.t('dash.scoreboard.heading', { period: rc.period(view.period) });
  const content =
    parts.empty !== null
      ? html`<p>${parts.empty}</p>`
      : html`<p>${parts.asOf}</p><ol>${parts.ranking.map((line) => html`<li>${line}</li>`)}</ol>${section(rc.t('dash.scoreboard.rule'), html`<p>${parts.rule}</p>`)}`;
  const body = html`<h1>${title}</h1>${periodPicker(ctx, '/web/scoreboard', asked)}<section aria-label="${parts.title}"><h2>${parts.title}</h2>${content}</section>`;
  return { kind: 'page', title, body };
}

type FileFormat = 'docx' | 'xlsx' | 'csv';
const FORMATS: FileFormat[] = ['docx', 'xlsx', 'csv'];

export async function exportsPage(ctx: PageContext): Promise<Outcome> {
  const { rc } = ctx;
  const title = rc.t('dash.exports.heading');
  const forms = FORMATS.map(
    (format) =>
      html`<form method="get" action="/web/export" class="inline"><input type="hidden" name="format" value="${format}"><label for="period-${format}">${rc.t('dash.col.period')}</label><input id="period-${format}" name="period" size="8" pattern="[0-9]{4}(-(0[1-9]|1[0-2]|H[12]))?"><button type="submit">${rc.t('dash.exports.download', { format: format.toUpperCase() })}</button></form><br>`,
  );
  const body = html`<h1>${title}</h1><section aria-label="${title}"><p>${rc.t('dash.exports.intro')}</p>${forms}</section>`;
  return { kind: 'page', title, body };
}

export async function exportDownload(ctx: PageContext): Promise<Outcome> {
  const format = ctx.url.searchParams.get('format') as FileFormat;
  if (!FORMATS.includes(format)) throw new WebRefusal(404, 'dash.error.not_found');
  const period = ctx.url.searchParams.get('period') || null;
  const file = expect(await ctx.core.handle(ctx.viewer, { name: 'export', period, format }), 'file');
  return { kind: 'file', fileName: file.fileName, mimeType: file.mimeType, bytes: file.bytes };
}

export async function meetingsPage(ctx: PageContext): Promise<Outcome> {
  const { rc } = ctx;
  const view = expect(await ctx.core.handle(ctx.viewer, { name: 'meeting', args: [] }), 'meeting');
  const title = rc.t('dash.meetings.heading');
  const next = view.next
    ? html`<p>${rc.t('dash.meetings.next', { when: rc.dateTime(view.next.startsAt, true) })}${view.next.place ? ` · ${view.next.place}` : ''}</p>${view.next.agenda ? html`<p>${view.next.agenda}</p>` : ''}${view.next.note ? html`<p>${view.next.note}</p>` : ''}`
    : html`<p>${rc.t('dash.meetings.none')}</p>`;
  const calendar = await ctx.core.meetingCalendar(ctx.viewer);
  const rule = html`<p>${calendar.rule}${calendar.place ? ` · ${calendar.place}` : ''}</p>${calendar.configured ? html`<p class="note">${rc.t('dash.meetings.default_rule')}</p>` : ''}`;
  const rows = calendar.months.map((m) => {
    const [year, month] = m.month.split('-');
    const label = rc.t('dash.meetings.month', { month: month ?? '', year: year ?? '' });
    if (!m.meeting)
      return html`<tr><th scope="row">${label}</th><td colspan="4">${rc.t('dash.meetings.state.unplanned')}</td></tr>`;
    const tone = m.meeting.state === 'cancelled' ? 'bad' : '';
    const when =
      m.meeting.state === 'cancelled'
        ? html`<s>${rc.dateTime(m.meeting.startsAt, true)}</s>`
        : rc.dateTime(m.meeting.startsAt, true);
    return html`<tr><th scope="row">${label}</th><td>${when}</td><td>${m.meeting.place ?? '—'}</td><td><span class="${tone}">${rc.t(`dash.meetings.state.${m.meeting.state}`)}</span></td><td>${m.meeting.note ?? ''}</td></tr>`;
  });
  const headers = [
    'dash.col.month',
    'dash.col.when',
    'dash.meetings.place',
    'dash.col.status',
    'dash.meetings.note',
  ].map((k) => rc.t(k));
  const body = html`<h1>${title}</h1><section aria-label="${title}">${next}</section>${section(rc.t('dash.meetings.rule'), rule)}${section(rc.t('dash.meetings.calendar'), table(null, headers, rows), 'meetings-calendar')}`;
  return { kind: 'page', title, body };
}
