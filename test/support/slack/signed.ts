/**
 * Requests to the bot's /slack/events exactly as Slack sends them: form fields for slash commands,
 * form-encoded `payload=` for interactivity, JSON for events; signed with v0 HMAC-SHA256 over
 * `v0:timestamp:body`, with X-Slack-Request-Timestamp and X-Slack-Signature.
 */
import { createHmac } from 'node:crypto';

export interface SlackResponse {
  status: number;
  body: string;
  json(): Record<string, unknown>;
  ms: number;
}

export interface SendOptions {
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  /** Replaces the computed signature. */
  signature?: string;
  headers?: Record<string, string>;
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export class SignedSlack {
  constructor(
    readonly url: string,
    readonly secret: string,
  ) {}

  async post(body: string, contentType: string, options: SendOptions = {}): Promise<SlackResponse> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const started = Date.now();
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': options.signature ?? sign(this.secret, timestamp, body),
        ...options.headers,
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text,
      json: () => JSON.parse(text || '{}'),
      ms: Date.now() - started,
    };
  }

  command(fields: Record<string, string>, options?: SendOptions): Promise<SlackResponse> {
    return this.post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
  }

  interactive(payload: unknown, options?: SendOptions): Promise<SlackResponse> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.post(body, 'application/x-www-form-urlencoded', options);
  }

  event(body: unknown, options?: SendOptions): Promise<SlackResponse> {
    return this.post(JSON.stringify(body), 'application/json', options);
  }
}
