/**
 * "Export": the draft report of a period as a file (DOCX laid out as a Vietnamese administrative
 * report, XLSX, CSV) with its progress chart, for chairs to upload to the conversation, and the
 * same for the CLI (`da06 report`). The document is written in the group's language; the message
 * that carries it in the viewer's.
 *
 * Which period: the one typed; without one, the month whose reports are still being collected
 * (`defaultReportPeriod`, the rule summary and scoreboard share: the previous month during its grace
 * days, else the current month). A period
 * that has not begun, or that ended before the first plan's year, is refused with why.
 */
import type { Deadline } from '../../domain/deadline.ts';
import {
  nextPeriod,
  type Period,
  parsePeriod,
  periodOf,
  previousPeriod,
  todayIn,
} from '../../domain/period.ts';
import { canPostToGroup } from '../../domain/permissions.ts';
import {
  computeReportPeriod,
  type MonthReports,
  type PeriodTaskInput,
  type ReportPeriodData,
} from '../../domain/report-period-data.ts';
import { defaultReportPeriod } from '../../domain/reporting-window.ts';
import { isLocale, type Locale } from '../../domain/roles.ts';
import { periodLabel, t } from '../../i18n/index.ts';
import type { ChartImage } from '../../reports/chart.ts';
import { renderReportCsv } from '../../reports/csv.ts';
import {
  type EvidenceAnnexRow,
  FILE_FORMATS,
  type FileFormat,
  MIME_TYPES,
  type ReportDocument,
} from '../../reports/model.ts';
import { type CoreDeps, today as todayOf } from '../core-deps.ts';
import type { TaskRow } from '../ports/stores.ts';
import type { FileView, NoticeView, Viewer } from '../views.ts';
import { deadlineBuckets } from './deadline-buckets.ts';
import { rollReport, rollTask, rollUpOn } from './roll-up.ts';
import { allTasks } from './task-scope.ts';

/** Kiến nghị longer than this are cut in chat, with a pointer to the file, which keeps them whole. */
export const CHAT_TEXT_MAX = 300;
/** Kiến nghị quoted in the chat message before "… và N kiến nghị khác". */
export const CHAT_BLOCKERS_MAX = 5;
/** Months of history the chart shows for a monthly report. */
export const CHART_MONTHS = 6;

export function isFileFormat(value: string): value is FileFormat {
  return (FILE_FORMATS as readonly string[]).includes(value);
}

/** `/da06 export [period] [docx|xlsx|csv]`, in any order: the words after the command. */
export function parseExportArgs(words: string[]): { period: string | null; format: FileFormat } {
  let format: FileFormat = 'docx';
  const rest: string[] = [];
  for (const word of words) {
    const folded = word.toLowerCase().replace(/^\./, '');
    if (isFileFormat(folded)) format = folded;
    else rest.push(word);
  }
  return { period: rest.join(' ').trim() || null, format };
}

/** The chat's `/da06 export`: chairs, vice-chairs and admins only. */
export async function exportReport(
  deps: CoreDeps,
  viewer: Viewer,
  typedPeriod: string | null | undefined,
  format: FileFormat,
): Promise<FileView | NoticeView> {
  const resolved = await chairReportPeriod(deps, viewer, typedPeriod);
  if (!resolved.ok) return resolved.notice;
  const { period, today } = resolved;
  const doc = await loadReportDocument(deps, period, today);
  const file = await renderReportFile(doc, format);
  const chart = doc.chart;
  return {
    kind: 'file',
    ...file,
    altText: t(viewer.locale, 'reports.file.caption', {
      period: periodLabel(viewer.locale, period),
      format: format.toUpperCase(),
    }),
    caption: captionLines(doc, viewer.locale, format),
    image: chart
      ? chartAttachment(doc, viewer.locale === doc.locale ? chart : await renderChart(doc, viewer.locale))
      : undefined,
  };
}

/**
 * The period typed (or the default one), or the notice that says why it cannot be reported on:
 * unreadable, not begun, or before the first plan's year.
 */
export async function resolveReportPeriod(
  deps: CoreDeps,
  typed: string | null | undefined,
  today: string,
): Promise<{ ok: true; period: Period } | { ok: false; notice: NoticeView }> {
  const refuse = (key: string, params: NoticeView['params']) =>
    ({ ok: false, notice: { kind: 'notice', tone: 'error', key, params } }) as const;
  const period = typed?.trim() ? parsePeriod(typed) : defaultReportPeriod(today, deps.graceDays);
  if (!period) return refuse('period.invalid', { text: typed ?? '' });
  if (period.startsOn > today) return refuse('report.period_not_started', { period: period.key });
  const first = await deps.plans.firstYear(deps.group.id);
  if (first !== null && period.endsOn < `${first}-01-01`) {
    return refuse('period.before_plan', { period: period.key, first: String(first) });
  }
  return { ok: true, period };
}

