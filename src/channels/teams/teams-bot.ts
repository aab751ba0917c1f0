/**
 * The bot's turn logic (an `ActivityHandler`, kept apart from the adapter set-up as the
 * BotBuilder-Samples do): commands typed in personal chat or after an @mention in a channel, the
 * Universal Actions of our cards, and install / uninstall, which keep the conversation references
 * proactive messages need. Every decision is the core's; this class translates.
 */

import { randomUUID } from 'node:crypto';
import {
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type FileConsentCardResponse,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { PendingFiles } from './file-uploads.ts';
import { CardActionHandler } from './handlers/card-action.ts';
import { FileConsentHandler } from './handlers/file-consent.ts';
import { InstallHandler } from './handlers/install.ts';
import { MessageHandler } from './handlers/message.ts';
import { type BotParts, describe, type TeamsBotOptions } from './handlers/turn-handler.ts';

export type { TeamsBotOptions } from './handlers/turn-handler.ts';

const FILE_CONSENT_INVOKE = 'fileConsent/invoke';

/** The router: each kind of activity to its handler (handlers/). */
export class TeamsBot extends ActivityHandler {
  private readonly messages: MessageHandler;
  private readonly fileConsent: FileConsentHandler;
  private readonly install: InstallHandler;
  private readonly cardActions: CardActionHandler;

  constructor(private readonly options: TeamsBotOptions) {
    super();
    const parts: BotParts = {
      options,
      newCardId: options.newCardId ?? (() => randomUUID()),
      pendingFiles: options.pendingFiles ?? new PendingFiles(),
    };
    this.messages = new MessageHandler(parts);
    this.fileConsent = new FileConsentHandler(parts);
    this.install = new InstallHandler(parts);
    this.cardActions = new CardActionHandler(parts);

    this.onMessage(async (context, next) => {
      this.install.rememberConversation(context.activity);
      await this.messages.handle(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const bot = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((member) => member.id === bot))
        await this.install.installed(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      const bot = context.activity.recipient?.id;
      if ((context.activity.membersRemoved ?? []).some((member) => member.id === bot))
        this.install.uninstalled(context.activity);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      this.install.rememberConversation(context.activity, true);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      this.install.uninstalled(context.activity);
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== FILE_CONSENT_INVOKE) return super.onInvokeActivity(context);
    try {
      await this.fileConsent.handle(context, context.activity.value as FileConsentCardResponse | undefined);
    } catch (error) {
      this.options.log(`[teams] file consent failed: ${describe(error)}`);
    }
    return { status: 200 };
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return this.cardActions.handle(context, invokeValue);
  }
}

export { cardAttachment, commandText, describe } from './handlers/turn-handler.ts';
