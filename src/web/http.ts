/** Cookies, form bodies and the security headers every dashboard response carries. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const SESSION_COOKIE = 'da06_session';

/**
 * Strict: no inline script or style, nothing from elsewhere, no framing. The pages need no script at
 * all; styles come from /web/assets/app.css, charts are inline SVG (not scripts).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "script-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    // The sign-in link's secret never leaves in a Referer; pages are personal, never cached.
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

export function readCookie(request: IncomingMessage, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function sessionCookie(value: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    'Path=/web',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${options.maxAgeSeconds}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

/** A body over `limit` bytes stops being read: the caller answers 413. */
export class BodyTooLarge extends Error {}

export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(`body over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readForm(request: IncomingMessage, limit = 64 * 1024): Promise<URLSearchParams> {
  return new URLSearchParams((await readBody(request, limit)).toString('utf8'));
}

export function sendHtml(
  response: ServerResponse,
  status: number,
  body: string,
  extra: Record<string, string> = {},
) {
  response
    .writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...securityHeaders(), ...extra })
    .end(body);
}

export function redirect(response: ServerResponse, to: string, extra: Record<string, string> = {}) {
  response.writeHead(303, { location: to, ...securityHeaders(), ...extra }).end();
}
