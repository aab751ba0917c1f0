/** `identify`: a platform account becomes a viewer, or the refusal that says who can add it. */
import { beforeAll, expect, it } from 'vitest';
import type { View } from '../../../src/app/views.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { expectKind } from './support.ts';

describeEachDatabase('use case: identify', (db) => {
  let f: CoreFixture;

  beforeAll(async () => {
    f = await createCoreFixture(db());
  });

  it('identify: a linked account is a viewer; an unknown one is told who can add them and how', async () => {
    expect(await f.core.identify('terminal', 'lan')).toMatchObject({
      displayName: 'Nguyễn Thị Lan',
      unitCode: 'CNTT',
    });
    const refusal = (await f.core.identify('slack', 'U999')) as View;
    expectKind(refusal, 'notice');
    expect(refusal).toMatchObject({
      key: 'auth.unregistered',
      params: { admins: 'Lê Minh Tuấn', externalId: 'U999' },
    });
    expect(JSON.stringify(refusal)).toContain('--slack U999');
  });
});
