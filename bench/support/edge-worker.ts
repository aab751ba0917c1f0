/**
 * The worker side of bench/support/edge.ts: a closed-loop load generator over a keep-alive
 * `http.Agent`, and a fake Slack Web API on 127.0.0.1 whose chat.postMessage is limited by a token
 * bucket (429 with Retry-After in whole seconds above it, as Slack does). Every loop here is bounded
 * by a count and a time limit.
 */
import { createHmac } from 'node:crypto';
import { Agent, createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort } from 'node:worker_threads';
import type { FakeSlackOptions, LoadResult, LoadSpec, SlackTally } from './edge.ts';

const SEQ = /__SEQ__/g;
const port = parentPort!;

// ---------------------------------------------------------------------------------------------
// Load generator

/**
 * The keep-alive connections of the last run, kept for the next run to the same origin: a measured
 * run follows its warm-up with the connections the warm-up opened, so it measures the steady state.
 * Opening 50 connections at once to a busy server left a few of them unanswered for up to half a
 * second (whichever target that hit, its p99 was that start-up, not its answers); Slack's own
 * connections to an app are long-lived. Another origin gets fresh connections.
 */
let kept: { origin: string; concurrency: number; agent: Agent } | null = null;

function agentFor(spec: LoadSpec): Agent {
  if (kept && kept.origin === spec.origin && kept.concurrency === spec.concurrency) return kept.agent;
  kept?.agent.destroy();
  const agent = new Agent({
    keepAlive: true,
    maxSockets: spec.concurrency,
    maxFreeSockets: spec.concurrency,
  });
  kept = { origin: spec.origin, concurrency: spec.concurrency, agent };
  return agent;
}

async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const target = new URL(spec.origin);
  const agent = agentFor(spec);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const errorSamples: string[] = [];
  const slowSamples: string[] = [];
  const slowMs = spec.slowMs ?? 3000;
  let issued = 0;
  let firstBody: string | null = null;
  const started = performance.now();
  const deadline = started + spec.timeLimitMs;
  const timeout = spec.requestTimeoutMs ?? 10_000;

  /** Phases of one request, in ms from its start: socket assigned, connected, response headers. */
  interface Phases {
    socket: number;
    connect: number;
    headers: number;
    port: number;
  }
  const send = (path: string, headers: Record<string, string>, body: string, phases: Phases) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const begun = performance.now();
      const req = request(
        { host: target.hostname, port: target.port, method: 'POST', path, headers, agent, timeout },
        (response: IncomingMessage) => {
          phases.headers = performance.now() - begun;
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', reject);
        },
      );
      req.on('socket', (socket) => {
        phases.socket = performance.now() - begun;
        const connected = () => {
          phases.connect = performance.now() - begun;
          phases.port = socket.localPort ?? 0;
        };
        if (socket.connecting) socket.once('connect', connected);
        else connected();
      });
      req.on('timeout', () => req.destroy(new Error('request timed out')));
      req.on('error', reject);
      req.end(body);
    });
  const describe = (index: number, total: number, p: Phases) =>
    `#${index} ${Math.round(total)} ms (socket ${Math.round(p.socket)}, connected ${Math.round(p.connect)}, headers ${Math.round(p.headers)}, port ${p.port})`;

  const client = async () => {
    while (issued < spec.count && performance.now() < deadline) {
      const index = issued++;
      const template = spec.templates[index % spec.templates.length]!;
      const body = template.body.replace(SEQ, String(spec.firstSeq + index));
      const headers: Record<string, string> = {
        ...template.headers,
        'content-length': String(Buffer.byteLength(body)),
      };
      if (spec.slackSecret) {
        const timestamp = Math.floor(Date.now() / 1000);
        headers['x-slack-request-timestamp'] = String(timestamp);
        headers['x-slack-signature'] =
          `v0=${createHmac('sha256', spec.slackSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
      }
      const begun = performance.now();
      const phases: Phases = { socket: -1, connect: -1, headers: -1, port: 0 };
      try {
        const answer = await send(template.path, headers, body, phases);
        const latency = performance.now() - begun;
        latencies.push(latency);
        if (latency > slowMs && slowSamples.length < 10) slowSamples.push(describe(index, latency, phases));
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        firstBody ??= answer.body;
      } catch (error) {
        errors++;
        if (errorSamples.length < 5)
          errorSamples.push(
            `${describe(index, performance.now() - begun, phases)}: ${error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}` : String(error)}`,
          );
      }
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, client));
  return {
    latencies,
    statuses,
    errors,
    errorSamples,
    slowSamples,
    elapsedMs: performance.now() - started,
    firstBody: firstBody ?? '',
  };
}

