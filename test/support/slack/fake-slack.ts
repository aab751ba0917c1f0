/**
 * A fake Slack Web API on 127.0.0.1: records every call (method, parameters, token), every POST to
 * a response_url and every file sent to an upload URL (files.uploadV2: files.getUploadURLExternal →
 * POST to the upload_url it returned → files.completeUploadExternal), answers like Slack, and can be
 * told to answer the next calls of a method with a 429 (Retry-After), a 5xx or a platform error. The
 * process edge, not a mock inside the process.
 *
 * Messages posted with chat.postMessage are kept per conversation, as Slack keeps them: a user id
 * (`U…`) as the channel means the bot's DM with that user (`D<user id>`, the id conversations.open
 * gives), the answer names the conversation and a `ts` from the real clock, `metadata` is stored,
 * and conversations.history returns them newest first between `oldest` and `latest` (exclusive
 * unless `inclusive`), `limit` at a time with a cursor, with their metadata only when asked
 * (`include_all_metadata`). `failAfterNext` makes a call fail after Slack acted on it (a lost answer).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeSocketMode } from './fake-socket.ts';

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  token: string | null;
  at: number;
}

export interface ResponseUrlPost {
  path: string;
  body: Record<string, unknown>;
  at: number;
}

/** Bytes POSTed to an upload_url handed out by files.getUploadURLExternal. */
export interface UploadPost {
  fileId: string;
  /** The file's bytes (the multipart part's content, or the raw body). */
  bytes: Buffer;
  at: number;
}

/** A file as files.uploadV2 left it: announced, sent, then shared (or not yet). */
export interface UploadedFile {
  id: string;
  filename: string;
  length: number;
  /** The screen-reader description given to files.getUploadURLExternal (`alt_txt`, or the SDK's `alt_text`). */
  altText: string | null;
  bytes: Buffer | null;
  title: string | null;
  /** From files.completeUploadExternal: where it was shared and with what message. */
  channelId: string | null;
  initialComment: string | null;
  completed: boolean;
}

export type Failure = { status: 429; retryAfter: number } | { status: 500 | 502 | 503 } | { error: string };

/** A message as the fake keeps it in a conversation's history. */
export interface StoredMessage {
  channel: string;
  ts: string;
  text: string;
  metadata: { event_type: string; event_payload: Record<string, unknown> } | null;
}

