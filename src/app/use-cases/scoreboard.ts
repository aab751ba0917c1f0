/**
 * "Scoreboard": the emulation ranking of lead units for a period (src/domain/scoreboard.ts has the
 * maths and the rule), for chairs, vice-chairs and admins to post. The CLI exports it as XLSX/CSV.
 */
import { addDays, monthsOf, type Period } from '../../domain/period.ts';
import type { Locale } from '../../domain/roles.ts';
import { computeScoreboard, type Scoreboard, type ScoreReportInput } from '../../domain/scoreboard.ts';
import { MIME_TYPES } from '../../reports/model.ts';
import { renderScoreboardCsv, renderScoreboardXlsx } from '../../reports/scoreboard-files.ts';
import { type CoreDeps, today as todayOf } from '../core-deps.ts';
import type { NoticeView, ScoreboardView, Viewer } from '../views.ts';
import { deadlineBuckets } from './deadline-buckets.ts';
import { chairReportPeriod } from './export-report.ts';
import { rollReport, rollUpOn } from './roll-up.ts';
import { allTasks } from './task-scope.ts';

export async function scoreboard(
  deps: CoreDeps,
  viewer: Viewer,
  typedPeriod?: string | null,
): Promise<ScoreboardView | NoticeView> {
  const resolved = await chairReportPeriod(deps, viewer, typedPeriod);
  if (!resolved.ok) return resolved.notice;
  return { kind: 'scoreboard', viewer, ...(await scoreboardData(deps, resolved.period, resolved.today)) };
}

/** The scoreboard of `period` as the database holds it `today`. The working group itself is not ranked. */
export async function scoreboardData(deps: CoreDeps, period: Period, today: string): Promise<Scoreboard> {
  const asOf = period.endsOn < today ? period.endsOn : today;
  const plans = await deps.plans.plansUpTo(deps.group.id, period.year);
  const planYear = new Map(plans.map((p) => [p.number, p.year]));
  const tasks = (await allTasks(deps)).filter((task) => planYear.has(task.planNumber));
  const ids = tasks.map((task) => task.id);
  const months = monthsOf(period).filter((m) => m.startsOn <= asOf);
  const [roll, monthReports, rawDoneReports] = await Promise.all([
    rollUpOn(deps, asOf),
    Promise.all(months.map((m) => deps.reports.forPeriod(m.key, ids))),
    deps.reports.doneBefore(addDays(period.endsOn, 1), ids),
  ]);
  // Only the units that exist at the end of the period are ranked; their predecessors count under them.
  const doneReports = rawDoneReports.map((d) => rollReport(d, roll));
  const reports: ScoreReportInput[] = monthReports.flat().map((r) => ({
    taskId: r.taskId,
    unitCode: roll.code(r.unitCode),
    periodKey: r.periodKey,
    status: r.status,
    late: r.late,
  }));
  const scoreTasks = tasks.map((task) => {
    const yearStart = `${planYear.get(task.planNumber)}-01-01`;
    const start = task.deadline.start;
    return {
      id: task.id,
      code: task.code,
      leadUnits: [...new Set(task.leadUnits.map((code) => roll.code(code)))],
      deadline: { ...task.deadline },
      reportsFrom: start !== null && start > yearStart ? start : yearStart,
    };
  });
  const existing = new Set(
    roll.history
      .unitsOn(asOf)
      .filter((u) => u.kind !== 'group')
      .map((u) => u.code),
  );
  const units = roll.names().filter((unit) => existing.has(unit.code));
  const board = computeScoreboard({ period, asOf, units, tasks: scoreTasks, reports, doneReports });
  const { cumulative } = await deadlineBuckets(deps, null, period, today, tasks);
  return { ...board, buckets: Object.fromEntries(cumulative.units.map((u) => [u.code, u.counts])) };
}

/** The scoreboard of `period` as a file (CLI `da06 report --scoreboard`), the rule written under it. */
export async function exportScoreboard(
  deps: CoreDeps,
  period: Period,
  format: 'xlsx' | 'csv',
  locale: Locale,
): Promise<{ fileName: string; mimeType: string; bytes: Buffer; board: Scoreboard }> {
  const board = await scoreboardData(deps, period, todayOf(deps));
  const bytes =
    format === 'xlsx' ? await renderScoreboardXlsx(board, locale) : renderScoreboardCsv(board, locale);
  return { fileName: `xep-hang-thi-dua-${period.key}.${format}`, mimeType: MIME_TYPES[format], bytes, board };
}
