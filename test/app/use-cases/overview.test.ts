/**
 * The dashboard's overview use case: the summary and the twelve months the page shows, from one set
 * of reads (`sharingReads`), equal to asking the summary and the months apart; in a member's scope;
 * a bad period refused as the summary refuses it. On both databases.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreDeps } from '../../../src/app/core-deps.ts';
import { dashboardMonths } from '../../../src/app/use-cases/dashboard-months.ts';
import { lastTwelveMonths, overview } from '../../../src/app/use-cases/overview.ts';
import { sharingReads } from '../../../src/app/use-cases/shared-reads.ts';
import { summarize } from '../../../src/app/use-cases/summarize.ts';
import type { Viewer } from '../../../src/app/views.ts';
import { periodFromKey } from '../../../src/domain/period.ts';
import { summaryScope } from '../../../src/domain/permissions.ts';
import { type CoreFixture, createCoreFixture, reportInMonth } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';

/** `deps` whose stores count every call by `store.method`. */
function counting(deps: CoreDeps): { deps: CoreDeps; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const counted = { ...deps } as Record<string, unknown>;
  for (const store of ['plans', 'units', 'reports'] as const) {
    counted[store] = new Proxy(deps[store], {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const key = `${store}.${String(name)}`;
          calls.set(key, (calls.get(key) ?? 0) + 1);
          return value.apply(target, args);
        };
      },
    });
  }
  return { deps: counted as unknown as CoreDeps, calls };
}

describeEachDatabase('the dashboard’s overview', (db) => {
  let fx: CoreFixture;
  const today = '2024-06-20';

  beforeAll(async () => {
    fx = await createCoreFixture(db());
    const report = (who: Viewer, month: string, task: string, status: string, percent: number) =>
      reportInMonth(fx, who, month, task, status, percent);
    const { lan, minh, ha } = fx.viewers;
    await report(lan, '2024-01', '1', 'done', 100);
    await report(lan, '2024-03', '4', 'in_progress', 30);
    await report(minh, '2024-03', '4', 'blocked', 10);
    await report(minh, '2024-05', '2', 'done', 100);
    await report(ha, '2024-06', '3', 'blocked', 60);
    await report(lan, '2024-06', '4', 'done', 100);
    fx.clock.set(`${today}T09:00:00+07:00`);
  });

  for (const who of ['chair', 'lan'] as const) {
    it(`gives ${who} the summary and the months as asked apart`, async () => {
      const viewer = fx.viewers[who];
      const view = await overview(fx.deps, viewer, null);
      if (view.kind !== 'overview') throw new Error(`expected an overview, got ${view.kind}`);
      const summary = await summarize(fx.deps, viewer, null, { change: false });
      expect(view.summary).toEqual(summary);
      expect(view.summary.change).toBeNull();
      const months = lastTwelveMonths(periodFromKey('2024-06'), today);
      expect(months.map((m) => m.key)).toEqual([
        ...['2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12'],
        ...['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'],
      ]);
      expect(view.months).toEqual(await dashboardMonths(fx.deps, summaryScope(viewer), months, today));
      expect(view.summary.totals.done + view.summary.totals.blocked).toBeGreaterThan(0); // the data can tell
    });
  }

  it('reads the tasks, the unit history, the first `done` months and the first year once', async () => {
    const { deps, calls } = counting(fx.deps);
    await overview(deps, fx.viewers.chair, null);
    for (const read of ['plans.listTasks', 'plans.firstYear', 'units.history', 'reports.doneBefore']) {
      expect(calls.get(read), read).toBe(1);
    }
    // Asked apart, the same reads are made many times (one unit history per month of the heat map).
    const apart = counting(fx.deps);
    await summarize(apart.deps, fx.viewers.chair, null);
    await dashboardMonths(apart.deps, null, lastTwelveMonths(periodFromKey('2024-06'), today), today);
    expect(apart.calls.get('units.history')).toBeGreaterThan(10);
    expect(apart.calls.get('reports.doneBefore')).toBe(2);
  });

  it('answers a half-year with its last month so far, and refuses a period not begun', async () => {
    const half = await overview(fx.deps, fx.viewers.chair, 'H1-2024');
    if (half.kind !== 'overview') throw new Error(`expected an overview, got ${half.kind}`);
    expect(half.months.at(-1)!.period.key).toBe('2024-06');
    expect(half.summary.period.key).toBe('2024-H1');
    expect(await overview(fx.deps, fx.viewers.chair, '2024-09')).toMatchObject({
      kind: 'notice',
      key: 'report.period_not_started',
    });
    expect(await overview(fx.deps, fx.viewers.chair, 'tháng mười ba')).toMatchObject({
      kind: 'notice',
      key: 'period.invalid',
    });
  });
});

describe('sharingReads', () => {
  const deps = (listTasks: () => Promise<unknown>) =>
    ({ plans: { listTasks, firstYear: async () => 2024 }, units: {}, reports: {} }) as unknown as CoreDeps;

  it('answers each distinct call once, and asks again after a failure', async () => {
    let asked = 0;
    const shared = sharingReads(
      deps(async () => {
        asked++;
        if (asked === 1) throw new Error('mất kết nối');
        return [asked];
      }),
    );
    await expect(shared.plans.listTasks(1)).rejects.toThrow('mất kết nối');
    expect(await shared.plans.listTasks(1)).toEqual([2]);
    expect(await shared.plans.listTasks(1)).toEqual([2]);
    expect(await shared.plans.listTasks(2)).toEqual([3]);
    expect(asked).toBe(3);
    expect(sharingReads(shared)).toBe(shared);
  });
});
