/**
 * "Đã hoàn thành": core.markDone at once (done, 100 %), then a small modal asking for the product
 * link, whose submission marks it done again with the URL. A double click is done once.
 */
import { renderMessage } from '../../blocks/message.ts';
import { doneLinkModal } from '../../blocks/task-modals.ts';
import type { ListenerModule } from '../../deps.ts';
import { publishHome } from '../../flows/home.ts';
import { taskIdOf } from '../../flows/task-ref.ts';
import { ACTIONS } from '../../ids.ts';
import { tell } from '../../reply.ts';
import { whoIs } from '../../viewer.ts';
import { answerClick, buttonAction, metaFrom } from '../shared.ts';

export const markDoneAction: ListenerModule = buttonAction(
  ACTIONS.markDone,
  'marking a task done',
  async ({ deps, client, body, action, target }) => {
    const who = await whoIs(deps, body.user.id);
    if (who.viewer === null) return answerClick(deps, client, body, who.notice, who.ctx);
    const { viewer, ctx } = who;
    const taskId = taskIdOf(action.value);
    if (taskId === null) return;
    const where = body.container?.message_ts ?? body.view?.id ?? '';
    const run = deps.dedupe.once(`done:${body.user.id}:${taskId}:${where}`, () =>
      deps.core.markDone(viewer, taskId),
    );
    const result = await run.result;
    if (!run.fresh) return;
    if (result.kind === 'notice') return answerClick(deps, client, body, result, ctx);
    if (result.kind === 'report-form') {
      // Only a stored evidence link could fail here; show what the core says about it.
      const first = result.errors[0];
      const notice = {
        kind: 'notice' as const,
        tone: 'error' as const,
        key: first?.key ?? 'slack.error.generic',
      };
      return answerClick(deps, client, body, { ...notice, params: first?.params }, ctx);
    }
    const meta = metaFrom(body, taskId);
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: doneLinkModal(result, meta, ctx) });
    } catch {
      // The trigger expired (3 s): the member still hears that the task is recorded as done.
      await tell(deps, client, target, renderMessage(result, ctx));
    }
    if (meta.origin === 'home') await publishHome(deps, client, body.user.id);
  },
);
