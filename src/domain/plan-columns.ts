/**
 * Finds the header row of a plan table and maps each header cell to what the column means.
 * Plans are written by many hands, so headers are matched by meaning: folded text (no case, no
 * diacritics, line breaks as spaces) compared with the synonyms below, after dropping
 * parenthesised remarks ("Thời gian hoàn thành (dự kiến)") and column numbers ("(1)").
 */
import type { ImportProblem } from './plan.ts';
import { foldVietnamese } from './text.ts';

export type ColumnMeaning =
  | 'number'
  | 'content'
  | 'task'
  | 'activity'
  | 'objective'
  | 'lead'
  | 'coordinating'
  | 'deadline'
  | 'product'
  | 'budget'
  | 'notes';

/** Synonyms per meaning, written as in official documents; compared folded. */
export const HEADER_SYNONYMS: Readonly<Record<ColumnMeaning, readonly string[]>> = {
  number: ['TT', 'STT', 'Số TT', 'Số thứ tự', 'Thứ tự'],
  content: [
    'Nội dung thực hiện',
    'Nội dung',
    'Nội dung công việc',
    'Nội dung nhiệm vụ',
    'Tên nhiệm vụ',
    'Công việc',
  ],
  task: ['Nhiệm vụ', 'Nhiệm vụ cụ thể'],
  activity: ['Hoạt động', 'Hoạt động cụ thể'],
  objective: ['Mục tiêu', 'Mục tiêu cụ thể'],
  lead: [
    'Đơn vị chủ trì',
    'Chủ trì',
    'Cơ quan chủ trì',
    'Đơn vị thực hiện',
    'Đơn vị chủ trì thực hiện',
    'Cơ quan thực hiện',
  ],
  coordinating: ['Đơn vị phối hợp', 'Phối hợp', 'Cơ quan phối hợp', 'Đơn vị phối hợp thực hiện'],
  deadline: [
    'Thời gian hoàn thành',
    'Thời gian',
    'Thời gian thực hiện',
    'Thời hạn',
    'Thời hạn hoàn thành',
    'Tiến độ',
    'Tiến độ thực hiện',
    'Tiến độ hoàn thành',
  ],
  product: [
    'Sản phẩm',
    'Kết quả',
    'Sản phẩm đầu ra',
    'Kết quả đầu ra',
    'Sản phẩm dự kiến',
    'Kết quả dự kiến',
  ],
  // Recognised so they are not reported as unmatched, then ignored.
  budget: ['Kinh phí', 'Nguồn kinh phí', 'Dự toán kinh phí', 'Kinh phí thực hiện'],
  notes: ['Ghi chú'],
};

/** How a missing required meaning is named to the user. */
export const MEANING_LABELS: Readonly<Record<ColumnMeaning, string>> = {
  number: 'TT',
  content: 'Nội dung thực hiện',
  task: 'Nhiệm vụ',
  activity: 'Hoạt động',
  objective: 'Mục tiêu',
  lead: 'Đơn vị chủ trì',
  coordinating: 'Đơn vị phối hợp',
  deadline: 'Thời gian hoàn thành',
  product: 'Sản phẩm',
  budget: 'Kinh phí',
  notes: 'Ghi chú',
};

const SYNONYM_INDEX = new Map<string, ColumnMeaning>(
  (Object.entries(HEADER_SYNONYMS) as [ColumnMeaning, readonly string[]][]).flatMap(([meaning, words]) =>
    words.map((w) => [normalizeHeader(w), meaning] as const),
  ),
);

/** Folded header without parenthesised remarks, stars, colons or edge punctuation. */
export function normalizeHeader(text: string): string {
  return foldVietnamese(text.replace(/\([^)]*\)/g, ' ').replace(/[*:]/g, ' '))
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/\s+/g, ' ');
}

export function meaningOfHeader(text: string): ColumnMeaning | null {
  return SYNONYM_INDEX.get(normalizeHeader(text)) ?? null;
}

export interface Column {
  index: number;
  header: string;
  meaning: ColumnMeaning | null;
}

export interface HeaderMatch {
  /** 0-based index of the (first) header row. */
  headerRow: number;
  /** 0-based index of the first row below the header; also the 1-based number of its last row. */
  dataStart: number;
  /** Non-empty header cells, in column order. */
  columns: Column[];
  /** First column for each meaning; later columns with the same meaning are reported, not used. */
  byMeaning: Map<ColumnMeaning, Column>;
  problems: ImportProblem[];
  /** Folded header cells, to recognise the header repeated on later pages of a Word export. */
  signature: string;
}

/** Rows searched for the header: plans put a title and a decision number above the table. */
const HEADER_SEARCH_ROWS = 10;

/**
 * The header is the first row with a content-like column and a unit column. Two-row headers
 * ("Đơn vị" over "Chủ trì | Phối hợp") are read as one: the lower cell names the column when it
 * has a meaning, else the upper one.
 */
export function findHeader(rows: string[][]): HeaderMatch | null {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const single = rows[r]!.map((text, index) => ({
      index,
      header: text.trim(),
      meaning: meaningOfHeader(text),
    }));
    if (isHeader(single)) return buildMatch(single, r, r + 1, rows[r]!);
    const below = rows[r + 1];
    if (!below || r + 1 >= limit) continue;
    const width = Math.max(single.length, below.length);
    const merged = Array.from({ length: width }, (_, index) => {
      const lower = (below[index] ?? '').trim();
      const lowerMeaning = meaningOfHeader(lower);
      if (lower !== '' && lowerMeaning) return { index, header: lower, meaning: lowerMeaning };
      const upper = (rows[r]![index] ?? '').trim();
      return { index, header: upper, meaning: meaningOfHeader(upper) };
    });
    if (
      isHeader(merged) &&
      !isHeader(below.map((t, index) => ({ index, header: t, meaning: meaningOfHeader(t) })))
    ) {
      return buildMatch(merged, r, r + 2, below);
    }
  }
  return null;
}

function isHeader(cells: Column[]): boolean {
  const has = (...meanings: ColumnMeaning[]) => cells.some((c) => c.meaning && meanings.includes(c.meaning));
  return has('content', 'task', 'activity') && has('lead', 'coordinating');
}

function buildMatch(
  cells: Column[],
  headerRow: number,
  dataStart: number,
  lastHeaderRow: string[],
): HeaderMatch {
  const columns = cells.filter((c) => c.header !== '');
  const byMeaning = new Map<ColumnMeaning, Column>();
  const problems: ImportProblem[] = [];
  for (const column of columns) {
    if (!column.meaning) {
      problems.push({
        row: dataStart,
        column: column.header,
        code: 'unmatched_column',
        message: `Cột "${column.header}" không khớp với cột nào đã biết; cột này sẽ bị bỏ qua.`,
        value: column.header,
      });
    } else if (byMeaning.has(column.meaning)) {
      const first = byMeaning.get(column.meaning)!;
      problems.push({
        row: dataStart,
        column: column.header,
        code: 'duplicate_column',
        message: `Cột "${column.header}" và cột "${first.header}" cùng mang nghĩa "${MEANING_LABELS[column.meaning]}"; không biết nên dùng cột nào.`,
        value: column.header,
      });
    } else {
      byMeaning.set(column.meaning, column);
    }
  }
  return { headerRow, dataStart, columns, byMeaning, problems, signature: rowSignature(lastHeaderRow) };
}

/** Folded, non-empty cells joined: equal signatures mean the same header row. */
export function rowSignature(row: readonly string[]): string {
  return row
    .map((c) => normalizeHeader(c))
    .filter((c) => c !== '')
    .join('|');
}
