/**
 * Proactive messages (reminders, nudges, summaries) from the outbox: chat.postMessage to the member's
 * DM or to SLACK_GROUP_CHANNEL, and what went wrong as a `SendOutcome` the outbox acts on.
 *
 * - Pacing: every chat.postMessage takes a token from a bucket refilled at SLACK_SEND_RATE per second
 *   (`TokenBucket`), shared by every send in flight, so a fan-out runs at the workspace's allowance and
 *   a 429 is the exception. A short Retry-After empties the bucket for that long (every post waits)
 *   and the call is tried again; a long one goes back to the outbox with `retryAfterMs`, which holds
 *   the channel.
 * - DMs are posted with the member's user id as `channel` (Slack posts it in the bot's DM with them,
 *   the app's Messages tab), so a fan-out needs no conversations.open per member; the DM's id from
 *   the answer is remembered. Where Slack answers channel_not_found for a user id, the DM is opened
 *   and the post tried once more.
 * - Posts go through post-message.ts (Node's HTTP client, not the Web API client: CPU per post), and
 *   a view sent to many is rendered once per language.
 * - Exactly once (docs/adr/0008-exactly-once-delivery.md): with a `Delivery`, every page carries
 *   message metadata `{ event_type: "da06_outbox", event_payload: { key, page, pages } }`. When the
 *   outbox says an earlier attempt may have been accepted (`unconfirmedSince`), the DM's or
 *   channel's history since then is read first (conversations.history, include_all_metadata) and only
 *   the pages not found are posted. A post whose fate is unknown (timeout, 5xx) is checked the same
 *   way before its one quick retry, and reported `uncertain` if it still fails.
 */
import { ErrorCode, type WebClient } from '@slack/web-api';
import { type Delivery, notReachable, type Recipient, type SendOutcome } from '../../app/ports/channel.ts';
import type { View } from '../../app/views.ts';
import type { Settings } from '../../config/settings.ts';
import type { RenderContext } from '../../presentation/context.ts';
import { TokenBucket } from '../token-bucket.ts';
import type { Rendered } from './blocks/types.ts';
import { messagePages } from './flows/pages.ts';
import type { PostMessage } from './post-message.ts';
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

/** Answers of conversations.history that mean "cannot look here" (not "look again later"). */
const CANNOT_LOOK = new Set([
  'missing_scope',
  'not_allowed_token_type',
  'no_permission',
  'not_in_channel',
  'channel_not_found',
  'access_denied',
]);

/** The metadata event type of every message the outbox posts. */
export const OUTBOX_EVENT_TYPE = 'da06_outbox';

/** History read before the earliest moment an earlier attempt may have posted (clock skew). */
const LOOKBACK_MARGIN_MS = 5 * 60_000;
/** Pages of conversations.history read at most per check (of `HISTORY_LIMIT` messages each). */
const MAX_HISTORY_PAGES = 5;
const HISTORY_LIMIT = 200;

export interface SenderOptions {
  client: WebClient;
  settings: Settings;
  ctx(locale: 'vi' | 'en'): RenderContext;
  log(line: string): void;
  dmChannels: Map<string, string>;
  /** A 429 whose Retry-After is at most this is waited out in place (default 30 s). */
  maxInlineWaitMs?: number;
  /** Tries per call when rate limited (default 3). */
  attempts?: number;
  /** Paces chat.postMessage (default: a bucket at SLACK_SEND_RATE); null posts unpaced. */
  pace?: TokenBucket | null;
  /** Wait before the one quick retry of a post whose fate is unknown (default 250 ms). */
  quickRetryMs?: number;
  /** How chat.postMessage is sent (default: through `client`; the channel passes post-message.ts's). */
  postMessage?: PostMessage;
}

/** The bucket for SLACK_SEND_RATE: bursts of a twentieth of a second's allowance (at least one). */
export function sendPace(rate: number): TokenBucket {
  return new TokenBucket(rate, Math.max(1, Math.floor(rate / 20)));
}

/** What a history check found: the pages of the delivery already posted, or that it could not look. */
type Found = { pages: Set<number> } | { cannotLook: string };

