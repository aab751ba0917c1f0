import type { SummaryView } from '../../../app/views.ts';
import { BUCKETS } from '../../../domain/deadline-buckets.ts';
import { capitalize, formatPercent, standingLabel, statusLabel } from '../../../i18n/index.ts';
import {
  STANDING_ORDER,
  standingChanges,
  summaryTitle,
  unresolvedHint,
  unresolvedNames,
} from '../../../presentation/sentences.ts';
import type { TerminalContext } from './context.ts';
import { overdueItemLines } from './overdue.ts';
import { type Align, blocks, columns, cutText, heading, oneLine, textWidth, truncate, wrap } from './text.ts';

/** Rows shown before "… và N đơn vị khác" / "… và N nhiệm vụ khác". */
export const SUMMARY_LIMITS = { units: 20, overdue: 15, notReported: 20, taskCodes: 10 } as const;
/** A blocker longer than this is cut and points to the full report. */
export const BLOCKER_TEXT_MAX = 300;

/** Best news first, as chairs read the totals. */
/** A progress summary for the whole group or one unit: totals, units, overdue, blockers, changes. */
export function renderSummary(view: SummaryView, ctx: TerminalContext): string {
  const title = heading(summaryTitle(view, ctx), ctx.width, '=');
  if (view.taskCount === 0) return blocks(title, [ctx.t('summary.empty')]);
  return blocks(
    title,
    wrap(ctx.t('summary.as_of', { date: ctx.date(view.today), count: view.taskCount }), ctx.width),
    totalsSection(view, ctx),
    bucketsSection(view, ctx),
    unitsSection(view, ctx),
    overdueSection(view, ctx),
    blockersSection(view, ctx),
    notReportedSection(view, ctx),
    unresolvedSection(view, ctx),
    changeSection(view, ctx),
  );
}

function section(title: string, ctx: TerminalContext, body: string[]): string[] {
  return [...heading(title, ctx.width, '-'), ...body];
}

function more(
  key: 'summary.more_units' | 'summary.more_tasks',
  total: number,
  shown: number,
  ctx: TerminalContext,
) {
  return total > shown ? [ctx.t(key, { count: total - shown })] : [];
}

function totalsSection(view: SummaryView, ctx: TerminalContext): string[] {
  const rows = STANDING_ORDER.map((standing) => {
    const count = view.totals[standing] ?? 0;
    return [
      `${standingLabel(ctx.locale, standing)}:`,
      String(count),
      `(${formatPercent(ctx.locale, (count / view.taskCount) * 100)})`,
    ];
  });
  const body = columns(rows, ['left', 'right', 'right'], { indent: '  ', header: false });
  if (view.lateReports > 0) body.push(`  ${ctx.t('summary.late_reports', { count: view.lateReports })}`);
  return section(ctx.t('summary.totals'), ctx, body);
}

/** The four deadline buckets: due in the period and since the plan began, then per unit (cumulative). */
function bucketsSection(view: SummaryView, ctx: TerminalContext): string[] {
  const buckets = view.buckets;
  if (!buckets) return [];
  const header = ['', ctx.t('buckets.in_period'), ctx.t('buckets.cumulative')];
  const rows = BUCKETS.map((b) => [
    `${ctx.t(`buckets.${b}`)}:`,
    String(buckets.period.overall[b]),
    String(buckets.cumulative.overall[b]),
  ]);
  const body = columns([header, ...rows], ['left', 'right', 'right'], { indent: '  ' });
  if (buckets.cumulative.undated > 0) {
    body.push(...wrap(ctx.t('buckets.undated', { count: buckets.cumulative.undated }), ctx.width, '  '));
  }
  const units = buckets.cumulative.units.slice(0, SUMMARY_LIMITS.units);
  if (units.length > 0 && view.scopeUnit === null) {
    body.push('', `  ${ctx.t('buckets.by_unit')}`);
    const unitHeader = [ctx.t('summary.col.unit'), ...BUCKETS.map((b) => ctx.t(`buckets.short.${b}`))];
    const unitRows = units.map((u) => [u.code, ...BUCKETS.map((b) => String(u.counts[b]))]);
    body.push(
      ...columns([unitHeader, ...unitRows], ['left', 'right', 'right', 'right', 'right'], { indent: '  ' }),
    );
    body.push(
      ...more('summary.more_units', buckets.cumulative.units.length, units.length, ctx).map((l) => `  ${l}`),
    );
  }
  body.push(...wrap(ctx.t('buckets.legend'), ctx.width, '  '));
  return section(ctx.t('buckets.title'), ctx, body);
}

type UnitRow = SummaryView['units'][number];

