/** Units and their aliases: the editable directory the plan importer resolves unit names through. */
import type { UnitName, UnitRepository } from '../app/ports/stores.ts';
import { AppError } from '../domain/errors.ts';
import { foldVietnamese } from '../domain/text.ts';
import type { UnitEntry, UnitKind } from '../domain/unit-directory.ts';
import { audit } from './audit.ts';
import type { Db } from './open-database.ts';
import { directFor } from './sqlite-direct.ts';

/** Syncing the whole directory (86 units and their aliases) can outlast Prisma's 5 s default under load. */
const LONG_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

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

  /** Every active unit with its aliases, ordered by code. */
  async list(): Promise<UnitEntry[]> {
    const units = await this.db.unit.findMany({
      where: { active: true },
      include: { aliases: { orderBy: { id: 'asc' } } },
      orderBy: { code: 'asc' },
    });
    return units.map((unit) => ({
      code: unit.code,
      kind: unit.kind as UnitKind,
      name: unit.name,
      aliases: unit.aliases.map((alias) => alias.alias),
    }));
  }

  /**
   * Creates or updates units from a directory file; aliases are added, never removed (an admin may
   * have mapped extra abbreviations). Returns how many units were created.
   */
  async sync(entries: UnitEntry[], actor: string): Promise<{ created: number; updated: number }> {
    const existing = new Set(
      (await this.db.unit.findMany({ select: { code: true } })).map((unit) => unit.code),
    );
    const known = new Set(
      (await this.db.unitAlias.findMany({ select: { folded: true } })).map((a) => a.folded),
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
          (a) => !known.has(a.folded),
        );
        for (const alias of aliases) known.add(alias.folded);
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
      const taken = await tx.unitAlias.findUnique({ where: { folded }, include: { unit: true } });
      if (taken && taken.unitId !== unit.id)
        throw new AppError('unit.alias_taken', { alias, owner: taken.unit.code });
      if (!taken) await tx.unitAlias.create({ data: { unitId: unit.id, alias: alias.trim(), folded } });
      await audit(tx, { actor, action: 'unit.alias', entity: 'Unit', entityId: code, details: { alias } });
    });
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
