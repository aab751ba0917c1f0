/**
 * The frame of every modal submission: who submits; the work run once per submission (a retried
 * delivery or a double click has the same view id and values, so the same idempotency key: in this
 * process's memory, and in the database with what the work stores, so that a replay after a restart
 * or on another replica stores nothing either, ADR 25); the answer
 * inside Slack's 3 s — field errors beside the fields, or the form replaced in place by the refusal or
 * by the confirmation (as Teams replaces a submitted card). Work slower than the budget is acked
 * first; its outcome then comes as a message. The status form's submission runs in the core's
 * optimistic scope (`optimistic`): on PostgreSQL one statement when the member and task are cached.
 *
 * Why the confirmation is in the modal, not a message to the response_url: the member sees it where
 * they pressed "Gửi", from every starting point alike (a command, a reminder's button, the App Home),
 * with no second call to Slack that could fail or expire — and that call cost more CPU than the rest
 * of the submission's own work (docs/performance.md, slack-ack).
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewOutput, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { NoticeView, Viewer } from '../../../../app/views.ts';
import type { RenderContext } from '../../../../presentation/context.ts';
import { esc, sections } from '../../blocks/kit.ts';
import { renderNotice } from '../../blocks/notice.ts';
import { messageModal, noticeModal } from '../../blocks/notice-modal.ts';
import type { Rendered } from '../../blocks/types.ts';
import type { SlackDeps } from '../../deps.ts';
import { confirmLate, refreshHome, withinBudget } from '../../flows/confirm.ts';
import { decodeMeta, type ModalMeta } from '../../metadata.ts';
import { describe, tell } from '../../reply.ts';
import { whoIs } from '../../viewer.ts';

export type Values = ViewOutput['state']['values'];

export type Outcome =
  | { kind: 'errors'; errors: Record<string, string> }
  | { kind: 'refused'; notice: NoticeView }
  | { kind: 'saved'; message: Rendered }
  | { kind: 'nothing' };

export type SubmitWork = (
  viewer: Viewer,
  ctx: RenderContext,
  meta: ModalMeta,
  values: Values,
  client: WebClient,
  /** Recorded with what the submission stores (ADR 25): a replay of it stores nothing. */
  requestKey: string,
) => Promise<Outcome>;

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Who submitted and what their submission came to; `outcome` null when they are not a member. */
type Submitted =
  | { outcome: Outcome; ctx: RenderContext }
  | { outcome: null; notice: NoticeView; ctx: RenderContext };

export interface SubmissionOptions {
  /**
   * Run who-is-asking and `work` in the core's optimistic scope (ADR 24, addendum 3): the member and
   * the task may come from a cache, checked before the answer leaves, and on a failed check both run
   * again on fresh reads. Only for work whose one write is the report's (the status form).
   */
  optimistic?: boolean;
}

export function submissionListener(
  deps: SlackDeps,
  name: string,
  work: SubmitWork,
  options: SubmissionOptions = {},
) {
  return async ({ ack, body, client }: Args): Promise<void> => {
    const meta = decodeMeta(body.view.private_metadata);
    let acked = false;
    const answer: typeof ack = async (response) => {
      if (acked) return;
      acked = true;
      await ack(response);
    };
    try {
      const key = submissionKey(name, body);
      const submit = async (): Promise<Submitted> => {
        const who = await whoIs(deps, body.user.id);
        if (who.viewer === null) return { outcome: null, notice: who.notice, ctx: who.ctx };
        const values = body.view.state.values;
        const outcome = await work(who.viewer, who.ctx, meta, values, client, `slack:view:${key}`);
        return { outcome, ctx: who.ctx };
      };
      const run = deps.dedupe.once(key, () => (options.optimistic ? deps.core.optimistic(submit) : submit()));
      const settled = await withinBudget(run.result, deps.ackBudgetMs);
      if (settled === null) {
        await answer();
        const late = run.result.then((submitted) =>
          run.fresh ? tellLate(deps, client, body.user.id, meta, submitted) : undefined,
        );
        await deps.track(late);
        return;
      }
      const submitted = settled.value;
      const { ctx } = submitted;
      // Only a stored submission is remembered: corrected values after errors must go through.
      if (submitted.outcome?.kind !== 'saved') deps.dedupe.forget(key);
      if (submitted.outcome === null)
        return answer({ response_action: 'update', view: noticeModal(submitted.notice, ctx) });
      const outcome = submitted.outcome;
      if (outcome.kind === 'errors') return answer({ response_action: 'errors', errors: outcome.errors });
      if (outcome.kind === 'refused')
        return answer({ response_action: 'update', view: noticeModal(outcome.notice, ctx) });
      if (outcome.kind === 'nothing') return answer();
      await answer({ response_action: 'update', view: messageModal(outcome.message, ctx) });
      if (run.fresh) await deps.track(refreshHome(deps, client, body.user.id, meta));
    } catch (error) {
      deps.log(`slack: ${name} submission failed: ${describe(error)}`);
      const ctx = deps.ctx(deps.settings.DEFAULT_LOCALE);
      const oops: NoticeView = { kind: 'notice', tone: 'error', key: 'slack.error.generic' };
      if (!acked) return answer({ response_action: 'update', view: noticeModal(oops, ctx) });
      await tell(
        deps,
        client,
        { userId: body.user.id, responseUrl: meta.responseUrl },
        renderNotice(oops, ctx),
      );
    }
  };
}

/** The outcome of work that outlived the ack: the modal is gone, so everything comes as a message. */
async function tellLate(
  deps: SlackDeps,
  client: Args['client'],
  userId: string,
  meta: ModalMeta,
  submitted: Submitted,
): Promise<void> {
  const { outcome, ctx } = submitted;
  if (outcome === null)
    return tell(deps, client, { userId, responseUrl: meta.responseUrl }, renderNotice(submitted.notice, ctx));
  if (outcome.kind === 'saved') return confirmLate(deps, client, userId, meta, outcome.message);
  if (outcome.kind === 'refused')
    return tell(deps, client, { userId, responseUrl: meta.responseUrl }, renderNotice(outcome.notice, ctx));
  if (outcome.kind === 'errors') {
    const intro = renderNotice({ kind: 'notice', tone: 'error', key: 'report.form.errors' }, ctx);
    const lines = Object.values(outcome.errors);
    const message = {
      text: [intro.text, ...lines].join('\n'),
      blocks: [...intro.blocks, ...sections(lines.map((l) => `• ${esc(l)}`))],
    };
    await tell(deps, client, { userId, responseUrl: meta.responseUrl }, message);
  }
}

/**
 * One key per submitted modal. Slack keeps a view's id across a retried delivery and a double click.
 * The same view submitted again with other values is either a correction after field errors (whose
 * key was forgotten: only stored outcomes are remembered) or impossible (a stored form is replaced by
 * its confirmation, which has no submit button), so the values need not be part of the key.
 */
export function submissionKey(name: string, body: ViewSubmitAction): string {
  return `${name}:${body.user.id}:${body.view.id}`;
}

export function textOf(values: Values, block: string, action: string): string {
  return values[block]?.[action]?.value ?? '';
}

export function selectedOf(values: Values, block: string, action: string): string | null {
  return values[block]?.[action]?.selected_option?.value ?? null;
}

export function dateOf(values: Values, block: string, action: string): string | null {
  return values[block]?.[action]?.selected_date ?? null;
}
