/**
 * The sentences a reminder adds under its intro (issue 19): on a repeated overdue nudge, what
 * changed since the unit's last one; on an escalation, the offer of the reminder letter.
 */
import type { ReminderView } from '../app/views.ts';
import type { RenderContext } from './context.ts';

export function reminderExtraLines(view: ReminderView, ctx: RenderContext): string[] {
  const lines: string[] = [];
  const changes = view.changes;
  if (changes) {
    const date = ctx.date(changes.since);
    const parts = [
      ...(changes.newOverdue.length > 0
        ? [ctx.t('nudge.changes.new', { codes: changes.newOverdue.join(', ') })]
        : []),
      ...(changes.doneSince.length > 0
        ? [ctx.t('nudge.changes.done', { codes: changes.doneSince.join(', ') })]
        : []),
    ];
    lines.push(
      parts.length > 0
        ? ctx.t('nudge.changes', { date, details: parts.join('; ') })
        : ctx.t('nudge.changes.none', { date }),
    );
  }
  if (view.letterUnits && view.letterUnits.length > 0) {
    lines.push(ctx.t('letter.offer', { units: view.letterUnits.join(' | ') }));
  }
  return lines;
}