// ---------------------------------------------------------------------------------------------
// Fake Slack Web API with a token bucket on chat.postMessage

class FakeSlackApi {
  private server: Server | null = null;
  private rate = 1;
  private burst = 1;
  private tokens = 1;
  private refilledAt = 0;
  private tally: SlackTally = emptyTally();
  private counter = 0;

  async start(options: FakeSlackOptions): Promise<string> {
    this.rate = options.rate;
    this.burst = Math.max(1, Math.round(options.burst ?? options.rate));
    this.tokens = this.burst;
    this.refilledAt = performance.now();
    this.tally = emptyTally();
    if (!this.server) {
      this.server = createServer((req, res) => {
        void this.handle(req).then(({ status, headers, body }) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
        });
      });
      this.server.keepAliveTimeout = 30_000;
      const server = this.server;
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    }
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  snapshot(): SlackTally {
    return structuredClone(this.tally);
  }

  reset(): void {
    this.tally = emptyTally();
    this.tokens = this.burst;
    this.refilledAt = performance.now();
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = null;
  }

  /** 0 when a token was taken, else the whole seconds until one will be there (at least 1). */
  private take(): number {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.rate);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.rate));
  }

  private async handle(req: IncomingMessage) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const count = (method: string) => {
      this.tally.calls[method] = (this.tally.calls[method] ?? 0) + 1;
    };
    if (path.startsWith('/api/response/') || path.startsWith('/response/')) {
      count('response_url');
      return { status: 200, headers: {}, body: { ok: true } };
    }
    const method = path.replace(/^\/api\//, '');
    count(method);
    const params = String(req.headers['content-type'] ?? '').includes('application/json')
      ? (JSON.parse(raw || '{}') as Record<string, unknown>)
      : Object.fromEntries(new URLSearchParams(raw));
    const n = ++this.counter;
    switch (method) {
      case 'conversations.open':
        return { status: 200, headers: {}, body: { ok: true, channel: { id: `D${String(params.users)}` } } };
      case 'chat.postMessage': {
        const wait = this.take();
        if (wait > 0) {
          this.tally.limited++;
          return {
            status: 429,
            headers: { 'retry-after': String(wait) },
            body: { ok: false, error: 'ratelimited' },
          };
        }
        // A user id as the channel posts in the bot's DM with that user, as Slack does.
        const channel = String(params.channel).replace(/^([UW][A-Z0-9]+)$/, 'D$1');
        this.tally.posted[channel] = (this.tally.posted[channel] ?? 0) + 1;
        const at = Date.now();
        if (this.tally.firstPostAt === 0) this.tally.firstPostAt = at;
        this.tally.lastPostAt = at;
        return {
          status: 200,
          headers: {},
          body: { ok: true, channel, ts: `1718850000.${String(n).padStart(6, '0')}` },
        };
      }
      case 'chat.postEphemeral':
        return { status: 200, headers: {}, body: { ok: true, message_ts: `1718850000.${n}` } };
      case 'auth.test':
        return {
          status: 200,
          headers: {},
          body: { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' },
        };
      default:
        return { status: 200, headers: {}, body: { ok: true } };
    }
  }
}

function emptyTally(): SlackTally {
  return { posted: {}, calls: {}, limited: 0, firstPostAt: 0, lastPostAt: 0 };
}

// ---------------------------------------------------------------------------------------------
// Messages from edge.ts

const slack = new FakeSlackApi();

port.on('message', async (message: { id: number; op: string; args?: unknown }) => {
  try {
    let value: unknown;
    switch (message.op) {
      case 'load':
        value = await runLoad(message.args as LoadSpec);
        break;
      case 'slack.start':
        value = await slack.start(message.args as FakeSlackOptions);
        break;
      case 'slack.tally':
        value = slack.snapshot();
        break;
      case 'slack.reset':
        slack.reset();
        break;
      case 'close':
        kept?.agent.destroy();
        kept = null;
        await slack.stop();
        break;
      default:
        throw new Error(`unknown op ${message.op}`);
    }
    port.postMessage({ id: message.id, ok: true, value });
  } catch (error) {
    port.postMessage({
      id: message.id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
port.postMessage({ ready: true });
