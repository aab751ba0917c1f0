/** "Nhắc lại sau" submitted: core.snooze with the day and the reason; a bad day is shown beside the picker. */
import { renderMessage } from '../../blocks/message.ts';
import type { ListenerModule } from '../../deps.ts';
import { BLOCKS, CALLBACKS, INPUTS } from '../../ids.ts';
import { dateOf, type SubmitWork, submissionListener, textOf } from './submission.ts';

export const snoozeSubmit: ListenerModule = {
  kind: 'view',
  id: CALLBACKS.snooze,
  register(router, deps) {
    const work: SubmitWork = async (viewer, ctx, meta, values, _client, requestKey) => {
      if (meta.task === null) return { kind: 'nothing' };
      const until = dateOf(values, BLOCKS.snoozeUntil, INPUTS.snoozeUntil) ?? '';
      const reason = textOf(values, BLOCKS.snoozeReason, INPUTS.snoozeReason);
      const result = await deps.core.snooze(viewer, meta.task, until, reason, requestKey);
      if (result.key === 'snooze.invalid_date') {
        return { kind: 'errors', errors: { [BLOCKS.snoozeUntil]: ctx.tl(result.key, result.params) } };
      }
      if (result.tone !== 'success') return { kind: 'refused', notice: result };
      return { kind: 'saved', message: renderMessage(result, ctx) };
    };
    router.view(CALLBACKS.snooze, submissionListener(deps, 'snooze', work));
  },
};
