/**
 * Import plan use case: read an official plan table, check every row, and write the plan only when
 * nothing blocks it (one transaction; any row error rejects the whole file). Re-importing the same
 * plan number updates tasks by code.
 */
import type { ImportProblem, ParsedPlan } from '../../domain/plan.ts';
import { type PlanReview, reviewPlan } from '../../domain/plan-review.ts';
import { isBlocking, parsePlanTable } from '../../domain/plan-table.ts';
import type { UnitHistory } from '../../domain/unit-history.ts';
import type { PlanHeader, PlanRepository, SavePlanResult, UnitRepository } from '../ports/stores.ts';
import { DatedDirectory } from './dated-directory.ts';
import type { ImportLimits } from './limits.ts';
import { PlanFileError, readPlanTable } from './read-table.ts';

export interface ImportPlanDeps {
  units: UnitRepository;
  plans: PlanRepository;
  groupId: number;
  maxBytes: number;
  /** Rows, columns, cell length, merged area, inflated size (limits.ts); the defaults otherwise. */
  limits?: Partial<ImportLimits>;
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
  // Names resolve against the directory as it stood on the plan's issue date, else on 1 January of
  // its year (issue 15): a 2024 plan names the 63 provincial offices, a 2026 plan the 34.
  const day = input.header.issuedOn ?? `${input.header.year}-01-01`;
  const history = await deps.units.history();
  const maps = input.maps ?? new Map<string, string>();
  const { parsed, dated } = await parse(deps, history, day, maps, input);
  const review = reviewPlan(
    parsed,
    history.unitsOn(day),
    (p) => isBlocking(p) && !(input.allowUnresolved && p.code === 'unknown_unit'),
  );
  const blocks = (problem: ImportProblem) =>
    isBlocking(problem) && !(input.allowUnresolved && problem.code === 'unknown_unit');
  const blocking = parsed.problems.filter(blocks);
  const warnings = parsed.problems.filter((problem) => !blocks(problem));
  if (dated) {
    const byDate = dated.problems();
    blocking.push(...byDate.blocking);
    warnings.push(...byDate.warnings);
  }
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

type Parsed = { parsed: ParsedPlan; dated: DatedDirectory | null };

async function parse(
  deps: ImportPlanDeps,
  history: UnitHistory,
  day: string,
  maps: ReadonlyMap<string, string>,
  input: ImportPlanInput,
): Promise<Parsed> {
  const refused = (problems: ParsedPlan['problems']): Parsed => ({
    parsed: { tasks: [], columns: [], problems },
    dated: null,
  });
  const known = new Set(history.unitsOn(day).map((e) => e.code));
  const wrongCodes = [...maps].filter(([, code]) => !known.has(code));
  if (wrongCodes.length > 0) {
    return refused(
      wrongCodes.map(([name, code]) => ({
        row: null,
        column: null,
        code: 'map_unknown_code',
        message: `--map "${name}=${code}": không có đơn vị mã "${code}" trong danh mục (xem "da06 units list").`,
        value: code,
      })),
    );
  }
  let dated: DatedDirectory;
  try {
    dated = new DatedDirectory(history.withAliases(maps), day);
  } catch (error) {
    return refused([
      { row: null, column: null, code: 'map_conflict', message: `--map: ${(error as Error).message}` },
    ]);
  }
  try {
    const table = await readPlanTable(input.file, {
      maxBytes: deps.maxBytes,
      sheet: input.sheet,
      ...(deps.limits ? { limits: deps.limits } : {}),
    });
    return { parsed: parsePlanTable(table, dated), dated };
  } catch (error) {
    if (error instanceof PlanFileError) return refused([error.problem]);
    throw error;
  }
}
