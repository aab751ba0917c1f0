/** The status form submitted: core.submitReport; field errors beside the fields, in the member's language. */
import { renderMessage } from '../../blocks/message.ts';
import { fieldErrors } from '../../blocks/report-modal.ts';
import type { ListenerModule } from '../../deps.ts';
import { taskIdOf } from '../../flows/task-ref.ts';
import { ACTIONS, BLOCKS, CALLBACKS, INPUTS } from '../../ids.ts';
import { type SubmitWork, selectedOf, submissionListener, textOf } from './submission.ts';

export const reportSubmit: ListenerModule = {
  kind: 'view',
  id: CALLBACKS.report,
  register(router, deps) {
    const work: SubmitWork = async (viewer, ctx, meta, values, requestKey) => {
      const taskId = taskIdOf(selectedOf(values, BLOCKS.task, ACTIONS.formTask)) ?? meta.task;
      if (taskId === null)
        return { kind: 'errors', errors: { [BLOCKS.task]: ctx.t('slack.form.task_required') } };
      const draft = {
        status: selectedOf(values, BLOCKS.status, INPUTS.status) ?? '',
        percent: textOf(values, BLOCKS.percent, INPUTS.percent),
        done: textOf(values, BLOCKS.done, INPUTS.done),
        blockers: textOf(values, BLOCKS.blockers, INPUTS.blockers),
        evidenceUrl: textOf(values, BLOCKS.evidence, INPUTS.evidence),
      };
      const result = await deps.core.submitReport(viewer, {
        task: taskId,
        draft,
        periodKey: meta.period,
        requestKey,
      });
      if (result.kind === 'report-form') return { kind: 'errors', errors: fieldErrors(result.errors, ctx) };
      if (result.kind === 'notice') return { kind: 'refused', notice: result };
      return { kind: 'saved', message: renderMessage(result, ctx) };
    };
    router.view(CALLBACKS.report, submissionListener(deps, 'report', work));
  },
};
