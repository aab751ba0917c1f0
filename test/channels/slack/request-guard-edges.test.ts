/**
 * The Slack request guard decides whether a form's `payload` is a JSON object from the two ends of
 * its encoding (`encodedLooksLikeJsonObject`). Checked against the whole value decoded as Bolt
 * decodes it (`querystring.parse`), on generated encodings full of what could fool a window: runs of
 * encoded spaces and Unicode spaces, escaped and bare braces, Vietnamese letters, escapes split
 * anywhere, malformed escapes, and payloads long enough for the windows to matter.
 */
import querystring from 'node:querystring';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodedLooksLikeJsonObject } from '../../../src/channels/slack/request-guard.ts';

/** What Bolt would hand on: the payload as `querystring.parse` decodes it, judged whole. */
function wholeLooksLikeObject(encoded: string): boolean {
  const decoded = querystring.parse(`payload=${encoded}`).payload;
  if (typeof decoded !== 'string') throw new Error('the generator made more than one field');
  const trimmed = decoded.trim();
  return trimmed.startsWith('{') && trimmed.endsWith('}');
}

const SPACE = ['+', '%20', '%09', '%0A', '%0D', '%C2%A0', '%E3%80%80', '%EF%BB%BF', ' '];
const BRACE = ['{', '}', '%7B', '%7b', '%7D', '%7d'];
const TEXT = ['a', 'Z', '%22', '%3A', '%2C', '%E1%BA%A1', 'ng', '7D', '7B', '%25'];
const BROKEN = ['%', '%2', '%7', '%E3', '%80', '%ZZ', '%E1%BA', '%C2'];
const token = fc.constantFrom(...SPACE, ...BRACE, ...TEXT, ...BROKEN);
/** `count` of `of` joined, the count uniform in 0..max (fast-check's arrays favour short ones). */
const joined = (of: fc.Arbitrary<string>, max: number) =>
  fc
    .integer({ min: 0, max })
    .chain((n) => fc.array(of, { minLength: n, maxLength: n }).map((t) => t.join('')));
const spaces = joined(fc.constantFrom(...SPACE), 40);
const body = joined(token, 120);

describe('the payload’s shape from the ends of its encoding', () => {
  it('answers as deciding on the whole decoded payload, for any mix of tokens', () => {
    fc.assert(
      fc.property(body, (encoded) => {
        expect(encodedLooksLikeJsonObject(encoded)).toBe(wholeLooksLikeObject(encoded));
      }),
      { numRuns: 3000 },
    );
  });

  it('answers so for objects wrapped in spaces, and for their near misses', () => {
    const shaped = fc
      .tuple(
        spaces,
        fc.constantFrom('{', '%7B', '%7b', '%7', 'x'),
        body,
        fc.constantFrom('}', '%7D', '%7d', '%7', '%E3', ''),
        spaces,
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(shaped, (encoded) => {
        expect(encodedLooksLikeJsonObject(encoded)).toBe(wholeLooksLikeObject(encoded));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a real report form’s payload, and refuses it cut short', () => {
    const view = {
      type: 'view_submission',
      view: { state: { values: { done: { v: { value: 'Đã triển khai'.repeat(80) } } } } },
    };
    const encoded = encodeURIComponent(JSON.stringify(view));
    expect(encoded.length).toBeGreaterThan(1000);
    expect(encodedLooksLikeJsonObject(`++${encoded}%20`)).toBe(true);
    expect(encodedLooksLikeJsonObject(encoded.slice(0, -1))).toBe(false); // ends in "%7"
    expect(encodedLooksLikeJsonObject(`%E3%80%80${encoded.slice(3)}`)).toBe(false);
  });
});
