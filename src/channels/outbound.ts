/**
 * Outbound HTTP through the proxy the settings name (HTTPS_PROXY/HTTP_PROXY, except the hosts in
 * NO_PROXY), as closed government networks need: an undici dispatcher that picks the proxy per
 * request (CONNECT tunnels), a fetch on it for the Slack Web API clients, and the dispatcher itself
 * for Socket Mode's WebSocket. Without a proxy setting every client keeps its own default transport.
 */
import { type Dispatcher, EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';
import type { Settings } from '../config/settings.ts';

export interface Outbound {
  dispatcher: Dispatcher;
  /** A WHATWG fetch whose requests go through `dispatcher`. */
  fetch: typeof globalThis.fetch;
}

type ProxySettings = Pick<Settings, 'HTTPS_PROXY' | 'HTTP_PROXY' | 'NO_PROXY'>;

/** The proxied transport for these settings, or null when no proxy is set. */
export function outboundFor(settings: ProxySettings): Outbound | null {
  const httpsProxy = settings.HTTPS_PROXY ?? settings.HTTP_PROXY;
  const httpProxy = settings.HTTP_PROXY ?? settings.HTTPS_PROXY;
  if (!httpsProxy || !httpProxy) return null;
  const dispatcher = new EnvHttpProxyAgent({ httpProxy, httpsProxy, noProxy: settings.NO_PROXY ?? '' });
  const proxied = ((input: Parameters<typeof undiciFetch>[0], init?: Parameters<typeof undiciFetch>[1]) =>
    undiciFetch(input, { ...init, dispatcher })) as unknown as typeof globalThis.fetch;
  return { dispatcher, fetch: proxied };
}
