/**
 * The Teams channel as the rest of the bot sees it (`Channel`): the `/api/messages` route, proactive
 * `send` through `continueConversationAsync` on a stored conversation reference, and what became of
 * each send in the outbox's terms (not reachable, rate limited with Retry-After, server error…).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Attachment, CloudAdapter } from 'botbuilder';
import type { Core } from '../../app/core.ts';
import { type Channel, notReachable, type Recipient, type SendOutcome } from '../../app/ports/channel.ts';
import type { View } from '../../app/views.ts';
import type { Locale } from '../../domain/roles.ts';
import type { Route } from '../../server/router.ts';
import { processRequest } from './adapter.ts';
import type { ConversationStore, StoredReference } from './conversation-store.ts';
import { renderCard } from './render.ts';
import { MESSAGES_PATH } from './setup.ts';
import { cardAttachment, describe, type TeamsBot } from './teams-bot.ts';

export { MESSAGES_PATH };

/** How long `stop` waits for requests and after-turn work in flight. */
const STOP_GRACE_MS = 10_000;

export interface TeamsChannelParts {
  core: Core;
  adapter: CloudAdapter;
  bot: TeamsBot;
  conversations: ConversationStore;
  /** The bot's Microsoft App ID ('' when running unauthenticated). */
  appId: string;
  log: (line: string) => void;
  /** Said at start-up (running unauthenticated), or null. */
  warning: string | null;
}