/** Parameters the Web API client sends JSON-encoded inside the form. */
const JSON_PARAMS = new Set(['blocks', 'view', 'attachments', 'metadata', 'files']);

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly uploads: UploadPost[] = [];
  /** Every message chat.postMessage accepted, in order. */
  readonly messages: StoredMessage[] = [];
  private readonly failures = new Map<string, Failure[]>();
  private readonly lostAnswers = new Map<string, Failure[]>();
  private lastTs = 0;
  private server: Server | null = null;
  /** Socket Mode's WebSocket end, once started. */
  socketMode: FakeSocketMode | null = null;
  private port = 0;
  private counter = 0;
  private fileCounter = 0;
  private readonly hosted = new Map<string, { name: string; bytes: Buffer; mimetype: string }>();

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** The next `times` calls of `method` fail this way. */
  failNext(method: string, failure: Failure, times = 1): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.failures.set(method, queue);
  }

  /**
   * The next `times` calls of `method` are carried out (a message is posted), then answered with
   * this failure: the answer got lost on the way back, a timeout or a gateway error after the fact.
   */
  failAfterNext(method: string, failure: Failure, times = 1): void {
    const queue = this.lostAnswers.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.lostAnswers.set(method, queue);
  }

  /** Messages accepted per conversation (`D<user>` for DMs). */
  deliveries(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const message of this.messages) counts.set(message.channel, (counts.get(message.channel) ?? 0) + 1);
    return counts;
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Every file of files.uploadV2, in the order files.getUploadURLExternal announced them. */
  uploadedFiles(): UploadedFile[] {
    const completions = this.callsOf('files.completeUploadExternal');
    return this.callsOf('files.getUploadURLExternal').map((call, index) => {
      const id = `F${String(index + 1).padStart(4, '0')}`;
      const done = completions.find((c) =>
        (c.params.files as Array<{ id: string }>).some((f) => f.id === id),
      );
      const entry = (done?.params.files as Array<{ id: string; title?: string }> | undefined)?.find(
        (f) => f.id === id,
      );
      const alt = call.params.alt_txt ?? call.params.alt_text;
      return {
        id,
        filename: String(call.params.filename),
        length: Number(call.params.length),
        altText: typeof alt === 'string' ? alt : null,
        bytes: this.uploads.find((u) => u.fileId === id)?.bytes ?? null,
        title: entry?.title ?? null,
        channelId: typeof done?.params.channel_id === 'string' ? done.params.channel_id : null,
        initialComment: typeof done?.params.initial_comment === 'string' ? done.params.initial_comment : null,
        completed: done !== undefined,
      };
    });
  }

  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.uploads.length = 0;
    this.messages.length = 0;
    this.fileCounter = 0;
    this.downloads.length = 0;
    this.failures.clear();
    this.lostAnswers.clear();
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void this.handle(request).then((answer) => {
        const { status, headers, body } = answer;
        if ('raw' in answer && answer.raw) {
          response.writeHead(status, headers).end(answer.raw);
          return;
        }
        response
          .writeHead(status, { 'content-type': 'application/json', ...headers })
          .end(JSON.stringify(body));
      });
    });
    this.socketMode = new FakeSocketMode(this.server);
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.socketMode?.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Polls until `predicate` holds (every 20 ms, at most `timeoutMs`). */
  async waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`fake Slack: condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  waitForCall(method: string, predicate: (call: ApiCall) => boolean = () => true, timeoutMs = 5000) {
    return this.waitFor(
      () => this.calls.find((call) => call.method === method && predicate(call)),
      timeoutMs,
    );
  }

  waitForResponse(predicate: (post: ResponseUrlPost) => boolean = () => true, timeoutMs = 5000) {
    return this.waitFor(() => this.responses.find(predicate), timeoutMs);
  }

  private async handle(request: IncomingMessage) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const raw = body.toString('utf8');
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/download/'))
      return this.download(path, String(request.headers.authorization ?? ''));
    if (path.startsWith('/upload/')) {
      const fileId = path.slice('/upload/'.length);
      const type = String(request.headers['content-type'] ?? '');
      this.uploads.push({ fileId, bytes: await uploadedBytes(body, type), at: Date.now() });
      return { status: 200, headers: {}, body: { ok: true } };
    }
    if (path.startsWith('/response/')) {
      this.responses.push({ path, body: JSON.parse(raw || '{}'), at: Date.now() });
      return { status: 200, headers: {}, body: { ok: true } };
    }
    const method = path.replace(/^\/api\//, '');
    const params: Record<string, unknown> = {};
    const type = String(request.headers['content-type'] ?? '');
    if (type.includes('application/json')) Object.assign(params, JSON.parse(raw || '{}'));
    else {
      for (const [key, value] of new URLSearchParams(raw))
        params[key] = JSON_PARAMS.has(key) ? JSON.parse(value) : value;
    }
    const auth = String(request.headers.authorization ?? '');
    this.calls.push({ method, params, token: auth.replace(/^Bearer /, '') || null, at: Date.now() });
    const failure = this.failures.get(method)?.shift();
    if (failure) return failureAnswer(failure);
    const answer = this.answer(method, params);
    const lost = answer.ok === true ? this.lostAnswers.get(method)?.shift() : undefined;
    if (lost) return failureAnswer(lost);
    return { status: 200, headers: {}, body: answer };
  }

  /**
   * A file a member uploaded through a modal's file_input: Slack keeps it and names it by id in the
   * submission; files.info describes it and its url_private_download serves it to the bot's token.
   */
  hostFile(name: string, bytes: Buffer, mimetype = 'application/octet-stream'): string {
    const id = `FH${String(this.hosted.size + 1).padStart(4, '0')}`;
    this.hosted.set(id, { name, bytes, mimetype });
    return id;
  }

  /** Downloads of hosted files, with the Authorization header each carried. */
  readonly downloads: Array<{ fileId: string; authorization: string }> = [];

  private download(path: string, authorization: string) {
    const fileId = path.split('/')[2] ?? '';
    this.downloads.push({ fileId, authorization });
    const file = this.hosted.get(fileId);
    // Like Slack: without the bot token the answer is the sign-in page, not an error status.
    if (!file || authorization !== 'Bearer xoxb-test-token') {
      return {
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: null,
        raw: Buffer.from('<html>sign in</html>'),
      };
    }
    return { status: 200, headers: { 'content-type': file.mimetype }, body: null, raw: file.bytes };
  }

  private fileInfo(params: Record<string, unknown>): Record<string, unknown> {
    const id = String(params.file ?? '');
    const file = this.hosted.get(id);
    if (!file) return { ok: false, error: 'file_not_found' };
    return {
      ok: true,
      file: {
        id,
        name: file.name,
        mimetype: file.mimetype,
        size: file.bytes.length,
        url_private: `http://127.0.0.1:${this.port}/download/${id}/${encodeURIComponent(file.name)}`,
        url_private_download: `http://127.0.0.1:${this.port}/download/${id}/${encodeURIComponent(file.name)}?download=1`,
      },
    };
  }

  /** A DM's conversation id for a user id given as the channel, as Slack resolves it. */
  private conversationOf(channel: string): string {
    return /^[UW][A-Z0-9]+$/.test(channel) ? `D${channel}` : channel;
  }

  /** A message timestamp from the real clock, strictly increasing ("seconds.micro"). */
  private nextTs(): string {
    const micros = Math.max(Date.now() * 1000, this.lastTs + 1);
    this.lastTs = micros;
    return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  private post(params: Record<string, unknown>): Record<string, unknown> {
    const channel = this.conversationOf(String(params.channel));
    const ts = this.nextTs();
    const metadata = params.metadata as StoredMessage['metadata'] | undefined;
    this.messages.push({
      channel,
      ts,
      text: String(params.text ?? ''),
      metadata:
        metadata && typeof metadata.event_type === 'string'
          ? { event_type: metadata.event_type, event_payload: metadata.event_payload ?? {} }
          : null,
    });
    return { ok: true, channel, ts, message: { type: 'message', text: params.text, ts } };
  }

  private history(params: Record<string, unknown>): Record<string, unknown> {
    const channel = String(params.channel ?? '');
    if (!/^[CDG]/.test(channel)) return { ok: false, error: 'channel_not_found' };
    const inclusive = params.inclusive === true || params.inclusive === 'true' || params.inclusive === '1';
    const oldest = params.oldest === undefined ? 0 : Number(params.oldest);
    const latest = params.latest === undefined ? Number.POSITIVE_INFINITY : Number(params.latest);
    const limit = Math.min(999, Math.max(1, Number(params.limit ?? 100)));
    const offset = params.cursor ? Number(Buffer.from(String(params.cursor), 'base64').toString()) : 0;
    const withMetadata =
      params.include_all_metadata === true ||
      params.include_all_metadata === 'true' ||
      params.include_all_metadata === '1';
    const all = this.messages
      .filter((m) => m.channel === channel)
      .filter((m) => {
        const ts = Number(m.ts);
        return inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest;
      })
      .reverse();
    const page = all.slice(offset, offset + limit);
    const more = offset + limit < all.length;
    return {
      ok: true,
      messages: page.map((m) => ({
        type: 'message',
        bot_id: 'BBOT',
        text: m.text,
        ts: m.ts,
        ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
      })),
      has_more: more,
      response_metadata: { next_cursor: more ? Buffer.from(String(offset + limit)).toString('base64') : '' },
    };
  }

  private answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    const n = ++this.counter;
    switch (method) {
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(params.users)}` } };
      case 'chat.postMessage':
        return this.post(params);
      case 'conversations.history':
        return this.history(params);
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `1718850000.${String(n).padStart(6, '0')}` };
      case 'views.open':
      case 'views.update':
      case 'views.push':
      case 'views.publish':
        return { ok: true, view: { ...(params.view as object), id: `V${n}`, hash: `hash${n}` } };
      case 'files.getUploadURLExternal': {
        const id = `F${String(++this.fileCounter).padStart(4, '0')}`;
        return { ok: true, file_id: id, upload_url: `http://127.0.0.1:${this.port}/upload/${id}` };
      }
      case 'files.completeUploadExternal':
        return {
          ok: true,
          files: (params.files as Array<{ id: string; title?: string }>).map((f) => ({
            id: f.id,
            title: f.title ?? '',
          })),
        };
      case 'files.info':
        return this.fileInfo(params);
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/link/?ticket=t${n}` };
      default:
        return { ok: true };
    }
  }
}

function failureAnswer(failure: Failure) {
  if ('status' in failure) {
    const headers: Record<string, string> =
      failure.status === 429 ? { 'retry-after': String(failure.retryAfter) } : {};
    return {
      status: failure.status,
      headers,
      body: { ok: false, error: failure.status === 429 ? 'ratelimited' : 'server' },
    };
  }
  return { status: 200, headers: {}, body: { ok: false, error: failure.error } };
}

/** The file in an upload POST: the first file part of a multipart body, else the body as it came. */
async function uploadedBytes(body: Buffer, type: string): Promise<Buffer> {
  if (!type.includes('multipart/form-data')) return body;
  const form = await new Request('http://upload.invalid/', {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  }).formData();
  for (const value of form.values()) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  return body;
}
