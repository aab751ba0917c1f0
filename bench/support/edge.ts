/**
 * The benchmarks' edge, run in a worker thread so that its CPU is not counted against the bot's event
 * loop (the machine may have only 2 cores; the bot gets the main thread of this process, the edge the
 * other): the load generator (keep-alive HTTP clients to 127.0.0.1) and a fake Slack Web API that
 * allows R chat.postMessage calls per second (token bucket) and answers 429 with Retry-After above it.
 * See edge-worker.ts for the worker's side.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Replaced in request bodies by a number unique to each request (view ids, card ids, activity ids). */
export const SEQ = '__SEQ__';

export interface RequestTemplate {
  /** Path on the target, e.g. `/slack/events`. */
  path: string;
  headers: Record<string, string>;
  /** The body; every `__SEQ__` is replaced with the request's sequence number. */
  body: string;
}

export interface LoadSpec {
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  /** Request i uses template i mod templates.length (one per simulated member, say). */
  templates: RequestTemplate[];
  /** In-flight requests at all times (a closed loop: each client sends again when answered). */
  concurrency: number;
  /** Requests in all; the run stops at this count or at `timeLimitMs`, whichever comes first. */
  count: number;
  timeLimitMs: number;
  /** First sequence number (so repeated runs never reuse an id). */
  firstSeq: number;
  /** Sign each request as Slack does (v0 HMAC-SHA256, timestamp now) with this secret. */
  slackSecret?: string;
  /** Per-request timeout (10 s by default). */
  requestTimeoutMs?: number;
  /** Requests slower than this (3 s by default) are described in `slowSamples`. */
  slowMs?: number;
}

export interface LoadResult {
  /** Milliseconds from writing the request to the end of the response, in completion order. */
  latencies: number[];
  /** Responses by HTTP status. */
  statuses: Record<string, number>;
  /** Requests that failed without a response (refused, reset, timed out). */
  errors: number;
  /** What the first few of those failures were. */
  errorSamples: string[];
  /** The first few requests slower than `slowMs`, with their phases (socket, connected, headers). */
  slowSamples: string[];
  elapsedMs: number;
  /** The first response's body, for a sanity check of what was answered. */
  firstBody: string;
}

export interface FakeSlackOptions {
  /** chat.postMessage calls allowed per second. */
  rate: number;
  /** Bucket size (calls allowed in a burst); one second's worth (= rate) by default. */
  burst?: number;
}

export interface SlackTally {
  /** chat.postMessage calls accepted, by channel. */
  posted: Record<string, number>;
  /** Calls by method (accepted or not), response_url posts under `response_url`. */
  calls: Record<string, number>;
  /** chat.postMessage calls answered 429. */
  limited: number;
  /** Epoch ms of the first and last accepted chat.postMessage (0 when none). */
  firstPostAt: number;
  lastPostAt: number;
}

export interface Edge {
  load(spec: LoadSpec): Promise<LoadResult>;
  /** Starts (or restarts with new limits) the fake Slack API; returns its base URL, ending in `/api/`. */
  startSlack(options: FakeSlackOptions): Promise<string>;
  /** What the fake Slack API saw since it started or was last reset. */
  slackTally(): Promise<SlackTally>;
  resetSlack(): Promise<void>;
  close(): Promise<void>;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export async function startEdge(): Promise<Edge> {
  // The worker runs TypeScript through tsx's loader, registered in the worker as bin/run-ts.js does.
  const tsxApi = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const target = new URL('./edge-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(target)}); });`;
  const worker = new Worker(boot, { eval: true });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let sequence = 0;
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (reply: Reply | { ready: true }) => {
    if ('ready' in reply) return;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(new Error(`bench edge: ${reply.error}`));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`bench edge worker exited (${code})`)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench edge worker did not start in 30 s')), 30_000);
    const onMessage = (message: unknown) => {
      if (message && typeof message === 'object' && 'ready' in message) {
        clearTimeout(timer);
        worker.off('message', onMessage);
        resolve();
      }
    };
    worker.on('message', onMessage);
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });

  const call = <T>(op: string, args?: unknown): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = ++sequence;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, op, args });
    });
  };

  return {
    load: (spec) => call<LoadResult>('load', spec),
    startSlack: (options) => call<string>('slack.start', options),
    slackTally: () => call<SlackTally>('slack.tally'),
    resetSlack: () => call<void>('slack.reset'),
    async close() {
      if (failure) return;
      await call('close').catch(() => {});
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
