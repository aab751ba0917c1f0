/**
 * The scheduler port of the core (src/app/ports/scheduler.ts) over the stores. Built by the
 * composition root before the channels and the scheduler; `bind` hands it the running scheduler
 * once that exists. Until then (or in a process without a loop) the defaults of the scheduler's
 * settings apply, as they did when the chat commands read them directly.
 */

import type { RunningScheduler, SchedulerPort } from '../app/ports/scheduler.ts';
import type { Stores } from '../app/ports/stores.ts';
import { WorkingCalendar } from '../domain/working-days.ts';
import { effectiveRule, SCHEDULER_DEFAULTS, type ScheduleConfig, scheduleConfig } from './config.ts';
import { loadMeetings } from './meetings.ts';
import { monthsAround } from './plan-occurrences.ts';

export interface BoundSchedulerPort extends SchedulerPort {
  /** The scheduler built after the core, with its config (MEETING_RULE…) and tick; null to unbind. */
  bind(scheduler: (RunningScheduler & { readonly config: ScheduleConfig }) | null): void;
}

export function schedulerPort(
  stores: Pick<Stores, 'meetings' | 'calendar'>,
  group: { timeZone: string; locale: string },
): BoundSchedulerPort {
  let bound: (RunningScheduler & { readonly config: ScheduleConfig }) | null = null;
  const config = () => bound?.config ?? scheduleConfig(SCHEDULER_DEFAULTS, group);
  return {
    get locale() {
      return config().locale;
    },
    effectiveRule: (saved) => effectiveRule(saved, config()),
    async planMeetings(rule, months, now) {
      const cfg = config();
      return loadMeetings({
        store: stores.meetings,
        rule,
        calendar: new WorkingCalendar(await stores.calendar.list()),
        config: cfg,
        months: months === 'around-now' ? monthsAround(now, now, cfg.timeZone) : months,
        now,
        write: true,
      });
    },
    running: () => bound,
    bind(scheduler) {
      bound = scheduler;
    },
  };
}
