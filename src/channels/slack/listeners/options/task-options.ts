/**
 * Matches for the task picker when a unit has more than 100 tasks (an external select): the member's
 * tasks whose code or content contains what they typed, diacritics ignored, at most 100.
 */
import { foldVietnamese } from '../../../../domain/text.ts';
import { LIMITS } from '../../blocks/kit.ts';
import { taskOption } from '../../blocks/report-modal.ts';
import type { ListenerModule } from '../../deps.ts';
import { ACTIONS } from '../../ids.ts';
import { describe } from '../../reply.ts';
import { whoIs } from '../../viewer.ts';

export const taskOptions: ListenerModule = {
  kind: 'options',
  id: ACTIONS.formTask,
  register(router, deps) {
    router.options<'block_suggestion'>(ACTIONS.formTask, async ({ ack, body }) => {
      try {
        const who = await whoIs(deps, body.user.id);
        const form = who.viewer ? await deps.core.reportForm(who.viewer, null) : null;
        if (form?.kind !== 'report-form') return ack({ options: [] });
        const query = foldVietnamese(body.value ?? '');
        const matches = form.choices.filter(
          (c) => query === '' || foldVietnamese(`${c.code} ${c.content}`).includes(query),
        );
        await ack({ options: matches.slice(0, LIMITS.selectOptions).map(taskOption) });
      } catch (error) {
        deps.log(`slack: task options failed: ${describe(error)}`);
        await ack({ options: [] });
      }
    });
  },
};
