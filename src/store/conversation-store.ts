/**
 * Conversation references a channel needs to write on its own (the Teams channel today): a member's
 * in `MemberIdentity.reference` (on the member's account on that platform), the group's channel in
 * `ChannelBinding` (platform, purpose). The references are the channel's JSON, stored as given.
 */
import type { ConversationRepository } from '../app/ports/channel-stores.ts';
import type { Db } from './open-database.ts';

export class ConversationStore implements ConversationRepository {
  constructor(
    private readonly db: Db,
    private readonly groupId: number,
  ) {}

  /** Written only when it changed, in one statement, so a message costs no write once the reference is known. */
  async saveMember(platform: string, externalId: string, reference: string): Promise<void> {
    await this.db.memberIdentity.updateMany({
      where: {
        platform,
        externalId,
        OR: [{ reference: null }, { reference: { not: reference } }],
      },
      data: { reference },
    });
  }

  async clearMember(platform: string, externalId: string): Promise<void> {
    await this.db.memberIdentity.updateMany({
      where: { platform, externalId },
      data: { reference: null },
    });
  }

  async memberReference(platform: string, externalId: string): Promise<string | null> {
    const identity = await this.db.memberIdentity.findUnique({
      where: { platform_externalId: { platform, externalId } },
      select: { reference: true },
    });
    return identity?.reference ?? null;
  }

  async saveGroup(
    platform: string,
    purpose: string,
    externalId: string,
    reference: string,
    replace: boolean,
  ): Promise<void> {
    const where = { groupId_platform_purpose: { groupId: this.groupId, platform, purpose } };
    const existing = await this.db.channelBinding.findUnique({
      where,
      select: { externalId: true, reference: true },
    });
    if (existing?.reference === reference) return;
    if (existing && existing.externalId !== externalId && !replace) return;
    await this.db.channelBinding.upsert({
      where,
      create: { groupId: this.groupId, platform, purpose, externalId, reference },
      update: { externalId, reference },
    });
  }

  async clearGroup(platform: string, purpose: string, externalId: string): Promise<void> {
    await this.db.channelBinding.deleteMany({
      where: { groupId: this.groupId, platform, purpose, externalId },
    });
  }

  async groupReference(platform: string, purpose: string): Promise<string | null> {
    const binding = await this.db.channelBinding.findUnique({
      where: { groupId_platform_purpose: { groupId: this.groupId, platform, purpose } },
      select: { reference: true },
    });
    return binding?.reference ?? null;
  }
}
