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
import http from 'node:http';
import https from 'node:https';
import {
  type ChatPostMessageArguments,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
} from '@slack/web-api';

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
  const secure = target.protocol === 'https:';
  if (!secure && target.protocol !== 'http:')
    throw new Error(`SLACK_API_URL is not http(s): ${target.protocol}`);
  const transport = secure ? https : http;
  const agent = new transport.Agent({ keepAlive: true, maxSockets: 32 });
  const authorization = `Bearer ${options.token}`;

  return (args) => {
    const payload = JSON.stringify(args);
    return new Promise<PostedMessage>((resolve, reject) => {
      const request = transport.request(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            authorization,
            'content-type': 'application/json; charset=utf-8',
            'content-length': Buffer.byteLength(payload),
            'user-agent': 'da06-bot',
          },
          timeout: options.timeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error) => reject(new WebAPIRequestError(error)));
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString('utf8');
            if (status === 429) {
              const seconds = Number.parseInt(String(response.headers['retry-after'] ?? ''), 10);
              reject(new WebAPIRateLimitedError(Number.isFinite(seconds) ? seconds : 60));
              return;
            }
            if (status !== 200) {
              const headers = Object.fromEntries(
                Object.entries(response.headers).map(([key, value]) => [key, String(value)]),
              );
              reject(new WebAPIHTTPError(status, response.statusMessage ?? '', headers, text));
              return;
            }
            let result: PostedMessage & { error?: string };
            try {
              result = JSON.parse(text) as PostedMessage & { error?: string };
            } catch (error) {
              reject(new WebAPIRequestError(error instanceof Error ? error : new Error(String(error))));
              return;
            }
            if (!result.ok) reject(new WebAPIPlatformError({ ...result, error: result.error ?? 'unknown' }));
            else resolve(result);
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
      request.on('error', (error) => reject(new WebAPIRequestError(error)));
      request.end(payload);
    });
  };
}
