/**
 * node-schedule drives the real clock (docs/adr/0012-node-schedule-and-the-outbox.md): the scheduler
 * sets its alarm for the next planned moment, and the production timer fires it at that moment. A
 * 09:00 reminder goes out at 09:00, not up to a polling interval later. No real waiting: the timer
 * runs on vitest's fake timers, the scheduler on a fixed clock and a recording timer.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { realTimer } from '../../src/scheduler/timer.ts';
import { type CoreFixture, createCoreFixture } from '../support/core.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { FakeChannel, manualTimer, resetScheduling, schedulerFor } from './support.ts';

describe('the production timer (node-schedule)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires an alarm at the moment it was set for, not before', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2024-06-24T08:59:30+07:00'));
    const fired: string[] = [];
    realTimer.setAlarm(() => fired.push(new Date().toISOString()), 30_000);
    vi.advanceTimersByTime(29_999);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['2024-06-24T02:00:00.000Z']);
  });

  it('a cleared alarm does not fire', () => {
    vi.useFakeTimers();
    const fired: number[] = [];
    const alarm = realTimer.setAlarm(() => fired.push(1), 60_000);
    realTimer.clearAlarm(alarm);
    vi.advanceTimersByTime(120_000);
    expect(fired).toEqual([]);
  });
});

describeEachDatabase('the scheduler on its alarm', (db) => {
  let f: CoreFixture;
  let channel: FakeChannel;

  beforeAll(async () => {
    f = await createCoreFixture(db(), '2024-06-24T08:59:30+07:00');
  });

  beforeEach(async () => {
    await resetScheduling(db());
    channel = new FakeChannel('terminal');
    manualTimer.alarms.length = 0;
  });

  it('sets its alarm for the 09:00 reminder and sends it when the alarm fires at 09:00', async () => {
    // The meeting is on 25/06/2024 at 09:00; its "1d" reminder is due on 24/06 at 09:00.
    f.clock.set('2024-06-24T08:59:30+07:00');
    const scheduler = schedulerFor(f.deps, db(), [channel], f.clock);
    await scheduler.start();
    expect(manualTimer.alarms).toHaveLength(1);
    const reminders = () => channel.of('meeting').filter((d) => d.delivery?.key.includes('/1d/'));
    expect(reminders()).toEqual([]);
    expect(manualTimer.alarms[0]!.ms).toBe(30_000);

    f.clock.set('2024-06-24T09:00:00+07:00');
    manualTimer.alarms.splice(0)[0]!.callback(); // fires (and is gone)
    await scheduler.tick(); // joins the alarm's tick
    expect(reminders().length).toBeGreaterThan(0);
    await scheduler.stop();
    expect(manualTimer.alarms).toEqual([]);
  });

  it('a chair moving the meeting sets the alarm again for the new reminder', async () => {
    f.clock.set('2024-06-24T08:59:30+07:00');
    const scheduler = schedulerFor(f.deps, db(), [channel], f.clock);
    f.scheduler.bind(scheduler);
    await scheduler.start();
    expect(manualTimer.alarms).toHaveLength(1);
    expect(manualTimer.alarms[0]!.ms).toBe(30_000);
    await f.core.handle(f.viewers.chair, {
      name: 'meeting',
      args: ['move', '2024-06', '26/06/2024', '10:00'],
    });
    // No reminder at 09:00 today any more: the alarm is for the next moment of the moved meeting's plan.
    const next = await scheduler.nextOccurrence(f.clock.now());
    expect(next?.at.toISOString()).not.toBe('2024-06-24T02:00:00.000Z');
    expect(manualTimer.alarms).toHaveLength(1);
    expect(manualTimer.alarms[0]!.ms).toBe(next!.at.getTime() - f.clock.now().getTime());
    await scheduler.stop();
    f.scheduler.bind(null);
  });
});
