/**
 * The progress chart: one PNG, rendered server-side by Chart.js on @napi-rs/canvas (no browser),
 * with two panels: a stacked bar per month of task standings (up to the last six months of the
 * period), and a horizontal bar of the mean completion ("tỷ lệ hoàn thành") per lead unit at the
 * period's end for the 15 units that lead most tasks (ties: more tasks reported, then code). The alt
 * text says the same numbers in words.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { type ChartConfiguration, Chart as ChartJs, type Plugin, registerables } from 'chart.js';
import type { Period } from '../domain/period.ts';
import type { TaskStanding } from '../domain/report.ts';
import type { Locale } from '../domain/roles.ts';
import { capitalize, formatPercent, periodLabel, standingLabel, t } from '../i18n/index.ts';

ChartJs.register(...registerables);

export interface ProgressChartData {
  /** The report's period (named in the units panel). */
  period: Period;
  /** Standing totals per month, oldest first. */
  months: { period: Period; totals: Record<TaskStanding, number> }[];
  /**
   * Lead units at the period's end: tasks led, tasks with a word of the unit, and the mean of the
   * unit's percents over the tasks it leads (0 where it has not reported).
   */
  units: { code: string; name: string; lead: number; reported: number; meanPercent: number }[];
}

export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
  altText: string;
}

export const CHART_WIDTH = 1200;
const MONTHS_HEIGHT = 430;
const UNITS_HEIGHT = 530;
export const CHART_HEIGHT = MONTHS_HEIGHT + UNITS_HEIGHT;
export const CHART_MAX_MONTHS = 6;
export const CHART_MAX_UNITS = 15;
const FONT = 'DejaVu Sans';

/** Best news first, the order of the legend and of the stack (bottom up). */
const ORDER: TaskStanding[] = ['done', 'in_progress', 'blocked', 'not_started', 'not_reported'];
const COLORS: Record<TaskStanding, string> = {
  done: '#2e7d32',
  in_progress: '#1565c0',
  blocked: '#c62828',
  not_started: '#f9a825',
  not_reported: '#9e9e9e',
};

export function renderProgressChart(data: ProgressChartData, locale: Locale): ChartImage {
  const months = data.months.slice(-CHART_MAX_MONTHS);
  const units = topUnits(data.units);
  const canvas = createCanvas(CHART_WIDTH, CHART_HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, CHART_WIDTH, CHART_HEIGHT);
  monthsPanel(ctx, months, locale);
  unitsPanel(ctx, units, data.period, locale);
  return {
    png: canvas.toBuffer('image/png'),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    altText: altText(months, units, locale),
  };
}

type UnitBar = ProgressChartData['units'][number];

/** The 15 units leading most tasks (then reporting most, then by code), shown highest completion first. */
export function topUnits(units: ProgressChartData['units']): UnitBar[] {
  return [...units]
    .sort((a, b) => b.lead - a.lead || b.reported - a.reported || compareText(a.code, b.code))
    .slice(0, CHART_MAX_UNITS)
    .sort((a, b) => b.meanPercent - a.meanPercent || b.lead - a.lead || compareText(a.code, b.code));
}

function monthsPanel(target: SKRSContext2D, months: ProgressChartData['months'], locale: Locale): void {
  const labels = months.map((m) => capitalize(periodLabel(locale, m.period)));
  draw(target, 0, CHART_WIDTH, MONTHS_HEIGHT, {
    type: 'bar',
    data: {
      labels,
      datasets: ORDER.map((standing) => ({
        label: standingLabel(locale, standing),
        data: months.map((m) => m.totals[standing]),
        backgroundColor: COLORS[standing],
        borderWidth: 0,
      })),
    },
    options: {
      ...baseOptions(t(locale, 'reports.chart.months_title')),
      scales: {
        x: { stacked: true, ticks: { font: { size: 20 } }, grid: { display: false } },
        y: {
          stacked: true,
          beginAtZero: true,
          ticks: { precision: 0, font: { size: 18 } },
          title: { display: true, text: t(locale, 'reports.chart.axis_tasks'), font: { size: 18 } },
        },
      },
    },
  });
}

