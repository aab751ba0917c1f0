/**
 * Sentences every channel shows the same way, made once here; channels only lay them out (a Slack
 * section, a card TextBlock, a wrapped terminal line).
 */
import type { LatestReportView, ReportSavedView, SummaryView } from '../app/views.ts';
import type { TaskStanding } from '../domain/report.ts';
import { standingLabel, statusLabel } from '../i18n/index.ts';
import type { RenderContext } from './context.ts';

/** "Hà Nội (HN)", or the code alone when the name is missing or the same. */
export function unitText(code: string, name: string | null | undefined): string {
  return name && name !== code ? `${name} (${code})` : code;
}

/** A task's latest report in one line, "(nộp muộn)" added when it came late; or "Chưa có báo cáo". */
export function latestReportLine(latest: LatestReportView | null, ctx: RenderContext): string {
  if (!latest) return ctx.t('tasks.no_report');
  const line = ctx.t('tasks.latest', {
    period: ctx.period(latest.periodKey),
    status: statusLabel(ctx.locale, latest.status),
    percent: latest.percent,
    member: latest.memberName,
    date: ctx.date(latest.updatedAt),
  });
  return latest.late ? `${line} ${ctx.t('tasks.latest_late')}` : line;
}

/** "Đã ghi nhận báo cáo nhiệm vụ 1 kỳ tháng 6/2024: Đang triển khai, 60%." (or "Đã cập nhật…"). */
export function reportSavedText(view: ReportSavedView, ctx: RenderContext): string {
  const params = {
    code: view.taskCode,
    period: ctx.period(view.period),
    status: statusLabel(ctx.locale, view.status),
    percent: view.percent,
    revision: view.revision,
  };
  return ctx.t(view.revision > 1 ? 'report.updated' : 'report.saved', params);
}

/** "Tổng hợp tiến độ tháng 6/2024 — toàn nhóm" or "— đơn vị Hà Nội (HN)". */
export function summaryTitle(view: SummaryView, ctx: RenderContext): string {
  const scopeName = view.units.find((u) => u.code === view.scopeUnit)?.name;
  const scope =
    view.scopeUnit === null
      ? ctx.t('summary.scope_group')
      : ctx.t('summary.scope_unit', { unit: unitText(view.scopeUnit, scopeName) });
  return ctx.t('summary.title', { period: ctx.period(view.period), scope });
}

/** Best news first, as chairs read the totals of a summary. */
export const STANDING_ORDER: readonly TaskStanding[] = [
  'done',
  'in_progress',
  'blocked',
  'not_started',
  'not_reported',
];

/** One standing's count in the previous period and now ("Đã hoàn thành: 2 → 3 (+1)"). */
export interface StandingChange {
  label: string;
  before: number;
  now: number;
  /** "+1", "-2" or "0". */
  delta: string;
}

/** How each standing's count moved since the previous period, in `STANDING_ORDER`; [] without a change. */
export function standingChanges(view: SummaryView, ctx: RenderContext): StandingChange[] {
  const change = view.change;
  if (!change) return [];
  return STANDING_ORDER.map((standing) => {
    const before = change.totalsBefore[standing] ?? 0;
    const now = view.totals[standing] ?? 0;
    return { label: standingLabel(ctx.locale, standing), before, now, delta: signed(now - before) };
  });
}

/** "+3", "-2", "0". */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `-${-n}` : '0';
}

type UnresolvedItem = SummaryView['unresolved'][number];

/** "chủ trì "KHTC", phối hợp "Ban X"": the names of a task the directory could not map. */
export function unresolvedNames(item: UnresolvedItem, ctx: RenderContext): string {
  return item.names
    .map((u) =>
      ctx.t(u.role === 'lead' ? 'summary.unresolved_lead' : 'summary.unresolved_coordinating', {
        name: u.name,
      }),
    )
    .join(', ');
}

/** "BT, CNTT, "KHTC" (chưa rõ)": a task's lead units with the names not linked to a unit marked; "—" for none. */
export function leadUnitsText(
  item: { leadUnits: readonly string[]; unresolvedLeads?: readonly string[] },
  ctx: RenderContext,
): string {
  const names = (item.unresolvedLeads ?? []).map((name) => ctx.t('summary.unresolved_mark', { name }));
  return [...item.leadUnits, ...names].join(', ') || '—';
}

/** The closing line of the unresolved-names section: nobody is reminded; how an admin maps them. */
export function unresolvedHint(ctx: RenderContext): string {
  return ctx.t('summary.unresolved_hint');
}
