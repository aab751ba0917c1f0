/**
 * After a modal was submitted: the App Home refreshed when the member started there (it shows the
 * latest statuses), and — for work that outlived the ack, when the modal is gone — the confirmation
 * as a message (ephemeral where they started, else a DM).
 */
import type { WebClient } from '@slack/web-api';
import type { Rendered } from '../blocks/types.ts';
import type { SlackDeps } from '../deps.ts';
import type { ModalMeta } from '../metadata.ts';
import { describe, tell } from '../reply.ts';
import { publishHome } from './home.ts';

export async function refreshHome(
  deps: SlackDeps,
  client: WebClient,
  userId: string,
  meta: ModalMeta,
): Promise<void> {
  if (meta.origin !== 'home') return;
  await publishHome(deps, client, userId).catch((error) =>
    deps.log(`slack: App Home refresh failed: ${describe(error)}`),
  );
}

export async function confirmLate(
  deps: SlackDeps,
  client: WebClient,
  userId: string,
  meta: ModalMeta,
  message: Rendered,
): Promise<void> {
  await refreshHome(deps, client, userId, meta);
  await tell(deps, client, { userId, responseUrl: meta.responseUrl }, message);
}

/**
 * Resolves with the work's value, or with `null` once `ms` have passed (the work goes on); with
 * `ms` ≤ 0, with `null` at once (never wait).
 */
export function withinBudget<T>(work: Promise<T>, ms: number): Promise<{ value: T } | null> {
  if (ms <= 0) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(null), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve({ value });
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
