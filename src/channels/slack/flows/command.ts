/**
 * `/da06 …` answered: the report modal, a summary posted to the group's channel by a chair, an
 * exported file uploaded to the conversation (flows/upload.ts), or any other view as an ephemeral
 * reply (paged, with "Xem thêm"). Runs after the command was acked.
 */
import type { WebClient } from '@slack/web-api';
import { type ChatCommand, parseChatCommand } from '../../../app/chat-command.ts';
import type { View, Viewer } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { renderMessage } from '../blocks/message.ts';
import { reportModal } from '../blocks/report-modal.ts';
import type { SlackDeps } from '../deps.ts';
import { describe, respondTo, tell } from '../reply.ts';
import { whoIs } from '../viewer.ts';
import { messagePages, replyPages } from './pages.ts';
import { uploadFile } from './upload.ts';

export interface CommandInput {
  userId: string;
  text: string;
  responseUrl?: string;
  triggerId?: string;
  /** The conversation the command was typed in (where an exported file is uploaded). */
  channelId?: string;
  /** The page to show (from "Xem thêm"); 1 for a typed command. */
  page?: number;
}

export async function answerCommand(deps: SlackDeps, client: WebClient, input: CommandInput): Promise<void> {
  const who = await whoIs(deps, input.userId);
  const reply = (view: View) => show(deps, client, input, view, who.ctx);
  if (who.viewer === null) return reply(who.notice);
  const { viewer, ctx } = who;
  const command = parseChatCommand(input.text);
  if (command.name === 'report' && input.triggerId) {
    const form = await deps.core.reportForm(viewer, command.task, command.period);
    if (form.kind === 'notice') return reply(form);
    const meta = { task: null, origin: 'command' as const, responseUrl: input.responseUrl };
    await client.views.open({ trigger_id: input.triggerId, view: reportModal(form, meta, ctx) });
    return;
  }
  if (command.name === 'summary' && command.post) return postSummary(deps, client, input, viewer, command);
  const view = await deps.core.handle(viewer, command);
  if (view.kind === 'file') return uploadFile(deps, client, input, view, ctx);
  if (command.name === 'unknown') {
    // An unknown command: say so, then show what is available.
    const help = renderMessage(await deps.core.handle(viewer, { name: 'help' }), ctx);
    const notice = renderMessage(view, ctx);
    return send(deps, client, input, { text: notice.text, blocks: [...notice.blocks, ...help.blocks] }, ctx);
  }
  return reply(view);
}

function show(deps: SlackDeps, client: WebClient, input: CommandInput, view: View, ctx: RenderContext) {
  return send(deps, client, input, renderMessage(view, ctx), ctx);
}

async function send(
  deps: SlackDeps,
  client: WebClient,
  input: CommandInput,
  rendered: ReturnType<typeof renderMessage>,
  ctx: RenderContext,
): Promise<void> {
  const pages = replyPages(rendered, ctx, input.text);
  const page = pages[(input.page ?? 1) - 1];
  const message = page ?? renderMessage({ kind: 'notice', tone: 'info', key: 'slack.more.expired' }, ctx);
  await tell(deps, client, { userId: input.userId, responseUrl: input.responseUrl }, message);
}

/** A chair publishes the summary to SLACK_GROUP_CHANNEL (in the group's language); others are refused by the core. */
async function postSummary(
  deps: SlackDeps,
  client: WebClient,
  input: CommandInput,
  viewer: Viewer,
  command: Extract<ChatCommand, { name: 'summary' }>,
): Promise<void> {
  const ctx = deps.ctx(viewer.locale);
  const view = await deps.core.handle(viewer, command);
  if (view.kind !== 'summary') return show(deps, client, input, view, ctx);
  const channel = deps.settings.SLACK_GROUP_CHANNEL;
  if (!channel) return show(deps, client, input, notice('warning', 'slack.summary.no_group_channel'), ctx);
  try {
    for (const page of messagePages(view, deps.ctx(deps.settings.DEFAULT_LOCALE))) {
      await client.chat.postMessage({ channel, text: page.text, blocks: page.blocks });
    }
  } catch (error) {
    deps.log(`slack: posting the summary to ${channel} failed: ${describe(error)}`);
    const failed = notice('error', 'slack.summary.post_failed', { reason: describe(error) });
    return show(deps, client, input, failed, ctx);
  }
  const posted = notice('success', 'slack.summary.posted', { period: view.period.key });
  if (input.responseUrl) await respondTo(deps, input.responseUrl, renderMessage(posted, ctx));
}

function notice(tone: 'success' | 'warning' | 'error', key: string, params?: Record<string, string>): View {
  return { kind: 'notice', tone, key, params };
}
