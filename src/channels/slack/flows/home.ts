/**
 * The App Home of one member, published with views.publish: their tasks, the next meeting, and for
 * those the core gives the whole group's summary (chairs, vice-chairs, admins), its totals.
 */
import type { WebClient } from '@slack/web-api';
import { renderHome, unregisteredHome } from '../blocks/home.ts';
import type { SlackDeps } from '../deps.ts';
import { whoIs } from '../viewer.ts';

export async function publishHome(
  deps: SlackDeps,
  client: WebClient,
  userId: string,
  page = 1,
): Promise<void> {
  const who = await whoIs(deps, userId);
  if (who.viewer === null) {
    await client.views.publish({ user_id: userId, view: unregisteredHome(who.notice, who.ctx) });
    return;
  }
  const { viewer, ctx } = who;
  const [tasks, meeting, summary] = await Promise.all([
    deps.core.handle(viewer, { name: 'tasks' }),
    deps.core.handle(viewer, { name: 'meeting', args: [] }),
    deps.core.handle(viewer, { name: 'summary', period: null, post: false }),
  ]);
  if (tasks.kind !== 'my-tasks' || meeting.kind !== 'meeting')
    throw new Error('unexpected views for the App Home');
  // The core scopes summaries: a group-wide one (scopeUnit null) means this member oversees the group.
  const group = summary.kind === 'summary' && summary.scopeUnit === null ? summary : null;
  const view = renderHome({ viewer, tasks, meeting, summary: group }, ctx, page);
  await client.views.publish({ user_id: userId, view });
}
