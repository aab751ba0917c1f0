/** Choosing a task in the report modal: the form reloads, pre-filled with that task's report of the period. */
import type { BlockAction, ExternalSelectAction, StaticSelectAction } from '@slack/bolt';
import { noticeModal } from '../../blocks/notice-modal.ts';
import { reportModal } from '../../blocks/report-modal.ts';
import type { ListenerModule } from '../../deps.ts';
import { formFor } from '../../flows/report-form.ts';
import { taskIdOf } from '../../flows/task-ref.ts';
import { ACTIONS, BLOCKS, INPUTS } from '../../ids.ts';
import { decodeMeta } from '../../metadata.ts';
import { describe } from '../../reply.ts';
import { whoIs } from '../../viewer.ts';
import { selectedOf } from '../views/submission.ts';

type TaskSelect = BlockAction<StaticSelectAction | ExternalSelectAction>;

export const formTaskAction: ListenerModule = {
  kind: 'action',
  id: ACTIONS.formTask,
  register(router, deps) {
    router.action<TaskSelect>(ACTIONS.formTask, async ({ ack, body, action, client }) => {
      await ack();
      const modal = body.view;
      if (!modal) return;
      try {
        await deps.track(
          (async () => {
            const who = await whoIs(deps, body.user.id);
            if (who.viewer === null) return;
            // The month chosen in the modal so far stays chosen when the form reloads.
            const meta = decodeMeta(modal.private_metadata);
            const period =
              selectedOf(modal.state.values, BLOCKS.period, INPUTS.period) ?? meta.period ?? null;
            const form = await formFor(deps, who.viewer, taskIdOf(action.selected_option?.value), period);
            const view =
              form.kind === 'notice' ? noticeModal(form, who.ctx) : reportModal(form, meta, who.ctx);
            // The hash makes Slack refuse the update if the member changed the view meanwhile.
            await client.views.update({ view_id: modal.id, hash: modal.hash, view });
          })(),
        );
      } catch (error) {
        deps.log(`slack: reloading the report form failed: ${describe(error)}`);
      }
    });
  },
};
