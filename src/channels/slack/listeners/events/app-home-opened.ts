/** The App Home opened: views.publish with the member's tasks (and the group's totals for chairs). */
import type { ListenerModule } from '../../deps.ts';
import { publishHome } from '../../flows/home.ts';
import { EVENTS } from '../../ids.ts';
import { describe } from '../../reply.ts';

export const appHomeOpened: ListenerModule = {
  kind: 'event',
  id: EVENTS.appHomeOpened,
  register(router, deps) {
    router.event(EVENTS.appHomeOpened, async ({ event, body, client }) => {
      if (event.tab !== 'home') return;
      // Slack delivers again (X-Slack-Retry-Num) when the first delivery was not acked in time.
      if (deps.dedupe.seen(`event:${body.event_id}`)) return;
      try {
        await deps.track(publishHome(deps, client, event.user));
      } catch (error) {
        deps.log(`slack: App Home for ${event.user} failed: ${describe(error)}`);
      }
    });
  },
};
