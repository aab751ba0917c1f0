/** Units and their aliases: the editable directory the plan importer resolves unit names through. */
import type { UnitChangeRequest, UnitName, UnitRepository } from '../app/ports/stores.ts';
import { AppError } from '../domain/errors.ts';
import { foldVietnamese } from '../domain/text.ts';
import type { UnitEntry, UnitKind } from '../domain/unit-directory.ts';
import {
  type DatedUnit,
  isValidOn,
  type UnitChangeEntry,
  UnitHistory,
  UnitHistoryError,
} from '../domain/unit-history.ts';
import { audit } from './audit.ts';
import { type Db, LONG_TRANSACTION, type Tx } from './open-database.ts';
import { directFor } from './sqlite-direct.ts';

export class UnitStore implements UnitRepository {
  private readonly ids = new Map<string, number>();

  constructor(private readonly db: Db) {}

  /** The database id of a unit by its code (a report is stored against it). */
  async idOf(code: string): Promise<number> {
    // A unit keeps its id for good (units are deactivated, never deleted): remember it.
    const known = this.ids.get(code);
    if (known !== undefined) return known;
    const direct = directFor(this.db);
    const row = direct
      ? direct.get<{ id: number }>(`SELECT "id" FROM "Unit" WHERE "code" = ?`, code)
      : await this.db.unit.findUnique({ where: { code }, select: { id: true } });
    if (!row) throw new Error(`Unit ${code} is not in the database.`);
    this.ids.set(code, row.id);
    return row.id;
  }

  /** How many units the directory holds (none on a fresh database). */
  async count(): Promise<number> {
    return this.db.unit.count();
  }

  /** Code and name of every unit; `ranked` leaves out the working group itself (a scoreboard ranks units). */
  async names(options: { ranked?: boolean } = {}): Promise<UnitName[]> {
    return this.db.unit.findMany({
      ...(options.ranked ? { where: { kind: { not: 'group' } } } : {}),
      select: { code: true, name: true },
    });
  }

  /** Every active unit that still exists (no end date), with its aliases, ordered by code. */
  async list(): Promise<UnitEntry[]> {
    return (await this.datedUnits()).filter((unit) => unit.validTo === null).map(toEntry);
  }

  /** The units that existed on `day` (YYYY-MM-DD), with their aliases, ordered by code. */
  async listOn(day: string): Promise<DatedUnit[]> {
    return (await this.history()).unitsOn(day);
  }

  /**
   * Every unit of every period and the changes between them. `aliases: false` skips the wordings
   * (roll-up in summaries and reports needs codes, names and dates only: one light query).
   */
  async history(options: { aliases?: boolean } = {}): Promise<UnitHistory> {
    const [units, changes] = await Promise.all([
      this.datedUnits(options.aliases ?? true),
      this.db.unitChange.findMany({
        include: { from: { select: { code: true } }, to: { select: { code: true } } },
        orderBy: [{ on: 'asc' }, { id: 'asc' }],
      }),
    ]);
    return new UnitHistory(
      units,
      changes.map((change) => ({
        on: change.on,
        action: change.action as UnitChangeEntry['action'],
        from: change.from.code,
        to: change.to?.code ?? null,
        decision: change.decision,
        source: change.source,
      })),
    );
  }

  private async datedUnits(withAliases = true): Promise<DatedUnit[]> {
    const units = await this.db.unit.findMany({
      where: { active: true },
      include: { aliases: withAliases ? { orderBy: { id: 'asc' } } : false },
      orderBy: { code: 'asc' },
    });
    return units.map((unit) => ({
      code: unit.code,
      kind: unit.kind as UnitKind,
      name: unit.name,
      aliases: (unit.aliases ?? []).map((alias) => alias.alias),
      validFrom: unit.validFrom,
      validTo: unit.validTo,
      territory: unit.territory ? unit.territory.split('|') : [],
      source: unit.source,
    }));
  }

  /**
   * Loads the units of later periods and the changes that link them (data/unit-history.csv,
   * data/unit-changes.csv): units are created or updated, a predecessor's end date is set to the
   * change date, and changes already recorded are kept. The whole history is checked first (unknown
   * successor, cycle): on a problem nothing is written.
   */
  async hasCodes(codes: string[]): Promise<boolean> {
    const unique = [...new Set(codes)];
    return (await this.db.unit.count({ where: { code: { in: unique } } })) === unique.length;
  }

