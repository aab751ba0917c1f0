/**
 * The scheduler's `Timer` port and its production implementation. node-schedule fires the scheduler
 * at the next planned occurrence (a 09:00 reminder at 09:00); a slow interval sweeps up anything
 * missed. What happens at that moment (deciding, writing the outbox, sending) is the scheduler's and
 * the outbox's: see docs/adr/0012-node-schedule-and-the-outbox.md. Tests and `da06 simulate` keep
 * their own timers (or none) behind the same port.
 */
import schedule from 'node-schedule';

export interface Timer {
  /** The safety sweep: `callback` every `ms`. */
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  /** `callback` once, `ms` from now: the scheduler's next planned moment. */
  setAlarm(callback: () => void, ms: number): unknown;
  clearAlarm(handle: unknown): void;
}

/** The production timer: node-schedule for the alarms, an unreferenced interval for the sweep. */
export const realTimer: Timer = {
  setInterval: (callback, ms) => {
    const handle = setInterval(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  setAlarm: (callback, ms) => {
    // node-schedule does not schedule a date already past: a moment due now runs on the next turn.
    if (ms <= 0) return setImmediate(callback);
    return schedule.scheduleJob(new Date(Date.now() + ms), callback);
  },
  clearAlarm: (handle) => {
    if (handle instanceof schedule.Job) handle.cancel();
    else if (handle) clearImmediate(handle as NodeJS.Immediate);
  },
};