function unitsPanel(target: SKRSContext2D, units: UnitBar[], period: Period, locale: Locale): void {
  const title = t(locale, 'reports.chart.units_title', { period: periodLabel(locale, period) });
  const labels =
    units.length > 0
      ? units.map((u) => t(locale, 'reports.chart.unit_label', { unit: u.code, lead: u.lead }))
      : [t(locale, 'reports.chart.no_units')];
  const valueLabels: Plugin<'bar'> = {
    id: 'valueLabels',
    afterDatasetsDraw(chart) {
      const context = chart.ctx;
      const meta = chart.getDatasetMeta(0);
      context.save();
      context.fillStyle = '#212121';
      context.font = `20px "${FONT}"`;
      context.textBaseline = 'middle';
      meta.data.forEach((bar, i) => {
        const unit = units[i];
        if (!unit) return;
        context.fillText(formatPercent(locale, unit.meanPercent), bar.x + 8, bar.y);
      });
      context.restore();
    },
  };
  draw(target, MONTHS_HEIGHT, CHART_WIDTH, UNITS_HEIGHT, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: t(locale, 'reports.chart.axis_percent'),
          data: units.map((u) => Math.round(u.meanPercent * 10) / 10),
          backgroundColor: COLORS.done,
          borderWidth: 0,
          barPercentage: 0.8,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      ...baseOptions(title),
      indexAxis: 'y',
      plugins: { ...baseOptions(title).plugins, legend: { display: false } },
      layout: { padding: { top: 8, right: 84, bottom: 16, left: 16 } },
      scales: {
        x: {
          min: 0,
          max: 100,
          ticks: { stepSize: 20, font: { size: 18 }, callback: (value) => `${value}%` },
          title: { display: true, text: t(locale, 'reports.chart.axis_percent'), font: { size: 18 } },
        },
        y: { ticks: { font: { size: 18 }, autoSkip: false }, grid: { display: false } },
      },
    },
    plugins: [valueLabels],
  });
}

function baseOptions(title: string) {
  return {
    responsive: false,
    animation: false as const,
    devicePixelRatio: 1,
    layout: { padding: 16 },
    plugins: {
      title: { display: true, text: title, font: { size: 26, weight: 'bold' as const }, color: '#212121' },
      legend: { position: 'bottom' as const, labels: { font: { size: 20 }, color: '#212121' } },
    },
  };
}

/** Draws one chart on a canvas of its own and copies it onto `target` at height `top`. */
function draw(
  target: SKRSContext2D,
  top: number,
  width: number,
  height: number,
  config: ChartConfiguration<'bar'>,
): void {
  const canvas = createCanvas(width, height);
  const ctx: SKRSContext2D = canvas.getContext('2d');
  ChartJs.defaults.font.family = FONT;
  ChartJs.defaults.color = '#424242';
  // Without a DOM, Chart.js picks its basic platform and draws at once (no animation) on any object
  // shaped like a 2D context; @napi-rs/canvas's is one, without the DOM types. The chart clears the
  // canvas first (and again when destroyed), so it is copied onto the white target in between.
  const chart = new ChartJs(ctx as unknown as ConstructorParameters<typeof ChartJs>[0], config);
  target.drawImage(canvas, 0, top);
  chart.destroy();
}

function altText(months: ProgressChartData['months'], units: UnitBar[], locale: Locale): string {
  const monthParts = months.map((m) =>
    t(locale, 'reports.chart.alt_month', {
      period: periodLabel(locale, m.period),
      counts: ORDER.map((standing) =>
        t(locale, 'reports.chart.alt_count', {
          count: m.totals[standing],
          standing: standingLabel(locale, standing).toLocaleLowerCase(locale),
        }),
      ).join(', '),
    }),
  );
  const unitsPart =
    units.length === 0
      ? t(locale, 'reports.chart.alt_no_units')
      : t(locale, 'reports.chart.alt_units', {
          count: units.length,
          units: units
            .map((u) =>
              t(locale, 'reports.chart.alt_unit', {
                unit: u.code,
                percent: formatPercent(locale, u.meanPercent),
                reported: u.reported,
                lead: u.lead,
              }),
            )
            .join('; '),
        });
  return `${t(locale, 'reports.chart.alt_months', { months: monthParts.join('; ') })} ${unitsPart}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
