import { beforeAll, expect, it } from 'vitest';
import { ensureGroup } from '../../src/store/group-store.ts';
import { MemberStore } from '../../src/store/member-store.ts';
import { UnitStore } from '../../src/store/unit-store.ts';
import { TEST_UNITS } from '../support/builders.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('MemberStore and UnitStore', (db) => {
  let members: MemberStore;
  let units: UnitStore;

  beforeAll(async () => {
    const group = await ensureGroup(db().client, {
      name: 'Tổ thử',
      timeZone: 'Asia/Ho_Chi_Minh',
      locale: 'vi',
    });
    units = new UnitStore(db().client);
    await units.sync(TEST_UNITS, 'test');
    members = new MemberStore(db().client, group.id);
  });

  it('adds members with identities and finds them by platform account', async () => {
    const lan = await members.add(
      {
        displayName: 'Nguyễn Thị Lan',
        unitCode: 'CNTT',
        role: 'member',
        identities: { slack: 'U1', terminal: 'lan' },
      },
      'test',
    );
    expect(lan).toMatchObject({
      unitCode: 'CNTT',
      role: 'member',
      locale: 'vi',
      identities: { slack: 'U1', terminal: 'lan' },
    });
    expect((await members.byIdentity('slack', 'U1'))?.id).toBe(lan.id);
    expect(await members.byIdentity('slack', 'U-unknown')).toBeNull();
    expect(await members.findByName('nguyễn thị lan')).toHaveLength(1);
  });

  it('links, changes role and deactivates, keeping the member in history', async () => {
    const [lan] = await members.findByName('Nguyễn Thị Lan');
    await members.link(lan!.id, 'teams', 'aad-1', 'test');
    await members.link(lan!.id, 'slack', 'U2', 'test'); // replaces the old Slack account
    await members.setRole(lan!.id, 'chair', 'test');
    expect(await members.byIdentity('slack', 'U1')).toBeNull();
    expect(await members.byIdentity('teams', 'aad-1')).toMatchObject({
      role: 'chair',
      identities: { slack: 'U2' },
    });
    await members.deactivate(lan!.id, 'test');
    expect(await members.byIdentity('teams', 'aad-1')).toBeNull();
    expect(await members.list()).toHaveLength(0);
    expect(await members.list({ includeInactive: true })).toMatchObject([{ active: false }]);
  });

  it('refuses an account already linked to someone else, and an unknown unit', async () => {
    const minh = await members.add({ displayName: 'Đỗ Văn Minh', unitCode: 'VP', role: 'member' }, 'test');
    // The store raises codes with their parameters; the words are the catalogs' (describeError).
    await expect(members.link(minh.id, 'slack', 'U2', 'test')).rejects.toMatchObject({
      code: 'member.identity_taken',
      params: { account: 'U2' },
    });
    await expect(
      members.add({ displayName: 'X', unitCode: 'NOPE', role: 'member' }, 'test'),
    ).rejects.toMatchObject({ code: 'unit.unknown', params: { unit: 'NOPE' } });
  });

  it('refuses a second member with a name already taken (ignoring case and spacing), active or not', async () => {
    const first = await members.add(
      { displayName: 'Phạm  Văn Trùng', unitCode: 'VP', role: 'member' },
      'test',
    );
    for (const name of ['Phạm Văn Trùng', 'phạm văn trùng', ' PHẠM VĂN   TRÙNG ', 'Pha\u0323m Văn Trùng']) {
      await expect(
        members.add({ displayName: name, unitCode: 'CNTT', role: 'member' }, 'test'),
      ).rejects.toMatchObject({
        code: 'member.duplicate_name',
        params: { member: 'Phạm  Văn Trùng', unit: 'VP' },
      });
    }
    await members.deactivate(first.id, 'test');
    await expect(
      members.add({ displayName: 'Phạm Văn Trùng', unitCode: 'VP', role: 'member' }, 'test'),
    ).rejects.toMatchObject({ code: 'member.duplicate_name' });
    // Made distinct, the second one is a member of their own.
    const second = await members.add(
      { displayName: 'Phạm Văn Trùng (CNTT)', unitCode: 'CNTT', role: 'member' },
      'test',
    );
    expect(await members.findByName('Phạm Văn Trùng (CNTT)')).toMatchObject([{ id: second.id }]);
  });

  it('keeps aliases unique across units and adds new ones on sync', async () => {
    await units.addAlias('TT CNTT', 'CNTT', 'test');
    await expect(units.addAlias('tt cntt', 'VP', 'test')).rejects.toMatchObject({
      code: 'unit.alias_taken',
      params: { alias: 'tt cntt', owner: 'CNTT' },
    });
    await units.sync([{ ...TEST_UNITS[1]!, aliases: ['Văn phòng Ngành'] }], 'test');
    const vp = (await units.list()).find((unit) => unit.code === 'VP');
    expect(vp?.aliases).toEqual(expect.arrayContaining(['Văn phòng', 'Văn phòng Ngành']));
  });
});
