/**
 * Hierarchical plan tables: "Mục tiêu | Nhiệm vụ | Hoạt động | Chủ trì | …", exported from merged
 * cells, so a value is written on the first row of its group and the cells below are empty.
 *
 * Levels: objective (optional column) > group (the "Nhiệm vụ" column, when a finer leaf column
 * exists) > leaf (the finest of "Hoạt động", "Nội dung", "Nhiệm vụ"). Every row with leaf text is
 * one ParsedTask. Rules, in order:
 * 1. Objective and group are carried down from the last non-empty cell of their column. A new
 *    objective clears the current group; a row with none of the three texts is a section row (or,
 *    when it assigns units or a deadline, an `orphan_row` error: nothing to attach them to).
 * 2. Lead, coordinating, deadline and product cells that are empty inherit the last value written
 *    in the same column within the same group, because a merged cell spans the group's rows. The
 *    carry is reset at each new group, objective and section, and there is no inheritance when the
 *    table has no group level (then each leaf row is complete on its own, as in flat tables). An
 *    empty lead is therefore still an error there, never silently borrowed from another task.
 * 3. A group row without leaf text but with its own units or deadline is itself a task (a
 *    "Nhiệm vụ" without activities).
 * 4. Codes are paths: objective as a Roman numeral, then group number, then leaf number
 *    ("I.1.2"). Each level's number is, in order of preference: the TT column when it numbers that
 *    level, the number the cell text starts with ("1.2. Xây dựng…"), its position under its parent.
 *    The TT column numbers leaves when it is ever filled on a row that does not start a group;
 *    otherwise it numbers groups (it was merged like them). A Roman TT numbers the objective. Below
 *    a parent in the path, only the last component of a dotted number is kept (1.2 → 2).
 */

import type { ImportProblem } from './plan.ts';
import type { ColumnMeaning, HeaderMatch } from './plan-columns.ts';
import {
  cleanNumber,
  type DraftResult,
  dataRows,
  isArabicNumber,
  isSectionNumber,
  preview,
  type RowView,
  sectionTitle,
  type TaskDraft,
} from './plan-rows.ts';
import { foldVietnamese, parseRoman, toRoman } from './text.ts';

interface Levels {
  objective: boolean;
  group: 'task' | null;
  leaf: ColumnMeaning;
}

type Carried = Record<'lead' | 'coordinating' | 'deadline' | 'product', string>;
const CARRIED_COLUMNS = ['lead', 'coordinating', 'deadline', 'product'] as const;

export function isHierarchical(header: HeaderMatch): boolean {
  const has = (m: ColumnMeaning) => header.byMeaning.has(m);
  return has('objective') || has('activity') || (has('task') && has('content'));
}

function levelsOf(header: HeaderMatch): Levels {
  const has = (m: ColumnMeaning) => header.byMeaning.has(m);
  const leaf: ColumnMeaning = has('activity') ? 'activity' : has('content') ? 'content' : 'task';
  return { objective: has('objective'), group: has('task') && leaf !== 'task' ? 'task' : null, leaf };
}

export function readHierarchicalRows(rows: string[][], header: HeaderMatch): DraftResult {
  const levels = levelsOf(header);
  const views = dataRows(rows, header);
  const groupColumn = levels.group;
  const ttNumbersLeaves = numbersLeaves(views, levels);

  const drafts: TaskDraft[] = [];
  const problems: ImportProblem[] = [];
  let section: string | null = null;
  let objective: { text: string; number: string } | null = null;
  let group: { text: string; number: string } | null = null;
  let objectiveCount = 0;
  let groupCount = 0;
  let leafCount = 0;
  const carry = new Carry(groupColumn !== null);

  for (const view of views) {
    const tt = cleanNumber(view.get('number'));
    const objectiveText = levels.objective ? view.get('objective') : '';
    const groupText = groupColumn ? view.get(groupColumn) : '';
    const leafText = view.get(levels.leaf);

    const isSectionRow =
      (objectiveText === '' && groupText === '' && leafText === '') ||
      (!levels.objective && isSectionNumber(tt) && !view.hasAssignment());
    if (isSectionRow) {
      if (view.hasAssignment() || view.get('product') !== '') problems.push(orphan(view));
      else {
        section = sectionRowTitle(view, tt);
        objective = null;
        group = null;
        carry.reset();
      }
      continue;
    }

    if (objectiveText !== '') {
      objectiveCount++;
      objective = { text: objectiveText, number: objectiveNumber(tt, objectiveText, objectiveCount) };
      group = null;
      groupCount = 0;
      leafCount = 0;
      carry.reset();
    }
    if (groupText !== '') {
      groupCount++;
      leafCount = 0;
      carry.reset();
      group = {
        text: groupText,
        number: rowNumber(tt, !ttNumbersLeaves, groupText, levels.objective, groupCount),
      };
    }

    const parentPath = [objective?.number, groupColumn ? group?.number : undefined].filter(
      (n): n is string => n !== undefined,
    );
    const base = { row: view.row, section, objective: objective?.text ?? null };
    if (leafText !== '') {
      leafCount++;
      const number = rowNumber(tt, ttNumbersLeaves, leafText, parentPath.length > 0, leafCount);
      const task = levels.leaf === 'task' ? leafText : (group?.text ?? null);
      const activity = levels.leaf === 'activity' ? leafText : null;
      drafts.push(draftOf(base, [...parentPath, number], task, activity, leafText, carry.take(view)));
    } else if (groupText !== '' && view.hasAssignment()) {
      drafts.push(draftOf(base, parentPath, groupText, null, groupText, carry.take(view)));
    } else if (view.hasAssignment()) {
      problems.push(orphan(view));
    }
  }
  return { drafts, problems };
}

