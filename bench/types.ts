/** One row of `npm run bench`: a measured value, its baseline from the same run, and the target. */
export interface ScenarioResult {
  name: string;
  metric: string;
  value: number;
  baseline: number;
  ratio: number;
  unit: string;
  target: string;
}
