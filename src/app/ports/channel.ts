/**
 * The channel port (docs/adr/0004-channel-contract.md, docs/adr/0010-ports-and-sealed-store.md). A channel turns platform events into
 * core calls and core views into the platform's format; this is all the rest of the bot knows of it.
 * Nothing outside `src/channels/<platform>/` imports a platform SDK.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Platform } from '../../domain/roles.ts';
import type { View } from '../views.ts';

/** One HTTP route of the bot's one server (`src/server/router.ts` routes by exact path). */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handle(request: IncomingMessage, response: ServerResponse): void | Promise<void>;
}

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
  | {
      ok: true;
      messageId?: string;
      /** Nothing was posted: the platform already had the message (an earlier attempt's, see `Delivery`). */
      alreadyDelivered?: boolean;
    }
  | {
      ok: false;
      retryable: boolean;
      reason: string;
      code: 'rate_limited' | 'server_error' | 'not_reachable' | 'rejected' | 'network';
      retryAfterMs?: number;
      /**
       * The platform may have accepted the message although the call failed (a timeout, a 5xx after
       * the request was sent): the outbox treats the row as possibly delivered, and the next attempt
       * passes `Delivery.unconfirmedSince`.
       */
      uncertain?: boolean;
    };

/**
 * How the outbox identifies one delivery (docs/adr/0008-exactly-once-delivery.md). `key` is unique to
 * one outbox row and the same on every attempt; a channel that can, carries it in the message it
 * posts (Slack: message metadata). `unconfirmedSince` is set when an earlier attempt may have been
 * accepted without the outbox hearing of it (its process died holding the claim, or the call's fate
 * is unknown): the earliest moment that attempt may have posted. A channel that can read back what
 * it posted (Slack: conversations.history) first looks for `key` there and posts only what is
 * missing, answering `alreadyDelivered` when everything was; a channel that cannot (Teams) posts
 * again, so there the crash window stays at-least-once.
 */
export interface Delivery {
  key: string;
  unconfirmedSince?: Date;
}

export interface Channel {
  readonly platform: Platform;
  /** HTTP routes this channel serves on the bot's one server (`/slack/events`, `/api/messages`). */
  readonly routes: Route[];
  /** Connections of its own (Slack Socket Mode); called once the HTTP server listens. */
  start(): Promise<void>;
  /** Stops taking new work; in-flight requests finish first. */
  stop(): Promise<void>;
  /**
   * Delivers one message (a reminder, a nudge, a summary) proactively. The outbox passes `delivery`
   * (see `Delivery`); callers outside the outbox may leave it out.
   */
  send(recipient: Recipient, view: View, delivery?: Delivery): Promise<SendOutcome>;
  /** Whether this channel can reach the recipient at all (a linked account, a known conversation). */
  canReach(recipient: Recipient): Promise<boolean>;
  /** What /readyz reports for this channel (Slack: the token checked at start), if it checks anything. */
  readiness?(): { ok: boolean; detail?: string };
}

/** A send that threw (a printing error, a network failure outside the platform's client): retried later. */
export function failedSend(error: unknown): Extract<SendOutcome, { ok: false }> {
  return {
    ok: false,
    retryable: true,
    code: 'network',
    reason: error instanceof Error ? error.message : String(error),
  };
}

/** This member or channel cannot be reached on the platform (told to the chair, retried much later). */
export function notReachable(reason: string): Extract<SendOutcome, { ok: false }> {
  return { ok: false, retryable: false, code: 'not_reachable', reason };
}
