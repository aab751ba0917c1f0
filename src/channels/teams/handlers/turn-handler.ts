import type { Activity, AdaptiveCardInvokeResponse, Attachment, TurnContext } from 'botbuilder';
import type { Core } from '../../../app/core.ts';
import type { SendOutcome } from '../../../app/ports/channel.ts';
import type { NoticeView, View, Viewer } from '../../../app/views.ts';
import type { Locale } from '../../../domain/roles.ts';
import { renderContext } from '../../../presentation/context.ts';
import type { CardLedger } from '../card-ledger.ts';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard, text } from '../cards/card.ts';
import { renderNoticeCard } from '../cards/notice.ts';
import type { ConversationStore } from '../conversation-store.ts';
import type { PendingFiles } from '../file-uploads.ts';
import { localeOf } from '../i18n.ts';

export interface TeamsBotOptions {
  core: Core;
  conversations: ConversationStore;
  ledger: CardLedger;
  defaultLocale: Locale;
  log: (line: string) => void;
  /** Runs work after the turn has answered (reference writes); failures are logged. */
  later: (label: string, work: () => Promise<unknown>) => void;
  /** Posts a view to the group's team channel ("tổng hợp đăng"). */
  postToGroup: (view: View) => Promise<SendOutcome>;
  /** Posts to a member's personal chat with the bot (by AAD object id): files asked for in a channel. */
  sendPersonal?: (aadObjectId: string, attachments: Attachment[]) => Promise<SendOutcome>;
  /** Files waiting for the user's consent (a fresh store when not given). */
  pendingFiles?: PendingFiles;
  /** The outbound fetch for the OneDrive uploads (through HTTPS_PROXY); the global fetch if not given. */
  fetch?: typeof globalThis.fetch;
  newCardId?: () => string;
}

export const MESSAGE_RESPONSE_TYPE = 'application/vnd.microsoft.activity.message';
/** Commands kept in a consent card's context to make the file anew after a restart. */
export const CONSENT_COMMAND_MAX = 200;

/** The parts of the bot a handler works with (one per bot, shared by its handlers). */
export interface BotParts {
  options: TeamsBotOptions;
  newCardId: () => string;
  pendingFiles: PendingFiles;
}

/** The base of the turn handlers: the core, the group's time zone and the member asking. */
export class TurnHandler {
  protected readonly core: Core;
  protected readonly options: TeamsBotOptions;
  protected readonly newCardId: () => string;
  protected readonly pendingFiles: PendingFiles;

  constructor(parts: BotParts) {
    this.core = parts.options.core;
    this.options = parts.options;
    this.newCardId = parts.newCardId;
    this.pendingFiles = parts.pendingFiles;
  }

  protected get timeZone(): string {
    return this.core.deps.group.timeZone;
  }

  protected async identify(
    activity: Activity,
  ): Promise<{ kind: 'viewer'; viewer: Viewer } | { kind: 'notice'; notice: NoticeView; locale: Locale }> {
    const locale = localeOf(activity.locale, this.options.defaultLocale);
    const aad = activity.from?.aadObjectId;
    const who = await this.core.identify('teams', aad ?? activity.from?.id ?? '');
    return 'kind' in who ? { kind: 'notice', notice: who, locale } : { kind: 'viewer', viewer: who };
  }
}

/** The command typed: the bot's @mention and HTML left by Teams removed. */
export function commandText(activity: Pick<Activity, 'text' | 'entities' | 'recipient'>): string {
  let typed = activity.text ?? '';
  for (const entity of activity.entities ?? []) {
    const mention = entity as { type?: string; text?: string; mentioned?: { id?: string } };
    if (
      mention.type?.toLowerCase() === 'mention' &&
      mention.mentioned?.id === activity.recipient?.id &&
      mention.text
    ) {
      typed = typed.split(mention.text).join(' ');
    }
  }
  return typed
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

export function unregisteredCard(notice: NoticeView, locale: Locale, timeZone: string): AdaptiveCard {
  const ctx = renderContext(locale, timeZone);
  return renderNoticeCard(notice, ctx, [text(ctx.t('teams.unregistered_hint'), { isSubtle: true })]);
}

export function cardAttachment(card: AdaptiveCard): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

export async function reply(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity({ type: 'message', attachments: [cardAttachment(card)] });
}

export function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: ADAPTIVE_CARD_CONTENT_TYPE,
    value: card as unknown as Record<string, unknown>,
  };
}

export function messageResponse(message: string): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: MESSAGE_RESPONSE_TYPE,
    value: message as unknown as Record<string, unknown>,
  };
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
