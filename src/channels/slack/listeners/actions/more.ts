/** "Xem thêm" under a long reply: the command runs again and the next page comes as a new reply. */
import type { ListenerModule } from '../../deps.ts';
import { answerCommand } from '../../flows/command.ts';
import { parseMore } from '../../flows/pages.ts';
import { ACTIONS } from '../../ids.ts';
import { buttonAction } from '../shared.ts';

export const moreAction: ListenerModule = buttonAction(
  ACTIONS.more,
  'showing the next page',
  async ({ deps, client, body, action }) => {
    const more = parseMore(action.value);
    if (!more) return;
    await answerCommand(deps, client, {
      userId: body.user.id,
      text: more.c,
      responseUrl: body.response_url,
      page: more.p,
    });
  },
);
