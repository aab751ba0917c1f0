/** Reminders for a unit that no longer exists reach its successor's members too (issue 15). */
import { beforeAll, expect, it } from 'vitest';
import type { Channel } from '../../src/app/ports/channel.ts';
import { Audience } from '../../src/scheduler/audience.ts';
import { ensureGroup } from '../../src/store/group-store.ts';
import { MemberStore } from '../../src/store/member-store.ts';
import { RosterStore } from '../../src/store/roster-store.ts';
import { UnitStore } from '../../src/store/unit-store.ts';
import { CORE_UNITS } from '../support/core.ts';
import { describeEachDatabase } from '../support/databases.ts';

const terminal: Channel = {
  platform: 'terminal',
  routes: [],
  start: async () => {},
  stop: async () => {},
  send: async () => {
    throw new Error('not in this test');
  },
  canReach: async () => true,
};

describeEachDatabase('Audience across a merge', (db) => {
  let roster: RosterStore;
  let group: { id: number; locale: string };
  let ids: Record<string, number>;

  beforeAll(async () => {
    group = await ensureGroup(db().client, { name: 'Tổ', timeZone: 'Asia/Ho_Chi_Minh', locale: 'vi' });
    const units = new UnitStore(db().client);
    await units.sync(CORE_UNITS, 'test');
    await units.syncHistory(
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
      [{ on: '2025-03-01', action: 'merge', from: 'VP', to: 'VPM', decision: 'QĐ thử', source: 'thử' }],
      'test',
    );
    const members = new MemberStore(db().client, group.id);
    const add = async (name: string, unitCode: string, login: string) =>
      (
        await members.add(
          { displayName: name, unitCode, role: 'member', identities: { terminal: login } },
          'test',
        )
      ).id;
    ids = { old: await add('Cũ', 'VP', 'cu'), fresh: await add('Mới', 'VPM', 'moi') };
    roster = new RosterStore(db().client, group.id);
  });

  it("a closed unit is reached through its own members and its successor's; the successor only through its own", async () => {
    const history = await new UnitStore(db().client).history();
    const audience = await Audience.load(
      roster,
      [terminal],
      group,
      (code) => history.rollUp(code, '2026-01-05').code,
    );
    const reached = (code: string) =>
      audience
        .reachUnit(code, ['2026-01-05'], 'vi')
        .addresses.map((a) => a.recipient)
        .sort();
    expect(reached('VP')).toEqual([`member:${ids.fresh}:terminal`, `member:${ids.old}:terminal`].sort());
    expect(reached('VPM')).toEqual([`member:${ids.fresh}:terminal`]);
    const before = await Audience.load(
      roster,
      [terminal],
      group,
      (code) => history.rollUp(code, '2024-06-05').code,
    );
    expect(before.reachUnit('VP', ['2024-06-05'], 'vi').addresses.map((a) => a.recipient)).toEqual([
      `member:${ids.old}:terminal`,
    ]);
  });
});
