/** The client-side pacing of proactive messages (src/channels/token-bucket.ts), on a fake clock. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokenBucket } from '../../src/channels/token-bucket.ts';

describe('TokenBucket', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Takes `n` tokens at once; returns the fake time at which each was granted. */
  async function grants(bucket: TokenBucket, n: number): Promise<number[]> {
    const start = Date.now();
    const at: number[] = [];
    const all = Array.from({ length: n }, () => bucket.take().then(() => at.push(Date.now() - start)));
    await vi.runAllTimersAsync();
    await Promise.all(all);
    return at;
  }

  it('a burst goes at once, then one token every 1/rate s, in order', async () => {
    const bucket = new TokenBucket(10, 3, () => Date.now());
    const at = await grants(bucket, 6);
    expect(at.slice(0, 3)).toEqual([0, 0, 0]);
    expect(at.slice(3)).toEqual([100, 200, 300]);
  });

  it('refills up to the burst while idle, never more', async () => {
    const bucket = new TokenBucket(100, 5, () => Date.now());
    await grants(bucket, 5);
    vi.advanceTimersByTime(10_000);
    const at = await grants(bucket, 7);
    expect(at).toEqual([0, 0, 0, 0, 0, 10, 20]);
  });

  it('hold: nothing for that long (a 429), then it refills from empty', async () => {
    const bucket = new TokenBucket(10, 2, () => Date.now());
    bucket.hold(1000);
    const at = await grants(bucket, 3);
    expect(at).toEqual([1100, 1200, 1300]);
    expect(bucket.queued).toBe(0);
  });

  it('a hold while callers wait delays them too', async () => {
    const bucket = new TokenBucket(10, 1, () => Date.now());
    await bucket.take();
    const start = Date.now();
    const at: number[] = [];
    const waiting = [bucket.take(), bucket.take()].map((p) => p.then(() => at.push(Date.now() - start)));
    expect(bucket.queued).toBe(2);
    bucket.hold(500);
    await vi.runAllTimersAsync();
    await Promise.all(waiting);
    expect(at).toEqual([600, 700]);
  });

  it('refuses a rate or burst that cannot pace anything', () => {
    expect(() => new TokenBucket(0, 1)).toThrow();
    expect(() => new TokenBucket(5, 0)).toThrow();
  });
});
