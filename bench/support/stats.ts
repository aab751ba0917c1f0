/** Small statistics for benchmark rows: nearest-rank percentiles, medians of rounds, rounding. */

/** The nearest-rank `q` quantile (0 < q ≤ 1) of `values` (sorted or not); NaN when empty. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const median = (values: readonly number[]) => percentile(values, 0.5);

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** `a / b`, rounded; 0 when both are 0 (nothing lost of nothing), Infinity guarded to a large finite number. */
export function ratio(a: number, b: number): number {
  if (b === 0) return a === 0 ? 0 : 1e9;
  return round(a / b);
}

/** "12.1 / 13.4 / 15.0" — the values of each round, for the log and docs. */
export function rounds(values: readonly number[], digits = 1): string {
  return values.map((v) => v.toFixed(digits)).join(' / ');
}

/** The spread of repeated measurements: (max − min) / median, in percent. */
export function spreadPercent(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = median(values);
  return m === 0 ? 0 : round(((Math.max(...values) - Math.min(...values)) / m) * 100, 0);
}
