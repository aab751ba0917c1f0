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
import { HeadingStack, periodHeading, sectionHeading } from './plan-periods.ts';
import {
  cleanNumber,
  type DraftResult,
  dataRows,
  isArabicNumber,
  isSectionNumber,
  preview,
  type RowView,
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
  const reader = new HierarchyReader(levels, ttNumbersLeaves(views, levels));
  for (const view of views) reader.read(view);
  return { drafts: reader.drafts, problems: reader.problems };
}

/** Whether TT numbers leaves: always without a group level, else when filled on a row that starts no group. */
function ttNumbersLeaves(views: RowView[], levels: Levels): boolean {
  const groupColumn = levels.group;
  return (
    groupColumn === null ||
    views.some((v) => {
      const tt = cleanNumber(v.get('number'));
      return tt !== '' && parseRoman(tt) === null && v.get(groupColumn) === '' && v.get(levels.leaf) !== '';
    })
  );
}

interface Numbered {
  text: string;
  number: string;
}

/** Reads the data rows top to bottom: the current heading, objective and group, their counts and the carry. */
class HierarchyReader {
  readonly drafts: TaskDraft[] = [];
  readonly problems: ImportProblem[] = [];
  private readonly levels: Levels;
  private readonly ttNumbersLeaves: boolean;
  private readonly headings = new HeadingStack();
  private objective: Numbered | null = null;
  private group: Numbered | null = null;
  private objectiveCount = 0;
  private groupCount = 0;
  private leafCount = 0;
  private carry: Partial<Carried> = {};

  constructor(levels: Levels, ttNumbersLeaves: boolean) {
    this.levels = levels;
    this.ttNumbersLeaves = ttNumbersLeaves;
  }

  read(view: RowView): void {
    const tt = cleanNumber(view.get('number'));
    const objectiveText = this.levels.objective ? view.get('objective') : '';
    const groupText = this.levels.group ? view.get(this.levels.group) : '';
    const leafText = view.get(this.levels.leaf);
    if (this.enteredPeriod(view, tt)) return;
    const isSectionRow =
      (objectiveText === '' && groupText === '' && leafText === '') ||
      (!this.levels.objective && isSectionNumber(tt) && !view.hasAssignment());
    if (isSectionRow) {
      this.readSectionRow(view, tt);
      return;
    }
    if (objectiveText !== '') this.enterObjective(objectiveText, tt);
    if (groupText !== '') this.enterGroup(groupText, tt);
    this.readTask(view, tt, groupText, leafText);
  }

  /**
   * A period or part row merged across the table ("1. Đến năm 2025", "Phần I"), wherever the
   * merge put its text: one text on the row (besides its number), no units, no deadline.
   */
  private enteredPeriod(view: RowView, tt: string): boolean {
    const texts = [...new Set(view.cells.map((c) => c.trim()).filter((c) => c !== '' && c !== tt))];
    if (texts.length !== 1 || view.hasAssignment() || view.get('product') !== '') return false;
    const period = periodHeading(texts[0]!, isArabicNumber(tt) || isSectionNumber(tt) ? tt : '');
    if (!period) return false;
    this.headings.enter(period);
    // Numbering starts again under a period, positions included.
    this.objectiveCount = 0;
    this.groupCount = 0;
    this.objective = null;
    this.group = null;
    this.carry = {};
    return true;
  }

  /** A section heading, or an `orphan_row` error when the row assigns units, a deadline or a product. */
  private readSectionRow(view: RowView, tt: string): void {
    if (view.hasAssignment() || view.get('product') !== '') {
      this.problems.push(orphan(view));
      return;
    }
    const title = view.cells.map((c) => c.trim()).find((c) => c !== '' && cleanNumber(c) !== tt);
    this.headings.enter(
      title === undefined
        ? sectionHeading(view.firstText())
        : sectionHeading(title, isSectionNumber(tt) || isArabicNumber(tt) ? tt : ''),
    );
    this.objective = null;
    this.group = null;
    this.carry = {};
  }

  private enterObjective(text: string, tt: string): void {
    this.objectiveCount++;
    this.objective = { text, number: objectiveNumber(tt, text, this.objectiveCount) };
    this.group = null;
    this.groupCount = 0;
    this.leafCount = 0;
    this.carry = {};
  }

  private enterGroup(text: string, tt: string): void {
    this.groupCount++;
    this.leafCount = 0;
    this.carry = {};
    const written = !this.ttNumbersLeaves && isArabicNumber(tt) ? tt : leadingNumber(text);
    this.group = { text, number: ownNumber(written, this.levels.objective) ?? String(this.groupCount) };
  }

  /** The row's task: its leaf, or a group with its own units or deadline; else an orphan if it assigns any. */
  private readTask(view: RowView, tt: string, groupText: string, leafText: string): void {
    const parentPath = [this.objective?.number, this.levels.group ? this.group?.number : undefined].filter(
      (n): n is string => n !== undefined,
    );
    const base = {
      row: view.row,
      section: this.headings.section,
      sectionPath: this.headings.path,
      objective: this.objective?.text ?? null,
    };
    if (leafText !== '') {
      this.leafCount++;
      const written = this.ttNumbersLeaves && isArabicNumber(tt) ? tt : leadingNumber(leafText);
      const number = ownNumber(written, parentPath.length > 0) ?? String(this.leafCount);
      this.drafts.push({
        ...base,
        code: [...parentPath, number].join('.'),
        task: this.levels.leaf === 'task' ? leafText : (this.group?.text ?? null),
        activity: this.levels.leaf === 'activity' ? leafText : null,
        content: leafText,
        ...this.take(view),
      });
    } else if (groupText !== '' && view.hasAssignment()) {
      this.drafts.push({
        ...base,
        code: parentPath.join('.'),
        task: groupText,
        activity: null,
        content: groupText,
        ...this.take(view),
      });
    } else if (view.hasAssignment()) {
      this.problems.push(orphan(view));
    }
  }

  /** The carried columns of the row: its own value, else (with a group level) the last one in the group. */
  private take(view: RowView): Carried {
    const values = {} as Carried;
    for (const column of CARRIED_COLUMNS) {
      const own = view.get(column);
      if (own !== '') this.carry[column] = own;
      values[column] = own !== '' ? own : this.levels.group ? (this.carry[column] ?? '') : '';
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
