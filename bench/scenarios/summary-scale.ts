/**
 * summary-scale: `/da06 summary` as the chair on 93 units, 500 tasks and 24 months of reports
 * (≈ 100k status rows), on SQLite and PostgreSQL. Targets: p95 ≤ 200 ms, and the summary of the
 * 24th month within 1.5× that of the 3rd month of history (cost follows the period, not the history).
 */
import { fixedClock } from '../../src/app/clock.ts';
import { Core } from '../../src/app/core.ts';
import { toViewer } from '../../src/app/use-cases/identify.ts';
import { parseDeadline } from '../../src/domain/deadline.ts';
import { periodOf } from '../../src/domain/period.ts';
import { STATUSES } from '../../src/domain/report.ts';
import { schedulerPort } from '../../src/scheduler/scheduler-port.ts';
import { ensureGroup } from '../../src/store/group-store.ts';
import { MemberStore } from '../../src/store/member-store.ts';
import type { Database } from '../../src/store/open-database.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import { createStores } from '../../src/store/stores.ts';
import { UnitStore } from '../../src/store/unit-store.ts';
import type { ScenarioResult } from '../types.ts';

export interface SummaryScaleSize {
  units: number;
  tasks: number;
  months: number;
  /** Units reporting on each task every month (its lead plus coordinating units). */
  reportersPerTask: number;
  samples: number;
}

export const FULL_SIZE: SummaryScaleSize = {
  units: 93,
  tasks: 500,
  months: 24,
  reportersPerTask: 8,
  samples: 40,
};
export const SMOKE_SIZE: SummaryScaleSize = {
  units: 8,
  tasks: 20,
  months: 4,
  reportersPerTask: 2,
  samples: 3,
};

/** A deterministic pseudo-random sequence, so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

export async function seedScale(db: Database, size: SummaryScaleSize) {
  const next = random(6);
  const group = await ensureGroup(db.client, { name: 'Bench', timeZone: 'Asia/Ho_Chi_Minh', locale: 'vi' });
  const units = Array.from({ length: size.units }, (_, i) => ({
    code: `U${String(i + 1).padStart(3, '0')}`,
    kind: 'central' as const,
    name: `Đơn vị ${i + 1}`,
    aliases: [],
  }));
  await new UnitStore(db.client).sync(units, 'bench');
  const startYear = 2023;
  const tasks = Array.from({ length: size.tasks }, (_, i) => {
    const involved = new Set<string>();
    while (involved.size < size.reportersPerTask)
      involved.add(units[Math.floor(next() * units.length)]!.code);
    const [lead, ...coordinating] = [...involved];
    const month = 1 + Math.floor(next() * 24);
    const deadline =
      next() < 0.3
        ? parseDeadline('Thường xuyên')
        : parseDeadline(`Tháng ${((month - 1) % 12) + 1}/${startYear + Math.floor((month - 1) / 12)}`);
    return {
      code: String(i + 1),
      section: null,
      objective: null,
      task: null,
      activity: null,
      content: `Nhiệm vụ ${i + 1}`,
      leadUnits: [lead!],
      coordinatingUnits: coordinating,
      leadText: lead!,
      coordinatingText: coordinating.join(', '),
      deadline,
      product: null,
      row: i + 2,
    };
  });
  await new PlanStore(db.client).save(
    group.id,
    { number: 'BENCH', title: 'Bench', year: startYear, issuedOn: null },
    tasks,
    'bench',
  );
  const members = new MemberStore(db.client, group.id);
  const chair = await members.add({ displayName: 'Chủ tịch', unitCode: 'U001', role: 'chair' }, 'bench');
  const member = await db.client.member.findFirstOrThrow({ where: { id: chair.id } });
  const taskRows = await db.client.task.findMany({
    select: { id: true, units: { select: { unitId: true } } },
  });
  let rows = 0;
  for (let m = 0; m < size.months; m++) {
    const period = periodOf(
      'month',
      `${startYear + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`,
    );
    const saved = await db.client.reportingPeriod.create({
      data: { key: period.key, kind: 'month', startsOn: period.startsOn, endsOn: period.endsOn },
    });
    const data = taskRows.flatMap((task) =>
      task.units.map((unit) => {
        const status = STATUSES[Math.floor(next() * STATUSES.length)]!;
        return {
          taskId: task.id,
          periodId: saved.id,
          unitId: unit.unitId,
          memberId: member.id,
          status,
          percent: status === 'done' ? 100 : status === 'not_started' ? 0 : Math.floor(next() * 100),
          done: 'Đã triển khai theo kế hoạch',
          blockers: status === 'blocked' ? 'Cần hướng dẫn' : null,
        };
      }),
    );
    for (let i = 0; i < data.length; i += 2000)
      await db.client.statusReport.createMany({ data: data.slice(i, i + 2000) });
    rows += data.length;
  }
  await settle(db);
  return { group, chair, rows, startYear };
}

/**
 * The database as it stands in production after such a history: 96,000 reports loaded in seconds
 * would be measured before PostgreSQL's autovacuum has looked at them (within a minute of a bulk
 * load: `autovacuum_naptime`), with no statistics (plans for an empty table) and no visibility map
 * (every index-only scan reads the heap too). A server that has held these reports for two years
 * has both; this is what autovacuum would have done (docs/performance.md, "Fourth round").
 * SQLite keeps no statistics unless asked (the bot never runs ANALYZE), so it is measured as is.
 */
async function settle(db: Database): Promise<void> {
  if (db.provider === 'postgresql') await db.client.$executeRawUnsafe('VACUUM ANALYZE');
}

export async function measureSummaryScale(
  db: Database,
  size: SummaryScaleSize,
  label: string,
): Promise<ScenarioResult[]> {
  const { group, chair, rows, startYear } = await seedScale(db, size);
  const monthAt = (index: number) =>
    `${startYear + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-15T10:00:00+07:00`;
  const clock = fixedClock(monthAt(2));
  const stores = createStores(db, group.id);
  const core = new Core({ ...stores, group, clock, graceDays: 10 }, schedulerPort(stores, group));
  const viewer = toViewer(chair);
  const time = async (at: string) => {
    clock.set(at);
    const samples: number[] = [];
    for (let i = 0; i < size.samples; i++) {
      const started = performance.now();
      const view = await core.handle(viewer, { name: 'summary', period: null, post: false });
      samples.push(performance.now() - started);
      if (view.kind !== 'summary') throw new Error(`summary failed: ${JSON.stringify(view)}`);
    }
    return samples.sort((a, b) => a - b);
  };
  const early = await time(monthAt(2));
  const late = await time(monthAt(size.months - 1));
  const p = (list: number[], q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))]!;
  return [
    {
      name: `summary-scale/${label}`,
      metric: `p95 of 24-month summary (${rows} rows)`,
      value: round(p(late, 0.95)),
      baseline: 200,
      ratio: round(p(late, 0.95) / 200),
      unit: 'ms',
      target: 'ratio ≤ 1 (p95 ≤ 200 ms)',
    },
    {
      name: `summary-scale/${label}`,
      metric: 'median, month 24 vs month 3 of history',
      value: round(p(late, 0.5)),
      baseline: round(p(early, 0.5)),
      ratio: round(p(late, 0.5) / p(early, 0.5)),
      unit: 'ms',
      target: 'ratio ≤ 1.5',
    },
  ];
}

const round = (value: number) => Math.round(value * 100) / 100;
