import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPlanTable } from '../../src/app/plan-import/read-table.ts';
import { parseMaps, reviewPlan, withMappedAliases } from '../../src/domain/plan-review.ts';
import { isBlocking, parsePlanTable } from '../../src/domain/plan-table.ts';
import { parseUnitsCsv, UnitDirectory } from '../../src/domain/unit-directory.ts';
import { EXPECTED, MAPS } from '../fixtures/plans/unseen-plan.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/plans/${name}`, import.meta.url)));
const entries = parseUnitsCsv(new TextDecoder().decode(fixture('unseen-units.csv')));

describe.each(['unseen-plan.csv', 'unseen-plan.xlsx', 'unseen-plan.docx', 'unseen-plan.pdf'])(
  'an unseen ~100-row plan: %s',
  (name) => {
    it('needs one mapping step, then reads at least 98% of the rows right', async () => {
      const table = await readPlanTable({ name, bytes: fixture(name) });

      // First pass: the review names each unknown abbreviation once, with the right unit first.
      const first = parsePlanTable(table, new UnitDirectory(entries));
      const review = reviewPlan(first, entries, isBlocking);
      expect(review.rows).toHaveLength(EXPECTED.length);
      expect(review.unresolved.map((u) => u.name).sort()).toEqual(['LT', 'TC BHXH', 'Viện KH']);
      const top = Object.fromEntries(review.unresolved.map((u) => [u.name, u.suggestions[0]?.code]));
      expect(top).toMatchObject({ LT: 'TTLT', 'TC BHXH': 'TAPCHI' });
      expect(first.problems.filter((p) => isBlocking(p) && p.code !== 'unknown_unit')).toEqual([]);

      // One --map step.
      const plan = parsePlanTable(table, new UnitDirectory(withMappedAliases(entries, parseMaps(MAPS))));
      expect(plan.problems.filter(isBlocking)).toEqual([]);
      expect(new Set(plan.tasks.map((t) => t.code)).size).toBe(plan.tasks.length);
      const right = EXPECTED.filter((expected, i) => {
        const task = plan.tasks[i];
        return (
          task !== undefined &&
          task.section === expected.section &&
          task.objective === expected.objective &&
          task.task === expected.task &&
          task.activity === expected.activity &&
          [...task.leadUnits].sort().join() === [...expected.leadUnits].sort().join() &&
          task.deadline.text === expected.deadline &&
          task.deadline.kind !== 'unknown'
        );
      }).length;
      expect(EXPECTED.length).toBeGreaterThanOrEqual(95);
      expect(right / EXPECTED.length).toBeGreaterThanOrEqual(0.98);
      expect(right).toBe(EXPECTED.length);
    });
  },
);
