/**
 * The channel contract (docs/adr/0004-channel-contract.md). A channel turns platform events into
 * core calls and core views into the platform's format; this is all the rest of the bot knows of it.
 * Nothing outside `src/channels/<platform>/` imports a platform SDK.
 */
import type { View } from '../app/views.ts';
import type { Platform } from '../domain/roles.ts';
import type { Route } from '../server/router.ts';

/** Who a message goes to: one member (on their account on this platform) or the group's channel. */
export type Recipient =
  | { kind: 'member'; memberId: number; externalId: string; locale: 'vi' | 'en' }
  | { kind: 'group'; locale: 'vi' | 'en' };

/**
 * What happened to one send. `retryable` failures (429, 5xx, timeouts) are tried again by the outbox
 * after `retryAfterMs` when the platform said so; others are recorded with their reason, and
 * `not_reachable` (the app is not installed for that member, no conversation known) is reported to
 * the chair rather than dropped.
 */
export type SendOutcome =
  | { ok: true; messageId?: string }
  | {
      ok: false;
      retryable: boolean;
      reason: string;
      code: 'rate_limited' | 'server_error' | 'not_reachable' | 'rejected' | 'network';
      retryAfterMs?: number;
    };

export interface Channel {
  readonly platform: Platform;
  /** HTTP routes this channel serves on the bot's one server (`/slack/events`, `/api/messages`). */
  readonly routes: Route[];
  /** Connections of its own (Slack Socket Mode); called once the HTTP server listens. */
  start(): Promise<void>;
  /** Stops taking new work; in-flight requests finish first. */
  stop(): Promise<void>;
  /** Delivers one message (a reminder, a nudge, a summary) proactively. */
  send(recipient: Recipient, view: View): Promise<SendOutcome>;
  /** Whether this channel can reach the recipient at all (a linked account, a known conversation). */
  canReach(recipient: Recipient): Promise<boolean>;
}