  async hasHistory(): Promise<boolean> {
    return (await this.db.unitChange.count()) > 0;
  }

  async syncHistory(
    units: DatedUnit[],
    changes: UnitChangeEntry[],
    actor: string,
  ): Promise<{ units: number; changes: number }> {
    const current = await this.datedUnits();
    const merged = new Map(current.map((unit) => [unit.code, unit]));
    for (const unit of units) merged.set(unit.code, unit);
    new UnitHistory([...merged.values()], changes);
    let added = 0;
    await this.db.$transaction(async (tx) => {
      const ids = new Map<string, number>();
      for (const unit of units) {
        const data = {
          name: unit.name,
          kind: unit.kind,
          validFrom: unit.validFrom,
          validTo: unit.validTo,
          territory: unit.territory.join('|') || null,
          source: unit.source,
        };
        const row = await tx.unit.upsert({
          where: { code: unit.code },
          create: { code: unit.code, ...data },
          update: { ...data, active: true },
        });
        ids.set(unit.code, row.id);
        const have = new Set(
          (await tx.unitAlias.findMany({ where: { unitId: row.id }, select: { folded: true } })).map(
            (a) => a.folded,
          ),
        );
        const aliases = uniqueFolded([unit.code, unit.name, ...unit.aliases]).filter(
          (a) => !have.has(a.folded),
        );
        if (aliases.length > 0)
          await tx.unitAlias.createMany({ data: aliases.map((a) => ({ ...a, unitId: row.id })) });
      }
      const idOf = async (code: string) =>
        ids.get(code) ?? (await tx.unit.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
      for (const change of changes) {
        const fromUnitId = await idOf(change.from);
        const toUnitId = change.to === null ? null : await idOf(change.to);
        await tx.unit.update({ where: { id: fromUnitId }, data: { validTo: change.on } });
        const exists = await tx.unitChange.findFirst({ where: { fromUnitId, toUnitId } });
        if (exists) continue;
        await tx.unitChange.create({
          data: {
            on: change.on,
            action: change.action,
            fromUnitId,
            toUnitId,
            decision: change.decision,
            source: change.source,
          },
        });
        added++;
      }
      await audit(tx, {
        actor,
        action: 'units.history',
        entity: 'Unit',
        details: { units: units.length, changes: added },
      });
    }, LONG_TRANSACTION);
    return { units: units.length, changes: added };
  }

  /**
   * Creates or updates units from a directory file; aliases are added, never removed (an admin may
   * have mapped extra abbreviations). Returns how many units were created.
   */
  async sync(entries: UnitEntry[], actor: string): Promise<{ created: number; updated: number }> {
    const existing = new Set(
      (await this.db.unit.findMany({ select: { code: true } })).map((unit) => unit.code),
    );
    // A wording may name units of different periods: an alias is skipped only when the unit has it.
    const known = new Set(
      (await this.db.unitAlias.findMany({ select: { folded: true, unit: { select: { code: true } } } })).map(
        (a) => `${a.unit.code} ${a.folded}`,
      ),
    );
    let created = 0;
    await this.db.$transaction(async (tx) => {
      for (const entry of entries) {
        const unit = await tx.unit.upsert({
          where: { code: entry.code },
          create: { code: entry.code, name: entry.name, kind: entry.kind },
          update: { name: entry.name, kind: entry.kind, active: true },
        });
        if (!existing.has(entry.code)) created++;
        const aliases = uniqueFolded([entry.code, entry.name, ...entry.aliases]).filter(
          (a) => !known.has(`${entry.code} ${a.folded}`),
        );
        if (aliases.length > 0)
          await tx.unitAlias.createMany({ data: aliases.map((a) => ({ ...a, unitId: unit.id })) });
      }
      await audit(tx, {
        actor,
        action: 'units.sync',
        entity: 'Unit',
        details: { count: entries.length, created },
      });
    }, LONG_TRANSACTION);
    return { created, updated: entries.length - created };
  }

  /**
   * Records a rename, merge, split or close on `on` with its decision, audited, in one transaction.
   * Refused with a clear message, writing nothing: a date inside a reporting month (changes take
   * effect on the 1st), a unit that does not exist on that date, a successor that does not exist
   * (and is not created here), a new code that overlaps an existing unit's validity, a cycle.
   */
  async applyChange(request: UnitChangeRequest, actor: string): Promise<void> {
    assertChangeRequest(request);
    const history = await this.history();
    assertSourcesExist(history, request);
    const created = successorsToCreate(history, request);
    const changes = changeEntries(request);
    assertConsistentHistory(history, created, changes);
    await this.db.$transaction(async (tx) => {
      await createSuccessors(tx, created, request);
      const ids = await idsOfChangedUnits(tx, request);
      await recordChanges(tx, changes, ids, request);
      await audit(tx, {
        actor,
        action: `unit.${request.action}`,
        entity: 'Unit',
        entityId: request.from.join(','),
        details: {
          on: request.on,
          from: request.from,
          to: request.to.map((t) => t.code),
          created: created.map((u) => u.code),
          decision: request.decision,
        },
      });
    });
  }

  async add(entry: Omit<UnitEntry, 'aliases'>, actor: string): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const unit = await tx.unit.create({ data: { code: entry.code, name: entry.name, kind: entry.kind } });
      await tx.unitAlias.createMany({
        data: uniqueFolded([entry.code, entry.name]).map((a) => ({ ...a, unitId: unit.id })),
      });
      await audit(tx, { actor, action: 'unit.add', entity: 'Unit', entityId: entry.code, details: entry });
    });
  }

  /**
   * Maps a wording (e.g. an abbreviation a plan used) to a unit. Throws `AppError('unit.alias_taken')`
   * when the wording already names another unit.
   */
  async addAlias(alias: string, code: string, actor: string): Promise<void> {
    const folded = foldVietnamese(alias);
    await this.db.$transaction(async (tx) => {
      const unit = await tx.unit.findUnique({ where: { code } });
      if (!unit) throw new AppError('unit.unknown', { unit: code });
      // Taken only when a unit that still exists has it (an ended unit's wordings read as its successor).
      const taken = await tx.unitAlias.findFirst({
        where: { folded, unit: { validTo: null, active: true } },
        include: { unit: true },
      });
      if (taken && taken.unitId !== unit.id)
        throw new AppError('unit.alias_taken', { alias, owner: taken.unit.code });
      const own = await tx.unitAlias.findFirst({ where: { folded, unitId: unit.id } });
      if (!own) await tx.unitAlias.create({ data: { unitId: unit.id, alias: alias.trim(), folded } });
      await audit(tx, { actor, action: 'unit.alias', entity: 'Unit', entityId: code, details: { alias } });
    });
  }
}

