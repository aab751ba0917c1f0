/**
 * `da06 seed demo`: the unit directory, the 2024 plan (Quyết định 147/QĐ-BHXH) and a few demo
 * members, the 27 replies of May–June 2024 as history, and a sample plan of the current year with
 * some replies in (src/app/demo-data.ts; dates relative to `clock`). Safe to run again: units and
 * tasks are updated, members already present are kept, replies are written only into an empty database.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { isLocale, isRole } from '../domain/roles.ts';
import { parseUnitsCsv } from '../domain/unit-directory.ts';
import { wallClock } from '../domain/zoned-time.ts';
import { type Clock, fixedClock, systemClock } from './clock.ts';
import type { CoreDeps } from './core-deps.ts';
import { DEMO_REPORTS, type DemoReport, samplePlan, yearEndReplies } from './demo-data.ts';
import { DEMO_MEMBERS_CSV, DEMO_PLAN_CSV, DEMO_PLAN_HEADER, UNITS_CSV } from './paths.ts';
import { type ImportPlanOutcome, importPlan } from './plan-import/import-plan.ts';
import type {
  GroupRecord,
  MemberRepository,
  PlanRepository,
  Stores,
  UnitRepository,
} from './ports/stores.ts';
import { toViewer } from './use-cases/identify.ts';
import { submitReport } from './use-cases/report-status.ts';
import type { Viewer } from './views.ts';

export interface SeedResult {
  units: number;
  plan: ImportPlanOutcome;
  membersAdded: number;
  /** The sample plan of the current year (dữ liệu mẫu). */
  samplePlan: ImportPlanOutcome;
  /** Demo replies written (0 when the database already had reports). */
  replies: number;
}

/** Where the demo goes: the opened app's group and stores (src/runtime/open-app.ts). */
export interface SeedTarget {
  settings: { PLAN_IMPORT_MAX_BYTES: number; REPORT_GRACE_DAYS: number };
  group: GroupRecord;
  units: UnitRepository;
  plans: PlanRepository;
  members: MemberRepository;
  stores: Stores;
}

export async function seedDemo(
  app: SeedTarget,
  actor = 'seed',
  clock: Clock = systemClock,
): Promise<SeedResult> {
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
  const membersAdded = await seedMembers(app, actor);
  const today = wallClock(clock.now(), app.group.timeZone).day;
  const sample = samplePlan(today, app.settings.REPORT_GRACE_DAYS);
  const fresh = (await app.stores.reports.count()) === 0;
  const samplePlanOutcome = await importPlan(
    {
      units: app.units,
      plans: app.plans,
      groupId: app.group.id,
      maxBytes: app.settings.PLAN_IMPORT_MAX_BYTES,
    },
    {
      file: {
        name: `${sample.header.number.replaceAll('/', '-')}.csv`,
        bytes: new TextEncoder().encode(sample.csv),
      },
      header: sample.header,
      dryRun: false,
      actor,
    },
  );
  if (samplePlanOutcome.blocking.length > 0) {
    throw new Error(
      `Sample plan does not import: ${samplePlanOutcome.blocking.map((p) => p.message).join('; ')}`,
    );
  }
  let replies = 0;
  if (fresh) {
    const yearEnd = yearEndReplies(
      today,
      await tasksOf(app, DEMO_PLAN_HEADER.number),
      await loginsByUnit(app),
    );
    replies = await replay(app, [
      ...[...DEMO_REPORTS, ...yearEnd].map((r) => ({ r, plan: DEMO_PLAN_HEADER.number })),
      ...sample.reports.map((r) => ({ r, plan: sample.header.number })),
    ]);
  }
  return { units: units.length, plan, membersAdded, samplePlan: samplePlanOutcome, replies };
}

/** Writes the demo replies as the members would have, each on its own day (the 2024 ones in 2024). */
async function replay(app: SeedTarget, items: { r: DemoReport; plan: string }[]): Promise<number> {
  const clock = fixedClock('2024-01-01T09:00:00+07:00');
  const deps: CoreDeps = {
    ...app.stores,
    group: app.group,
    clock,
    graceDays: app.settings.REPORT_GRACE_DAYS,
  };
  const viewers = new Map<string, Viewer>();
  for (const member of await app.members.list()) {
    if (member.identities.terminal) viewers.set(member.identities.terminal, toViewer(member));
  }
  const tasks = await app.plans.listTasks(app.group.id);
  for (const { r, plan } of items) {
    const [login, code, month, day, draft] = r;
    const viewer = viewers.get(login);
    const task = tasks.find((t) => t.planNumber === plan && t.code === code);
    if (!viewer || !task) throw new Error(`Demo reply ${login}/${plan}/${code}: no such member or task`);
    clock.set(`${day}T09:00:00+07:00`);
    const saved = await submitReport(deps, viewer, { task: task.id, draft, periodKey: month });
    if (saved.kind !== 'report-saved')
      throw new Error(`Demo reply ${login}/${code} refused: ${JSON.stringify(saved)}`);
  }
  return items.length;
}

async function tasksOf(app: SeedTarget, planNumber: string) {
  return (await app.plans.listTasks(app.group.id)).filter((task) => task.planNumber === planNumber);
}

/** The terminal login of each unit's reporting demo member (a plain member before a chair or admin). */
async function loginsByUnit(app: SeedTarget): Promise<(unitCode: string) => string | undefined> {
  const logins = new Map<string, string>();
  const members = await app.members.list();
  for (const member of [...members].sort(
    (a, b) => Number(b.role === 'member') - Number(a.role === 'member'),
  )) {
    const login = member.identities.terminal;
    if (login && !logins.has(member.unitCode)) logins.set(member.unitCode, login);
  }
  return (unitCode) => logins.get(unitCode);
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
