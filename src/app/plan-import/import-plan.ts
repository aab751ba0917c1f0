/**
 * Import plan use case: read an official plan table, check every row, and write the plan only when
 * nothing blocks it (one transaction; any row error rejects the whole file). Re-importing the same
 * plan number updates tasks by code.
 */
import type { ImportProblem, ParsedPlan } from '../../domain/plan.ts';
import { type PlanReview, reviewPlan, withMappedAliases } from '../../domain/plan-review.ts';
import { isBlocking, parsePlanTable } from '../../domain/plan-table.ts';
import { UnitDirectory, type UnitEntry } from '../../domain/unit-directory.ts';
import type { PlanHeader, PlanRepository, SavePlanResult, UnitRepository } from '../ports/stores.ts';
import { PlanFileError, readPlanTable } from './read-table.ts';

export interface ImportPlanDeps {
  units: UnitRepository;
  plans: PlanRepository;
  groupId: number;
  maxBytes: number;
}

export interface ImportPlanInput {
  file: { name: string; bytes: Uint8Array };
  header: PlanHeader;
  dryRun: boolean;
  actor: string;
  sheet?: string;
  /** `--map "KHTC=TCKT"`: unit names read as these codes for this import, then kept as aliases. */
  maps?: ReadonlyMap<string, string>;
  /** `--allow-unresolved`: unknown unit names do not block; they stay as text on their tasks. */
  allowUnresolved?: boolean;
}

export interface ImportPlanOutcome {
  parsed: ParsedPlan;
  /** Problems that stop the import; empty when it went through (or would, on a dry run). */
  blocking: ImportProblem[];
  warnings: ImportProblem[];
  saved: SavePlanResult | null;
  /** Every parsed row with its issues, and the unknown unit names grouped with suggestions. */
  review: PlanReview;
  /** Mapped names recorded as aliases (only after a real import). */
  aliasesAdded: { name: string; code: string }[];
}

export async function importPlan(deps: ImportPlanDeps, input: ImportPlanInput): Promise<ImportPlanOutcome> {
  const entries = await deps.units.list();
  const maps = input.maps ?? new Map<string, string>();
  const parsed = await parse(deps, entries, maps, input);
  const review = reviewPlan(
    parsed,
    entries,
    (p) => isBlocking(p) && !(input.allowUnresolved && p.code === 'unknown_unit'),
  );
  const blocks = (problem: ImportProblem) =>
    isBlocking(problem) && !(input.allowUnresolved && problem.code === 'unknown_unit');
  const blocking = parsed.problems.filter(blocks);
  const warnings = parsed.problems.filter((problem) => !blocks(problem));
  if (parsed.tasks.length === 0 && blocking.length === 0) {
    blocking.push({ row: null, column: null, code: 'no_tasks', message: 'Tệp không có dòng nhiệm vụ nào.' });
  }
  if (blocking.length > 0 || input.dryRun) {
    return { parsed, blocking, warnings, saved: null, review, aliasesAdded: [] };
  }
  const saved = await deps.plans.save(deps.groupId, input.header, parsed.tasks, input.actor);
  const aliasesAdded: { name: string; code: string }[] = [];
  for (const [name, code] of maps) {
    await deps.units.addAlias(name, code, input.actor);
    aliasesAdded.push({ name, code });
  }
  return { parsed, blocking, warnings, saved, review, aliasesAdded };
}

async function parse(
  deps: ImportPlanDeps,
  entries: UnitEntry[],
  maps: ReadonlyMap<string, string>,
  input: ImportPlanInput,
): Promise<ParsedPlan> {
  const known = new Set(entries.map((e) => e.code));
  const wrongCodes = [...maps].filter(([, code]) => !known.has(code));
  if (wrongCodes.length > 0) {
    return {
      tasks: [],
      columns: [],
      problems: wrongCodes.map(([name, code]) => ({
        row: null,
        column: null,
        code: 'map_unknown_code',
        message: `--map "${name}=${code}": không có đơn vị mã "${code}" trong danh mục (xem "da06 units list").`,
        value: code,
      })),
    };
  }
  let directory: UnitDirectory;
  try {
    directory = new UnitDirectory(withMappedAliases(entries, maps));
  } catch (error) {
    return {
      tasks: [],
      columns: [],
      problems: [
        { row: null, column: null, code: 'map_conflict', message: `--map: ${(error as Error).message}` },
      ],
    };
  }
  try {
    const table = await readPlanTable(input.file, { maxBytes: deps.maxBytes, sheet: input.sheet });
    return parsePlanTable(table, directory);
  } catch (error) {
    if (error instanceof PlanFileError) return { tasks: [], problems: [error.problem], columns: [] };
    throw error;
  }
}