export type { UnitChangeRequest };

/**
 * A reorganisation the directory refuses; nothing is written. `reason` says which rule it broke, in
 * Vietnamese (the admin's CLI), until each rule has its own code.
 */
export class UnitChangeError extends AppError<'unit.change_refused'> {
  constructor(reason: string) {
    super('unit.change_refused', { reason });
  }
}

function uniqueFolded(aliases: string[]): { alias: string; folded: string }[] {
  const seen = new Map<string, string>();
  for (const alias of aliases) {
    const folded = foldVietnamese(alias);
    if (folded !== '' && !seen.has(folded)) seen.set(folded, alias.trim());
  }
  return [...seen].map(([folded, alias]) => ({ alias, folded }));
}

function toEntry(unit: DatedUnit): UnitEntry {
  return { code: unit.code, kind: unit.kind, name: unit.name, aliases: unit.aliases };
}

/** Every unit a history knows (ended, current and future). */
function allOf(history: UnitHistory): DatedUnit[] {
  return history.all();
}

/** The request's own checks: a first-of-month date, a decision, units to change, successors as the action needs. */
function assertChangeRequest(request: UnitChangeRequest): void {
  const { on, action, decision } = request;
  if (!/^\d{4}-\d{2}-01$/.test(on)) {
    throw new UnitChangeError(
      `Ngày ${on} nằm giữa một kỳ báo cáo tháng: thay đổi đơn vị có hiệu lực từ ngày đầu tháng (YYYY-MM-01).`,
    );
  }
  if (decision.trim() === '') throw new UnitChangeError('Cần số và ngày của quyết định (--decision).');
  if (request.from.length === 0) throw new UnitChangeError('Cần ít nhất một đơn vị.');
  if (action === 'close' ? request.to.length > 0 : request.to.length === 0) {
    throw new UnitChangeError(
      action === 'close' ? 'Giải thể không có đơn vị kế thừa.' : 'Cần đơn vị kế thừa (--into/--to).',
    );
  }
}