/** A page posted (its ts and DM channel), or `{}` when a history check found it already there. */
type Answer = { ts?: string; channel?: string };

/** Where one message is going: the channel to post to (a DM's id once known) and what already went. */
interface Attempt {
  recipient: Recipient;
  delivery?: Delivery;
  channel: string;
  /** Something of this message may be in Slack although the outbox will not hear "ok". */
  partly: boolean;
}

/** The Slack channel's `send` and `canReach` (see the file comment). */
export class SlackSender {
  private readonly client: WebClient;
  private readonly settings: Settings;
  private readonly maxWait: number;
  private readonly attempts: number;
  private readonly pace: TokenBucket | null;
  private readonly quickRetryMs: number;
  private readonly postMessage: PostMessage;
  private warnedCannotLook = false;
  /** A fan-out sends one view (one object per payload) to many: rendered once per language. */
  private readonly rendered = new WeakMap<View, Map<string, Rendered[]>>();

  constructor(private readonly options: SenderOptions) {
    this.client = options.client;
    this.settings = options.settings;
    this.maxWait = options.maxInlineWaitMs ?? 30_000;
    this.attempts = options.attempts ?? 3;
    this.pace = options.pace === undefined ? sendPace(options.settings.SLACK_SEND_RATE) : options.pace;
    this.quickRetryMs = options.quickRetryMs ?? 250;
    const client = options.client;
    this.postMessage = options.postMessage ?? ((args) => client.chat.postMessage(args));
  }

  async send(recipient: Recipient, view: View, delivery?: Delivery): Promise<SendOutcome> {
    const attempt: Attempt = { recipient, delivery, channel: '', partly: false };
    try {
      const channel =
        recipient.kind === 'group'
          ? (this.settings.SLACK_GROUP_CHANNEL ?? null)
          : (this.options.dmChannels.get(recipient.externalId) ?? recipient.externalId);
      if (!channel) {
        return notReachable('SLACK_GROUP_CHANNEL is not set');
      }
      attempt.channel = channel;
      const pages = this.pagesOf(view, recipient.locale);
      const done = delivery?.unconfirmedSince
        ? await this.posted(recipient, delivery, delivery.unconfirmedSince)
        : new Set<number>();
      if (done.size > 0 && pages.every((_, index) => done.has(index + 1)))
        return { ok: true, alreadyDelivered: true };
      let messageId: string | undefined;
      for (const [index, page] of pages.entries()) {
        if (done.has(index + 1)) continue;
        const answer = await this.postPage(attempt, page, index + 1, pages.length);
        messageId ??= answer.ts;
      }
      await this.attachInvitation(attempt, view);
      return { ok: true, messageId };
    } catch (error) {
      const { uncertain: _, ...outcome } = toOutcome(error) as Extract<SendOutcome, { ok: false }>;
      this.options.log(`slack: send failed (${outcome.code}): ${describe(error)}`);
      // The next attempt must look before it posts (with the delivery key it can).
      return attempt.partly ? { ...outcome, uncertain: true } : outcome;
    }
  }

  /**
   * A meeting reminder's .ics invitation, uploaded beside it (files.uploadV2) once the reminder is
   * posted. Best effort: the reminder is what the outbox delivers exactly once; a failed upload is
   * logged and `/da06 meeting ics` gives the file at any time.
   */
  private async attachInvitation(attempt: Attempt, view: View): Promise<void> {
    if (view.kind !== 'reminder' || !view.invitation) return;
    const { recipient } = attempt;
    const channel =
      recipient.kind === 'member'
        ? (this.options.dmChannels.get(recipient.externalId) ?? attempt.channel)
        : attempt.channel;
    try {
      await this.client.files.uploadV2({
        channel_id: channel,
        file_uploads: [
          {
            file: Buffer.from(view.invitation.text, 'utf8'),
            filename: view.invitation.fileName,
            title: view.invitation.fileName,
          },
        ],
      });
    } catch (error) {
      this.options.log(
        `slack: the invitation ${view.invitation.fileName} was not uploaded: ${describe(error)}`,
      );
    }
  }

