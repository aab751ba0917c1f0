/**
 * chat.postMessage for the outbox's fan-outs, on Node's own HTTP client with a keep-alive agent: the
 * request the Web API client would send (JSON body, bearer token, to SLACK_API_URL), and its failures
 * as the Web API client's own error classes, so `toOutcome` (send.ts) reads both alike.
 *
 * Why not the Web API client: per call it costs about as much CPU as the rest of a send together
 * (global fetch's web streams and abort signals, its request queue and retry wrapper, the debug log
 * line it builds even when not logging); at hundreds of messages a second that capped a fan-out's
 * throughput (docs/performance.md, "fanout"). No retries here: send.ts decides what may be tried
 * again, and how (a post whose fate is unknown is checked first).
 */
import {
  type ChatPostMessageArguments,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
} from '@slack/web-api';
import { type JsonAnswer, postJson } from './post-json.ts';

/** What send.ts reads of chat.postMessage's answer. */
export interface PostedMessage {
  ok: boolean;
  channel?: string;
  ts?: string;
}

export type PostMessage = (args: ChatPostMessageArguments) => Promise<PostedMessage>;

export function createPostMessage(options: {
  /** SLACK_API_URL, ending in `/`. */
  apiUrl: string;
  token: string;
  timeoutMs: number;
}): PostMessage {
  const target = new URL('chat.postMessage', options.apiUrl);
  if (target.protocol !== 'https:' && target.protocol !== 'http:')
    throw new Error(`SLACK_API_URL is not http(s): ${target.protocol}`);
  const headers = { authorization: `Bearer ${options.token}`, 'user-agent': 'da06-bot' };

  return async (args) => {
    let answer: JsonAnswer;
    try {
      answer = await postJson(target, args, { timeoutMs: options.timeoutMs, headers });
    } catch (error) {
      throw new WebAPIRequestError(error instanceof Error ? error : new Error(String(error)));
    }
    if (answer.status === 429) {
      const seconds = Number.parseInt(String(answer.headers['retry-after'] ?? ''), 10);
      throw new WebAPIRateLimitedError(Number.isFinite(seconds) ? seconds : 60);
    }
    if (answer.status !== 200) {
      const flat = Object.fromEntries(
        Object.entries(answer.headers).map(([key, value]) => [key, String(value)]),
      );
      throw new WebAPIHTTPError(answer.status, answer.statusText, flat, answer.text);
    }
    let result: PostedMessage & { error?: string };
    try {
      result = JSON.parse(answer.text) as PostedMessage & { error?: string };
    } catch (error) {
      throw new WebAPIRequestError(error instanceof Error ? error : new Error(String(error)));
    }
    if (!result.ok) throw new WebAPIPlatformError({ ...result, error: result.error ?? 'unknown' });
    return result;
  };
}
