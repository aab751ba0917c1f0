/** `manageMembers` (`/da06 members`): admins add, promote and deactivate members in chat. */
import { beforeAll, expect, it } from 'vitest';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { expectKind } from './support.ts';

describeEachDatabase('use case: manage members', (db) => {
  let f: CoreFixture;

  beforeAll(async () => {
    f = await createCoreFixture(db());
  });

  it('members in chat: admins manage them, others are refused', async () => {
    const args = ['add', '--name', 'Ngô Quang Dũng', '--unit', 'VP', '--slack', 'U42'];
    expect(await f.core.handle(f.viewers.lan, { name: 'members', args })).toMatchObject({
      key: 'auth.admin_only',
    });
    expect(await f.core.handle(f.viewers.admin, { name: 'members', args })).toMatchObject({
      key: 'members.added',
    });
    expect(await f.core.identify('slack', 'U42')).toMatchObject({ displayName: 'Ngô Quang Dũng' });
    expect(
      await f.core.handle(f.viewers.admin, {
        name: 'members',
        args: ['role', 'Ngô Quang Dũng', 'vice-chair'],
      }),
    ).toMatchObject({
      key: 'members.role_changed',
    });
    const list = expectKind(
      await f.core.handle(f.viewers.admin, { name: 'members', args: ['list'] }),
      'members',
    );
    expect(list.members.find((m) => m.displayName === 'Ngô Quang Dũng')?.role).toBe('vice-chair');
    expect(
      await f.core.handle(f.viewers.admin, { name: 'members', args: ['deactivate', 'Ngô Quang Dũng'] }),
    ).toMatchObject({
      key: 'members.deactivated',
    });
    expect(await f.core.identify('slack', 'U42')).toMatchObject({ key: 'auth.inactive' }); // not "register again"
  });

  it('a name already taken is refused with a coded error that says how to tell the two apart', async () => {
    const args = ['add', '--name', 'nguyễn thị lan', '--unit', 'VP'];
    const count = async () => (await f.stores.members.findByName('Nguyễn Thị Lan')).length;
    expect(await f.core.handle(f.viewers.admin, { name: 'members', args })).toMatchObject({
      tone: 'error',
      key: 'members.error.duplicate_name',
      params: { detail: 'Nguyễn Thị Lan' },
    });
    expect(await count()).toBe(1);
  });
});
