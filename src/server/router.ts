/** The bot's one HTTP server routes by exact path; each channel and the health endpoints bring their routes. */
import type { Route } from '../app/ports/channel.ts';

export type { Route };

export function findRoute(
  routes: Route[],
  method: string | undefined,
  url: string | undefined,
): Route | 'method' | null {
  const path = (url ?? '/').split('?')[0];
  const forPath = routes.filter((route) => route.path === path);
  if (forPath.length === 0) return null;
  return forPath.find((route) => route.method === method) ?? 'method';
}
