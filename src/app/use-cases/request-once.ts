/**
 * Once per request (ADR 25): a channel names a request by what the platform keeps across a retry or a
 * replay of it (Slack's trigger or view id, Teams' activity id); the key is recorded before the work
 * runs, so a second delivery — a retry, after a restart, on another replica on the same database —
 * runs nothing. Work that fails is forgotten, so the member's retry runs it. Writes that commit with
 * their own transaction (a report, a snooze) record the key in it instead (`requestKey`).
 */
import type { RequestRepository } from '../ports/stores.ts';

export type Once<T> = { fresh: true; value: T } | { fresh: false };

export async function oncePerRequest<T>(
  deps: { requests: RequestRepository },
  key: string,
  actor: string,
  work: () => Promise<T>,
): Promise<Once<T>> {
  if (!(await deps.requests.claim(key, actor))) return { fresh: false };
  try {
    return { fresh: true, value: await work() };
  } catch (error) {
    await deps.requests.release(key).catch(() => {});
    throw error;
  }
}
