/**
 * A progress summary for the whole group or one unit, with the terminal's sections (totals, units,
 * overdue, blockers, units not reported, change since the previous period). Nothing is cut off as
 * the terminal must: long lists go on to further pages ("Xem tiếp").
 */
import type { SummaryView } from '../../../app/views.ts';
import { BUCKETS } from '../../../domain/deadline-buckets.ts';
import { capitalize, formatPercent, standingLabel, statusLabel } from '../../../i18n/index.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import {
  STANDING_ORDER,
  standingChanges,
  summaryTitle,
  unresolvedHint,
  unresolvedNames,
} from '../../../presentation/sentences.ts';
import {
  BLOCKER_TEXT_MAX,
  type CardElement,
  CONTENT_MAX,
  container,
  cutKeepingLines,
  facts,
  sectionTitle,
  table,
  text,
  title,
  truncate,
  unitLabel,
} from './card.ts';
import { overdueItem } from './overdue.ts';
import { type PagedCard, pagedCard } from './paging.ts';

/** Best news first, as chairs read the totals. */
/** Unit rows per table; a page holds several tables. */
export const UNIT_ROWS_PER_TABLE = 10;
/** Task codes listed per unit that has not reported, before "… và N nhiệm vụ khác". */
const TASK_CODES_MAX = 30;

export function renderSummaryCard(view: SummaryView, ctx: RenderContext, page = 1): PagedCard {
  const header: CardElement[] = [title(summaryTitle(view, ctx))];
  const items: CardElement[] = [];
  if (view.taskCount === 0) {
    header.push(text(ctx.t('summary.empty')));
  } else {
    header.push(
      text(ctx.t('summary.as_of', { date: ctx.date(view.today), count: view.taskCount }), {
        isSubtle: true,
        spacing: 'None',
      }),
    );
    items.push(
      totalsSection(view, ctx),
      ...bucketsSection(view, ctx),
      ...unitsSection(view, ctx),
      ...overdueSection(view, ctx),
      ...blockersSection(view, ctx),
      ...notReportedSection(view, ctx),
      ...unresolvedSection(view, ctx),
      ...changeSection(view, ctx),
    );
  }
  return pagedCard(ctx, header, items, {
    page,
    nav: (p) => ({ verb: 'view.page', view: 'summary', period: view.period.key, page: p }),
  });
}

/** A section's first item carries its title, so a title never ends a page alone. */
function withTitle(heading: string, items: CardElement[]): CardElement[] {
  const [first, ...rest] = items;
  return [container([sectionTitle(heading), ...(first ? [first] : [])]), ...rest];
}

function totalsSection(view: SummaryView, ctx: RenderContext): CardElement {
  const rows: [string, string][] = STANDING_ORDER.map((standing) => {
    const count = view.totals[standing] ?? 0;
    return [
      standingLabel(ctx.locale, standing),
      `${count} (${formatPercent(ctx.locale, (count / view.taskCount) * 100)})`,
    ];
  });
  return container([
    sectionTitle(ctx.t('summary.totals')),
    facts(rows),
    ...(view.lateReports > 0
      ? [text(ctx.t('summary.late_reports', { count: view.lateReports }), { size: 'Small' as const })]
      : []),
  ]);
}

/** The four deadline buckets: due in the period and since the plan began, then per unit (cumulative). */
function bucketsSection(view: SummaryView, ctx: RenderContext): CardElement[] {
  const buckets = view.buckets;
  if (!buckets) return [];
  const overall = table(
    [
      ['', ctx.t('buckets.in_period'), ctx.t('buckets.cumulative')],
      ...BUCKETS.map((b) => [
        ctx.t(`buckets.${b}`),
        String(buckets.period.overall[b]),
        String(buckets.cumulative.overall[b]),
      ]),
    ],
    [false, true, true],
  );
  const items: CardElement[] = [overall];
  if (buckets.cumulative.undated > 0) {
    items.push(text(ctx.t('buckets.undated', { count: buckets.cumulative.undated }), { size: 'Small' }));
  }
  const units = view.scopeUnit === null ? buckets.cumulative.units : [];
  const header = [ctx.t('summary.col.unit'), ...BUCKETS.map((b) => ctx.t(`buckets.short.${b}`))];
  for (let i = 0; i < units.length; i += UNIT_ROWS_PER_TABLE) {
    const rows = units
      .slice(i, i + UNIT_ROWS_PER_TABLE)
      .map((u) => [u.code, ...BUCKETS.map((b) => String(u.counts[b]))]);
    items.push(
      table(
        [header, ...rows],
        header.map((_, j) => j > 0),
      ),
    );
  }
  items.push(text(ctx.t('buckets.legend'), { isSubtle: true, size: 'Small', spacing: 'Small' }));
  return withTitle(ctx.t('buckets.title'), items);
}

