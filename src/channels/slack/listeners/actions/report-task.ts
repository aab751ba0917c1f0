/** "Cập nhật tiến độ" / "Báo cáo tiến độ": the report modal on that task (or with the task picker). */
import { reportModal } from '../../blocks/report-modal.ts';
import type { ListenerModule } from '../../deps.ts';
import { formFor } from '../../flows/report-form.ts';
import { taskIdOf } from '../../flows/task-ref.ts';
import { ACTIONS } from '../../ids.ts';
import { whoIs } from '../../viewer.ts';
import { answerClick, buttonAction, metaFrom } from '../shared.ts';

export const reportTaskAction: ListenerModule = buttonAction(
  ACTIONS.reportTask,
  'opening the report form',
  async ({ deps, client, body, action }) => {
    const who = await whoIs(deps, body.user.id);
    if (who.viewer === null) return answerClick(deps, client, body, who.notice, who.ctx);
    const form = await formFor(deps, who.viewer, taskIdOf(action.value));
    if (form.kind === 'notice') return answerClick(deps, client, body, form, who.ctx);
    const view = reportModal(form, metaFrom(body, form.taskId), who.ctx);
    await client.views.open({ trigger_id: body.trigger_id, view });
  },
);
