import type { TurnContext } from 'botbuilder';
import { parseChatCommand } from '../../../app/chat-command.ts';
import type { SendOutcome } from '../../../app/ports/channel.ts';
import type { EvidenceUpload } from '../../../app/use-cases/evidence.ts';
import { findTask } from '../../../app/use-cases/task-scope.ts';
import type { FileView, NoticeView, Viewer } from '../../../app/views.ts';
import { t } from '../../../i18n/index.ts';
import { renderContext } from '../../../presentation/context.ts';
import { text } from '../cards/card.ts';
import { fileConsentAttachment, renderFileCard } from '../cards/file.ts';
import { noticeBlock, renderNoticeCard } from '../cards/notice.ts';
import { teamsEvidenceUploads } from '../evidence.ts';
import { renderCard } from '../render.ts';

import { CONSENT_COMMAND_MAX, commandText, reply, TurnHandler, unregisteredCard } from './turn-handler.ts';

export class MessageHandler extends TurnHandler {
  async handle(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const typed = commandText(activity);
    const who = await this.identify(activity);
    if (who.kind === 'notice') {
      await reply(context, unregisteredCard(who.notice, who.locale, this.timeZone));
      return;
    }
    const viewer = who.viewer;
    const evidence = teamsEvidenceUploads(activity, this.options.fetch);
    if (evidence.length > 0) {
      await this.receiveEvidence(context, viewer, typed, evidence);
      return;
    }
    if (typed === '' && activity.value !== undefined) {
      // An old-style Action.Submit: our cards only use Action.Execute.
      await context.sendActivity(t(viewer.locale, 'teams.card_expired'));
      return;
    }
    // A redelivered activity (same id: a retry, a replay, another replica) runs once (ADR 25).
    if (!activity.id) return this.answer(context, viewer, typed);
    await this.core.once(
      `teams:activity:${activity.conversation?.id ?? ''}:${activity.id}`,
      `member:${viewer.memberId}`,
      () => this.answer(context, viewer, typed),
    );
  }

  private async answer(context: TurnContext, viewer: Viewer, typed: string): Promise<void> {
    const command = parseChatCommand(typed);
    const view = await this.core.handle(viewer, command);
    if (command.name === 'summary' && command.post && view.kind === 'summary') {
      const outcome = await this.options.postToGroup(view);
      const notice: NoticeView = outcome.ok
        ? { kind: 'notice', tone: 'success', key: 'teams.summary_posted' }
        : outcome.code === 'not_reachable'
          ? { kind: 'notice', tone: 'warning', key: 'teams.group_unknown' }
          : { kind: 'notice', tone: 'error', key: 'teams.group_failed', params: { reason: outcome.reason } };
      await reply(context, renderNoticeCard(notice, renderContext(viewer.locale, this.timeZone)));
      return;
    }
    if (view.kind === 'file') {
      await this.sendFile(context, viewer, view, typed);
      return;
    }
    await reply(
      context,
      renderCard(view, viewer.locale, { cardId: this.newCardId(), timeZone: this.timeZone }),
    );
  }

  // Evidence files sent in personal chat

  /** Files with a task named in the text: kept with the unit's latest report on it, each outcome said. */
  private async receiveEvidence(
    context: TurnContext,
    viewer: Viewer,
    typed: string,
    uploads: EvidenceUpload[],
  ): Promise<void> {
    const ctx = renderContext(viewer.locale, this.timeZone);
    const command = parseChatCommand(typed);
    const named =
      command.name === 'evidence' || command.name === 'report' ? command.task : typed.trim() || null;
    const task = named ? findTask(await this.core.tasks(), named) : null;
    let notices: NoticeView[];
    if (task) notices = await this.core.attachEvidence(viewer, { taskId: task.id, periodKey: null }, uploads);
    else if (named)
      notices = [{ kind: 'notice', tone: 'error', key: 'report.unknown_task', params: { code: named } }];
    else notices = [{ kind: 'notice', tone: 'warning', key: 'teams.evidence.task_needed' }];
    for (const notice of notices) await reply(context, renderNoticeCard(notice, ctx));
  }

  // Files ("xuất báo cáo")

  /**
   * The caption and chart on a card, and the document by the file consent flow, which Teams offers
   * in personal chats only: asked for in a channel, the consent card goes to the asker's personal chat.
   */
  private async sendFile(context: TurnContext, viewer: Viewer, view: FileView, typed: string): Promise<void> {
    const ctx = renderContext(viewer.locale, this.timeZone);
    const file = { file: view.fileName };
    const consent = () => {
      const id = this.pendingFiles.put(viewer.memberId, {
        fileName: view.fileName,
        mimeType: view.mimeType,
        bytes: view.bytes,
      });
      const command = typed.length <= CONSENT_COMMAND_MAX ? typed : '';
      return fileConsentAttachment(view, ctx, { da06File: id, command });
    };
    if (context.activity.conversation?.conversationType === 'personal') {
      const note = text(ctx.t('teams.file.consent_below', file), { isSubtle: true, spacing: 'Medium' });
      await reply(context, renderFileCard(view, ctx, [note]));
      await context.sendActivity({ type: 'message', attachments: [consent()] });
      return;
    }
    const aad = context.activity.from?.aadObjectId;
    const outcome: SendOutcome =
      aad && this.options.sendPersonal
        ? await this.options.sendPersonal(aad, [consent()])
        : { ok: false, retryable: false, code: 'not_reachable', reason: 'no personal chat' };
    let note: NoticeView;
    if (outcome.ok) note = { kind: 'notice', tone: 'info', key: 'teams.file.sent_personal', params: file };
    else if (outcome.code === 'not_reachable')
      note = { kind: 'notice', tone: 'warning', key: 'teams.file.personal_unknown' };
    else {
      this.options.log(`[teams] file consent to personal chat failed (${outcome.code}): ${outcome.reason}`);
      note = {
        kind: 'notice',
        tone: 'error',
        key: 'teams.file.personal_failed',
        params: { ...file, reason: outcome.reason },
      };
    }
    await reply(context, renderFileCard(view, ctx, [noticeBlock(note, ctx)]));
  }
}
