import { describe, expect, it } from 'vitest';
import { canManage, canPostToGroup, canReportOn, summaryScope } from '../../src/domain/permissions.ts';
import { ROLES, type Role } from '../../src/domain/roles.ts';

const ownTask = { leadUnits: ['CNTT'], coordinatingUnits: ['VP'] };
const coordinatedTask = { leadUnits: ['TCCB'], coordinatingUnits: ['CNTT', 'VP'] };
const otherTask = { leadUnits: ['TCCB'], coordinatingUnits: ['PC'] };

/** Expected outcome per role, for an actor of unit CNTT. */
const matrix: Record<Role, { reportOther: boolean; scope: string | null; post: boolean; manage: boolean }> = {
  member: { reportOther: false, scope: 'CNTT', post: false, manage: false },
  'vice-chair': { reportOther: false, scope: null, post: true, manage: false },
  chair: { reportOther: false, scope: null, post: true, manage: false },
  admin: { reportOther: false, scope: null, post: true, manage: true },
};

describe.each(ROLES)('a %s of unit CNTT', (role) => {
  const actor = { role, unitCode: 'CNTT' };
  const expected = matrix[role];

  it('reports on tasks its unit leads or coordinates, and on no other', () => {
    expect(canReportOn(actor, ownTask)).toEqual({ allowed: true });
    expect(canReportOn(actor, coordinatedTask)).toEqual({ allowed: true });
    expect(canReportOn(actor, otherTask)).toEqual(
      expected.reportOther ? { allowed: true } : { allowed: false, reason: 'auth.not_your_task' },
    );
  });

  it(`sees a summary of ${expected.scope ?? 'the whole group'}`, () => {
    expect(summaryScope(actor)).toBe(expected.scope);
  });

  it(`${expected.post ? 'may' : 'may not'} post to the group channel`, () => {
    expect(canPostToGroup(actor)).toEqual(
      expected.post ? { allowed: true } : { allowed: false, reason: 'auth.chair_only' },
    );
  });

  it(`${expected.manage ? 'may' : 'may not'} manage plans, units and members`, () => {
    expect(canManage(actor)).toEqual(
      expected.manage ? { allowed: true } : { allowed: false, reason: 'auth.admin_only' },
    );
  });
});
