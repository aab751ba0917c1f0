/**
 * Unit names of a plan read as of the plan's issue date (issue 15), a layer over `UnitDirectory`
 * that leaves its matching alone: the directory of that date, and the wordings of units that had
 * ended by then read as their successors (a warning), or of units that did not exist yet (blocking).
 */
import type { ImportProblem } from '../../domain/plan.ts';
import { UnitDirectory, type UnitResolution } from '../../domain/unit-directory.ts';
import type { DatedResolution, UnitHistory } from '../../domain/unit-history.ts';

export class DatedDirectory extends UnitDirectory {
  readonly replaced: DatedResolution['replaced'] = [];
  readonly notYet: DatedResolution['notYet'] = [];

  constructor(
    private readonly history: UnitHistory,
    readonly day: string,
  ) {
    super(history.unitsOn(day));
  }

  override resolve(cell: string): UnitResolution {
    const resolution = this.history.resolveOn(cell, this.day);
    this.replaced.push(...resolution.replaced);
    this.notYet.push(...resolution.notYet);
    return { codes: resolution.codes, unknown: resolution.unknown };
  }

  /** One warning per old name read as its successor, one blocking problem per unit not yet in existence. */
  problems(): { warnings: ImportProblem[]; blocking: ImportProblem[] } {
    const once = <T>(items: T[], key: (item: T) => string) => [
      ...new Map(items.map((item) => [key(item), item])).values(),
    ];
    return {
      warnings: once(this.replaced, (r) => r.from.join()).map((r) => ({
        row: null,
        column: null,
        code: 'unit_replaced',
        message: `"${r.phrase}" (${r.from.join(', ')}) không còn tồn tại vào ngày ${this.day}; đã hiểu là đơn vị kế thừa ${r.to.join(', ')}.`,
        value: r.phrase,
      })),
      blocking: once(this.notYet, (n) => n.code).map((n) => ({
        row: null,
        column: null,
        code: 'unit_not_yet',
        message: `"${n.phrase}" (${n.code}) chỉ có từ ngày ${n.validFrom}, sau ngày ban hành kế hoạch ${this.day}. Kiểm tra ngày ban hành (--issued-on) hoặc tên đơn vị.`,
        value: n.phrase,
      })),
    };
  }
}
