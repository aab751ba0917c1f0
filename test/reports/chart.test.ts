import { describe, expect, it } from 'vitest';
import { periodFromKey } from '../../src/domain/period.ts';
import { emptyTotals } from '../../src/domain/report-period-data.ts';
import { CHART_HEIGHT, CHART_WIDTH, renderProgressChart, topUnits } from '../../src/reports/chart.ts';
import { pngSize } from './support.ts';

const months = ['2024-05', '2024-06'].map((key, i) => ({
  period: periodFromKey(key),
  totals: { ...emptyTotals(), done: 2 + i, in_progress: 5, blocked: i, not_reported: 20 - 2 * i },
}));

const units = Array.from({ length: 20 }, (_, i) => ({
  code: `U${String(i).padStart(2, '0')}`,
  name: `Đơn vị ${i}`,
  lead: 20 - i,
  reported: 10,
  meanPercent: i * 4,
}));

describe('renderProgressChart', () => {
  it('is a PNG of the stated size, with Vietnamese alt text that says the numbers', () => {
    const chart = renderProgressChart({ period: periodFromKey('2024-06'), months, units }, 'vi');
    expect(pngSize(chart.png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    expect(chart).toMatchObject({ width: CHART_WIDTH, height: CHART_HEIGHT });
    expect(chart.altText).toContain('tháng 5/2024: 2 đã hoàn thành, 5 đang triển khai, 0 vướng mắc');
    expect(chart.altText).toContain('tháng 6/2024: 3 đã hoàn thành, 5 đang triển khai, 1 vướng mắc');
    expect(chart.altText).toContain('15 đơn vị chủ trì');
    expect(chart.altText).toContain('U14 56% (6 nhiệm vụ, 10 đã báo cáo)');
    expect(chart.altText).not.toContain('U15');
  });

  it('speaks English too, and draws an empty chart when there is nothing to show', () => {
    const chart = renderProgressChart({ period: periodFromKey('2024-06'), months: [], units: [] }, 'en');
    expect(pngSize(chart.png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    expect(chart.altText).toContain('No unit leads a task yet.');
  });

  it('shows the 15 units leading most tasks (ties: more reported, then code), highest completion first', () => {
    const picked = topUnits([
      ...units,
      { code: 'Z1', name: 'Z1', lead: 6, reported: 11, meanPercent: 99 },
      { code: 'A0', name: 'A0', lead: 6, reported: 1, meanPercent: 0 },
    ]);
    expect(picked).toHaveLength(15);
    expect(picked[0]?.code).toBe('Z1');
    expect(picked.map((u) => u.code)).not.toContain('A0');
    expect(picked.map((u) => u.meanPercent)).toEqual(
      [...picked.map((u) => u.meanPercent)].sort((a, b) => b - a),
    );
  });
});
