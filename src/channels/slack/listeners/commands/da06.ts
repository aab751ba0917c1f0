/**
 * `/da06 …`: acked at once; the answer (modal, reply, post to the group's channel, file upload) follows,
 * once per trigger id: a replayed or retried delivery of the same command does nothing (ADR 25).
 */

import type { ListenerModule } from '../../deps.ts';
import { answerCommand } from '../../flows/command.ts';
import { COMMAND } from '../../ids.ts';
import { unescapeSlack } from '../../viewer.ts';
import { afterAck, oncePerTrigger } from '../shared.ts';

export const da06Command: ListenerModule = {
  kind: 'command',
  id: COMMAND,
  register(router, deps) {
    router.command(COMMAND, async ({ command, ack, client }) => {
      await ack();
      const target = { userId: command.user_id, responseUrl: command.response_url };
      await afterAck(deps, client, target, `${COMMAND} ${command.text}`, () =>
        oncePerTrigger(deps, command.trigger_id, command.user_id, () =>
          answerCommand(deps, client, {
            userId: command.user_id,
            text: unescapeSlack(command.text ?? ''),
            responseUrl: command.response_url,
            triggerId: command.trigger_id,
            channelId: command.channel_id,
          }),
        ),
      );
    });
  },
};
