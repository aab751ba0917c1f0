/**
 * Answering a member outside the HTTP response: an ephemeral reply through the response_url of the
 * command or message (30 minutes, 5 uses), else a DM from the bot. Failures are logged, never thrown:
 * a lost confirmation must not undo the work it confirms.
 */
import type { WebClient } from '@slack/web-api';
import type { Rendered } from './blocks/types.ts';
import type { SlackDeps } from './deps.ts';
import { postJson } from './post-json.ts';

/** Posts an ephemeral reply to a response_url; false when Slack refused it (expired, used up). */
export async function respondTo(
  deps: SlackDeps,
  responseUrl: string,
  message: Rendered,
  options: { replaceOriginal?: boolean } = {},
): Promise<boolean> {
  try {
    const { status } = await postJson(
      responseUrl,
      {
        response_type: 'ephemeral',
        replace_original: options.replaceOriginal ?? false,
        text: message.text,
        blocks: message.blocks,
      },
      { timeoutMs: 10_000 },
    );
    const ok = status >= 200 && status < 300;
    if (!ok) deps.log(`slack: response_url answered ${status}`);
    return ok;
  } catch (error) {
    deps.log(`slack: response_url failed: ${describe(error)}`);
    return false;
  }
}

/** The conversation id of the bot's DM with `userId` (conversations.open, remembered). */
export async function dmChannel(deps: SlackDeps, client: WebClient, userId: string): Promise<string> {
  const known = deps.dmChannels.get(userId);
  if (known) return known;
  const opened = await client.conversations.open({ users: userId });
  const id = opened.channel?.id;
  if (!id) throw new Error(`conversations.open gave no channel for ${userId}`);
  if (deps.dmChannels.size >= 5000) deps.dmChannels.clear();
  deps.dmChannels.set(userId, id);
  return id;
}

export async function dm(
  deps: SlackDeps,
  client: WebClient,
  userId: string,
  message: Rendered,
): Promise<boolean> {
  try {
    const channel = await dmChannel(deps, client, userId);
    await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
    return true;
  } catch (error) {
    deps.log(`slack: DM to ${userId} failed: ${describe(error)}`);
    return false;
  }
}

/** An ephemeral reply where the member is (response_url), else a DM. */
export async function tell(
  deps: SlackDeps,
  client: WebClient,
  target: { userId: string; responseUrl?: string | undefined },
  message: Rendered,
): Promise<void> {
  if (target.responseUrl && (await respondTo(deps, target.responseUrl, message))) return;
  await dm(deps, client, target.userId, message);
}

export function describe(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { code?: string; data?: { error?: string }; message?: string };
    if (e.data?.error) return `${e.code ?? 'error'}: ${e.data.error}`;
    if (e.message) return e.code ? `${e.code}: ${e.message}` : e.message;
  }
  return String(error);
}
