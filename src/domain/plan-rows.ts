/**
 * Turns the data rows of a flat plan table (one row per task, section rows between them) into task
 * drafts: the cells each task needs, still as text. Resolution of units and deadlines happens
 * afterwards, in one place for both table shapes (plan-table.ts).
 */

import type { ImportProblem } from './plan.ts';
import type { ColumnMeaning, HeaderMatch } from './plan-columns.ts';
import { rowSignature } from './plan-columns.ts';
import { HeadingStack, periodHeading, sectionHeading } from './plan-periods.ts';
import { parseRoman } from './text.ts';

export interface TaskDraft {
  row: number;
  code: string;
  section: string | null;
  /** Numbers of the part, period and section rows above the task ("1", "A.II"); "" under none. */
  sectionPath: string;
  objective: string | null;
  task: string | null;
  activity: string | null;
  content: string;
  lead: string;
  coordinating: string;
  deadline: string;
  product: string;
}

export interface DraftResult {
  drafts: TaskDraft[];
  problems: ImportProblem[];
}

/** Reads cells by meaning; a missing column reads as empty. */
export class RowView {
  readonly cells: readonly string[];
  /** 1-based row number in the file. */
  readonly row: number;
  private readonly header: HeaderMatch;

  constructor(cells: readonly string[], row: number, header: HeaderMatch) {
    this.cells = cells;
    this.row = row;
    this.header = header;
  }

  get(meaning: ColumnMeaning): string {
    const column = this.header.byMeaning.get(meaning);
    return column ? (this.cells[column.index] ?? '').trim() : '';
  }

  /** Whether any unit or deadline is written: what tells a task row from a section title. */
  hasAssignment(): boolean {
    return this.get('lead') !== '' || this.get('coordinating') !== '' || this.get('deadline') !== '';
  }

  /** First non-empty cell, in column order: the title of a section row, wherever the merge put it. */
  firstText(): string {
    return this.cells.map((c) => c.trim()).find((c) => c !== '') ?? '';
  }
}

/**
 * Data rows worth interpreting: blank rows, the header repeated on later pages of a Word export
 * and the "(1) (2) (3)" column-numbering row under the header are skipped.
 */
export function dataRows(rows: string[][], header: HeaderMatch): RowView[] {
  const views: RowView[] = [];
  for (let index = header.dataStart; index < rows.length; index++) {
    const cells = rows[index]!;
    if (cells.every((c) => c.trim() === '')) continue;
    if (rowSignature(cells) === header.signature) continue;
    if (isColumnNumbering(cells)) continue;
    views.push(new RowView(cells, index + 1, header));
  }
  return views;
}

function isColumnNumbering(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  return filled.length >= 3 && filled.every((c) => /^\(?\d{1,2}\)?$/.test(c));
}

/** "3." → "3", " 1.2 " → "1.2": the number as written, without the trailing dot or parenthesis. */
export function cleanNumber(text: string): string {
  return text
    .trim()
    .replace(/[.)]+$/, '')
    .trim();
}

export function isArabicNumber(text: string): boolean {
  return /^\d+(?:\.\d+)*$/.test(text);
}

/** Section numbers: Roman numerals ("I", "IV") and single capital letters ("A", "B"). */
export function isSectionNumber(text: string): boolean {
  return parseRoman(text) !== null || /^[A-Z]$/.test(text);
}

/**
 * Flat layout, row by row:
 * - number is a Roman numeral or a single letter → section row; the title is the content cell (or
 *   the first other text when the merge put it elsewhere);
 * - number is not an Arabic number and no unit or deadline is written → section row (a title merged
 *   across the row, or written in the content cell alone);
 * - anything else is a task; its code is the number as written. A task row without a number is an
 *   error when the table has a number column, else tasks are numbered by position.
 */
export function readFlatRows(rows: string[][], header: HeaderMatch): DraftResult {
  const drafts: TaskDraft[] = [];
  const problems: ImportProblem[] = [];
  const hasNumberColumn = header.byMeaning.has('number');
  const contentMeaning: ColumnMeaning = header.byMeaning.has('content') ? 'content' : 'task';
  const headings = new HeadingStack();
  for (const view of dataRows(rows, header)) {
    const number = cleanNumber(view.get('number'));
    const content = view.get(contentMeaning);
    if (!view.hasAssignment()) {
      const written = isArabicNumber(number) || isSectionNumber(number) ? number : '';
      const period = periodHeading(content, written) ?? periodHeading(view.firstText());
      if (period) {
        headings.enter(period);
        continue;
      }
    }
    if (isSectionNumber(number)) {
      headings.enter(sectionHeading(content || otherText(view, number) || number, number));
      continue;
    }
    if (!isArabicNumber(number) && !view.hasAssignment()) {
      headings.enter(sectionHeading(view.firstText()));
      continue;
    }
    let code = number;
    if (code === '') {
      if (hasNumberColumn) {
        problems.push({
          row: view.row,
          column: header.byMeaning.get('number')!.header,
          code: 'missing_code',
          message: `Dòng ${view.row}: nhiệm vụ "${preview(content)}" không có số thứ tự.`,
        });
      } else {
        code = String(drafts.length + 1);
      }
    }
    drafts.push({
      row: view.row,
      code,
      section: headings.section,
      sectionPath: headings.path,
      objective: null,
      task: content,
      activity: null,
      content,
      lead: view.get('lead'),
      coordinating: view.get('coordinating'),
      deadline: view.get('deadline'),
      product: view.get('product'),
    });
  }
  return { drafts, problems };
}

function otherText(view: RowView, number: string): string {
  return view.cells.map((c) => c.trim()).find((c) => c !== '' && cleanNumber(c) !== number) ?? '';
}

/** "I. Công tác chỉ đạo" written in one merged cell: the numeral is not part of the title. */
export function sectionTitle(text: string): string {
  const match = /^([IVXLC]+|[A-Z])\s*[.):\-–]\s*(.+)$/su.exec(text);
  return match && isSectionNumber(match[1]!) ? match[2]!.trim() : text;
}

export function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
