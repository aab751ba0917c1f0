/** "Xem thêm" under a long reply: the command runs again and the next page comes as a new reply. */
import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { ListenerModule } from '../../deps.ts';
import { answerCommand } from '../../flows/command.ts';
import { parseMore } from '../../flows/pages.ts';
import { ACTIONS } from '../../ids.ts';
import { afterAck } from '../shared.ts';

export const moreAction: ListenerModule = {
  kind: 'action',
  id: ACTIONS.more,
  register(router, deps) {
    router.action<BlockAction<ButtonAction>>(ACTIONS.more, async ({ ack, body, action, client }) => {
      await ack();
      const more = parseMore(action.value);
      if (!more) return;
      const target = { userId: body.user.id, responseUrl: body.response_url };
      await afterAck(deps, client, target, 'showing the next page', () =>
        answerCommand(deps, client, {
          userId: body.user.id,
          text: more.c,
          responseUrl: body.response_url,
          page: more.p,
        }),
      );
    });
  },
};
