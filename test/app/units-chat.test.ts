/** `/da06 units [date]`: admins see the directory as of a date (issue 15). */
import { beforeAll, expect, it } from 'vitest';
import { parseChatCommand } from '../../src/app/chat-command.ts';
import type { View } from '../../src/app/views.ts';
import { UnitStore } from '../../src/store/unit-store.ts';
import { type CoreFixture, createCoreFixture } from '../support/core.ts';
import { describeEachDatabase } from '../support/databases.ts';

it('parses "/da06 units 2025-04-01" and "/da06 đơn vị"', () => {
  expect(parseChatCommand('/da06 units 2025-04-01')).toEqual({ name: 'units', args: ['2025-04-01'] });
  expect(parseChatCommand('/da06 đơn vị')).toEqual({ name: 'units', args: [] });
});

const listOf = (view: View) => (view.kind === 'notice' ? String(view.params?.list ?? '') : '');

describeEachDatabase('/da06 units', (db) => {
  let f: CoreFixture;
  beforeAll(async () => {
    f = await createCoreFixture(db(), '2026-01-05T09:00:00+07:00');
    await new UnitStore(db().client).syncHistory(
      [
        {
          code: 'VPM',
          kind: 'central',
          name: 'Văn phòng mới',
          aliases: [],
          validFrom: '2025-03-01',
          validTo: null,
          territory: [],
          source: 'thử',
        },
      ],
      [{ on: '2025-03-01', action: 'rename', from: 'VP', to: 'VPM', decision: 'QĐ thử', source: 'thử' }],
      'test',
    );
  });

  it('shows the directory of a date to an admin, today by default', async () => {
    const then = await f.core.handle(f.viewers.admin, parseChatCommand('/da06 units 01/06/2024'));
    expect(then).toMatchObject({ kind: 'notice', key: 'units.directory', params: { date: '2024-06-01' } });
    expect(listOf(then)).toContain('VP: Văn phòng BHXH Việt Nam');
    const now = await f.core.handle(f.viewers.admin, parseChatCommand('/da06 units'));
    expect(now).toMatchObject({ params: { date: '2026-01-05' } });
    expect(listOf(now)).toContain('VPM: Văn phòng mới');
    expect(listOf(now)).not.toContain('VP: ');
  });

  it('refuses a member and a bad date', async () => {
    expect(await f.core.handle(f.viewers.lan, parseChatCommand('/da06 units'))).toMatchObject({
      tone: 'error',
    });
    expect(await f.core.handle(f.viewers.admin, parseChatCommand('/da06 units hôm kia'))).toMatchObject({
      key: 'units.bad_date',
    });
  });
});
