/**
 * The door in front of Bolt's HTTP receiver. Bolt checks the signature too, but it reads a body of up
 * to 4 MB before it does, reads a timestamp with `Number()` (so "0x…", "1e9", "+…" and times from the
 * future verify) and crashes on signed bodies that are not objects (`payload=null`). Here:
 *
 * 1. the timestamp header must be plain decimal seconds within 5 minutes of now, either way, and the
 *    signature header must look like one (`v0=` and 64 hex digits) — checked before any body is read;
 * 2. the body is read up to `bodyLimit` (413 past it) and its HMAC compared in constant time;
 * 3. the body must be what Slack sends: form fields with at most one `payload` that is a JSON object,
 *    or a JSON object (400 otherwise).
 *
 * What passes is handed to Bolt already buffered (`rawBody`), so Bolt does not read it again.
 * An unsigned request is read only when it is small enough to be Slack's `ssl_check`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import querystring from 'node:querystring';

/** Slack's own window for replays, applied to the future as well as the past. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;
/** Large enough for a report modal's view_submission (the whole view comes back), small enough to read. */
export const SLACK_BODY_LIMIT = 512 * 1024;
/** Slack's unsigned `ssl_check=1&token=…` is a few dozen bytes. */
const SSL_CHECK_LIMIT = 1024;

const PLAIN_SECONDS = /^[1-9][0-9]{0,11}$/;
const SIGNATURE = /^v0=[0-9a-f]{64}$/;

export type GuardVerdict =
  | { ok: true; body: Buffer }
  | { ok: false; status: 400 | 401 | 413 | 415; reason: string };

export interface GuardOptions {
  signingSecret: string;
  bodyLimit?: number;
  /** Seconds since the epoch (tests). */
  nowSeconds?: () => number;
}

/** Reads and checks one request to /slack/events; see the file comment for the rules. */
export async function guardSlackRequest(
  request: IncomingMessage,
  options: GuardOptions,
): Promise<GuardVerdict> {
  const limit = options.bodyLimit ?? SLACK_BODY_LIMIT;
  const declared = Number(request.headers['content-length'] ?? 0);
  const headers = readSignatureHeaders(request, options.nowSeconds ?? defaultNow);
  if (!headers.ok) {
    // Only Slack's ssl_check comes unsigned; anything larger is refused unread.
    if (declared > SSL_CHECK_LIMIT) return headers;
    const body = await readLimited(request, SSL_CHECK_LIMIT);
    if (body && new URLSearchParams(body.toString('utf8')).get('ssl_check') === '1')
      return { ok: true, body };
    return headers;
  }
  if (declared > limit) return { ok: false, status: 413, reason: `body of ${declared} bytes` };

  const body = await readLimited(request, limit);
  if (!body) return { ok: false, status: 413, reason: `body over ${limit} bytes` };
  const expected = createHmac('sha256', options.signingSecret)
    .update(`v0:${headers.timestamp}:`)
    .update(body)
    .digest();
  const given = Buffer.from(headers.signature.slice(3), 'hex');
  if (!timingSafeEqual(expected, given)) return { ok: false, status: 401, reason: 'signature mismatch' };

  const shape = checkShape(request.headers['content-type'], body);
  return shape ?? { ok: true, body };
}

type SignatureHeaders =
  | { ok: true; timestamp: string; signature: string }
  | { ok: false; status: 401; reason: string };

