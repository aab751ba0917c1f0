/**
 * /healthz: the process is up. /readyz: the database answers and every migration is applied (a load
 * balancer sends traffic only then), plus warnings such as unauthenticated Teams. /metrics: Prometheus.
 */
import type { Route } from './router.ts';

export interface Readiness {
  ready: boolean;
  checks: Record<string, { ok: boolean; detail?: string }>;
  warnings: string[];
}

export function healthRoutes(options: {
  readiness: () => Promise<Readiness>;
  metrics: () => Promise<{ contentType: string; body: string }>;
}): Route[] {
  return [
    {
      method: 'GET',
      path: '/healthz',
      handle: (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
      },
    },
    {
      method: 'GET',
      path: '/readyz',
      handle: async (_request, response) => {
        const state = await options.readiness();
        response
          .writeHead(state.ready ? 200 : 503, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: state.ready ? 'ready' : 'not ready', ...state }));
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      handle: async (_request, response) => {
        const { contentType, body } = await options.metrics();
        response.writeHead(200, { 'content-type': contentType }).end(body);
      },
    },
  ];
}
