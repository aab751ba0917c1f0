/**
 * What a channel keeps in the database of its own, behind interfaces so no channel imports the store
 * (docs/adr/0010-ports-and-sealed-store.md). The composition root hands the implementations from
 * `createStores` (src/store) to the channel that needs them.
 */
import type { AuditRecord } from './stores.ts';

/**
 * Where the bot can write to people on its own: a conversation reference (the platform's JSON, opaque
 * here) per member account and per group channel.
 */
export interface ConversationRepository {
  /** Saves a member account's reference when it changed (nothing when no member has that account). */
  saveMember(platform: string, externalId: string, reference: string): Promise<void>;
  clearMember(platform: string, externalId: string): Promise<void>;
  memberReference(platform: string, externalId: string): Promise<string | null>;
  /**
   * Saves the group's channel for `purpose`. `replace`: it becomes the group's even when another was
   * bound; otherwise only when none is bound yet, or to refresh the same channel's reference.
   */
  saveGroup(
    platform: string,
    purpose: string,
    externalId: string,
    reference: string,
    replace: boolean,
  ): Promise<void>;
  clearGroup(platform: string, purpose: string, externalId: string): Promise<void>;
  groupReference(platform: string, purpose: string): Promise<string | null>;
}

/** The audit log as a channel uses it: to record what it did, and to find an earlier record. */
export interface AuditLog {
  record(record: AuditRecord): Promise<void>;
  /** The details (JSON) of the first entry about `entity` `entityId`, or null. */
  firstDetails(entity: string, entityId: string): Promise<string | null>;
}

/** The channel stores `createStores` builds. */
export interface ChannelStores {
  conversations: ConversationRepository;
  audit: AuditLog;
}