/** Each unit changed exists on the date, and began before it. */
function assertSourcesExist(history: UnitHistory, request: UnitChangeRequest): void {
  const { on } = request;
  for (const code of request.from) {
    const unit = history.get(code);
    if (!unit) throw new UnitChangeError(`Không có đơn vị mã "${code}".`);
    if (!isValidOn(unit, on) || (unit.validFrom !== null && unit.validFrom >= on)) {
      throw new UnitChangeError(
        `Đơn vị ${code} không tồn tại vào ngày ${on} (hiệu lực ${unit.validFrom ?? '…'} – ${unit.validTo ?? '…'}).`,
      );
    }
  }
}

/**
 * The successors to create (those given a name); an existing successor must exist on the date and
 * take no name, a missing one must have a name.
 */
function successorsToCreate(history: UnitHistory, request: UnitChangeRequest): DatedUnit[] {
  const { on, decision } = request;
  const created: DatedUnit[] = [];
  for (const target of request.to) {
    const unit = history.get(target.code);
    if (unit && target.name) {
      throw new UnitChangeError(
        `Mã ${target.code} đã dùng cho "${unit.name}": thời gian hiệu lực sẽ chồng lên nhau.`,
      );
    }
    if (unit) {
      if (!isValidOn(unit, on)) {
        throw new UnitChangeError(`Đơn vị kế thừa ${target.code} không tồn tại vào ngày ${on}.`);
      }
      continue;
    }
    if (!target.name) {
      throw new UnitChangeError(
        `Đơn vị kế thừa "${target.code}" không có trong danh mục (thêm --name để tạo mới).`,
      );
    }
    const kind = target.kind ?? history.get(request.from[0] as string)?.kind ?? 'central';
    const territory = [...new Set(request.from.flatMap((code) => history.get(code)?.territory ?? []))];
    created.push({
      code: target.code,
      kind,
      name: target.name,
      aliases: [],
      validFrom: on,
      validTo: null,
      territory,
      source: decision,
    });
  }
  return created;
}

/** One change per unit changed and successor (a close has none). */
function changeEntries(request: UnitChangeRequest): UnitChangeEntry[] {
  const { on, action, decision } = request;
  const changes: UnitChangeEntry[] = [];
  for (const from of request.from) {
    const source = `da06 units ${action}`;
    if (action === 'close') changes.push({ on, action, from, to: null, decision, source });
    else for (const t of request.to) changes.push({ on, action, from, to: t.code, decision, source });
  }
  return changes;
}

/** The history with the change applied must still hold (no overlap, no cycle). */
function assertConsistentHistory(
  history: UnitHistory,
  created: DatedUnit[],
  changes: UnitChangeEntry[],
): void {
  try {
    new UnitHistory([...allOf(history), ...created], [...history.changes, ...changes]);
  } catch (error) {
    if (error instanceof UnitHistoryError) throw new UnitChangeError(error.message);
    throw error;
  }
}

async function createSuccessors(tx: Tx, created: DatedUnit[], request: UnitChangeRequest): Promise<void> {
  for (const unit of created) {
    const row = await tx.unit.create({
      data: {
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        validFrom: request.on,
        territory: unit.territory.join('|') || null,
        source: request.decision,
      },
    });
    await tx.unitAlias.createMany({
      data: uniqueFolded([unit.code, unit.name]).map((a) => ({ ...a, unitId: row.id })),
    });
  }
}

/** The database ids of the units changed and their successors, by code. */
async function idsOfChangedUnits(tx: Tx, request: UnitChangeRequest): Promise<Map<string, number>> {
  return new Map(
    (
      await tx.unit.findMany({
        where: { code: { in: [...request.from, ...request.to.map((t) => t.code)] } },
        select: { id: true, code: true },
      })
    ).map((u) => [u.code, u.id]),
  );
}

/** Ends each changed unit on the date and records the change. */
async function recordChanges(
  tx: Tx,
  changes: UnitChangeEntry[],
  ids: Map<string, number>,
  request: UnitChangeRequest,
): Promise<void> {
  const { on, action, decision } = request;
  for (const change of changes) {
    const fromUnitId = ids.get(change.from) as number;
    await tx.unit.update({ where: { id: fromUnitId }, data: { validTo: on } });
    await tx.unitChange.create({
      data: {
        on,
        action,
        fromUnitId,
        toUnitId: change.to === null ? null : (ids.get(change.to) as number),
        decision,
        source: change.source,
      },
    });
  }
}
