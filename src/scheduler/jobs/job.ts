/** What a scheduler job is: when it runs (`schedule`) and who gets what (`handler`). */

import type { CoreDeps } from '../../app/core-deps.ts';
import type { RosterRepository } from '../../app/ports/stores.ts';
import type { WorkingCalendar } from '../../domain/working-days.ts';
import type { NewOutboxMessage, OutboxStore } from '../../store/outbox-store.ts';
import type { Audience } from '../audience.ts';
import type { ScheduleConfig } from '../config.ts';
import type { JobId, Occurrence, PlanInput } from '../plan-occurrences.ts';

/** Outbox kinds: one per job, plus the notes to the chair. */
export type MessageKind = JobId | 'unreachable-unit' | 'undeliverable';

export interface JobContext {
  deps: CoreDeps;
  config: ScheduleConfig;
  calendar: WorkingCalendar;
  audience: Audience;
  roster: RosterRepository;
  outbox: OutboxStore;
  now: Date;
  /** Today in the group's time zone. */
  today: string;
}

export interface JobOutput {
  messages: NewOutboxMessage[];
  marks?: string[];
}

export interface JobDefinition {
  id: JobId;
  /** When it runs, in words (docs/scheduler.md lists the same). */
  when: string;
  /** Its occurrences in the plan's window. */
  schedule(input: PlanInput): Occurrence[];
  /** Who gets what for one occurrence. Reads only. */
  handler(ctx: JobContext, occurrence: Occurrence): Promise<JobOutput>;
}
