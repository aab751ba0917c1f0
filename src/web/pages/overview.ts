/**
 * The overview of a period (defaults as `/da06 summary`): totals by status, the unit × month heat map,
 * the 12-month trend, overdue tasks, kiến nghị awaiting the chair, units not reported. The core's
 * `overview` use case gives the summary (a member sees their unit only) and the twelve months of the
 * heat map and trend in the same scope, from one set of reads.
 */
import type { DashboardMonth } from '../../app/use-cases/dashboard-months.ts';
import { overview } from '../../app/use-cases/overview.ts';
import type { SummaryView } from '../../app/views.ts';
import { standingLabel } from '../../i18n/index.ts';
import { STANDING_ORDER } from '../../presentation/sentences.ts';
import { type HeatRow, heatMap, trendChart } from '../charts.ts';
import type { Outcome, PageContext } from '../context.ts';
import { html } from '../html.ts';
import { overviewBuckets } from './buckets.ts';
import { expect, orNone, periodPicker, section, standing, table, taskLink, unitLink } from './shared.ts';

function heatRows(months: DashboardMonth[]): HeatRow[] {
  const last = months.at(-1)!;
  return [...last.units]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((unit) => ({
      code: unit.code,
      name: unit.name,
      cells: months.map((data) => {
        const row = data.units.find((u) => u.code === unit.code);
        return { reported: row?.reported ?? 0, lead: row?.lead ?? 0 };
      }),
    }));
}

function totals(ctx: PageContext, view: SummaryView) {
  return html`<ul class="totals">${STANDING_ORDER.map(
    (s) => html`<li>${standingLabel(ctx.viewer.locale, s)}<strong>${view.totals[s]}</strong></li>`,
  )}</ul>`;
}

const LIST_MAX = 30;

function codes(list: string[]): string {
  return list.length > 12 ? `${list.slice(0, 12).join(', ')} … (${list.length})` : list.join(', ');
}

function more(ctx: PageContext, total: number, href: string) {
  return total > LIST_MAX
    ? html`<p><a href="${href}">${ctx.rc.t('dash.overview.more', { count: total - LIST_MAX })}</a></p>`
    : '';
}

function lists(ctx: PageContext, view: SummaryView) {
  const { rc } = ctx;
  // The page stays light at 90 units and 500 tasks: the longest lists are cut, with where to read them whole.
  const overdue = view.overdue
    .slice(0, LIST_MAX)
    .map(
      (o) =>
        html`<tr><td>${taskLink(o.taskId, o.code)}</td><td>${o.content}</td><td>${o.leadUnits.join(', ')}</td><td>${rc.date(o.due)}</td><td class="num">${o.daysOverdue}</td><td>${standing(ctx, o.standing)}</td></tr>`,
    );
  const blockers = view.blockers
    .slice(0, LIST_MAX)
    .map(
      (b) =>
        html`<tr><td>${taskLink(b.taskId, b.code)}</td><td>${unitLink(b.unitCode)}</td><td>${b.memberName}</td><td>${b.text}</td></tr>`,
    );
  const missing = view.notReported.map(
    (u) => html`<tr><td>${unitLink(u.code, `${u.code} – ${u.name}`)}</td><td>${codes(u.taskCodes)}</td></tr>`,
  );
  const col = (key: string) => rc.t(key);
  return html`${section(
    rc.t('dash.overview.overdue'),
    orNone(ctx, overdue, () =>
      table(
        null,
        [
          col('dash.col.code'),
          col('dash.col.content'),
          col('dash.col.lead'),
          col('dash.col.due'),
          col('dash.col.days_overdue'),
          col('dash.col.status'),
        ],
        overdue,
        [4],
      ),
    ),
  )}${more(ctx, view.overdue.length, '/web/overdue')}
${section(
  rc.t('dash.overview.blockers'),
  orNone(ctx, blockers, () =>
    table(
      null,
      [col('dash.col.task'), col('dash.col.unit'), col('dash.col.member'), col('dash.col.text')],
      blockers,
    ),
  ),
)}${more(ctx, view.blockers.length, '/web/exports')}
${section(
  rc.t('dash.overview.not_reported'),
  orNone(ctx, missing, () => table(null, [col('dash.col.unit'), col('dash.col.tasks')], missing)),
)}`;
}

export async function overviewPage(ctx: PageContext): Promise<Outcome> {
  const { rc } = ctx;
  const asked = ctx.url.searchParams.get('period');
  const { summary: view, months } = expect(await overview(ctx.core.deps, ctx.viewer, asked), 'overview');
  const labels = months.map((m) => m.period.key);
  const points = months.map(({ period, done, taskCount }) => ({
    label: period.key,
    value: taskCount === 0 ? 0 : (100 * done) / taskCount,
  }));
  const description = rc.t('dash.overview.trend_desc', { from: labels[0]!, to: labels.at(-1)! });
  const title = rc.t('dash.overview.heading', { period: rc.period(view.period) });
  const scope = view.scopeUnit
    ? rc.t('dash.overview.scope_unit', { unit: view.scopeUnit })
    : rc.t('dash.overview.scope_all');
  const trendRows = points.map(
    (p) => html`<tr><td>${p.label}</td><td class="num">${Math.round(p.value)}%</td></tr>`,
  );
  const body = html`<h1>${title}</h1><p>${scope}</p>${periodPicker(ctx, '/web/', asked)}
${section(rc.t('dash.overview.totals', { count: view.taskCount }), totals(ctx, view))}
${overviewBuckets(ctx, view.buckets)}
${section(rc.t('dash.overview.heatmap'), heatMap(labels, heatRows(months), { unit: rc.t('dash.col.unit'), caption: rc.t('dash.overview.heatmap_note') }))}
${section(rc.t('dash.overview.trend'), html`${trendChart(points, description)}${table(null, [rc.t('dash.col.month'), rc.t('dash.col.done_rate')], trendRows, [1])}`)}
${lists(ctx, view)}`;
  return { kind: 'page', title, body };
}
