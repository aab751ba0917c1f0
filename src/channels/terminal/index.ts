/**
 * The terminal channel, one adapter like Slack's and Teams': it owns the chat (terminal-chat.ts:
 * commands typed or piped in, the guided report form of report-dialog.ts, with a turn error handler)
 * and the sender of proactive messages, which prints each one in that chat, headed by whom it is for.
 * `da06 simulate` gives its own `deliver` instead (the simulated time and recipient). It reaches the
 * group and every member linked with a terminal login; nothing can fail but the printing itself.
 */

import { type Channel, failedSend, type Recipient, type SendOutcome } from '../../app/ports/channel.ts';
import type { View } from '../../app/views.ts';
import { TerminalChat, type TerminalChatOptions } from './terminal-chat.ts';

export type Deliver = (view: View, recipient: Recipient) => void | Promise<void>;

export class TerminalAdapter implements Channel {
  readonly platform = 'terminal' as const;
  readonly routes = [];
  private chat: TerminalChat | null = null;

  /** With `deliver`, messages go there; without, to the chat once it is open (dropped before). */
  constructor(private readonly deliver?: Deliver) {}

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /** Opens the chat for the person at the terminal (once the core exists). */
  openChat(options: TerminalChatOptions): TerminalChat {
    this.chat = new TerminalChat(options);
    return this.chat;
  }

  /** Runs the chat until `exit` or the end of input. */
  async run(): Promise<void> {
    await this.chat?.run();
  }

  async send(recipient: Recipient, view: View): Promise<SendOutcome> {
    try {
      if (this.deliver) await this.deliver(view, recipient);
      else await this.chat?.deliver(view, recipient);
      return { ok: true };
    } catch (error) {
      return failedSend(error);
    }
  }

  async canReach(recipient: Recipient): Promise<boolean> {
    return recipient.kind === 'group' || recipient.externalId.trim() !== '';
  }
}

export type { TerminalChatOptions } from './terminal-chat.ts';
