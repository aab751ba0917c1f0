/** Official documents by date (issue 15): "BỘ TÀI CHÍNH" above "BẢO HIỂM XÃ HỘI VIỆT NAM" from 01/03/2025. */
import { beforeAll, expect, it } from 'vitest';
import { exportReport } from '../../src/app/use-cases/export-report.ts';
import type { View } from '../../src/app/views.ts';
import { hasManagingBody } from '../../src/reports/nd30-layout.ts';
import { type CoreFixture, createCoreFixture } from '../support/core.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { readDocx } from './support.ts';

function headerOf(view: View): string | undefined {
  if (view.kind !== 'file') throw new Error(view.kind);
  return readDocx(view.bytes).rows[0]?.[0];
}

it('the managing body starts on 01/03/2025', () => {
  expect(hasManagingBody('2025-02-28')).toBe(false);
  expect(hasManagingBody('2025-03-01')).toBe(true);
});

describeEachDatabase('report header by date', (db) => {
  let f: CoreFixture;
  beforeAll(async () => {
    f = await createCoreFixture(db(), '2025-02-28T09:00:00+07:00');
  });

  it('a report dated before 01/03/2025 has no managing body; one dated on or after has "BỘ TÀI CHÍNH"', async () => {
    expect(headerOf(await exportReport(f.core.deps, f.viewers.chair, '2025-01', 'docx'))).toBe(
      'BẢO HIỂM XÃ HỘI VIỆT NAM\nTỔ CÔNG TÁC ĐỀ ÁN 06\n',
    );
    f.clock.set('2025-03-01T09:00:00+07:00');
    expect(headerOf(await exportReport(f.core.deps, f.viewers.chair, '2025-02', 'docx'))).toBe(
      'BỘ TÀI CHÍNH\nBẢO HIỂM XÃ HỘI VIỆT NAM\nTỔ CÔNG TÁC ĐỀ ÁN 06\n',
    );
  });
});