/** For the chair's reports (export, scoreboard): whether the viewer may ask, and the period asked for. */
export async function chairReportPeriod(
  deps: CoreDeps,
  viewer: Viewer,
  typed: string | null | undefined,
): Promise<{ ok: true; period: Period; today: string } | { ok: false; notice: NoticeView }> {
  const allowed = canPostToGroup(viewer);
  if (!allowed.allowed) return { ok: false, notice: { kind: 'notice', tone: 'error', key: allowed.reason } };
  const today = todayOf(deps);
  const resolved = await resolveReportPeriod(deps, typed, today);
  return resolved.ok ? { ...resolved, today } : resolved;
}

/**
 * Renders one format of a loaded report. The DOCX and XLSX writers (docx, exceljs) are imported here,
 * when a report is asked for, not when the bot starts (docs/performance.md, footprint).
 */
export async function renderReportFile(
  doc: ReportDocument,
  format: FileFormat,
): Promise<{ fileName: string; mimeType: string; bytes: Buffer }> {
  const bytes =
    format === 'docx'
      ? await (await import('../../reports/docx.ts')).renderReportDocx(doc)
      : format === 'xlsx'
        ? await (await import('../../reports/xlsx.ts')).renderReportXlsx(doc)
        : renderReportCsv(doc);
  return {
    fileName: `bao-cao-de-an-06-${doc.data.period.key}.${format}`,
    mimeType: MIME_TYPES[format],
    bytes,
  };
}

/**
 * Everything a report of `period` says, as the database holds it `today`: the period as a whole,
 * each of its months (for a half-year or year), the plans, the chair, the chart.
 */
export async function loadReportDocument(
  deps: CoreDeps,
  period: Period,
  today: string,
  locale: Locale = groupLocale(deps),
): Promise<ReportDocument> {
  const asOf = period.endsOn < today ? period.endsOn : today;
  const lastMonth = periodOf('month', asOf);
  const plans = await deps.plans.plansUpTo(deps.group.id, period.year);
  const planNumbers = new Set(plans.map((p) => p.number));
  const tasks = (await allTasks(deps)).filter((task) => planNumbers.has(task.planNumber));
  const ids = tasks.map((task) => task.id);
  const firstYear = plans[0]?.year ?? period.year;

  // History for the chart: six months for a month, the whole period (to date) for a half-year or year.
  let start =
    period.kind === 'month' ? monthsBack(lastMonth, CHART_MONTHS - 1) : periodOf('month', period.startsOn);
  if (start.startsOn < `${firstYear}-01-01` && period.startsOn >= `${firstYear}-01-01`) {
    start = periodOf('month', `${firstYear}-01-01`);
  }
  const monthList: Period[] = [];
  for (let m = start; m.startsOn <= lastMonth.startsOn; m = nextPeriod(m)) monthList.push(m);

  const [leadTextOf, roll, rawDoneBefore, rawMonthReports, members] = await Promise.all([
    deps.plans.leadTexts(ids),
    rollUpOn(deps, asOf),
    deps.reports.doneBefore(start.startsOn, ids),
    Promise.all(
      monthList.map(async (m) => ({ period: m, reports: await deps.reports.forPeriod(m.key, ids) })),
    ),
    deps.members.list(),
  ]);
  // Units that no longer exist at the end of the period count under their successor (issue 15).
  const doneBefore = rawDoneBefore.map((d) => rollReport(d, roll));
  const monthReports = rawMonthReports.map((m) => ({
    ...m,
    reports: m.reports.map((r) => rollReport(r, roll)),
  }));
  const inputs: PeriodTaskInput[] = tasks.map((task) =>
    rollTask(periodTaskInput(task, leadTextOf.get(task.id) ?? ''), roll),
  );
  const units = roll.names();

  const compute = (p: Period, months: MonthReports[]): ReportPeriodData =>
    computeReportPeriod({
      period: p,
      asOf: p.endsOn < today ? p.endsOn : today,
      units,
      tasks: inputs,
      months,
      doneBefore,
    });
  const data = compute(period, monthReports);
  const months =
    period.kind === 'month'
      ? []
      : data.periodMonths.map((m) =>
          compute(
            m,
            monthReports.filter((r) => r.period.startsOn <= m.startsOn),
          ),
        );
  const chairs = members.filter((m) => m.active && m.role === 'chair');
  const doc: ReportDocument = {
    locale,
    data,
    months,
    issuedOn: today,
    plans: plans.map((p) => ({ number: p.number, title: p.title, issuedOn: p.issuedOn })),
    signer: chairs.length === 1 ? chairs[0]!.displayName : null,
    chart: null,
    evidence: await evidenceAnnex(deps, tasks, period),
    buckets: await deadlineBuckets(deps, null, period, today, tasks),
  };
  return { ...doc, chart: data.taskCount === 0 ? null : await renderChart(doc, locale) };
}

