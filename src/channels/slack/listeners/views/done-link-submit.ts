/** The product link after "Đã hoàn thành": core.markDone again, with the URL; empty means nothing to add. */
import { renderMessage } from '../../blocks/message.ts';
import { fieldErrors } from '../../blocks/report-modal.ts';
import type { ListenerModule } from '../../deps.ts';
import { BLOCKS, CALLBACKS, INPUTS } from '../../ids.ts';
import { type SubmitWork, submissionListener, textOf } from './submission.ts';

export const doneLinkSubmit: ListenerModule = {
  kind: 'view',
  id: CALLBACKS.doneLink,
  register(router, deps) {
    const work: SubmitWork = async (viewer, ctx, meta, values, _client, requestKey) => {
      const url = textOf(values, BLOCKS.doneLink, INPUTS.doneLink).trim();
      if (url === '' || meta.task === null) return { kind: 'nothing' };
      const result = await deps.core.markDone(viewer, meta.task, url, { requestKey });
      if (result.kind === 'notice') return { kind: 'refused', notice: result };
      if (result.kind === 'report-form') {
        // Every field but the link is fixed by markDone, so all errors belong beside the link.
        const onLink = { status: BLOCKS.doneLink, percent: BLOCKS.doneLink, done: BLOCKS.doneLink };
        return {
          kind: 'errors',
          errors: fieldErrors(result.errors, ctx, {
            ...onLink,
            blockers: BLOCKS.doneLink,
            evidenceUrl: BLOCKS.doneLink,
          }),
        };
      }
      return { kind: 'saved', message: renderMessage(result, ctx) };
    };
    router.view(CALLBACKS.doneLink, submissionListener(deps, 'done-link', work));
  },
};
