/** "Next meeting": the next giao ban that is not cancelled. */
import type { CoreDeps } from '../core-deps.ts';
import type { MeetingView, Viewer } from '../views.ts';

export async function nextMeeting(deps: CoreDeps, viewer: Viewer): Promise<MeetingView> {
  const next = await deps.meetings.nextPlanned(deps.clock.now());
  return {
    kind: 'meeting',
    viewer,
    next: next
      ? { startsAt: next.startsAt.toISOString(), place: next.place, agenda: next.agenda, note: next.note }
      : null,
  };
}
