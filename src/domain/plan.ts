/**
 * The shape of a plan once read from an official table, before it touches the database.
 * `da06 plan import --json` prints `ParsedTask[]` exactly as typed here.
 */
import type { Deadline } from './deadline.ts';

export interface ParsedTask {
  /** Stable code used to update the task on re-import: the row's own number ("1", "12") or, in
   * hierarchical tables, the path of numbers ("I.1", "I.1.2"). */
  code: string;
  /** Section row the task sits under ("Công tác lãnh đạo, chỉ đạo"), or null. */
  section: string | null;
  /** Objective (Mục tiêu) the task belongs to in hierarchical tables, or null. */
  objective: string | null;
  /** Task (Nhiệm vụ) title in hierarchical tables; for flat tables the content itself. */
  task: string | null;
  /** Activity (Hoạt động) in hierarchical tables, or null. */
  activity: string | null;
  /** What has to be done, verbatim from the plan. */
  content: string;
  /** Unit codes, resolved through the unit directory. */
  leadUnits: string[];
  coordinatingUnits: string[];
  /** Verbatim unit cells, kept for display and audit. */
  leadText: string;
  coordinatingText: string;
  deadline: Deadline;
  product: string | null;
  /** 1-based row number in the source file (the header is row 1 when it is the first line). */
  row: number;
  /** Unit names the directory does not know, as written; kept on the task by --allow-unresolved. */
  unresolved?: UnresolvedUnit[];
}

export interface UnresolvedUnit {
  role: 'lead' | 'coordinating';
  name: string;
}

export interface ImportProblem {
  /** 1-based row in the source file, or null for file-level problems. */
  row: number | null;
  /** Column header as written in the file (or the expected meaning when it is missing), or null. */
  column: string | null;
  /** Machine-readable code, e.g. `unknown_unit`, `duplicate_code`, `formula_cell`, `unmatched_column`. */
  code: string;
  /** Human-readable explanation in Vietnamese (the CLI's language), naming the offending value. */
  message: string;
  /** The offending value, when there is one (e.g. the unknown abbreviation). */
  value?: string;
}

export interface ParsedPlan {
  tasks: ParsedTask[];
  problems: ImportProblem[];
  /** Header cells as found, mapped to the meaning they were matched to. */
  columns: { header: string; meaning: string | null }[];
}
