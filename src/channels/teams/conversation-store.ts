/**
 * Where the bot can write to people on its own: the conversation reference of each member's personal
 * chat with the bot (in `MemberIdentity.reference`, on the member's Teams account) and of the group's
 * team channel (in `ChannelBinding`, platform 'teams', purpose 'group'). Teams gives them on install
 * and on every message; a member without one has not installed the app, or never wrote to it.
 * This class shapes the references; the repository (src/store/conversation-store.ts) keeps them.
 */
import type { ConversationReference } from 'botbuilder';
import type { ConversationRepository } from '../../app/ports/channel-stores.ts';

const PLATFORM = 'teams';
const GROUP_PURPOSE = 'group';

/** The parts of a reference a proactive message needs (kept small and free of the message that gave it). */
export type StoredReference = Partial<ConversationReference> & {
  serviceUrl: string;
  conversation: ConversationReference['conversation'];
};

export class ConversationStore {
  constructor(private readonly repository: ConversationRepository) {}

  /**
   * Saves a member's personal chat (nothing when no member has this Teams account yet). Written only
   * when it changed, in one statement, so a message costs no write once the reference is known.
   */
  async saveMember(aadObjectId: string, reference: Partial<ConversationReference>): Promise<void> {
    const json = serialize(reference, false);
    if (json === null) return;
    await this.repository.saveMember(PLATFORM, aadObjectId, json);
  }

  /** Forgets a member's personal chat (the app was removed). */
  async clearMember(aadObjectId: string): Promise<void> {
    await this.repository.clearMember(PLATFORM, aadObjectId);
  }

  async memberReference(aadObjectId: string): Promise<StoredReference | null> {
    return parse(await this.repository.memberReference(PLATFORM, aadObjectId));
  }

  /**
   * Saves the group's team channel. `replace`: the app was just installed in a team, which becomes
   * the group's; otherwise (a message in some channel) only when the group has none yet, or to
   * refresh the same channel's reference.
   */
  async saveGroup(reference: Partial<ConversationReference>, replace: boolean): Promise<void> {
    const json = serialize(reference, true);
    if (json === null) return;
    const externalId = (JSON.parse(json) as StoredReference).conversation.id;
    await this.repository.saveGroup(PLATFORM, GROUP_PURPOSE, externalId, json, replace);
  }

  /** Forgets the group's channel when the app leaves that team. */
  async clearGroup(conversationId: string): Promise<void> {
    await this.repository.clearGroup(PLATFORM, GROUP_PURPOSE, channelRoot(conversationId));
  }

  async groupReference(): Promise<StoredReference | null> {
    return parse(await this.repository.groupReference(PLATFORM, GROUP_PURPOSE));
  }
}

/** A channel thread's conversation id ("19:…@thread.tacv2;messageid=…") without the thread part. */
export function channelRoot(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}

/**
 * The reference as JSON: without the activity that gave it (a proactive message starts a new
 * message, not a reply), and for a channel without the thread, so posts start new threads.
 */
function serialize(reference: Partial<ConversationReference>, channel: boolean): string | null {
  const conversation = reference.conversation;
  if (!reference.serviceUrl || !conversation?.id) return null;
  const stored: StoredReference = {
    channelId: reference.channelId,
    serviceUrl: reference.serviceUrl,
    conversation: { ...conversation, id: channel ? channelRoot(conversation.id) : conversation.id },
    ...(reference.bot ? { bot: reference.bot } : {}),
    ...(reference.user ? { user: reference.user } : {}),
    ...(reference.locale ? { locale: reference.locale } : {}),
  };
  return JSON.stringify(stored);
}

function parse(json: string | null): StoredReference | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as StoredReference;
    return typeof value.serviceUrl === 'string' && typeof value.conversation?.id === 'string' ? value : null;
  } catch {
    return null;
  }
}
