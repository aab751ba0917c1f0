/** What the button listeners share: where a click came from, and how to answer it with a notice. */
import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { NoticeView } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { errorMessage } from '../../../presentation/errors.ts';
import { renderNotice } from '../blocks/notice.ts';
import { noticeModal } from '../blocks/notice-modal.ts';
import type { ListenerModule, SlackDeps } from '../deps.ts';
import type { ModalMeta, Origin } from '../metadata.ts';
import { describe, tell } from '../reply.ts';

/** Where the clicked button was: the App Home (no response_url), a message, or a modal. */
export function originOf(body: BlockAction): Origin {
  if (body.view?.type === 'home') return 'home';
  return 'message';
}

/** What a modal opened from this click carries for its confirmation. */
export function metaFrom(body: BlockAction, task: number | null): ModalMeta {
  const origin = originOf(body);
  return { task, origin, responseUrl: origin === 'home' ? undefined : body.response_url || undefined };
}

/**
 * A refusal or note after a click: ephemeral under the message, or — on the App Home, which has no
 * response_url — in a small modal while the trigger is fresh; a DM as the last resort.
 */
export async function answerClick(
  deps: SlackDeps,
  client: WebClient,
  body: BlockAction,
  notice: NoticeView,
  ctx: RenderContext,
): Promise<void> {
  if (!body.response_url && body.trigger_id) {
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: noticeModal(notice, ctx) });
      return;
    } catch (error) {
      deps.log(`slack: notice modal failed: ${describe(error)}`);
    }
  }
  await tell(
    deps,
    client,
    { userId: body.user.id, responseUrl: body.response_url },
    renderNotice(notice, ctx),
  );
}

/** Runs a listener's work after ack, tracked for stop(), reporting failures to the member. */
export async function afterAck(
  deps: SlackDeps,
  client: WebClient,
  target: { userId: string; responseUrl?: string | undefined },
  what: string,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await deps.track(work());
  } catch (error) {
    deps.log(`slack: ${what} failed: ${describe(error)}`);
    const ctx = deps.ctx(deps.settings.DEFAULT_LOCALE);
    const { key, params } = errorMessage(error, { log: deps.log, internalKey: 'slack.error.generic' });
    const oops = renderNotice({ kind: 'notice', tone: 'error', key, ...(params ? { params } : {}) }, ctx);
    await tell(deps, client, target, oops);
  }
}

/**
 * Runs `work` once per Slack trigger id (ADR 25). Slack gives every command and every click its own
 * trigger id and keeps it in a retried delivery; a signed request replayed within the 5 minutes the
 * request guard allows carries it too. The key is recorded in the database, so a replay after a
 * restart, or on another replica on the same database, runs nothing. Work that fails is forgotten.
 */
export async function oncePerTrigger(
  deps: SlackDeps,
  triggerId: string | undefined,
  userId: string,
  work: () => Promise<void>,
): Promise<void> {
  if (!triggerId) return work();
  await deps.core.once(`slack:trigger:${triggerId}`, `slack:${userId}`, work);
}

/** A button click, acknowledged: what the listener's work gets. */
export interface ButtonClick {
  deps: SlackDeps;
  client: WebClient;
  body: BlockAction<ButtonAction>;
  action: ButtonAction;
  /** Where a failure is told (the member, and the message's response_url when there is one). */
  target: { userId: string; responseUrl?: string };
}

/**
 * A button's listener: acknowledged at once, then `work` after the ack (`afterAck`: tracked for a
 * graceful stop, a failure logged and told to the member as `what` failing).
 */
export function buttonAction(
  id: string,
  what: string,
  work: (click: ButtonClick) => Promise<void>,
): ListenerModule {
  return {
    kind: 'action',
    id,
    register(router, deps) {
      router.action<BlockAction<ButtonAction>>(id, async ({ ack, body, action, client }) => {
        await ack();
        const target = { userId: body.user.id, responseUrl: body.response_url };
        await afterAck(deps, client, target, what, () =>
          oncePerTrigger(deps, body.trigger_id, body.user.id, () =>
            work({ deps, client, body, action, target }),
          ),
        );
      });
    },
  };
}
