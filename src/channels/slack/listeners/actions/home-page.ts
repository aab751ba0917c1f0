/** Paging of the App Home's task list. */
import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { ListenerModule } from '../../deps.ts';
import { publishHome } from '../../flows/home.ts';
import { ACTIONS } from '../../ids.ts';
import { afterAck } from '../shared.ts';

export const homePageAction: ListenerModule = {
  kind: 'action',
  id: ACTIONS.homePage,
  register(router, deps) {
    router.action<BlockAction<ButtonAction>>(ACTIONS.homePage, async ({ ack, body, action, client }) => {
      await ack();
      const page = Number.parseInt(action.value ?? '1', 10);
      await afterAck(deps, client, { userId: body.user.id }, 'paging the App Home', () =>
        publishHome(deps, client, body.user.id, Number.isFinite(page) ? page : 1),
      );
    });
  },
};
