/** `/da06 …`: acked at once; the answer (modal, reply, post to the group's channel, file upload) follows. */

import type { ListenerModule } from '../../deps.ts';
import { answerCommand } from '../../flows/command.ts';
import { COMMAND } from '../../ids.ts';
import { unescapeSlack } from '../../viewer.ts';
import { afterAck } from '../shared.ts';

export const da06Command: ListenerModule = {
  kind: 'command',
  id: COMMAND,
  register(router, deps) {
    router.command(COMMAND, async ({ command, ack, client }) => {
      await ack();
      const target = { userId: command.user_id, responseUrl: command.response_url };
      await afterAck(deps, client, target, `${COMMAND} ${command.text}`, () =>
        answerCommand(deps, client, {
          userId: command.user_id,
          text: unescapeSlack(command.text ?? ''),
          responseUrl: command.response_url,
          triggerId: command.trigger_id,
          channelId: command.channel_id,
        }),
      );
    });
  },
};