function draftOf(
  base: Pick<TaskDraft, 'row' | 'section' | 'objective'>,
  path: string[],
  task: string | null,
  activity: string | null,
  content: string,
  carried: Carried,
): TaskDraft {
  return { ...base, code: path.join('.'), task, activity, content, ...carried };
}

/** Whether the TT column numbers the leaves (else the groups). */
function numbersLeaves(views: RowView[], levels: Levels): boolean {
  const groupColumn = levels.group;
  if (groupColumn === null) return true;
  return views.some((v) => {
    const tt = cleanNumber(v.get('number'));
    return tt !== '' && parseRoman(tt) === null && v.get(groupColumn) === '' && v.get(levels.leaf) !== '';
  });
}

/** A row's own number: the TT cell when it numbers this level, else the number its text starts with. */
function rowNumber(tt: string, ttNumbers: boolean, text: string, nested: boolean, count: number): string {
  const written = ttNumbers && isArabicNumber(tt) ? tt : leadingNumber(text);
  return ownNumber(written, nested) ?? String(count);
}

/** The title of a section row: its first text that is not its number. */
function sectionRowTitle(view: RowView, tt: string): string {
  const title = view.cells.map((c) => c.trim()).find((c) => c !== '' && cleanNumber(c) !== tt);
  return sectionTitle(title ?? view.firstText());
}

/** Lead, coordinating units, deadline and product carried down from a group to its leaves. */
class Carry {
  private carried: Partial<Carried> = {};

  constructor(private readonly grouped: boolean) {}

  reset(): void {
    this.carried = {};
  }

  /** The row's own values, or (under a group) the last ones given above it. */
  take(view: RowView): Carried {
    const values = {} as Carried;
    for (const column of CARRIED_COLUMNS) {
      const own = view.get(column);
      if (own !== '') this.carried[column] = own;
      values[column] = own !== '' ? own : this.grouped ? (this.carried[column] ?? '') : '';
    }
    return values;
  }
}

function orphan(view: RowView): ImportProblem {
  return {
    row: view.row,
    column: null,
    code: 'orphan_row',
    message: `Dòng ${view.row} ghi đơn vị, thời hạn hoặc sản phẩm nhưng không có nhiệm vụ hay hoạt động nào để gắn vào ("${preview(view.firstText())}").`,
  };
}

/** The Roman numeral of an objective: from a Roman TT, the objective text, or its position. */
function objectiveNumber(tt: string, text: string, position: number): string {
  if (parseRoman(tt) !== null) return tt.toUpperCase();
  const written = leadingNumber(text);
  if (written !== null) {
    const roman = parseRoman(written);
    if (roman !== null) return written.toUpperCase();
    return toRoman(Number(written.split('.')[0]));
  }
  return toRoman(position);
}

/** Below a parent in the path only the last component counts ("1.2" under task 1 → "2"). */
function ownNumber(written: string | null, hasParent: boolean): string | null {
  if (written === null || written === '') return null;
  return hasParent ? written.split('.').pop()! : written;
}

const LEADING_ARABIC = /^(?:(?:muc tieu|nhiem vu|hoat dong) )?(\d+(?:\.\d+)*)(?:\s*[.):\-–]|\s|$)/;
const LEADING_ROMAN = /^(?:muc tieu )?([ivx]+)\s*[.):\-–]/;

/** The number a cell text starts with: "1.2. Xây dựng…" → "1.2", "II. Mục tiêu…" → "ii". */
function leadingNumber(text: string): string | null {
  const folded = foldVietnamese(text);
  const arabic = LEADING_ARABIC.exec(folded);
  if (arabic) return arabic[1]!;
  const roman = LEADING_ROMAN.exec(folded);
  return roman && parseRoman(roman[1]!) !== null ? roman[1]! : null;
}