export class TeamsChannel implements Channel {
  readonly platform = 'teams' as const;
  readonly routes: Route[];
  private stopping = false;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly parts: TeamsChannelParts,
    private readonly afterTurn: Set<Promise<unknown>>,
  ) {
    this.routes = [
      { method: 'POST', path: MESSAGES_PATH, handle: (request, response) => this.serve(request, response) },
    ];
  }

  async start(): Promise<void> {
    if (this.parts.warning) this.parts.log(this.parts.warning);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.whenIdle(STOP_GRACE_MS);
  }

  /** Resolves once no request and no after-turn work is running (or after `timeoutMs`). */
  async whenIdle(timeoutMs = STOP_GRACE_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (let round = 0; round < 100 && Date.now() < deadline; round++) {
      const pending = [...this.inFlight, ...this.afterTurn];
      if (pending.length === 0) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled(pending),
        new Promise((resolve) => {
          timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        }),
      ]);
      clearTimeout(timer);
    }
  }

  async canReach(recipient: Recipient): Promise<boolean> {
    return (await this.referenceOf(recipient)) !== null;
  }

  async send(recipient: Recipient, view: View): Promise<SendOutcome> {
    const reference = await this.referenceOf(recipient);
    if (!reference) {
      return notReachable(
        recipient.kind === 'member'
          ? 'chưa có cuộc trò chuyện riêng với trợ lý trên Teams (thành viên chưa cài ứng dụng)'
          : 'chưa có kênh Teams của Tổ công tác (ứng dụng chưa được thêm vào nhóm)',
      );
    }
    return this.deliver(reference, view, recipient.locale);
  }

  /** Posts to the group's team channel, in the group's language. */
  postToGroup(view: View): Promise<SendOutcome> {
    const locale: Locale = this.parts.core.locale;
    return this.send({ kind: 'group', locale }, view);
  }

  /**
   * Posts attachments (a FileConsentCard…) to a member's personal chat with the bot, by their Teams
   * account (AAD object id); `not_reachable` when the bot has no personal chat with them.
   */
  async sendPersonal(aadObjectId: string, attachments: Attachment[]): Promise<SendOutcome> {
    const reference = await this.parts.conversations.memberReference(aadObjectId);
    if (!reference) {
      return notReachable('chưa có cuộc trò chuyện riêng với trợ lý trên Teams');
    }
    return this.deliverAttachments(reference, attachments);
  }

  private deliver(reference: StoredReference, view: View, locale: Locale): Promise<SendOutcome> {
    const card = renderCard(view, locale, {
      cardId: randomUUID(),
      timeZone: this.parts.core.timeZone,
    });
    return this.deliverAttachments(reference, [cardAttachment(card)]);
  }

  private async deliverAttachments(
    reference: StoredReference,
    attachments: Attachment[],
  ): Promise<SendOutcome> {
    let messageId: string | undefined;
    let failure: unknown;
    try {
      // The turn's own error handler would swallow a failed send, so the logic keeps the error itself.
      await this.parts.adapter.continueConversationAsync(this.parts.appId, reference, async (context) => {
        // A proactive message starts a new message (a new thread in a channel), not a reply to the
        // continuation event the adapter made up for this turn.
        context.onSendActivities(async (_context, activities, next) => {
          for (const activity of activities) activity.replyToId = undefined;
          return next();
        });
        try {
          const sent = await context.sendActivity({ type: 'message', attachments });
          messageId = sent?.id;
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure = error;
    }
    if (failure === undefined) return { ok: true, ...(messageId ? { messageId } : {}) };
    const outcome = sendFailure(failure);
    this.parts.log(`[teams] proactive send failed (${outcome.code}): ${outcome.reason}`);
    return outcome;
  }

  private referenceOf(recipient: Recipient): Promise<StoredReference | null> {
    return recipient.kind === 'member'
      ? this.parts.conversations.memberReference(recipient.externalId)
      : this.parts.conversations.groupReference();
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (this.stopping) {
      response
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' })
        .end('Shutting down');
      return;
    }
    const work = processRequest(
      this.parts.adapter,
      (context) => this.parts.bot.run(context),
      request,
      response,
      { requireToken: this.parts.appId !== '', log: this.parts.log },
    );
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
    }
  }
}

/** A connector error as the outbox needs it: 403/404 unreachable, 429 and 5xx retryable with Retry-After. */
export function sendFailure(error: unknown): Extract<SendOutcome, { ok: false }> {
  const status = statusOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  const reason = status ? `Teams trả lời ${status}: ${detail}` : detail;
  const retryAfterMs = retryAfterOf(error);
  const after = retryAfterMs === undefined ? {} : { retryAfterMs };
  if (status === 403 || status === 404) {
    return notReachable(reason);
  }
  if (status === 429) return { ok: false, retryable: true, code: 'rate_limited', reason, ...after };
  if (status !== undefined && status >= 500)
    return { ok: false, retryable: true, code: 'server_error', reason, ...after };
  if (status !== undefined) return { ok: false, retryable: false, code: 'rejected', reason };
  const tokenStatus = (error as { tokenStatus?: unknown }).tokenStatus;
  if (tokenStatus === 400 || tokenStatus === 401) {
    return {
      ok: false,
      retryable: false,
      code: 'rejected',
      reason: `${reason} (kiểm tra MicrosoftAppId/MicrosoftAppPassword)`,
    };
  }
  return { ok: false, retryable: true, code: 'network', reason: describeShort(error) };
}

function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; response?: { status?: unknown } } | null;
  const status = typeof e?.statusCode === 'number' ? e.statusCode : e?.response?.status;
  return typeof status === 'number' && status >= 100 && status < 600 ? status : undefined;
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from now. */
export function retryAfterOf(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: unknown } } | null)?.response?.headers as
    | { get?: (name: string) => string | null | undefined }
    | Record<string, string | undefined>
    | undefined;
  if (!headers) return undefined;
  const raw =
    typeof headers.get === 'function'
      ? headers.get('retry-after')
      : ((headers as Record<string, string | undefined>)['retry-after'] ??
        (headers as Record<string, string | undefined>)['Retry-After']);
  if (raw === null || raw === undefined || raw === '') return undefined;
  const value = String(raw).trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function describeShort(error: unknown): string {
  return describe(error).split('\n')[0] ?? 'lỗi không xác định';
}
