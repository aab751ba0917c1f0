/**
 * Interprets a plan table (rows of cell text, as read from CSV or XLSX) as tasks: finds the header,
 * reads the rows in the flat or hierarchical layout, then resolves units and deadlines and checks
 * what must never be imported silently. Pure: the file reading lives in app/plan-import.
 *
 * Problems are either warnings (the import goes ahead, the user is told) or blocking (the importer
 * writes nothing). Only the codes in WARNING_CODES are warnings.
 */
import { parseDeadline } from './deadline.ts';
import type { ImportProblem, ParsedPlan, ParsedTask } from './plan.ts';
import { type ColumnMeaning, findHeader, type HeaderMatch, MEANING_LABELS } from './plan-columns.ts';
import { isHierarchical, readHierarchicalRows } from './plan-hierarchy.ts';
import { qualifyCodes } from './plan-periods.ts';
import { type DraftResult, preview, readFlatRows, type TaskDraft } from './plan-rows.ts';
import type { UnitDirectory } from './unit-directory.ts';

/** A table as read from a file: cells as text, rows[0] is row 1 of the file. */
export interface RawTable {
  rows: string[][];
  /** 0-based positions in `rows` of cells that hold a formula (only XLSX has them). */
  formulaCells: { row: number; col: number }[];
  format: 'csv' | 'xlsx' | 'docx' | 'pdf';
  /** How a CSV file was decoded ("utf-8", "windows-1258", …). */
  encoding?: string;
  /**
   * 0-based cells covered by a vertical merge from the cell above (XLSX, DOCX). They read as empty,
   * except in the unit, deadline and product columns, where the merged value applies to every row
   * it spans ("Văn phòng" merged over two tasks leads both).
   */
  covered?: { row: number; col: number }[];
}

const SPANNING: readonly ColumnMeaning[] = ['lead', 'coordinating', 'deadline', 'product'];

/** The rows with merged unit, deadline and product cells written into every row they cover. */
function fillCoveredAssignments(table: RawTable, header: HeaderMatch): string[][] {
  const columns = new Set(SPANNING.flatMap((m) => header.byMeaning.get(m)?.index ?? []));
  const cells = (table.covered ?? []).filter((c) => columns.has(c.col) && c.row > header.headerRow);
  if (cells.length === 0) return table.rows;
  const rows = table.rows.map((r) => [...r]);
  for (const { row, col } of [...cells].sort((a, b) => a.row - b.row)) {
    const above = rows[row - 1]?.[col] ?? '';
    const target = rows[row];
    if (!target) continue;
    while (target.length <= col) target.push('');
    if ((target[col] ?? '') === '') target[col] = above;
  }
  return rows;
}

export const WARNING_CODES: ReadonlySet<string> = new Set(['unmatched_column', 'unknown_deadline']);

export function isBlocking(problem: ImportProblem): boolean {
  return !WARNING_CODES.has(problem.code);
}

/** Longer cells are a pasted document or a broken export, not a plan entry. */
export const MAX_CELL_CHARS = 10_000;

/** What a table must have, besides content in one of its forms. */
const REQUIRED: readonly ColumnMeaning[] = ['lead', 'deadline'];

export function parsePlanTable(table: RawTable, directory: UnitDirectory): ParsedPlan {
  const header = findHeader(table.rows);
  if (!header) {
    return {
      tasks: [],
      columns: [],
      problems: [
        {
          row: null,
          column: null,
          code: 'missing_header',
          message:
            'Không tìm thấy dòng tiêu đề trong 10 dòng đầu: cần ít nhất cột nội dung (Nội dung thực hiện, Nhiệm vụ hoặc Hoạt động) và cột đơn vị (Đơn vị chủ trì hoặc Đơn vị phối hợp).',
        },
      ],
    };
  }
  const columns = header.columns.map((c) => ({ header: c.header, meaning: c.meaning }));
  const problems = [...header.problems, ...missingColumns(header), ...cellProblems(table, header)];
  if (problems.some((p) => p.code === 'missing_column'))
    return { tasks: [], columns, problems: sorted(problems) };

  const rows = fillCoveredAssignments(table, header);
  const read: DraftResult = isHierarchical(header)
    ? readHierarchicalRows(rows, header)
    : readFlatRows(rows, header);
  problems.push(...read.problems);
  const tasks = qualifyCodes(read.drafts).map((draft) => finishTask(draft, header, directory, problems));
  problems.push(...duplicateCodes(tasks));
  return { tasks, columns, problems: sorted(problems) };
}

function missingColumns(header: HeaderMatch): ImportProblem[] {
  const has = (m: ColumnMeaning) => header.byMeaning.has(m);
  const missing = REQUIRED.filter((m) => !has(m));
  if (!has('content') && !has('task') && !has('activity')) missing.unshift('content');
  return missing.map((meaning) => ({
    row: header.dataStart,
    column: MEANING_LABELS[meaning],
    code: 'missing_column',
    message: `Thiếu cột "${MEANING_LABELS[meaning]}" ở dòng tiêu đề (dòng ${header.dataStart}).`,
  }));
}

