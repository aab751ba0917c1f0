/** Paging of the App Home's task list. */
import type { ListenerModule } from '../../deps.ts';
import { publishHome } from '../../flows/home.ts';
import { ACTIONS } from '../../ids.ts';
import { buttonAction } from '../shared.ts';

export const homePageAction: ListenerModule = buttonAction(
  ACTIONS.homePage,
  'paging the App Home',
  async ({ deps, client, body, action }) => {
    const page = Number.parseInt(action.value ?? '1', 10);
    await publishHome(deps, client, body.user.id, Number.isFinite(page) ? page : 1);
  },
);