function unitsSection(view: SummaryView, ctx: RenderContext): CardElement[] {
  if (view.units.length === 0) return [];
  const header = [
    ctx.t('summary.col.unit'),
    ctx.t('summary.col.lead'),
    ctx.t('summary.col.reported'),
    ctx.t('summary.col.done'),
    ctx.t('summary.col.in_progress'),
    ctx.t('summary.col.blocked'),
    ctx.t('summary.col.not_started'),
    ctx.t('summary.col.overdue'),
  ];
  const align = header.map((_, i) => i > 0);
  const tables: CardElement[] = [];
  for (let i = 0; i < view.units.length; i += UNIT_ROWS_PER_TABLE) {
    const rows = view.units
      .slice(i, i + UNIT_ROWS_PER_TABLE)
      .map((u) => [
        u.name && u.name !== u.code ? `${u.code} — ${truncate(u.name, 40)}` : u.code,
        ...[u.lead, u.reported, u.done, u.inProgress, u.blocked, u.notStarted, u.overdue].map(String),
      ]);
    tables.push(table([header, ...rows], align));
  }
  return [
    ...withTitle(ctx.t('summary.by_unit'), tables),
    text(ctx.t('summary.units_legend'), { isSubtle: true, size: 'Small', spacing: 'Small' }),
  ];
}

function overdueSection(view: SummaryView, ctx: RenderContext): CardElement[] {
  const heading = ctx.t('summary.overdue', { count: view.overdue.length });
  if (view.overdue.length === 0) return withTitle(heading, [text(ctx.t('summary.overdue_none'))]);
  return withTitle(
    heading,
    view.overdue.map((item) => overdueItem(item, ctx)),
  );
}

function blockersSection(view: SummaryView, ctx: RenderContext): CardElement[] {
  const heading = ctx.t('summary.blockers', { count: view.blockers.length });
  if (view.blockers.length === 0) return withTitle(heading, [text(ctx.t('summary.blockers_none'))]);
  return withTitle(
    heading,
    view.blockers.map((b) => {
      const who = [
        `[${b.code}] ${unitLabel(b.unitCode, b.unitName)}`,
        b.memberName,
        statusLabel(ctx.locale, b.status),
      ].join(' · ');
      const { text: said, cut } = cutKeepingLines(b.text, BLOCKER_TEXT_MAX);
      const quoted = cut ? `${said}${ctx.t('summary.blocker_more', { code: b.code })}` : said;
      return container([text(who, { weight: 'Bolder', size: 'Small' }), text(quoted, { spacing: 'None' })], {
        spacing: 'Small',
        style: 'emphasis',
      });
    }),
  );
}

function notReportedSection(view: SummaryView, ctx: RenderContext): CardElement[] {
  const heading = ctx.t('summary.not_reported', { count: view.notReported.length });
  if (view.notReported.length === 0) return withTitle(heading, [text(ctx.t('summary.not_reported_none'))]);
  return withTitle(
    heading,
    view.notReported.map((unit) => {
      const codes = unit.taskCodes.slice(0, TASK_CODES_MAX).join(', ');
      const rest =
        unit.taskCodes.length > TASK_CODES_MAX
          ? ` ${ctx.t('summary.more_tasks', { count: unit.taskCodes.length - TASK_CODES_MAX })}`
          : '';
      return text(`- ${unitLabel(unit.code, unit.name)}: ${codes}${rest}`, { spacing: 'Small' });
    }),
  );
}

/** Tasks whose units the directory could not map (shown only when there are some). */
function unresolvedSection(view: SummaryView, ctx: RenderContext): CardElement[] {
  if (view.unresolved.length === 0) return [];
  const heading = ctx.t('summary.unresolved', { count: view.unresolved.length });
  return withTitle(heading, [
    ...view.unresolved.map((item) =>
      text(`- [${item.code}] ${truncate(item.content, CONTENT_MAX)} — ${unresolvedNames(item, ctx)}`, {
        spacing: 'Small',
      }),
    ),
    text(unresolvedHint(ctx), { isSubtle: true, spacing: 'Small' }),
  ]);
}

function changeSection(view: SummaryView, ctx: RenderContext): CardElement[] {
  const change = view.change;
  if (!change) return [];
  const rows: [string, string][] = standingChanges(view, ctx).map((row) => [
    row.label,
    `${row.before} → ${row.now} (${row.delta})`,
  ]);
  const newlyDone =
    change.newlyDone.length > 0
      ? [
          text(ctx.t('summary.newly_done', { count: change.newlyDone.length }), { weight: 'Bolder' }),
          ...change.newlyDone.map((task) =>
            text(`- [${task.code}] ${truncate(task.content, CONTENT_MAX)}`, { spacing: 'None' }),
          ),
        ]
      : [];
  return withTitle(capitalize(ctx.t('summary.change', { period: ctx.period(change.previousKey) })), [
    facts(rows),
    ...newlyDone,
  ]);
}