/** Formula cells and over-long cells, from the header down (a title above it does not matter). */
function cellProblems(table: RawTable, header: HeaderMatch): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const headerOf = (col: number) => header.columns.find((c) => c.index === col)?.header ?? `cột ${col + 1}`;
  for (const { row, col } of table.formulaCells) {
    if (row < header.headerRow) continue;
    problems.push({
      row: row + 1,
      column: headerOf(col),
      code: 'formula_cell',
      message: `Dòng ${row + 1}, cột "${headerOf(col)}": ô chứa công thức. Hãy dán giá trị (Paste Values) thay cho công thức rồi nhập lại; công thức không bao giờ được tính khi nhập kế hoạch.`,
    });
  }
  table.rows.forEach((cells, row) => {
    if (row < header.headerRow) return;
    cells.forEach((text, col) => {
      if (text.length <= MAX_CELL_CHARS) return;
      problems.push({
        row: row + 1,
        column: headerOf(col),
        code: 'cell_too_long',
        message: `Dòng ${row + 1}, cột "${headerOf(col)}": ô dài ${text.length} ký tự, vượt giới hạn ${MAX_CELL_CHARS} ký tự.`,
      });
    });
  });
  return problems;
}

function finishTask(
  draft: TaskDraft,
  header: HeaderMatch,
  directory: UnitDirectory,
  problems: ImportProblem[],
): ParsedTask {
  const columnName = (m: ColumnMeaning) => header.byMeaning.get(m)?.header ?? MEANING_LABELS[m];
  const at = `Dòng ${draft.row}`;
  const unresolved: { role: 'lead' | 'coordinating'; name: string }[] = [];
  const resolveUnits = (meaning: 'lead' | 'coordinating', text: string): string[] => {
    const { codes, unknown } = directory.resolve(text, draft.row);
    for (const value of unknown) {
      unresolved.push({ role: meaning, name: value });
      problems.push({
        row: draft.row,
        column: columnName(meaning),
        code: 'unknown_unit',
        message: `${at}, cột "${columnName(meaning)}": không nhận ra đơn vị "${value}". Hãy sửa tên trong kế hoạch hoặc bổ sung tên gọi này vào danh mục đơn vị.`,
        value,
      });
    }
    if (meaning === 'lead' && codes.length === 0 && unknown.length === 0) {
      problems.push({
        row: draft.row,
        column: columnName('lead'),
        code: 'missing_lead',
        message:
          text === ''
            ? `${at}: nhiệm vụ "${preview(draft.content)}" chưa có đơn vị chủ trì.`
            : `${at}: ô chủ trì "${text}" không nêu đơn vị nào của BHXH Việt Nam.`,
        value: text,
      });
    }
    return codes;
  };

  if (draft.content === '') {
    problems.push({
      row: draft.row,
      column: columnName('content'),
      code: 'missing_content',
      message: `${at}: nhiệm vụ "${draft.code}" không có nội dung.`,
    });
  }
  const leadUnits = resolveUnits('lead', draft.lead);
  // "Các đơn vị và BHXH các tỉnh" in the coordinating cell means everyone else: a lead unit is
  // never also chased as its own coordinator.
  const coordinatingUnits = resolveUnits('coordinating', draft.coordinating).filter(
    (code) => !leadUnits.includes(code),
  );
  const deadline = parseDeadline(draft.deadline);
  if (deadline.kind === 'unknown') {
    problems.push({
      row: draft.row,
      column: columnName('deadline'),
      code: 'unknown_deadline',
      message:
        draft.deadline === ''
          ? `${at}: nhiệm vụ "${preview(draft.content)}" không ghi thời hạn; bot sẽ không nhắc hạn cho nhiệm vụ này.`
          : `${at}: chưa hiểu thời hạn "${draft.deadline}"; giữ nguyên văn bản và không nhắc hạn cho nhiệm vụ này.`,
      value: draft.deadline,
    });
  }
  return {
    code: draft.code,
    section: draft.section,
    objective: draft.objective,
    task: draft.task,
    activity: draft.activity,
    content: draft.content,
    leadUnits,
    coordinatingUnits,
    leadText: draft.lead,
    coordinatingText: draft.coordinating,
    deadline,
    product: draft.product === '' ? null : draft.product,
    row: draft.row,
    ...(unresolved.length > 0 ? { unresolved } : {}),
  };
}

function duplicateCodes(tasks: ParsedTask[]): ImportProblem[] {
  const firstRow = new Map<string, number>();
  const problems: ImportProblem[] = [];
  for (const task of tasks) {
    if (task.code === '') continue;
    const previous = firstRow.get(task.code);
    if (previous === undefined) {
      firstRow.set(task.code, task.row);
      continue;
    }
    problems.push({
      row: task.row,
      column: null,
      code: 'duplicate_code',
      message: `Mã nhiệm vụ "${task.code}" bị trùng: dòng ${previous} và dòng ${task.row}. Mỗi nhiệm vụ cần một số thứ tự riêng để cập nhật đúng khi nhập lại.`,
      value: task.code,
    });
  }
  return problems;
}

/** File-level problems first, then by row; order within a row is kept. */
function sorted(problems: ImportProblem[]): ImportProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}