/**
 * The per-unit table in the order the chair reads it: central units first, then the local offices
 * (BHXH tỉnh, khu vực); within each, units with problems first (overdue, then blocked, then reports
 * missing). Beyond `FOLD_LOCAL_OVER` local offices, they are folded into one line per standing,
 * unless the chair asked for every unit (`/da06 summary --all-units`).
 */
function unitsSection(view: SummaryView, ctx: TerminalContext): string[] {
  if (view.units.length === 0) return [];
  const ordered = chairOrder(view.units);
  const local = ordered.filter(isLocalOffice);
  const fold = !view.allUnits && local.length > FOLD_LOCAL_OVER;
  const listed = fold ? ordered.filter((u) => !isLocalOffice(u)) : ordered;
  const shown = view.allUnits ? listed : listed.slice(0, SUMMARY_LIMITS.units);
  const hidden = listed.length - shown.length;
  return section(ctx.t('summary.by_unit'), ctx, [
    ...(shown.length > 0 ? unitTable(shown, ctx) : []),
    ...more('summary.more_units', listed.length, shown.length, ctx).map((line) => `  ${line}`),
    ...(fold ? foldedLocalLines(local, ctx) : []),
    ...(fold || hidden > 0 ? wrap(ctx.t('summary.all_units_hint'), ctx.width, '  ') : []),
    ...wrap(ctx.t('summary.units_legend'), ctx.width, '  '),
  ]);
}

/** More local offices than this are folded into one line per standing. */
export const FOLD_LOCAL_OVER = 5;
/** Codes named on a folded line before "+N". */
const FOLDED_CODES = 8;

/** Local offices (provincial, regional) carry the directory's "BHXH-" codes (data/units.csv). */
function isLocalOffice(unit: UnitRow): boolean {
  return unit.code.startsWith('BHXH-');
}

type UnitStanding = 'overdue' | 'blocked' | 'missing' | 'ok';
const UNIT_STANDINGS: UnitStanding[] = ['overdue', 'blocked', 'missing', 'ok'];

/** A unit's worst problem: a task overdue, a task blocked, reports missing; else all reported. */
function unitStanding(u: UnitRow): UnitStanding {
  if (u.overdue > 0) return 'overdue';
  if (u.blocked > 0) return 'blocked';
  return u.reported < u.lead ? 'missing' : 'ok';
}

function chairOrder(units: UnitRow[]): UnitRow[] {
  const key = (u: UnitRow) => [isLocalOffice(u) ? 1 : 0, -u.overdue, -u.blocked, u.reported - u.lead];
  return [...units].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    const i = ka.findIndex((value, j) => value !== kb[j]);
    return i >= 0 ? ka[i]! - kb[i]! : a.code.localeCompare(b.code);
  });
}

/** "BHXH tỉnh, khu vực — chưa báo cáo đủ: 12 đơn vị (BHXH-AG, …, +4)", one line per standing. */
function foldedLocalLines(local: UnitRow[], ctx: TerminalContext): string[] {
  return UNIT_STANDINGS.flatMap((standing) => {
    const units = local.filter((u) => unitStanding(u) === standing);
    if (units.length === 0) return [];
    const codes = units.slice(0, FOLDED_CODES).map((u) => u.code);
    if (units.length > FOLDED_CODES) codes.push(`+${units.length - FOLDED_CODES}`);
    const label = ctx.t(`summary.local.${standing}`);
    const line = ctx.t('summary.local_folded', { label, count: units.length, codes: codes.join(', ') });
    return wrap(line, ctx.width, '    ', '  ');
  });
}

const UNIT_COLUMNS = [
  'lead',
  'reported',
  'done',
  'in_progress',
  'blocked',
  'not_started',
  'overdue',
] as const;

function unitCounts(u: UnitRow): number[] {
  return [u.lead, u.reported, u.done, u.inProgress, u.blocked, u.notStarted, u.overdue];
}

/**
 * Units in aligned columns (code, then counts); with the unit names in a last column when the line
 * has room for a useful part of them; one wrapped line per unit when even the counts do not fit.
 */