  async canReach(recipient: Recipient): Promise<boolean> {
    if (recipient.kind === 'group') return Boolean(this.settings.SLACK_GROUP_CHANNEL);
    if (!/^[UW][A-Z0-9]{2,}$/.test(recipient.externalId)) return false;
    try {
      return (await this.dmChannel(recipient.externalId)) !== null;
    } catch (error) {
      const outcome = toOutcome(error);
      // Only a definite "cannot" counts; a network hiccup is for send() to meet and retry.
      return outcome.ok || outcome.code !== 'not_reachable';
    }
  }

  private pagesOf(view: View, locale: 'vi' | 'en'): Rendered[] {
    let byLocale = this.rendered.get(view);
    if (!byLocale) {
      byLocale = new Map();
      this.rendered.set(view, byLocale);
    }
    let pages = byLocale.get(locale);
    if (!pages) {
      pages = messagePages(view, this.options.ctx(locale));
      byLocale.set(locale, pages);
    }
    return pages;
  }

  /** Posts page `number` of `pages`, moving to the DM's id when Slack answers with it. */
  private async postPage(attempt: Attempt, page: Rendered, number: number, pages: number): Promise<Answer> {
    const { recipient, delivery } = attempt;
    const metadata = delivery
      ? { event_type: OUTBOX_EVENT_TYPE, event_payload: { key: delivery.key, page: number, pages } }
      : undefined;
    let answer: Answer | null = null;
    for (let tries = 1; answer === null; tries++) {
      const to: string = attempt.channel;
      try {
        answer = await this.call(
          () =>
            this.postMessage({
              channel: to,
              text: page.text,
              blocks: page.blocks,
              ...(metadata ? { metadata } : {}),
            }),
          true,
        );
      } catch (error) {
        if (await this.retryInOpenedDm(attempt, to, error)) continue;
        answer = await this.afterUnknownFate(attempt, error, tries, number);
      }
    }
    attempt.partly = true;
    if (recipient.kind === 'member' && answer.channel && answer.channel !== recipient.externalId) {
      this.remember(recipient.externalId, answer.channel);
      attempt.channel = answer.channel;
    }
    return answer;
  }

  /** Where this workspace does not take a user id as the channel: open the DM and post there. */
  private async retryInOpenedDm(attempt: Attempt, to: string, error: unknown): Promise<boolean> {
    const { recipient } = attempt;
    if (
      recipient.kind !== 'member' ||
      to !== recipient.externalId ||
      slackErrorOf(error) !== 'channel_not_found'
    )
      return false;
    const opened = await this.dmChannel(recipient.externalId);
    if (!opened || opened === to) throw error;
    attempt.channel = opened;
    return true;
  }

  /**
   * A failed post: rethrown unless its fate is unknown (timeout, 5xx); then one quick retry, after
   * looking if the message says who it is. Returns `{}` when the page is found posted, null to retry.
   */
  private async afterUnknownFate(
    attempt: Attempt,
    error: unknown,
    tries: number,
    page: number,
  ): Promise<Answer | null> {
    const outcome = toOutcome(error);
    if (outcome.ok || !outcome.uncertain) throw error;
    attempt.partly = true;
    if (tries >= 2) throw error;
    await new Promise((resolve) => setTimeout(resolve, this.quickRetryMs));
    const { recipient, delivery } = attempt;
    if (delivery && (await this.posted(recipient, delivery, new Date(Date.now() - 60_000))).has(page))
      return {};
    return null;
  }

