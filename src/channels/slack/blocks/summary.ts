/**
 * A progress summary for the whole group or one unit: totals, units, overdue, blockers, units not
 * reported, change since the previous period. Long lists run over several sections; the message is
 * paged (≤ 50 blocks) by `paginate`, so a group of any size renders.
 */
import type { SummaryView } from '../../../app/views.ts';
import { BUCKETS } from '../../../domain/deadline-buckets.ts';
import { capitalize, formatPercent, standingLabel, statusLabel } from '../../../i18n/index.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import {
  STANDING_ORDER,
  standingChanges,
  summaryTitle,
  unitText,
  unresolvedHint,
  unresolvedNames,
} from '../../../presentation/sentences.ts';
import { taskLine } from './common.ts';
import { clip, context, esc, header, type KnownBlock, oneLine, section, sections } from './kit.ts';
import { overdueFacts } from './overdue.ts';
import type { Rendered } from './types.ts';

/** A blocker longer than this is cut and points to the full report. */
export const BLOCKER_TEXT_MAX = 300;

/** "Đã hoàn thành: *3* (23,8%)" per standing, and the late reports: the App Home shows these too. */
export function totalsLines(view: SummaryView, ctx: RenderContext): string[] {
  const lines = STANDING_ORDER.map((standing) => {
    const count = view.totals[standing] ?? 0;
    const share = view.taskCount === 0 ? 0 : (count / view.taskCount) * 100;
    return ctx.t('slack.summary.totals_line', {
      label: standingLabel(ctx.locale, standing),
      count,
      share: formatPercent(ctx.locale, share),
    });
  });
  if (view.lateReports > 0) lines.push(esc(ctx.t('summary.late_reports', { count: view.lateReports })));
  return lines;
}

export function renderSummary(view: SummaryView, ctx: RenderContext): Rendered {
  const title = summaryTitle(view, ctx);
  const blocks: KnownBlock[] = [header(title)];
  if (view.taskCount === 0) {
    blocks.push(section(esc(ctx.t('summary.empty'))));
    return { text: title, blocks };
  }
  const asOf = ctx.t('summary.as_of', { date: ctx.date(view.today), count: view.taskCount });
  blocks.push(context(esc(asOf)));
  blocks.push(section([`*${esc(ctx.t('summary.totals'))}*`, ...totalsLines(view, ctx)].join('\n')));
  blocks.push(...bucketBlocks(view, ctx));
  blocks.push(...unitsBlocks(view, ctx), ...overdueBlocks(view, ctx), ...blockerBlocks(view, ctx));
  blocks.push(...notReportedBlocks(view, ctx), ...unresolvedBlocks(view, ctx), ...changeBlocks(view, ctx));
  const totals = STANDING_ORDER.map((s) => `${standingLabel(ctx.locale, s)} ${view.totals[s] ?? 0}`).join(
    ', ',
  );
  return { text: `${title} — ${asOf}: ${totals}`, blocks };
}

function titled(title: string, lines: string[], none?: string): KnownBlock[] {
  const heading = `*${esc(title)}*`;
  if (lines.length === 0) return none ? [section(`${heading}\n${esc(none)}`)] : [];
  return sections(lines, heading);
}

/** The four deadline buckets: due in the period / since the plan began, then per unit (cumulative). */
function bucketBlocks(view: SummaryView, ctx: RenderContext): KnownBlock[] {
  const buckets = view.buckets;
  if (!buckets) return [];
  const head = `${ctx.t('buckets.in_period')} / ${ctx.t('buckets.cumulative')}`;
  const lines = BUCKETS.map(
    (b) =>
      `${esc(ctx.t(`buckets.${b}`))}: *${buckets.period.overall[b]}* / *${buckets.cumulative.overall[b]}*`,
  );
  if (buckets.cumulative.undated > 0)
    lines.push(`_${esc(ctx.t('buckets.undated', { count: buckets.cumulative.undated }))}_`);
  const out: KnownBlock[] = [
    section([`*${esc(ctx.t('buckets.title'))}* (${esc(head)})`, ...lines].join('\n')),
  ];
  out.push(context(esc(ctx.t('buckets.legend'))));
  return out;
}

