/**
 * The terminal as a channel for proactive messages (the embedded default): `send` hands each view to
 * a `deliver` callback, which prints it in the terminal chat (`TerminalChat.deliver`) or, in
 * `da06 simulate`, with its simulated time and recipient. It reaches the group and every member
 * linked with a terminal login; nothing can fail but the callback itself.
 */

import type { Channel, Recipient, SendOutcome } from '../../app/ports/channel.ts';
import type { View } from '../../app/views.ts';

export type Deliver = (view: View, recipient: Recipient) => void | Promise<void>;

export class TerminalChannel implements Channel {
  readonly platform = 'terminal' as const;
  readonly routes = [];

  constructor(private readonly deliver: Deliver) {}

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  async send(recipient: Recipient, view: View): Promise<SendOutcome> {
    try {
      await this.deliver(view, recipient);
      return { ok: true };
    } catch (error) {
      return {
        ok: false,
        retryable: true,
        code: 'network',
        reason: error instanceof Error ? error.message : String(error),
      };
    }
  }

  async canReach(recipient: Recipient): Promise<boolean> {
    return recipient.kind === 'group' || recipient.externalId.trim() !== '';
  }
}
