/** The in-process de-duplication of Slack deliveries, with a clock the test moves. */
import { describe, expect, it } from 'vitest';
import { Dedupe } from '../../../src/channels/slack/dedupe.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('Dedupe', () => {
  it('runs the work once per key; a repeat gets the first result and is not fresh', async () => {
    const c = clock();
    const dedupe = new Dedupe(10, 60_000, c.now);
    let runs = 0;
    const first = dedupe.once('k', async () => ++runs);
    const again = dedupe.once('k', async () => ++runs);
    expect(first.fresh).toBe(true);
    expect(again.fresh).toBe(false);
    expect(await again.result).toBe(1);
    expect(runs).toBe(1);
  });

  it('an entry expires after its TTL, not before', async () => {
    const c = clock();
    const dedupe = new Dedupe(10, 60_000, c.now);
    let runs = 0;
    await dedupe.once('k', async () => ++runs).result;
    c.advance(60_000);
    expect(dedupe.once('k', async () => ++runs).fresh).toBe(false);
    c.advance(1);
    const later = dedupe.once('k', async () => ++runs);
    expect(later.fresh).toBe(true);
    expect(await later.result).toBe(2);
  });

  it('failed work is forgotten, so the next delivery runs it again', async () => {
    const dedupe = new Dedupe(10, 60_000, clock().now);
    const failed = dedupe.once('k', async () => {
      throw new Error('boom');
    });
    await expect(failed.result).rejects.toThrow('boom');
    // The rejection handler that forgets the key has run by now (it was attached first).
    await Promise.resolve();
    expect(dedupe.size).toBe(0);
    const retry = dedupe.once('k', async () => 'ok');
    expect(retry.fresh).toBe(true);
    expect(await retry.result).toBe('ok');
  });

  it('seen: false the first time, true while remembered, false again after the TTL', () => {
    const c = clock();
    const dedupe = new Dedupe(10, 1_000, c.now);
    expect(dedupe.seen('event:1')).toBe(false);
    expect(dedupe.seen('event:1')).toBe(true);
    c.advance(1_001);
    expect(dedupe.seen('event:1')).toBe(false);
  });

  it('keeps at most `capacity` keys, evicting the least recently used', () => {
    const dedupe = new Dedupe(2, 60_000, clock().now);
    dedupe.seen('a');
    dedupe.seen('b');
    expect(dedupe.seen('a')).toBe(true); // a is now the most recent
    dedupe.seen('c'); // evicts b
    expect(dedupe.size).toBe(2);
    expect(dedupe.seen('a')).toBe(true);
    expect(dedupe.seen('b')).toBe(false);
  });

  it('forget drops a key at once', () => {
    const dedupe = new Dedupe(10, 60_000, clock().now);
    dedupe.seen('k');
    dedupe.forget('k');
    expect(dedupe.seen('k')).toBe(false);
  });
});
