/**
 * Admin actions on members from chat (`/da06 members add|list|link|role|deactivate|reactivate …`), with the same
 * flags as the `da06 members` command line. Only admins may; the refusal says so.
 */
import { AppError, type ErrorCode } from '../../domain/errors.ts';
import { canManage } from '../../domain/permissions.ts';
import { isRole } from '../../domain/roles.ts';
import type { CoreDeps } from '../core-deps.ts';
import { parseMemberAdd, parseMemberLink } from '../member-flags.ts';
import type { MemberRecord } from '../ports/stores.ts';
import type { MembersView, NoticeView, Viewer } from '../views.ts';

const notice = (tone: NoticeView['tone'], key: string, params?: NoticeView['params']): NoticeView => ({
  kind: 'notice',
  tone,
  key,
  params,
});

export async function manageMembers(
  deps: CoreDeps,
  viewer: Viewer,
  args: string[],
): Promise<MembersView | NoticeView> {
  const decision = canManage(viewer);
  if (!decision.allowed) return notice('error', decision.reason);
  const [action, ...rest] = args;
  const actor = `member:${viewer.memberId}`;
  try {
    switch (action) {
      case 'list':
      case undefined:
        // `list --all` adds the deactivated members (the web page shows them with "reactivate").
        return {
          kind: 'members',
          viewer,
          members: await deps.members.list({ includeInactive: rest.includes('--all') }),
        };
      case 'add':
        return await add(deps, rest, actor);
      case 'link':
        return await link(deps, rest, actor);
      case 'role': {
        const role = rest.at(-1) ?? '';
        if (!isRole(role)) return notice('error', 'members.usage');
        const member = await findOne(deps, rest.slice(0, -1).join(' '));
        await deps.members.setRole(member.id, role, actor);
        return notice('success', 'members.role_changed', { name: member.displayName, role });
      }
      case 'deactivate': {
        const member = await findOne(deps, rest.join(' '));
        await deps.members.deactivate(member.id, actor);
        return notice('success', 'members.deactivated', { name: member.displayName });
      }
      case 'reactivate': {
        const member = await findOne(deps, rest.join(' '), { includeInactive: true });
        await deps.members.reactivate(member.id, actor);
        return notice('success', 'members.reactivated', { name: member.displayName });
      }
      default:
        return notice('error', 'members.usage');
    }
  } catch (error) {
    const key = error instanceof AppError ? MEMBER_ERRORS[(error as AppError).code] : undefined;
    if (key) return notice('error', key, { detail: memberOf(error as AppError) });
    if (error instanceof TypeError && 'code' in error) return notice('error', 'members.usage');
    throw error;
  }
}

async function add(deps: CoreDeps, args: string[], actor: string): Promise<NoticeView> {
  const parsed = parseMemberAdd(args);
  if (!parsed.ok) return notice('error', 'members.usage');
  const member = await deps.members.add(parsed.value, actor);
  return notice('success', 'members.added', {
    name: member.displayName,
    unit: member.unitCode,
    role: member.role,
  });
}

async function link(deps: CoreDeps, args: string[], actor: string): Promise<NoticeView> {
  const parsed = parseMemberLink(args);
  if (!parsed.ok) return notice('error', 'members.usage');
  const { platform, externalId } = parsed.value;
  const member = await findOne(deps, parsed.value.member);
  await deps.members.link(member.id, platform, externalId, actor);
  return notice('success', 'members.linked', {
    name: member.displayName,
    account: `${platform}:${externalId}`,
  });
}

async function findOne(
  deps: CoreDeps,
  nameOrId: string,
  options: { includeInactive?: boolean } = {},
): Promise<MemberRecord> {
  const key = nameOrId.trim();
  const byId = /^\d+$/.test(key) ? await deps.members.byId(Number(key)) : null;
  if (byId) return byId;
  const matches = await deps.members.findByName(key, options);
  if (matches.length === 1) return matches[0]!;
  throw new AppError(matches.length === 0 ? 'member.not_found' : 'member.ambiguous', { member: key });
}

/** The chat's own wording for the errors a members command meets (the CLI says them through `describeError`). */
const MEMBER_ERRORS: Partial<Record<ErrorCode, string>> = {
  'member.not_found': 'members.error.member_not_found',
  'member.ambiguous': 'members.error.member_ambiguous',
  'member.duplicate_name': 'members.error.duplicate_name',
  'unit.unknown': 'members.error.unknown_unit',
  'member.identity_taken': 'members.error.identity_taken',
};

function memberOf(error: AppError): string {
  return 'member' in error.params ? error.params.member : '';
}
