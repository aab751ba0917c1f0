/**
 * Import plan use case: read an official plan table, check every row, and write the plan only when
 * nothing blocks it (one transaction; any row error rejects the whole file). Re-importing the same
 * plan number updates tasks by code.
 */
import type { ImportProblem, ParsedPlan } from '../../domain/plan.ts';
import { isBlocking, parsePlanTable } from '../../domain/plan-table.ts';
import type { PlanHeader, PlanStore, SavePlanResult } from '../../store/plan-store.ts';
import type { UnitStore } from '../../store/unit-store.ts';
import { DatedDirectory } from './dated-directory.ts';
import { PlanFileError, readPlanTable } from './read-table.ts';

export interface ImportPlanDeps {
  units: UnitStore;
  plans: PlanStore;
  groupId: number;
  maxBytes: number;
}

export interface ImportPlanInput {
  file: { name: string; bytes: Uint8Array };
  header: PlanHeader;
  dryRun: boolean;
  actor: string;
  sheet?: string;
}

export interface ImportPlanOutcome {
  parsed: ParsedPlan;
  /** Problems that stop the import; empty when it went through (or would, on a dry run). */
  blocking: ImportProblem[];
  warnings: ImportProblem[];
  saved: SavePlanResult | null;
}

export async function importPlan(deps: ImportPlanDeps, input: ImportPlanInput): Promise<ImportPlanOutcome> {
  const { parsed, dated } = await parse(deps, input);
  const blocking = parsed.problems.filter(isBlocking);
  const warnings = parsed.problems.filter((problem) => !isBlocking(problem));
  if (dated) {
    const byDate = dated.problems();
    blocking.push(...byDate.blocking);
    warnings.push(...byDate.warnings);
  }
  if (parsed.tasks.length === 0 && blocking.length === 0) {
    blocking.push({ row: null, column: null, code: 'no_tasks', message: 'Tệp không có dòng nhiệm vụ nào.' });
  }
  if (blocking.length > 0 || input.dryRun) return { parsed, blocking, warnings, saved: null };
  const saved = await deps.plans.save(deps.groupId, input.header, parsed.tasks, input.actor);
  return { parsed, blocking, warnings, saved };
}

async function parse(
  deps: ImportPlanDeps,
  input: ImportPlanInput,
): Promise<{ parsed: ParsedPlan; dated: DatedDirectory | null }> {
  try {
    const table = await readPlanTable(input.file, { maxBytes: deps.maxBytes, sheet: input.sheet });
    // Names resolve against the directory as it stood on the plan's issue date, else on 1 January
    // of its year (issue 15): a 2024 plan names the 63 provincial offices, a 2026 plan the 34.
    const dated = new DatedDirectory(
      await deps.units.history(),
      input.header.issuedOn ?? `${input.header.year}-01-01`,
    );
    return { parsed: parsePlanTable(table, dated), dated };
  } catch (error) {
    if (error instanceof PlanFileError) {
      return { parsed: { tasks: [], problems: [error.problem], columns: [] }, dated: null };
    }
    throw error;
  }
}
