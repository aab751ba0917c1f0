/**
 * A stand-in for the Bot Framework connector and its token endpoint, at the process edge, on
 * 127.0.0.1: it issues tokens to the bot (client credentials), records every activity the bot posts
 * (new messages, replies, updates) and can be told to answer the next posts with 403, 429 or 5xx.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PostedActivity {
  method: string;
  /** 'send' (POST …/activities), 'reply' (POST …/activities/:id) or 'update' (PUT …/activities/:id). */
  kind: 'send' | 'reply' | 'update';
  conversationId: string;
  replyToId: string | null;
  activity: Record<string, unknown>;
  authorization: string | undefined;
}

/** A PUT to an upload session URL (what OneDrive gives on a FileConsentCard's "Allow"). */
export interface Upload {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer;
}

export interface Failure {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Only posts to this conversation fail (default: any). */
  conversationId?: string;
  /** How many posts fail (default 1). */
  times?: number;
}

export interface FakeConnector {
  /** The serviceUrl activities carry (with the trailing slash Teams uses). */
  readonly serviceUrl: string;
  readonly tokenEndpoint: string;
  readonly posted: PostedActivity[];
  readonly tokensIssued: number;
  /** Requests to post activities, failed ones included. */
  readonly attempts: number;
  /** Uploads received by the upload session URLs. */
  readonly uploads: Upload[];
  /** An upload session URL served by this fake (pre-authorised: no token needed). */
  uploadUrl(name: string): string;
  /**
   * A file a member attached in personal chat: the pre-authorised download link Teams puts in the
   * attachment's `content.downloadUrl` (served by this fake without a token, as SharePoint's is).
   */
  hostFile(name: string, bytes: Buffer): string;
  /** Paths of hosted files fetched so far. */
  readonly downloads: string[];
  /** The next uploads answer with this status. */
  failNextUpload(status: number): void;
  failNext(failure: Failure): void;
  clear(): void;
  close(): Promise<void>;
}

/** `anonymous`: accept posts without a token (a bot running with TEAMS_ALLOW_UNAUTHENTICATED). */
export async function startFakeConnector(
  credentials: { appId: string; password: string },
  options: { anonymous?: boolean } = {},
): Promise<FakeConnector> {
  const posted: PostedActivity[] = [];
  const failures: Failure[] = [];
  const tokens = new Set<string>();
  let tokensIssued = 0;
  let attempts = 0;
  const uploads: Upload[] = [];
  const uploadFailures: number[] = [];

  const hosted = new Map<string, Buffer>();
  const downloads: string[] = [];
  const server: Server = createServer(async (request, response) => {
    if (request.url?.startsWith('/files/') && request.method === 'GET') {
      downloads.push(request.url);
      const bytes = hosted.get(request.url.split('/')[2] ?? '');
      if (!bytes) return response.writeHead(404).end('not found');
      return response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
    }
    if (request.url?.startsWith('/upload/')) {
      const bytes = await readBytes(request);
      const status = uploadFailures.shift();
      if (status !== undefined) return response.writeHead(status).end('upload refused');
      if (request.method !== 'PUT') return response.writeHead(405).end();
      uploads.push({ path: request.url, headers: request.headers, bytes });
      return response
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id: `file-${uploads.length}`, size: bytes.length }));
    }
    const body = await readAll(request);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/\/{2,}/g, '/');
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
      response
        .writeHead(status, { 'content-type': 'application/json', ...headers })
        .end(JSON.stringify(value));

    if (request.method === 'POST' && path === '/oauth2/v2.0/token') {
      const form = new URLSearchParams(body);
      if (
        form.get('grant_type') !== 'client_credentials' ||
        form.get('client_id') !== credentials.appId ||
        form.get('client_secret') !== credentials.password
      ) {
        return json(401, { error: 'invalid_client' });
      }
      const token = `fake-token-${randomUUID()}`;
      tokens.add(token);
      tokensIssued++;
      return json(200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: token });
    }

    const match = /^(?:\/teams)?\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (!match) return json(404, { error: { code: 'NotFound', message: path } });
    const authorization = request.headers.authorization;
    const anonymousOk = options.anonymous && authorization === undefined;
    if (!anonymousOk && (!authorization?.startsWith('Bearer ') || !tokens.has(authorization.slice(7)))) {
      return json(401, { error: { code: 'Unauthorized', message: 'bad token' } });
    }
    attempts++;
    const conversationId = decodeURIComponent(match[1]!);
    const activityId = match[2] ? decodeURIComponent(match[2]) : null;
    const failure = failures.find((f) => !f.conversationId || f.conversationId === conversationId);
    if (failure) {
      failure.times = (failure.times ?? 1) - 1;
      if (failure.times <= 0) failures.splice(failures.indexOf(failure), 1);
      return json(
        failure.status,
        failure.body ?? { error: { code: 'Failure', message: `status ${failure.status}` } },
        failure.headers,
      );
    }
    const kind = request.method === 'PUT' ? 'update' : activityId ? 'reply' : 'send';
    posted.push({
      method: request.method ?? '',
      kind,
      conversationId,
      replyToId: activityId,
      activity: JSON.parse(body || '{}') as Record<string, unknown>,
      authorization,
    });
    return json(200, { id: `activity-${posted.length}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    serviceUrl: `${base}/teams/`,
    tokenEndpoint: `${base}/oauth2/v2.0/token`,
    posted,
    downloads,
    hostFile(name: string, bytes: Buffer) {
      const id = `f${hosted.size + 1}`;
      hosted.set(id, bytes);
      return `${base}/files/${id}/${encodeURIComponent(name)}`;
    },
    get tokensIssued() {
      return tokensIssued;
    },
    get attempts() {
      return attempts;
    },
    uploads,
    uploadUrl: (name) => `${base}/upload/${encodeURIComponent(name)}`,
    failNextUpload: (status) => uploadFailures.push(status),
    failNext: (failure) => failures.push({ ...failure }),
    clear: () => {
      attempts = 0;
      posted.length = 0;
      failures.length = 0;
      uploads.length = 0;
      downloads.length = 0;
      uploadFailures.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBytes(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function readAll(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
