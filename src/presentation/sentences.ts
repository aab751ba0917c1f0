/**
 * Sentences every channel shows the same way, made once here; channels only lay them out (a Slack
 * section, a card TextBlock, a wrapped terminal line).
 */
import type { LatestReportView, ReportSavedView, SummaryView } from '../app/views.ts';
import { statusLabel } from '../i18n/index.ts';
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
