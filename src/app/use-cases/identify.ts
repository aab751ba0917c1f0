/** Who is talking: a platform account mapped to a member, or a refusal that says who can add them. */
import type { Platform } from '../../domain/roles.ts';
import type { CoreDeps } from '../core-deps.ts';
import type { MemberRecord } from '../ports/stores.ts';
import type { NoticeView, Viewer } from '../views.ts';

/** A member as the use cases see the one asking (from the directory or the scheduler's roster). */
export function toViewer(
  member: Pick<MemberRecord, 'id' | 'displayName' | 'unitCode' | 'unitName' | 'role' | 'locale'>,
): Viewer {
  return {
    memberId: member.id,
    displayName: member.displayName,
    unitCode: member.unitCode,
    unitName: member.unitName,
    role: member.role,
    locale: member.locale,
  };
}

const LINK_FLAG: Record<Platform, string> = { slack: '--slack', teams: '--teams', terminal: '--terminal' };

export async function identify(
  deps: CoreDeps,
  platform: Platform,
  externalId: string,
): Promise<Viewer | NoticeView> {
  const member = await deps.members.byIdentity(platform, externalId);
  if (member) return toViewer(member);
  // A deactivated member is not told to register again: an admin reactivates the account.
  if (await deps.members.inactiveIdentity(platform, externalId)) {
    return { kind: 'notice', tone: 'warning', key: 'auth.inactive' };
  }
  const admins = (await deps.members.list()).filter((m) => m.role === 'admin').map((m) => m.displayName);
  return {
    kind: 'notice',
    tone: 'warning',
    key: 'auth.unregistered',
    params: {
      platform,
      externalId,
      admins: admins.length > 0 ? admins.join(', ') : '—',
      linkHint: `da06 members add --name "…" --unit … --role member ${LINK_FLAG[platform]} ${externalId}`,
    },
  };
}