/** The evidence files sent with reports of months inside `period` (export is for chairs: all tasks). */
async function evidenceAnnex(deps: CoreDeps, tasks: TaskRow[], period: Period): Promise<EvidenceAnnexRow[]> {
  const codes = new Map(tasks.map((task) => [task.id, task.code]));
  const records = await deps.evidence.forTasks([...codes.keys()]);
  return records
    .filter((r) => {
      const month = parsePeriod(r.periodKey);
      return month !== null && month.startsOn >= period.startsOn && month.endsOn <= period.endsOn;
    })
    .map((r) => ({
      task: codes.get(r.taskId) ?? String(r.taskId),
      unit: r.unitCode,
      periodKey: r.periodKey,
      fileName: r.fileName,
      size: r.size,
      sha256: r.sha256,
      who: r.memberName,
      day: todayIn(deps.group.timeZone, r.createdAt),
    }));
}

/** The chart of a loaded report, in `locale` (chart.js and the canvas are imported on first use). */
export async function renderChart(doc: ReportDocument, locale: Locale): Promise<ChartImage> {
  const { renderProgressChart } = await import('../../reports/chart.ts');
  return renderProgressChart(
    {
      period: doc.data.period,
      months: doc.data.monthTotals.slice(doc.data.period.kind === 'year' ? -12 : -CHART_MONTHS),
      units: doc.data.units,
    },
    locale,
  );
}

export function chartFileName(period: Period): string {
  return `bieu-do-de-an-06-${period.key}.png`;
}

function chartAttachment(doc: ReportDocument, chart: ChartImage): NonNullable<FileView['image']> {
  return {
    fileName: chartFileName(doc.data.period),
    mimeType: 'image/png',
    bytes: chart.png,
    width: chart.width,
    height: chart.height,
    altText: chart.altText,
  };
}

/** The chat message with the file: what it is, the totals, and the kiến nghị cut with a pointer to the file. */
export function captionLines(doc: ReportDocument, locale: Locale, format: FileFormat): string[] {
  const { data } = doc;
  const lines = [
    t(locale, 'reports.file.caption', {
      period: periodLabel(locale, data.period),
      format: format.toUpperCase(),
    }),
  ];
  if (data.taskCount === 0) return [...lines, t(locale, 'reports.doc.s1.no_tasks')];
  lines.push(
    t(locale, 'reports.file.totals', {
      count: data.taskCount,
      ...data.totals,
      overdue: data.overdue.length,
    }),
  );
  if (!data.hasReports) return [...lines, t(locale, 'reports.file.no_reports')];
  if (data.blockers.length === 0) return lines;
  lines.push(t(locale, 'reports.file.blockers', { count: data.blockers.length }));
  for (const blocker of data.blockers.slice(0, CHAT_BLOCKERS_MAX)) {
    const text = blocker.text.replace(/\s+/g, ' ').trim();
    const cut = [...text].length > CHAT_TEXT_MAX;
    lines.push(
      t(locale, 'reports.file.blocker', {
        code: blocker.code,
        unit: blocker.unitCode,
        text: cut
          ? `${[...text].slice(0, CHAT_TEXT_MAX).join('').trimEnd()}${t(locale, 'reports.file.cut')}`
          : text,
      }),
    );
  }
  if (data.blockers.length > CHAT_BLOCKERS_MAX) {
    lines.push(t(locale, 'reports.file.more_blockers', { count: data.blockers.length - CHAT_BLOCKERS_MAX }));
  }
  return lines;
}

function periodTaskInput(task: TaskRow, leadText: string): PeriodTaskInput {
  const deadline: Deadline = { ...task.deadline };
  return {
    id: task.id,
    code: task.code,
    planNumber: task.planNumber,
    content: task.content,
    section: task.section,
    leadUnits: task.leadUnits,
    coordinatingUnits: task.coordinatingUnits,
    deadline,
    leadText,
    product: task.product,
    unresolved: task.unresolved,
  };
}

function monthsBack(month: Period, count: number): Period {
  let m = month;
  for (let i = 0; i < count; i++) m = previousPeriod(m);
  return m;
}

function groupLocale(deps: CoreDeps): Locale {
  return isLocale(deps.group.locale) ? deps.group.locale : 'vi';
}