function unitTable(units: UnitRow[], ctx: TerminalContext): string[] {
  const names = UNIT_COLUMNS.map((column) => ctx.t(`summary.col.${column}`));
  const header = [ctx.t('summary.col.unit'), ...names];
  const rows = units.map((u) => [u.code, ...unitCounts(u).map(String)]);
  const align: Align[] = ['left', ...names.map((): Align => 'right')];
  const table = columns([header, ...rows], align, { indent: '  ' });
  const tableWidth = Math.max(...table.map(textWidth));

  if (tableWidth > ctx.width) {
    return units.flatMap((u) => {
      // No-break spaces keep each "Hoàn thành 1" on one line.
      const counts = unitCounts(u).map((n, j) => `${names[j]} ${n}`.replace(/ /g, '\u00a0'));
      return wrap(`${u.code}: ${counts.join(' · ')}`, ctx.width, '    ', '  ');
    });
  }
  const room = ctx.width - tableWidth - 2;
  if (room < 16) return table;
  const withNames = [header, ...rows].map((row, i) =>
    i === 0 ? [...row, ctx.t('summary.col.name')] : [...row, truncate(units[i - 1]!.name, room)],
  );
  return columns(withNames, [...align, 'left'], { indent: '  ' });
}

function overdueSection(view: SummaryView, ctx: TerminalContext): string[] {
  const title = ctx.t('summary.overdue', { count: view.overdue.length });
  if (view.overdue.length === 0) return section(title, ctx, [ctx.t('summary.overdue_none')]);
  const shown = view.overdue.slice(0, SUMMARY_LIMITS.overdue);
  return section(title, ctx, [
    ...shown.flatMap((item) => overdueItemLines(item, ctx)),
    ...more('summary.more_tasks', view.overdue.length, shown.length, ctx),
  ]);
}

function blockersSection(view: SummaryView, ctx: TerminalContext): string[] {
  const title = ctx.t('summary.blockers', { count: view.blockers.length });
  if (view.blockers.length === 0) return section(title, ctx, [ctx.t('summary.blockers_none')]);
  const lines = view.blockers.flatMap((b) => {
    const unit = b.unitName && b.unitName !== b.unitCode ? `${b.unitName} (${b.unitCode})` : b.unitCode;
    const who = [`[${b.code}] ${unit}`, b.memberName, statusLabel(ctx.locale, b.status)].join(' · ');
    const { text, cut } = cutText(oneLine(b.text), BLOCKER_TEXT_MAX);
    const quoted = cut ? `${text}${ctx.t('summary.blocker_more', { code: b.code })}` : text;
    return [...wrap(who, ctx.width, '  ', '- '), ...wrap(quoted, ctx.width, '    > ')];
  });
  return section(title, ctx, lines);
}

function notReportedSection(view: SummaryView, ctx: TerminalContext): string[] {
  const title = ctx.t('summary.not_reported', { count: view.notReported.length });
  if (view.notReported.length === 0) return section(title, ctx, [ctx.t('summary.not_reported_none')]);
  const shown = view.notReported.slice(0, SUMMARY_LIMITS.notReported);
  const lines = shown.flatMap((unit) => {
    const codes = unit.taskCodes.slice(0, SUMMARY_LIMITS.taskCodes).join(', ');
    const rest = more('summary.more_tasks', unit.taskCodes.length, SUMMARY_LIMITS.taskCodes, ctx);
    const name = unit.name && unit.name !== unit.code ? `${unit.code} — ${unit.name}` : unit.code;
    return wrap([`${name}: ${codes}`, ...rest].join(' '), ctx.width, '  ', '- ');
  });
  return section(title, ctx, [
    ...lines,
    ...more('summary.more_units', view.notReported.length, shown.length, ctx),
  ]);
}

/** Tasks whose units the directory could not map (shown only when there are some). */
function unresolvedSection(view: SummaryView, ctx: TerminalContext): string[] {
  if (view.unresolved.length === 0) return [];
  const lines = view.unresolved.flatMap((item) =>
    wrap(
      `[${item.code}] ${truncate(item.content, 160)} — ${unresolvedNames(item, ctx)}`,
      ctx.width,
      '  ',
      '- ',
    ),
  );
  const title = ctx.t('summary.unresolved', { count: view.unresolved.length });
  return section(title, ctx, [...lines, ...wrap(unresolvedHint(ctx), ctx.width, '  ')]);
}

function changeSection(view: SummaryView, ctx: TerminalContext): string[] {
  const change = view.change;
  if (!change) return [];
  const rows = standingChanges(view, ctx).map((row) => [
    `${row.label}:`,
    String(row.before),
    '→',
    String(row.now),
    `(${row.delta})`,
  ]);
  const body = columns(rows, ['left', 'right', 'left', 'right', 'right'], { indent: '  ', header: false });
  if (change.newlyDone.length > 0) {
    body.push('', ctx.t('summary.newly_done', { count: change.newlyDone.length }));
    for (const task of change.newlyDone) {
      body.push(...wrap(`[${task.code}] ${truncate(task.content, 160)}`, ctx.width, '  ', '- '));
    }
  }
  return section(capitalize(ctx.t('summary.change', { period: ctx.period(change.previousKey) })), ctx, body);
}
