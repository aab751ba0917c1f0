/** "Nhắc lại sau": a modal with a day (a week from today, to start with) and a reason. */
import { addDays, todayIn } from '../../../../domain/period.ts';
import { snoozeModal } from '../../blocks/task-modals.ts';
import type { ListenerModule } from '../../deps.ts';
import { formFor } from '../../flows/report-form.ts';
import { taskIdOf } from '../../flows/task-ref.ts';
import { ACTIONS } from '../../ids.ts';
import { whoIs } from '../../viewer.ts';
import { answerClick, buttonAction, metaFrom } from '../shared.ts';

export const snoozeAction: ListenerModule = buttonAction(
  ACTIONS.snooze,
  'opening the snooze form',
  async ({ deps, client, body, action }) => {
    const who = await whoIs(deps, body.user.id);
    if (who.viewer === null) return answerClick(deps, client, body, who.notice, who.ctx);
    const taskId = taskIdOf(action.value);
    if (taskId === null) return;
    // The report form tells whether the member may act on the task at all (the core decides).
    const form = await formFor(deps, who.viewer, taskId);
    if (form.kind === 'notice') return answerClick(deps, client, body, form, who.ctx);
    const task = form.choices.find((c) => c.taskId === taskId);
    if (!task) return;
    const { deps: core } = deps.core;
    const suggested = addDays(todayIn(core.group.timeZone, core.clock.now()), 7);
    const view = snoozeModal(task, suggested, metaFrom(body, taskId), who.ctx);
    await client.views.open({ trigger_id: body.trigger_id, view });
  },
);
