import { describe, expect, it } from 'vitest';
import { parseMemberAdd, parseMemberLink } from '../../src/app/member-flags.ts';

describe('members add flags (command line and chat)', () => {
  it('reads a full member, unit code upper-cased, defaults role member and locale vi', () => {
    expect(
      parseMemberAdd(['--name', ' Nguyễn Văn An ', '--unit', 'cntt', '--slack', 'U1', '--teams', 'aad-1']),
    ).toEqual({
      ok: true,
      value: {
        displayName: 'Nguyễn Văn An',
        unitCode: 'CNTT',
        role: 'member',
        email: null,
        locale: 'vi',
        identities: { slack: 'U1', teams: 'aad-1' },
      },
    });
  });

  it.each([
    [['--unit', 'CNTT'], 'name'],
    [['--name', 'A'], 'unit'],
    [['--name', 'A', '--unit', 'CNTT', '--role', 'boss'], 'role'],
    [['--name', 'A', '--unit', 'CNTT', '--locale', 'fr'], 'locale'],
    [['--name', 'A', '--unit', 'CNTT', '--email', 'not-an-email'], 'email'],
  ])('%j → problem %s', (args, problem) => {
    expect(parseMemberAdd(args)).toEqual({ ok: false, problem });
  });

  it('throws parseArgs’ TypeError on an unknown flag (both callers turn it into usage help)', () => {
    expect(() => parseMemberAdd(['--name', 'A', '--unit', 'X', '--bogus', '1'])).toThrow(TypeError);
  });
});

describe('members link flags', () => {
  it('takes the member as the words before or after, and exactly one account', () => {
    expect(parseMemberLink(['Trần', 'Thị', 'Lan', '--teams', 'aad-9'])).toEqual({
      ok: true,
      value: { member: 'Trần Thị Lan', platform: 'teams', externalId: 'aad-9' },
    });
    expect(parseMemberLink(['12', '--slack', 'U1', '--terminal', 'lan'])).toEqual({
      ok: false,
      problem: 'account',
    });
    expect(parseMemberLink(['12'])).toEqual({ ok: false, problem: 'account' });
  });
});
