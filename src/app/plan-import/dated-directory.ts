/**
 * Unit names of a plan read as of the plan's issue date (issue 15), a layer over `UnitDirectory`
 * that leaves its matching alone: the directory of that date, and the wordings of units that had
 * ended by then read as their successors (a warning), or of units that did not exist yet (blocking).
 */
import type { ImportProblem } from '../../domain/plan.ts';
import { UnitDirectory, type UnitResolution } from '../../domain/unit-directory.ts';
import type { DatedResolution, UnitHistory } from '../../domain/unit-history.ts';

type Located<T> = T & { row: number | null };

export class DatedDirectory extends UnitDirectory {
  readonly replaced: Located<DatedResolution['replaced'][number]>[] = [];
  readonly notYet: Located<DatedResolution['notYet'][number]>[] = [];

  constructor(
    private readonly history: UnitHistory,
    readonly day: string,
  ) {
    super(history.unitsOn(day));
  }

  override resolve(cell: string, row?: number): UnitResolution {
    const resolution = this.history.resolveOn(cell, this.day);
    const at = row ?? null;
    this.replaced.push(...resolution.replaced.map((r) => ({ ...r, row: at })));
    this.notYet.push(...resolution.notYet.map((n) => ({ ...n, row: at })));
    return { codes: resolution.codes, unknown: resolution.unknown };
  }

  /**
   * One warning per old name read as its successor, one blocking problem per unit not yet in
   * existence; each names the rows it was found in ("dòng 2, 4") and points at the first.
   */
  problems(): { warnings: ImportProblem[]; blocking: ImportProblem[] } {
    return {
      warnings: grouped(this.replaced, (r) => r.from.join()).map(({ item: r, row, rows }) => ({
        row,
        column: null,
        code: 'unit_replaced',
        message: `${rows}"${r.phrase}" (${r.from.join(', ')}) không còn tồn tại vào ngày ${this.day}; đã hiểu là đơn vị kế thừa ${r.to.join(', ')}.`,
        value: r.phrase,
      })),
      blocking: grouped(this.notYet, (n) => n.code).map(({ item: n, row, rows }) => ({
        row,
        column: null,
        code: 'unit_not_yet',
        message: `${rows}"${n.phrase}" (${n.code}) chỉ có từ ngày ${n.validFrom}, sau ngày ban hành kế hoạch ${this.day}. Kiểm tra ngày ban hành (--issued-on) hoặc tên đơn vị.`,
        value: n.phrase,
      })),
    };
  }
}

/** Items grouped by key, each with its first row and a "Dòng 2, 4: " prefix (empty without rows). */
function grouped<T extends { row: number | null }>(
  items: T[],
  key: (item: T) => string,
): { item: T; row: number | null; rows: string }[] {
  const groups = new Map<string, { item: T; rows: number[] }>();
  for (const item of items) {
    const group = groups.get(key(item)) ?? { item, rows: [] };
    if (item.row !== null && !group.rows.includes(item.row)) group.rows.push(item.row);
    groups.set(key(item), group);
  }
  return [...groups.values()].map(({ item, rows }) => {
    const sorted = rows.sort((a, b) => a - b);
    return { item, row: sorted[0] ?? null, rows: sorted.length > 0 ? `Dòng ${sorted.join(', ')}: ` : '' };
  });
}
