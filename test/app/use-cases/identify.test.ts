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

  it('a deactivated member is told the account has stopped, not to register again; an admin reactivates it (issue 16)', async () => {
    const ha = f.viewers.ha;
    const login = (await f.core.member(ha.memberId))!.identities.terminal!;
    await f.stores.members.deactivate(ha.memberId, 'test');
    const refusal = (await f.core.identify('terminal', login)) as View;
    expectKind(refusal, 'notice');
    expect(refusal).toMatchObject({ key: 'auth.inactive' });
    expect(JSON.stringify(refusal)).not.toContain('members add');

    // `members list` shows the active members; `list --all` (the web page) the deactivated ones too.
    const names = async (args: string[]) => {
      const view = expectKind(await f.core.handle(f.viewers.admin, { name: 'members', args }), 'members');
      return view.members.map((m) => `${m.displayName}${m.active ? '' : ' (inactive)'}`);
    };
    expect(await names(['list'])).not.toContain(ha.displayName);
    expect(await names(['list', '--all'])).toContain(`${ha.displayName} (inactive)`);

    const refused = await f.core.handle(ha, { name: 'members', args: ['reactivate', String(ha.memberId)] });
    expect(refused).toMatchObject({ kind: 'notice', tone: 'error' });
    const done = await f.core.handle(f.viewers.admin, {
      name: 'members',
      args: ['reactivate', ha.displayName],
    });
    expect(done).toMatchObject({ kind: 'notice', tone: 'success', key: 'members.reactivated' });
    expect(await f.core.identify('terminal', login)).toMatchObject({ memberId: ha.memberId });
  });
});
