/**
 * The bot's one HTTP server: `/slack/events`, `/api/messages`, `/healthz`, `/readyz` and whatever
 * else channels register. Listens on PORT; `close()` stops accepting connections and waits for the
 * requests in flight (bounded by `graceMs`).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../domain/errors.ts';
import { describeError } from '../presentation/errors.ts';
import { findRoute, type Route } from './router.ts';

export interface HttpServer {
  readonly server: Server;
  listen(port: number, host?: string): Promise<number>;
  close(graceMs?: number): Promise<void>;
}

/** Where request latencies go (the bot's Prometheus histogram). */
export interface RequestObserver {
  requestDuration: { observe(labels: { route: string; status: string }, seconds: number): void };
}

export function createHttpServer(
  routes: Route[],
  onError: (error: unknown) => void = () => {},
  observer?: RequestObserver,
): HttpServer {
  const server = createServer((request, response) => {
    const route = findRoute(routes, request.method, request.url);
    if (observer && typeof route === 'object' && route !== null) {
      const started = process.hrtime.bigint();
      response.once('finish', () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        observer.requestDuration.observe({ route: route.path, status: String(response.statusCode) }, seconds);
      });
    }
    if (route === null) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    if (route === 'method') {
      response.writeHead(405, { 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed');
      return;
    }
    Promise.resolve()
      .then(() => route.handle(request, response))
      .catch((error: unknown) => {
        // A coded error is the caller's to fix (400, in words); anything else is a bug, logged.
        const said = describeError(error, 'vi', { log: () => onError(error) });
        const expected = error instanceof AppError;
        const status = expected ? 400 : 500;
        if (!response.headersSent)
          response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
        if (!response.writableEnded) response.end(expected ? said : 'Internal error');
      });
  });
  return {
    server,
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    close: (graceMs = 10_000) =>
      new Promise((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

/** Reads a request body whole (channels verify signatures over the exact bytes). */
export async function readBody(
  request: import('node:http').IncomingMessage,
  limit = 1024 * 1024,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error(`request body over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