  private async call<T>(what: () => Promise<T>, paced = false): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      if (paced) await this.pace?.take();
      try {
        return await what();
      } catch (error) {
        const wait = rateLimitedMs(error);
        if (wait === null || attempt >= this.attempts || wait > this.maxWait) throw error;
        // Every post waits with this one; a longer wait is the outbox's (it holds the channel).
        if (paced) this.pace?.hold(wait);
        this.options.log(`slack: rate limited, trying again in ${wait} ms`);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  private remember(userId: string, channel: string): void {
    const dmChannels = this.options.dmChannels;
    if (dmChannels.get(userId) === channel) return;
    if (dmChannels.size >= 50_000) dmChannels.clear();
    dmChannels.set(userId, channel);
  }

  /** The id of the bot's DM with the member (remembered, else conversations.open). */
  private async dmChannel(userId: string): Promise<string | null> {
    const known = this.options.dmChannels.get(userId);
    if (known) return known;
    const opened = await this.call(() => this.client.conversations.open({ users: userId }));
    const id = opened.channel?.id ?? null;
    if (id) this.remember(userId, id);
    return id;
  }

  /** Which pages of `delivery` are already in `channel` since `since`. */
  private async findPosted(channel: string, key: string, since: Date): Promise<Found> {
    const oldest = ((since.getTime() - LOOKBACK_MARGIN_MS) / 1000).toFixed(6);
    const pages = new Set<number>();
    let cursor: string | undefined;
    try {
      for (let n = 0; n < MAX_HISTORY_PAGES; n++) {
        const history = await this.call(() =>
          this.client.conversations.history({
            channel,
            oldest,
            limit: HISTORY_LIMIT,
            include_all_metadata: true,
            ...(cursor ? { cursor } : {}),
          }),
        );
        for (const message of history.messages ?? []) {
          const metadata = message.metadata;
          if (metadata?.event_type !== OUTBOX_EVENT_TYPE) continue;
          const payload = (metadata.event_payload ?? {}) as { key?: unknown; page?: unknown };
          if (payload.key === key) pages.add(Number(payload.page ?? 1));
        }
        cursor = history.response_metadata?.next_cursor || undefined;
        if (!history.has_more || !cursor) return { pages };
      }
      this.options.log(
        `slack: more than ${MAX_HISTORY_PAGES * HISTORY_LIMIT} messages in ${channel} to check`,
      );
      return { pages };
    } catch (error) {
      const slackError = slackErrorOf(error);
      if (slackError !== undefined && CANNOT_LOOK.has(slackError)) return { cannotLook: slackError };
      throw error;
    }
  }

  /** `findPosted` for a recipient; a channel that cannot be read is said once in the log. */
  private async posted(recipient: Recipient, delivery: Delivery, since: Date): Promise<Set<number>> {
    const channel =
      recipient.kind === 'group'
        ? (this.settings.SLACK_GROUP_CHANNEL ?? null)
        : await this.dmChannel(recipient.externalId);
    if (!channel) return new Set();
    const found = await this.findPosted(channel, delivery.key, since);
    if ('pages' in found) return found.pages;
    if (!this.warnedCannotLook) {
      this.warnedCannotLook = true;
      this.options.log(
        `slack: cannot read back earlier messages (${found.cannotLook}): a message whose delivery is unconfirmed is posted again. Reinstall the app with the im:history, channels:history and groups:history scopes.`,
      );
    }
    return new Set();
  }
}

/** The Slack sender for these options. */
export function createSender(options: SenderOptions): SlackSender {
  return new SlackSender(options);
}

function slackErrorOf(error: unknown): string | undefined {
  const e = error as { code?: string; data?: { error?: string } };
  return e?.code === ErrorCode.PlatformError ? e.data?.error : undefined;
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
      // Slack may have acted on the request before the gateway failed: unknown fate.
      if (status >= 500) return { ok: false, retryable: true, reason, code: 'server_error', uncertain: true };
      return { ok: false, retryable: false, reason, code: 'rejected' };
    }
    case ErrorCode.PlatformError: {
      const slackError = e.data?.error ?? '';
      if (NOT_REACHABLE.has(slackError)) return notReachable(reason);
      if (slackError === 'ratelimited')
        return { ok: false, retryable: true, reason, code: 'rate_limited', retryAfterMs: 60_000 };
      if (SERVER_SIDE.has(slackError))
        return { ok: false, retryable: true, reason, code: 'server_error', uncertain: true };
      return { ok: false, retryable: false, reason, code: 'rejected' };
    }
    default:
      // Request errors (DNS, refused, timeouts) and anything unexpected: try again later. A timeout
      // may come after Slack took the message, so its fate is unknown.
      return { ok: false, retryable: true, reason, code: 'network', uncertain: true };
  }
}
