/**
 * The overview's shared reads give the summary use case the same answers as the store, month by
 * month (done carried forward included), on both databases.
 */
import { beforeAll, expect, it } from 'vitest';
import { summaryData } from '../../src/app/use-cases/summarize.ts';
import { periodFromKey } from '../../src/domain/period.ts';
import { sharedReads } from '../../src/web/request-deps.ts';
import { type CoreFixture, createCoreFixture } from '../support/core.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('the overview’s shared reads', (db) => {
  let fx: CoreFixture;

  beforeAll(async () => {
    fx = await createCoreFixture(db());
    const report = async (month: string, task: string, status: string, percent: number) => {
      fx.clock.set(`${month}-15T09:00:00+07:00`);
      await fx.core.submitReport(fx.viewers.lan, { task, draft: { status, percent, done: 'Đã làm' } });
    };
    await report('2024-03', '4', 'in_progress', 30);
    await report('2024-04', '4', 'done', 100);
    await report('2024-04', '1', 'in_progress', 50);
    await report('2024-05', '1', 'done', 100);
    fx.clock.set('2024-06-20T09:00:00+07:00');
  });

  it('answers every month as the store does', async () => {
    const months = ['2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
    const shared = sharedReads(fx.deps, '2024-06-01');
    for (const scope of [null, 'CNTT']) {
      for (const key of months) {
        const period = periodFromKey(key);
        const direct = await summaryData(fx.deps, scope, period, '2024-06-20');
        expect(await summaryData(shared, scope, period, '2024-06-20'), `${scope} ${key}`).toEqual(direct);
      }
    }
    const june = await summaryData(shared, null, periodFromKey('2024-06'), '2024-06-20');
    expect(june.totals.done).toBeGreaterThan(0); // the carried "done" is there: the test can tell
  });
});
