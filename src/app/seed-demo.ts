/**
 * `da06 seed demo`: the unit directory, the 2024 plan (Quyết định 147/QĐ-BHXH) and a few demo
 * members. Safe to run again: units and tasks are updated, members already present are kept.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { isLocale, isRole } from '../domain/roles.ts';
import { parseUnitsCsv } from '../domain/unit-directory.ts';
import { DEMO_MEMBERS_CSV, DEMO_PLAN_CSV, DEMO_PLAN_HEADER, UNITS_CSV } from './paths.ts';
import { type ImportPlanOutcome, importPlan } from './plan-import/import-plan.ts';
import type { GroupRecord, MemberRepository, PlanRepository, UnitRepository } from './ports/stores.ts';

export interface SeedResult {
  units: number;
  plan: ImportPlanOutcome;
  membersAdded: number;
}

/** Where the demo goes: the opened app's group and stores (src/runtime/open-app.ts). */
export interface SeedTarget {
  settings: { PLAN_IMPORT_MAX_BYTES: number };
  group: GroupRecord;
  units: UnitRepository;
  plans: PlanRepository;
  members: MemberRepository;
}

export async function seedDemo(app: SeedTarget, actor = 'seed'): Promise<SeedResult> {
  const units = parseUnitsCsv(readFileSync(UNITS_CSV, 'utf8'));
  await app.units.sync(units, actor);
  const plan = await importPlan(
    {
      units: app.units,
      plans: app.plans,
      groupId: app.group.id,
      maxBytes: app.settings.PLAN_IMPORT_MAX_BYTES,
    },
    {
      file: { name: basename(DEMO_PLAN_CSV), bytes: readFileSync(DEMO_PLAN_CSV) },
      header: DEMO_PLAN_HEADER,
      dryRun: false,
      actor,
    },
  );
  if (plan.blocking.length > 0) {
    throw new Error(
      `Demo plan does not import: ${plan.blocking.map((problem) => problem.message).join('; ')}`,
    );
  }
  return { units: units.length, plan, membersAdded: await seedMembers(app, actor) };
}

async function seedMembers(app: SeedTarget, actor: string): Promise<number> {
  const rows = parse(readFileSync(DEMO_MEMBERS_CSV, 'utf8'), {
    columns: true,
    skipEmptyLines: true,
  }) as Record<string, string>[];
  let added = 0;
  for (const row of rows) {
    const { name = '', unit = '', role = '', locale = 'vi', terminal = '' } = row;
    if (!isRole(role) || !isLocale(locale))
      throw new Error(`data/demo/members.csv: bad role or locale for ${name}`);
    if (await app.members.byIdentity('terminal', terminal)) continue;
    await app.members.add(
      { displayName: name, unitCode: unit, role, locale, identities: { terminal } },
      actor,
    );
    added++;
  }
  return added;
}