function readSignatureHeaders(request: IncomingMessage, nowSeconds: () => number): SignatureHeaders {
  const timestamp = request.headers['x-slack-request-timestamp'];
  const signature = request.headers['x-slack-signature'];
  if (typeof timestamp !== 'string' || typeof signature !== 'string') {
    return { ok: false, status: 401, reason: 'unsigned' };
  }
  if (!PLAIN_SECONDS.test(timestamp)) return { ok: false, status: 401, reason: 'malformed timestamp' };
  if (Math.abs(nowSeconds() - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) {
    return { ok: false, status: 401, reason: 'timestamp outside the 5-minute window' };
  }
  if (!SIGNATURE.test(signature)) return { ok: false, status: 401, reason: 'malformed signature' };
  return { ok: true, timestamp, signature };
}

/** The shapes Slack sends, or the 400/415 verdict for anything else. */
function checkShape(contentType: string | undefined, body: Buffer): GuardVerdict | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const text = body.toString('utf8');
  if (type === 'application/x-www-form-urlencoded') {
    const payloads = encodedFormValues(text, 'payload');
    if (payloads.length === 0) return null;
    if (payloads.length > 1) return { ok: false, status: 400, reason: 'payload given more than once' };
    return encodedLooksLikeJsonObject(payloads[0]!)
      ? null
      : { ok: false, status: 400, reason: 'payload is not a JSON object' };
  }
  if (type === 'application/json') {
    return looksLikeJsonObject(text) ? null : { ok: false, status: 400, reason: 'body is not a JSON object' };
  }
  return { ok: false, status: 415, reason: `content type ${type || 'missing'}` };
}

/**
 * The values of one field of a form body, still encoded; keys are decoded as Bolt's
 * `querystring.parse` decodes them (`URLSearchParams` over the whole body cost a sixth of a
 * submission's CPU).
 */
function encodedFormValues(text: string, name: string): string[] {
  const values: string[] = [];
  for (const field of text.split('&')) {
    const equals = field.indexOf('=');
    const key = equals < 0 ? field : field.slice(0, equals);
    if (decodeFormPart(key) !== name) continue;
    values.push(equals < 0 ? '' : field.slice(equals + 1));
  }
  return values;
}

/** How many encoded characters of each end of a form value `encodedLooksLikeJsonObject` decodes. */
const EDGE = 64;

/**
 * `looksLikeJsonObject` of a form value as Bolt decodes it, from the value's two ends: a report
 * form's payload is kilobytes of escapes, decoding all of it here cost a tenth of a submission's
 * p50 (docs/performance.md, "Fifth round"), and Bolt decodes it again anyway. A window of either
 * end decodes to the value's own characters except at its cut, where a split escape or character
 * decodes to a literal `%` or U+FFFD (never to whitespace or a brace); so when both trimmed windows
 * show their brace the answer is yes, and otherwise the whole value is decided as before.
 * test/channels/slack/request-guard-edges.test.ts checks it against deciding on the whole decoding.
 */
export function encodedLooksLikeJsonObject(encoded: string): boolean {
  if (encoded.length > 2 * EDGE) {
    const head = decodeFormPart(encoded.slice(0, EDGE)).trimStart();
    const tail = decodeFormPart(encoded.slice(-EDGE)).trimEnd();
    if (head.startsWith('{') && tail.endsWith('}')) return true;
  }
  return looksLikeJsonObject(decodeFormPart(encoded));
}

function decodeFormPart(part: string): string {
  if (!part.includes('%') && !part.includes('+')) return part;
  const spaced = part.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return querystring.unescape(spaced); // malformed escapes, kept as Bolt's parser keeps them
  }
}

/**
 * Whether a text can only parse as a JSON object: it begins with `{` and ends with `}`. What passes
 * either is one, or is not JSON at all, which Bolt answers with its own 400 ("Malformed request
 * body"); what Bolt cannot survive — `null`, a string, a number, an array — never passes. Not
 * parsed here: Bolt parses the body once more anyway, and a second `JSON.parse` of a report form
 * cost as much as Bolt's own.
 */
function looksLikeJsonObject(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith('{') && trimmed.endsWith('}');
}

/**
 * The whole body, or null as soon as it grows past `limit`: the rest is drained unkept, so the
 * connection stays able to carry the refusal.
 */
function readLimited(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      request.off('end', onEnd);
      request.resume();
      resolve(null);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', reject);
  });
}

const defaultNow = () => Math.floor(Date.now() / 1000);