function unitsBlocks(view: SummaryView, ctx: RenderContext): KnownBlock[] {
  if (view.units.length === 0) return [];
  // Each unit's four deadline buckets (cumulative) go on its line, so a big group stays on one page.
  const buckets = new Map(view.buckets?.cumulative.units.map((u) => [u.code, u.counts]));
  const lines = view.units.map((u) => {
    const line = `*${esc(u.code)}* ${esc(clip(u.name, 80))} — ${esc(ctx.t('slack.summary.unit_line', { ...u }))}`;
    const counts = buckets.get(u.code);
    if (!counts) return line;
    return `${line}\n_${BUCKETS.map((b) => `${esc(ctx.t(`buckets.short.${b}`))} ${counts[b]}`).join(' · ')}_`;
  });
  return [...titled(ctx.t('summary.by_unit'), lines), context(esc(ctx.t('summary.units_legend')))];
}

function overdueBlocks(view: SummaryView, ctx: RenderContext): KnownBlock[] {
  const lines = view.overdue.map(
    (item) => `${taskLine(item.code, item.content, 160)}\n${overdueFacts(item, ctx)}`,
  );
  return titled(
    ctx.t('summary.overdue', { count: view.overdue.length }),
    lines,
    ctx.t('summary.overdue_none'),
  );
}

function blockerBlocks(view: SummaryView, ctx: RenderContext): KnownBlock[] {
  const lines = view.blockers.map((b) => {
    const who = [`*[${esc(b.code)}]* ${esc(unitText(b.unitCode, b.unitName))}`, esc(b.memberName)];
    who.push(esc(statusLabel(ctx.locale, b.status)));
    const text = oneLine(b.text);
    const quoted =
      [...text].length > BLOCKER_TEXT_MAX
        ? `${clip(text, BLOCKER_TEXT_MAX)} ${ctx.t('summary.blocker_more', { code: b.code })}`
        : text;
    return `${who.join(' · ')}\n> ${esc(quoted)}`;
  });
  return titled(
    ctx.t('summary.blockers', { count: view.blockers.length }),
    lines,
    ctx.t('summary.blockers_none'),
  );
}

function notReportedBlocks(view: SummaryView, ctx: RenderContext): KnownBlock[] {
  const lines = view.notReported.map((unit) => {
    const codes = unit.taskCodes.slice(0, 30).join(', ');
    const rest =
      unit.taskCodes.length > 30
        ? ` ${ctx.t('summary.more_tasks', { count: unit.taskCodes.length - 30 })}`
        : '';
    return `• *${esc(unit.code)}* ${esc(unit.name && unit.name !== unit.code ? unit.name : '')}: ${esc(codes + rest)}`;
  });
  const title = ctx.t('summary.not_reported', { count: view.notReported.length });
  return titled(title, lines, ctx.t('summary.not_reported_none'));
}

/** Tasks whose units the directory could not map (shown only when there are some). */
function unresolvedBlocks(view: SummaryView, ctx: RenderContext): KnownBlock[] {
  if (view.unresolved.length === 0) return [];
  const lines = view.unresolved.map(
    (item) => `• ${taskLine(item.code, item.content, 160)} — ${esc(unresolvedNames(item, ctx))}`,
  );
  const title = ctx.t('summary.unresolved', { count: view.unresolved.length });
  return [...titled(title, lines), context(esc(unresolvedHint(ctx)))];
}

function changeBlocks(view: SummaryView, ctx: RenderContext): KnownBlock[] {
  const change = view.change;
  if (!change) return [];
  const lines = standingChanges(view, ctx).map(
    (row) => `${esc(row.label)}: ${row.before} → *${row.now}* (${row.delta})`,
  );
  if (change.newlyDone.length > 0) {
    lines.push(`_${esc(ctx.t('summary.newly_done', { count: change.newlyDone.length }))}_`);
    lines.push(...change.newlyDone.map((task) => `• ${taskLine(task.code, task.content, 160)}`));
  }
  return titled(capitalize(ctx.t('summary.change', { period: ctx.period(change.previousKey) })), lines);
}
