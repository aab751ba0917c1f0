/**
 * Who can be reached, and where. A member gets a message on every platform they are linked on that
 * has a channel in this process and that the channel says it can reach (a member on Slack and Teams
 * gets it on both: the bot cannot know which one they read). Members on leave (leaveFrom..leaveUntil,
 * inclusive) are skipped; a unit none of whose members can be reached is reported to the chair.
 *
 * Recipients are written `member:<id>:<platform>` and `group:<groupId>:<platform>`.
 */
import type { Channel, Recipient } from '../app/ports/channel.ts';
import type { RosterMember, RosterRepository } from '../app/ports/stores.ts';
import { toViewer } from '../app/use-cases/identify.ts';
import type { Viewer } from '../app/views.ts';
import type { Locale, Platform } from '../domain/roles.ts';
import { formatDate, t } from '../i18n/index.ts';

export interface Address {
  /** "member:12:slack", "group:1:teams" */
  recipient: string;
  platform: Platform;
}

export interface Skipped {
  member: RosterMember;
  /** In the reader's words (the chair's language). */
  reason: string;
}

export class Audience {
  private constructor(
    readonly groupId: number,
    readonly groupLocale: Locale,
    readonly members: RosterMember[],
    private readonly reachable: Map<number, Address[]>,
    readonly groupAddresses: Address[],
    private readonly successorOf: (unitCode: string) => string = (code) => code,
  ) {}

  /**
   * `successorOf`: the unit that carries a unit today (issue 15). A unit that no longer exists is
   * reached through its own members and, until an admin moves them, its successor's members too.
   */
  static async load(
    roster: RosterRepository,
    channels: Channel[],
    group: { id: number; locale: string },
    successorOf?: (unitCode: string) => string,
  ): Promise<Audience> {
    const members = await roster.members();
    const byPlatform = new Map(channels.map((c) => [c.platform, c]));
    const locale: Locale = group.locale === 'en' ? 'en' : 'vi';
    const reachable = new Map<number, Address[]>();
    for (const member of members) {
      const addresses: Address[] = [];
      for (const [platform, externalId] of Object.entries(member.identities) as [Platform, string][]) {
        const channel = byPlatform.get(platform);
        if (!channel) continue;
        const recipient: Recipient = {
          kind: 'member',
          memberId: member.id,
          externalId,
          locale: member.locale,
        };
        if (await safeCanReach(channel, recipient))
          addresses.push({ recipient: memberRecipient(member.id, platform), platform });
      }
      reachable.set(member.id, addresses);
    }
    const groupAddresses: Address[] = [];
    for (const channel of channels) {
      if (await safeCanReach(channel, { kind: 'group', locale })) {
        groupAddresses.push({
          recipient: groupRecipient(group.id, channel.platform),
          platform: channel.platform,
        });
      }
    }
    return new Audience(group.id, locale, members, reachable, groupAddresses, successorOf);
  }

  onLeave(member: RosterMember, day: string): boolean {
    return (
      member.leaveFrom !== null &&
      member.leaveFrom <= day &&
      (member.leaveUntil === null || day <= member.leaveUntil)
    );
  }

  /** Where a member can be reached, or [] (no linked account on a channel here). */
  addressesOf(member: RosterMember): Address[] {
    return this.reachable.get(member.id) ?? [];
  }

  /**
   * The addresses of a unit's members present on `days` (every day given), and who was skipped and
   * why, in the chair's `locale`.
   */
  reachUnit(unitCode: string, days: string[], locale: Locale): { addresses: Address[]; skipped: Skipped[] } {
    const addresses: Address[] = [];
    const skipped: Skipped[] = [];
    const successor = this.successorOf(unitCode);
    for (const member of this.members.filter((m) => m.unitCode === unitCode || m.unitCode === successor)) {
      const leaveDay = days.find((day) => this.onLeave(member, day));
      if (leaveDay !== undefined) {
        const until = member.leaveUntil ? formatDate(locale, member.leaveUntil) : '—';
        skipped.push({ member, reason: t(locale, 'scheduler.people.on_leave', { until }) });
        continue;
      }
      const own = this.addressesOf(member);
      if (own.length === 0) {
        skipped.push({ member, reason: t(locale, 'scheduler.people.no_account') });
        continue;
      }
      addresses.push(...own);
    }
    return { addresses, skipped };
  }

  /** Members present on `days` with at least one address. */
  present(days: string[]): RosterMember[] {
    return this.members.filter(
      (m) => !days.some((day) => this.onLeave(m, day)) && this.addressesOf(m).length > 0,
    );
  }

  /** The chair(s); without one, vice-chairs; without those, admins. */
  chairs(): RosterMember[] {
    for (const role of ['chair', 'vice-chair', 'admin'] as const) {
      const found = this.members.filter((m) => m.role === role);
      if (found.length > 0) return found;
    }
    return [];
  }

  /** Chair and vice-chairs (escalations). */
  leaders(): RosterMember[] {
    const found = this.members.filter((m) => m.role === 'chair' || m.role === 'vice-chair');
    return found.length > 0 ? found : this.chairs();
  }

  /** The chair's language, for the reasons written into notes to the chair. */
  chairLocale(): Locale {
    return this.chairs()[0]?.locale ?? this.groupLocale;
  }
}

export function memberRecipient(memberId: number, platform: Platform): string {
  return `member:${memberId}:${platform}`;
}

export function groupRecipient(groupId: number, platform: Platform): string {
  return `group:${groupId}:${platform}`;
}

export type ParsedRecipient =
  | { kind: 'member'; memberId: number; platform: Platform }
  | { kind: 'group'; groupId: number; platform: Platform };

export function parseRecipient(text: string): ParsedRecipient | null {
  const match = /^(member|group):(\d+):(slack|teams|terminal)$/.exec(text);
  if (!match) return null;
  const platform = match[3] as Platform;
  return match[1] === 'member'
    ? { kind: 'member', memberId: Number(match[2]), platform }
    : { kind: 'group', groupId: Number(match[2]), platform };
}

export function viewerOf(member: RosterMember): Viewer {
  return toViewer(member);
}

async function safeCanReach(channel: Channel, recipient: Recipient): Promise<boolean> {
  try {
    return await channel.canReach(recipient);
  } catch {
    return false;
  }
}
