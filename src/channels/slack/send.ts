/**
 * Proactive messages (reminders, nudges, summaries) from the outbox: chat.postMessage to the member's
 * DM (conversations.open) or to SLACK_GROUP_CHANNEL, and what went wrong as a `SendOutcome` the outbox
 * acts on. A 429 with a short Retry-After is waited out and tried again here; a long one goes back to
 * the outbox with `retryAfterMs`.
 */
import { ErrorCode, type WebClient } from '@slack/web-api';
import type { View } from '../../app/views.ts';
import type { Settings } from '../../config/settings.ts';
import type { Recipient, SendOutcome } from '../channel.ts';
import { messagePages } from './flows/pages.ts';
import type { SlackContext } from './i18n.ts';
import { describe } from './reply.ts';

/** Slack's answers that mean this member or channel cannot be reached: tell the chair, do not retry. */
export const NOT_REACHABLE = new Set([
  'channel_not_found',
  'not_in_channel',
  'user_not_found',
  'account_inactive',
  'is_archived',
  'cannot_dm_bot',
  'user_disabled',
  'team_access_not_granted',
]);

/** Slack's answers that a later try may fix. */
const SERVER_SIDE = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

export interface SenderOptions {
  client: WebClient;
  settings: Settings;
  ctx(locale: 'vi' | 'en'): SlackContext;
  log(line: string): void;
  dmChannels: Map<string, string>;
  /** A 429 whose Retry-After is at most this is waited out in place (default 30 s). */
  maxInlineWaitMs?: number;
  /** Tries per call when rate limited (default 3). */
  attempts?: number;
}

export function createSender(options: SenderOptions) {
  const { client, settings } = options;
  const maxWait = options.maxInlineWaitMs ?? 30_000;
  const attempts = options.attempts ?? 3;

  async function call<T>(what: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await what();
      } catch (error) {
        const wait = rateLimitedMs(error);
        if (wait === null || attempt >= attempts || wait > maxWait) throw error;
        options.log(`slack: rate limited, trying again in ${wait} ms`);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  async function channelOf(recipient: Recipient): Promise<string | null> {
    if (recipient.kind === 'group') return settings.SLACK_GROUP_CHANNEL ?? null;
    const known = options.dmChannels.get(recipient.externalId);
    if (known) return known;
    const opened = await call(() => client.conversations.open({ users: recipient.externalId }));
    const id = opened.channel?.id ?? null;
    if (id) options.dmChannels.set(recipient.externalId, id);
    return id;
  }

  return {
    async send(recipient: Recipient, view: View): Promise<SendOutcome> {
      try {
        const channel = await channelOf(recipient);
        if (!channel) {
          const reason = recipient.kind === 'group' ? 'SLACK_GROUP_CHANNEL is not set' : 'no DM conversation';
          return { ok: false, retryable: false, reason, code: 'not_reachable' };
        }
        let messageId: string | undefined;
        for (const page of messagePages(view, options.ctx(recipient.locale))) {
          const posted = await call(() =>
            client.chat.postMessage({ channel, text: page.text, blocks: page.blocks }),
          );
          messageId ??= posted.ts;
        }
        return { ok: true, messageId };
      } catch (error) {
        const outcome = toOutcome(error);
        options.log(`slack: send failed (${outcome.ok ? 'ok' : outcome.code}): ${describe(error)}`);
        return outcome;
      }
    },

    async canReach(recipient: Recipient): Promise<boolean> {
      if (recipient.kind === 'group') return Boolean(settings.SLACK_GROUP_CHANNEL);
      if (!/^[UW][A-Z0-9]{2,}$/.test(recipient.externalId)) return false;
      try {
        return (await channelOf(recipient)) !== null;
      } catch (error) {
        const outcome = toOutcome(error);
        // Only a definite "cannot" counts; a network hiccup is for send() to meet and retry.
        return outcome.ok || outcome.code !== 'not_reachable';
      }
    },
  };
}

function rateLimitedMs(error: unknown): number | null {
  const e = error as { code?: string; retryAfter?: number };
  if (e?.code === ErrorCode.RateLimitedError && typeof e.retryAfter === 'number') return e.retryAfter * 1000;
  return null;
}

/** A Web API failure as the outbox understands it. */
export function toOutcome(error: unknown): SendOutcome {
  const e = (error ?? {}) as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    data?: { error?: string };
  };
  const reason = describe(error);
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return {
        ok: false,
        retryable: true,
        reason,
        code: 'rate_limited',
        retryAfterMs: (e.retryAfter ?? 60) * 1000,
      };
    case ErrorCode.HTTPError: {
      const status = e.statusCode ?? 0;
      if (status === 429)
        return { ok: false, retryable: true, reason, code: 'rate_limited', retryAfterMs: 60_000 };
      if (status >= 500) return { ok: false, retryable: true, reason, code: 'server_error' };
      return { ok: false, retryable: false, reason, code: 'rejected' };
    }
    case ErrorCode.PlatformError: {
      const slackError = e.data?.error ?? '';
      if (NOT_REACHABLE.has(slackError))
        return { ok: false, retryable: false, reason, code: 'not_reachable' };
      if (slackError === 'ratelimited')
        return { ok: false, retryable: true, reason, code: 'rate_limited', retryAfterMs: 60_000 };
      if (SERVER_SIDE.has(slackError)) return { ok: false, retryable: true, reason, code: 'server_error' };
      return { ok: false, retryable: false, reason, code: 'rejected' };
    }
    default:
      // Request errors (DNS, refused, timeouts) and anything unexpected: try again later.
      return { ok: false, retryable: true, reason, code: 'network' };
  }
}
