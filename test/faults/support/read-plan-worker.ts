/**
 * Child process of test/faults/import-bombs.test.ts: reads one plan file the way `da06 plan import`
 * does, then prints one JSON line: the problem code (or "ok" and the row count) and the peak
 * resident memory of this process (`maxRSS`), so the parent measures each hostile file alone.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { PlanFileError, readPlanTable } from '../../../src/app/plan-import/read-table.ts';

const path = process.argv[2]!;
const bytes = new Uint8Array(readFileSync(path));
let outcome: Record<string, unknown>;
try {
  const table = await readPlanTable({ name: basename(path), bytes }, { maxBytes: 5 * 1024 * 1024 });
  outcome = { result: 'ok', rows: table.rows.length };
} catch (error) {
  outcome =
    error instanceof PlanFileError
      ? { result: 'refused', code: error.problem.code, message: error.problem.message }
      : { result: 'crashed', message: String(error) };
}
console.log(JSON.stringify({ ...outcome, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
