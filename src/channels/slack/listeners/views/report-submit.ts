/** The status form submitted: core.submitReport; field errors beside the fields, in the member's language. */
import { renderMessage } from '../../blocks/message.ts';
import { renderNotice } from '../../blocks/notice.ts';
import { fieldErrors } from '../../blocks/report-modal.ts';
import type { ListenerModule } from '../../deps.ts';
import { evidenceFilesOf, slackEvidenceUploads } from '../../flows/evidence.ts';
import { taskIdOf } from '../../flows/task-ref.ts';
import { ACTIONS, BLOCKS, CALLBACKS, INPUTS } from '../../ids.ts';
import { type SubmitWork, selectedOf, submissionListener, textOf } from './submission.ts';

export const reportSubmit: ListenerModule = {
  kind: 'view',
  id: CALLBACKS.report,
  register(router, deps) {
    const work: SubmitWork = async (viewer, ctx, meta, values, client, requestKey) => {
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
      // The month chosen (during the grace days), else the one the form was opened for.
      const periodKey = selectedOf(values, BLOCKS.period, INPUTS.period) ?? meta.period;
      const result = await deps.core.submitReport(viewer, { task: taskId, draft, periodKey, requestKey });
      if (result.kind === 'report-form') return { kind: 'errors', errors: fieldErrors(result.errors, ctx) };
      if (result.kind === 'notice') return { kind: 'refused', notice: result };
      const message = renderMessage(result, ctx);
      const files = evidenceFilesOf(values);
      if (files.length === 0) return { kind: 'saved', message };
      // The report is saved; each file's outcome (kept, or refused and why) is said under it.
      const uploads = await slackEvidenceUploads(client, deps.settings, files);
      const target = { taskId: Number(taskId), periodKey: result.period.key };
      const notices = await deps.core.attachEvidence(viewer, target, uploads);
      const said = notices.map((notice) => renderNotice(notice, ctx));
      return {
        kind: 'saved',
        message: {
          text: [message.text, ...said.map((r) => r.text)].join('\n'),
          blocks: [...message.blocks, ...said.flatMap((r) => r.blocks)],
        },
      };
    };
    // Who is asking and the report in the core's optimistic scope: the report's keyed write is the
    // work's only write before the answer (evidence files come after it), so it can run twice.
    router.view(CALLBACKS.report, submissionListener(deps, 'report', work, { optimistic: true }));
  },
};
