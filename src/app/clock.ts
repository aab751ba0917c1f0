/**
 * The bot's sense of "now". Real time by default; `CLOCK_START` shifts it (a demo of the 2024 plan
 * as it stood in June 2024), and tests inject a fixed clock. Nothing else calls `new Date()` for
 * business decisions.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that started at `start` when this process started, and runs at real speed from there. */
export function shiftedClock(start: Date, real: Clock = systemClock): Clock {
  const offset = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
}

/** A clock that stays where tests put it. */
export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set: (next) => {
      current = new Date(next);
    },
  };
}
