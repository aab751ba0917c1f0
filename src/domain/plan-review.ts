/**
 * The review step of a plan import: every parsed row with the problems found on it, and the unit
 * names the directory does not know grouped once each, with the rows they appear on and the closest
 * directory entries as suggestions. What an admin reads instead of a wall of per-row errors.
 */
import type { ImportProblem, ParsedPlan, ParsedTask } from './plan.ts';
import { foldVietnamese } from './text.ts';
import type { UnitEntry } from './unit-directory.ts';
import { suggestUnits, type UnitSuggestion } from './unit-suggestions.ts';

export interface ReviewIssue {
  column: string | null;
  message: string;
  code: string;
  blocking: boolean;
}

export interface ReviewRow extends Omit<ParsedTask, 'deadline'> {
  deadline: ParsedTask['deadline'];
  issues: ReviewIssue[];
}

export interface UnresolvedName {
  /** As first written in the plan. */
  name: string;
  /** 1-based rows it appears on, ascending. */
  rows: number[];
  suggestions: UnitSuggestion[];
}

export interface PlanReview {
  rows: ReviewRow[];
  /** Problems not tied to a task row (file, header, orphan rows), blocking or not. */
  other: (ImportProblem & { blocking: boolean })[];
  unresolved: UnresolvedName[];
}

export function reviewPlan(
  parsed: ParsedPlan,
  entries: readonly UnitEntry[],
  isBlocking: (p: ImportProblem) => boolean,
): PlanReview {
  const byRow = new Map<number, ImportProblem[]>();
  const taskRows = new Set(parsed.tasks.map((t) => t.row));
  const other: PlanReview['other'] = [];
  for (const problem of parsed.problems) {
    if (problem.row !== null && taskRows.has(problem.row) && problem.code !== 'unmatched_column') {
      byRow.set(problem.row, [...(byRow.get(problem.row) ?? []), problem]);
    } else {
      other.push({ ...problem, blocking: isBlocking(problem) });
    }
  }
  const rows = parsed.tasks.map((task) => ({
    ...task,
    issues: (byRow.get(task.row) ?? []).map((p) => ({
      column: p.column,
      message: p.message,
      code: p.code,
      blocking: isBlocking(p),
    })),
  }));
  return { rows, other, unresolved: unresolvedNames(parsed.problems, entries) };
}

/** `unknown_unit` problems grouped by name (folded), in order of first appearance. */
export function unresolvedNames(
  problems: readonly ImportProblem[],
  entries: readonly UnitEntry[],
): UnresolvedName[] {
  const groups = new Map<string, { name: string; rows: Set<number> }>();
  for (const problem of problems) {
    if (problem.code !== 'unknown_unit' || problem.value === undefined) continue;
    const key = foldVietnamese(problem.value);
    const group = groups.get(key) ?? { name: problem.value, rows: new Set<number>() };
    if (problem.row !== null) group.rows.add(problem.row);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ name, rows }) => ({
    name,
    rows: [...rows].sort((a, b) => a - b),
    suggestions: suggestUnits(name, entries),
  }));
}

/** "KHTC (dòng 12, 14, 30) — có phải Vụ Kế hoạch và Đầu tư (KHDT)?" */
export function describeUnresolved(u: UnresolvedName): string {
  const rows = u.rows.length > 0 ? ` (dòng ${u.rows.join(', ')})` : '';
  const guess =
    u.suggestions.length === 0
      ? ' — không có đơn vị nào gần giống trong danh mục'
      : ` — có phải ${u.suggestions.map((s) => `${s.name} (${s.code})`).join(' hay ')}?`;
  return `${u.name}${rows}${guess}`;
}

/**
 * The exact command that maps every unresolved name to its closest entry, for the admin to check
 * and run; a name without a suggestion is mapped to "MÃ", to be filled in.
 */
export function mapCommand(
  file: string,
  unresolved: readonly UnresolvedName[],
  extraArgs: readonly string[] = [],
): string {
  const maps = unresolved.flatMap((u) => ['--map', `${u.name}=${u.suggestions[0]?.code ?? 'MÃ'}`]);
  return ['da06 plan import', ...[file, ...extraArgs, ...maps].map(shellQuote)].join(' ');
}

/** Words a POSIX shell and PowerShell read as one argument, quoted only when needed. */
function shellQuote(text: string): string {
  return /^[\p{L}\p{N}_./=:-]+$/u.test(text) ? text : `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}

/**
 * Parses `--map "KHTC=TCKT"` values into name → code. Throws with the offending value on a value
 * without "=" or with an empty side.
 */
export function parseMaps(values: readonly string[]): Map<string, string> {
  const maps = new Map<string, string>();
  for (const value of values) {
    const at = value.lastIndexOf('=');
    const name = at < 0 ? '' : value.slice(0, at).trim();
    const code =
      at < 0
        ? ''
        : value
            .slice(at + 1)
            .trim()
            .toUpperCase();
    if (name === '' || code === '')
      throw new Error(`--map "${value}": cần dạng "TÊN=MÃ", ví dụ --map "KHTC=TCKT".`);
    maps.set(name, code);
  }
  return maps;
}

/** The directory entries with each mapped name added as an alias of its unit, for one import. */
export function withMappedAliases(
  entries: readonly UnitEntry[],
  maps: ReadonlyMap<string, string>,
): UnitEntry[] {
  return entries.map((entry) => {
    const added = [...maps].filter(([, code]) => code === entry.code).map(([name]) => name);
    return added.length === 0 ? entry : { ...entry, aliases: [...entry.aliases, ...added] };
  });
}
