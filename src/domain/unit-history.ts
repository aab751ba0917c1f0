/**
 * The unit directory through time (issue 15): every unit exists from `validFrom` (inclusive) to
 * `validTo` (exclusive), and a change (rename, merge, split, close) links a unit to its successors
 * with the decision that made it. This layer sits over `UnitDirectory` and never changes it: a
 * plan's cells are resolved against `directoryOn(plan's issue date)`, and wordings of units that
 * no longer exist on that date are read as their successors, with a warning.
 *
 * Dates are `YYYY-MM-DD` strings, compared as strings.
 */
import { parse } from 'csv-parse/sync';
import { phraseKey } from './phrase-tokens.ts';
import { UnitDirectory, type UnitEntry, type UnitKind } from './unit-directory.ts';

export const CHANGE_ACTIONS = ['rename', 'merge', 'split', 'close'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

export interface DatedUnit extends UnitEntry {
  /** First day the unit exists; null = since before the directory begins. */
  validFrom: string | null;
  /** First day the unit no longer exists; null = it still exists. */
  validTo: string | null;
  /** The 2024 provincial offices whose territory the unit covers (empty for central units). */
  territory: string[];
  source: string | null;
}

export interface UnitChangeEntry {
  /** The first day of the successor (the predecessor's `validTo`). */
  on: string;
  action: ChangeAction;
  from: string;
  /** null for `close`. */
  to: string | null;
  decision: string;
  source: string | null;
}

export interface DatedResolution {
  codes: string[];
  unknown: string[];
  /** Wordings of units that no longer existed on the date, read as their successors. */
  replaced: { phrase: string; from: string[]; to: string[] }[];
  /** Wordings of units that did not exist yet on the date. */
  notYet: { phrase: string; code: string; validFrom: string }[];
}

export function isValidOn(unit: Pick<DatedUnit, 'validFrom' | 'validTo'>, day: string): boolean {
  return (unit.validFrom === null || unit.validFrom <= day) && (unit.validTo === null || day < unit.validTo);
}

/** Problems in a history: unknown successors, cycles, successors that start on another day. */
export class UnitHistoryError extends Error {}

export class UnitHistory {
  private readonly byCode = new Map<string, DatedUnit>();
  private readonly successors = new Map<string, UnitChangeEntry[]>();
  private readonly directories = new Map<string, UnitDirectory>();

  constructor(
    units: readonly DatedUnit[],
    readonly changes: readonly UnitChangeEntry[],
  ) {
    for (const unit of units) this.byCode.set(unit.code, unit);
    for (const change of changes) {
      if (!this.byCode.has(change.from)) throw new UnitHistoryError(`Không có đơn vị "${change.from}".`);
      if (change.to !== null && !this.byCode.has(change.to)) {
        throw new UnitHistoryError(`Đơn vị kế thừa "${change.to}" không có trong danh mục.`);
      }
      const list = this.successors.get(change.from) ?? [];
      list.push(change);
      this.successors.set(change.from, list);
    }
    const cycle = findCycle(this.successors);
    if (cycle) throw new UnitHistoryError(`Chuỗi kế thừa khép vòng: ${cycle.join(' → ')}.`);
  }

  get(code: string): DatedUnit | undefined {
    return this.byCode.get(code);
  }

  /**
   * The same history with more wordings for some units (`--map "KHTC=TCKT"`: the name, then the
   * code). Throws like the directory when a wording would name two units on one day.
   */
  withAliases(maps: ReadonlyMap<string, string>): UnitHistory {
    if (maps.size === 0) return this;
    const units = this.all().map((unit) => {
      const added = [...maps].filter(([, code]) => code === unit.code).map(([name]) => name);
      return added.length === 0 ? unit : { ...unit, aliases: [...unit.aliases, ...added] };
    });
    return new UnitHistory(units, this.changes);
  }

  /** Every unit of every period. */
  all(): DatedUnit[] {
    return [...this.byCode.values()];
  }

  /** The units that exist on `day`, in directory order. */
  unitsOn(day: string): DatedUnit[] {
    return [...this.byCode.values()].filter((unit) => isValidOn(unit, day));
  }

  /** The directory as it stood on `day` (cached per day). */
  directoryOn(day: string): UnitDirectory {
    let directory = this.directories.get(day);
    if (!directory) {
      directory = new UnitDirectory(this.unitsOn(day));
      this.directories.set(day, directory);
    }
    return directory;
  }

  /**
   * Resolves a unit cell as written on `day`. Besides the units of that day, the directory knows the
   * wordings of the units that had ended by then (newest first) and of those that did not exist yet,
   * unless a unit of the day uses them: an ended unit is read as its successors on `day`
   * (`replaced`), a future one is reported in `notYet`. Longest match first still holds, so "BHXH
   * tỉnh Hà Giang" in a 2026 plan is the old office, not the group phrase "BHXH tỉnh".
   */
  resolveOn(cell: string, day: string): DatedResolution {
    const resolution = this.extendedOn(day).resolve(cell);
    const result: DatedResolution = { codes: [], unknown: resolution.unknown, replaced: [], notYet: [] };
    const codes = new Set<string>();
    for (const code of resolution.codes) {
      const unit = this.byCode.get(code);
      if (!unit || isValidOn(unit, day)) codes.add(code);
      else if (unit.validFrom !== null && day < unit.validFrom) {
        result.notYet.push({ phrase: unit.name, code, validFrom: unit.validFrom });
      } else {
        const to = this.successorsOn(code, day);
        for (const next of to) codes.add(next);
        if (to.length > 0) result.replaced.push({ phrase: unit.name, from: [code], to });
        else result.unknown.push(unit.name);
      }
    }
    result.codes = [...codes];
    return result;
  }

  private extendedOn(day: string): UnitDirectory {
    const key = `+${day}`;
    let directory = this.directories.get(key);
    if (directory) return directory;
    const current = this.unitsOn(day);
    const taken = new Set(current.flatMap((unit) => [unit.code, unit.name, ...unit.aliases].map(phraseKey)));
    const others = [...this.byCode.values()]
      .filter((unit) => !isValidOn(unit, day))
      // Ended units newest first, then the units still to come.
      .sort((a, b) => rank(b, day) - rank(a, day));
    const extra: UnitEntry[] = [];
    for (const unit of others) {
      const wordings = [unit.name, ...unit.aliases].filter((w) => !taken.has(phraseKey(w)));
      for (const wording of wordings) taken.add(phraseKey(wording));
      if (wordings.length === 0) continue;
      const [name, ...aliases] = wordings as [string, ...string[]];
      // Kind "group": no group phrase ("BHXH các tỉnh") expands to units of another period.
      extra.push({ code: unit.code, kind: 'group', name, aliases });
    }
    directory = new UnitDirectory([...current, ...extra]);
    this.directories.set(key, directory);
    return directory;
  }

  /**
   * The units that carry `code` on `day`: itself while it exists, else its successors (every branch
   * of a split) that exist on `day`; empty when it was closed without successor or `day` is before it.
   */
  successorsOn(code: string, day: string, territory?: readonly string[]): string[] {
    const unit = this.byCode.get(code);
    if (!unit) return [];
    if (isValidOn(unit, day)) return [code];
    if (unit.validFrom !== null && day < unit.validFrom) return [];
    // At a split, only the branches that took over part of the original unit's territory.
    const scope = territory ?? unit.territory;
    const out: string[] = [];
    for (const change of this.successors.get(code) ?? []) {
      if (change.to === null || change.on > day) continue;
      const next = this.byCode.get(change.to);
      const overlaps =
        scope.length === 0 ||
        !next ||
        next.territory.length === 0 ||
        next.territory.some((t) => scope.includes(t));
      if (overlaps) out.push(...this.successorsOn(change.to, day, scope));
    }
    return [...new Set(out)];
  }

  /**
   * The one unit a record of `code` rolls into on `day` (for summaries, exports and scoreboards over
   * a period that spans a change). At a split, the branch whose territory covers the unit's first
   * province wins, else the first branch listed. `rolled` is true when it is not `code` itself.
   */
  rollUp(code: string, day: string): { code: string; rolled: boolean } {
    const unit = this.byCode.get(code);
    const anchor = unit?.territory[0];
    let current = code;
    for (let guard = 0; guard < 100; guard++) {
      const here = this.byCode.get(current);
      if (!here || isValidOn(here, day) || (here.validFrom !== null && day < here.validFrom)) break;
      const next = (this.successors.get(current) ?? []).filter((c) => c.to !== null && c.on <= day);
      if (next.length === 0) break;
      const pick =
        next.find(
          (c) => anchor !== undefined && this.byCode.get(c.to as string)?.territory.includes(anchor),
        ) ?? next[0];
      current = pick?.to as string;
    }
    return { code: current, rolled: current !== code };
  }
}

/** Ended units by their end (latest highest), then future units (after every ended one). */
function rank(unit: DatedUnit, day: string): number {
  const number = (d: string) => Number(d.replaceAll('-', ''));
  if (unit.validFrom !== null && day < unit.validFrom) return -2e9 - number(unit.validFrom);
  return number(unit.validTo ?? '0');
}

function findCycle(successors: Map<string, UnitChangeEntry[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (code: string): string[] | null => {
    if (state.get(code) === 'done') return null;
    if (state.get(code) === 'open') return [...path.slice(path.indexOf(code)), code];
    state.set(code, 'open');
    path.push(code);
    for (const change of successors.get(code) ?? []) {
      if (change.to === null) continue;
      const cycle = visit(change.to);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(code, 'done');
    return null;
  };
  for (const code of successors.keys()) {
    const cycle = visit(code);
    if (cycle) return cycle;
  }
  return null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const KINDS: readonly UnitKind[] = ['central', 'provincial', 'regional', 'group'];

function rowsOf(text: string, file: string, columns: string[]): Record<string, string>[] {
  const rows = parse(text.replace(/^\uFEFF/, ''), {
    columns: true,
    skipEmptyLines: true,
    trim: true,
  }) as Record<string, string>[];
  const header = Object.keys(rows[0] ?? {});
  for (const column of columns) {
    if (rows.length > 0 && !header.includes(column))
      throw new UnitHistoryError(`${file}: thiếu cột "${column}".`);
  }
  return rows;
}

/** data/unit-history.csv: `code,kind,name,aliases,valid_from,valid_to,territory,source`. */
export function parseUnitHistoryCsv(text: string): DatedUnit[] {
  const file = 'data/unit-history.csv';
  return rowsOf(text, file, ['code', 'kind', 'name', 'aliases', 'valid_from', 'valid_to', 'source']).map(
    (row, index) => {
      const line = index + 2;
      const kind = row.kind as UnitKind;
      if (!row.code || !row.name || !KINDS.includes(kind)) {
        throw new UnitHistoryError(`${file}, dòng ${line}: thiếu mã, tên hoặc loại đơn vị không hợp lệ.`);
      }
      const validFrom = row.valid_from || null;
      const validTo = row.valid_to || null;
      for (const day of [validFrom, validTo]) {
        if (day !== null && !DAY.test(day))
          throw new UnitHistoryError(`${file}, dòng ${line}: ngày "${day}".`);
      }
      if (validFrom && validTo && validTo <= validFrom) {
        throw new UnitHistoryError(`${file}, dòng ${line}: valid_to phải sau valid_from.`);
      }
      if (!row.source) throw new UnitHistoryError(`${file}, dòng ${line}: thiếu nguồn (source).`);
      return {
        code: row.code,
        kind,
        name: row.name,
        aliases: split(row.aliases),
        validFrom,
        validTo,
        territory: split(row.territory),
        source: row.source,
      };
    },
  );
}

/** data/unit-changes.csv: `on,action,from,to,decision,source`. */
export function parseUnitChangesCsv(text: string): UnitChangeEntry[] {
  const file = 'data/unit-changes.csv';
  return rowsOf(text, file, ['on', 'action', 'from', 'to', 'decision', 'source']).map((row, index) => {
    const line = index + 2;
    const action = row.action as ChangeAction;
    if (
      !DAY.test(row.on ?? '') ||
      !CHANGE_ACTIONS.includes(action) ||
      !row.from ||
      !row.decision ||
      !row.source
    ) {
      throw new UnitHistoryError(
        `${file}, dòng ${line}: cần ngày, loại thay đổi, đơn vị, quyết định và nguồn.`,
      );
    }
    if ((action === 'close') !== !row.to) {
      throw new UnitHistoryError(`${file}, dòng ${line}: chỉ "close" không có đơn vị kế thừa.`);
    }
    return {
      on: row.on as string,
      action,
      from: row.from,
      to: row.to || null,
      decision: row.decision,
      source: row.source,
    };
  });
}

function split(cell: string | undefined): string[] {
  return (cell ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
