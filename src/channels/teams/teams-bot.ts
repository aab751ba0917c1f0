/**
 * The bot's turn logic (an `ActivityHandler`, kept apart from the adapter set-up as the
 * BotBuilder-Samples do): commands typed in personal chat or after an @mention in a channel, the
 * Universal Actions of our cards, and install / uninstall, which keep the conversation references
 * proactive messages need. Every decision is the core's; this class translates.
 */

import { randomUUID } from 'node:crypto';
import {
  type Activity,
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Attachment,
  type FileConsentCardResponse,
  type InvokeResponse,
  TurnContext,
} from 'botbuilder';
import { parseChatCommand } from '../../app/chat-command.ts';
import type { Core } from '../../app/core.ts';
import type { SendOutcome } from '../../app/ports/channel.ts';
import type { FileView, NoticeView, ReminderTask, View, Viewer } from '../../app/views.ts';
import type { Locale } from '../../domain/roles.ts';
import { t } from '../../i18n/index.ts';
import { renderContext } from '../../presentation/context.ts';
import {
  type ActionData,
  type PagedView,
  type ReadAction,
  type ReminderRef,
  readAction,
  taskInputs,
} from './actions.ts';
import { CardLedger, type CardOutcome } from './card-ledger.ts';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard, text } from './cards/card.ts';
import {
  type FileConsentContext,
  fileConsentAttachment,
  fileInfoAttachment,
  renderFileCard,
} from './cards/file.ts';
import { renderHelpCard } from './cards/help.ts';
import { noticeBlock, noticeText, renderNoticeCard } from './cards/notice.ts';
import { renderOutcomeCard } from './cards/outcome.ts';
import { reminderTaskOf, renderReminderTasksCard } from './cards/reminder.ts';
import type { FormDraft } from './cards/report.ts';
import type { ConversationStore } from './conversation-store.ts';
import { PendingFiles, uploadToSession } from './file-uploads.ts';
import { localeOf } from './i18n.ts';
import { renderCard } from './render.ts';

export interface TeamsBotOptions {
  core: Core;
  conversations: ConversationStore;
  ledger: CardLedger;
  defaultLocale: Locale;
  log: (line: string) => void;
  /** Runs work after the turn has answered (reference writes); failures are logged. */
  later: (label: string, work: () => Promise<unknown>) => void;
  /** Posts a view to the group's team channel ("tổng hợp đăng"). */
  postToGroup: (view: View) => Promise<SendOutcome>;
  /** Posts to a member's personal chat with the bot (by AAD object id): files asked for in a channel. */
  sendPersonal?: (aadObjectId: string, attachments: Attachment[]) => Promise<SendOutcome>;
  /** Files waiting for the user's consent (a fresh store when not given). */
  pendingFiles?: PendingFiles;
  newCardId?: () => string;
}

const MESSAGE_RESPONSE_TYPE = 'application/vnd.microsoft.activity.message';
const FILE_CONSENT_INVOKE = 'fileConsent/invoke';
/** Commands kept in a consent card's context to make the file anew after a restart. */
const CONSENT_COMMAND_MAX = 200;

export class TeamsBot extends ActivityHandler {
  private readonly core: Core;
  private readonly newCardId: () => string;
  private readonly pendingFiles: PendingFiles;

  constructor(private readonly options: TeamsBotOptions) {
    super();
    this.core = options.core;
    this.newCardId = options.newCardId ?? (() => randomUUID());
    this.pendingFiles = options.pendingFiles ?? new PendingFiles();

    this.onMessage(async (context, next) => {
      this.rememberConversation(context.activity);
      await this.answerMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const bot = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((member) => member.id === bot))
        await this.installed(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      const bot = context.activity.recipient?.id;
      if ((context.activity.membersRemoved ?? []).some((member) => member.id === bot))
        this.uninstalled(context.activity);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      this.rememberConversation(context.activity, true);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      this.uninstalled(context.activity);
      await next();
    });
  }

  private get timeZone(): string {
    return this.core.timeZone;
  }

  // ---------------------------------------------------------------------------------------------
  // Messages

  private async answerMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const typed = commandText(activity);
    const who = await this.identify(activity);
    if (who.kind === 'notice') {
      await reply(context, unregisteredCard(who.notice, who.locale, this.timeZone));
      return;
    }
    const viewer = who.viewer;
    if (typed === '' && activity.value !== undefined) {
      // An old-style Action.Submit: our cards only use Action.Execute.
      await context.sendActivity(t(viewer.locale, 'teams.card_expired'));
      return;
    }
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

  // ---------------------------------------------------------------------------------------------
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

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== FILE_CONSENT_INVOKE) return super.onInvokeActivity(context);
    try {
      await this.answerFileConsent(context, context.activity.value as FileConsentCardResponse | undefined);
    } catch (error) {
      this.options.log(`[teams] file consent failed: ${describe(error)}`);
    }
    return { status: 200 };
  }

  /** "Allow": the file PUT to the user's OneDrive, then a FileInfoCard. "Decline": said so. */
  private async answerFileConsent(context: TurnContext, response: FileConsentCardResponse | undefined) {
    const who = await this.identify(context.activity);
    if (who.kind === 'notice') {
      await reply(context, unregisteredCard(who.notice, who.locale, this.timeZone));
      return;
    }
    const viewer = who.viewer;
    const said = readConsentContext(response?.context);
    const info = response?.uploadInfo;
    const pending = said ? this.pendingFiles.get(said.da06File, viewer.memberId) : null;
    const name = info?.name || pending?.fileName || '';
    if (response?.action === 'decline') {
      if (said) this.pendingFiles.delete(said.da06File);
      await context.sendActivity(t(viewer.locale, 'teams.file.declined', { file: name }));
      return;
    }
    if (response?.action !== 'accept' || !said || !info?.uploadUrl) {
      await context.sendActivity(t(viewer.locale, 'teams.file.expired'));
      return;
    }
    let bytes = pending?.bytes;
    if (!bytes && said.command) {
      // Not in memory (a restart): the command again, permissions checked again.
      const view = await this.core.handle(viewer, parseChatCommand(said.command));
      if (view.kind === 'file') bytes = view.bytes;
    }
    if (!bytes) {
      await context.sendActivity(t(viewer.locale, 'teams.file.expired'));
      return;
    }
    try {
      await uploadToSession(info.uploadUrl, bytes);
    } catch (error) {
      this.options.log(`[teams] upload of ${name} to OneDrive failed: ${describe(error)}`);
      const reason = error instanceof Error ? error.message : String(error);
      await context.sendActivity(t(viewer.locale, 'teams.file.upload_failed', { file: name, reason }));
      return;
    }
    this.pendingFiles.delete(said.da06File);
    await context.sendActivity({
      type: 'message',
      text: t(viewer.locale, 'teams.file.uploaded', { file: name }),
      attachments: [fileInfoAttachment(info)],
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Install and uninstall

  private async installed(context: TurnContext): Promise<void> {
    const activity = context.activity;
    this.rememberConversation(activity, true);
    const type = activity.conversation?.conversationType;
    if (type === 'channel') {
      const locale = this.core.locale;
      await reply(
        context,
        renderNoticeCard(
          { kind: 'notice', tone: 'info', key: 'teams.welcome.team' },
          renderContext(locale, this.timeZone),
        ),
      );
      return;
    }
    if (type !== 'personal') return;
    const who = await this.identify(activity);
    if (who.kind === 'notice') {
      await reply(context, unregisteredCard(who.notice, who.locale, this.timeZone));
      return;
    }
    const ctx = renderContext(who.viewer.locale, this.timeZone);
    const view = await this.core.handle(who.viewer, { name: 'help' });
    const help =
      view.kind === 'help'
        ? renderHelpCard(view, ctx)
        : renderCard(view, who.viewer.locale, { cardId: this.newCardId(), timeZone: this.timeZone });
    const welcome = text(
      ctx.t('teams.welcome.personal', { name: who.viewer.displayName, unit: who.viewer.unitName }),
      {
        weight: 'Bolder',
      },
    );
    await reply(context, { ...help, body: [welcome, ...help.body] });
  }

  private uninstalled(activity: Activity): void {
    const type = activity.conversation?.conversationType;
    const aad = activity.from?.aadObjectId;
    if (type === 'personal' && aad) {
      this.options.later('forget personal chat', () => this.options.conversations.clearMember(aad));
    } else if (type === 'channel' && activity.conversation?.id) {
      const id = activity.conversation.id;
      this.options.later('forget team channel', () => this.options.conversations.clearGroup(id));
    }
  }

  /** Keeps the reference of a personal chat (per member) or of the team channel, after the turn. */
  private rememberConversation(activity: Activity, install = false): void {
    const reference = TurnContext.getConversationReference(activity);
    const type = activity.conversation?.conversationType;
    const aad = activity.from?.aadObjectId;
    if (type === 'personal' && aad) {
      this.options.later('save personal chat', () => this.options.conversations.saveMember(aad, reference));
    } else if (type === 'channel') {
      this.options.later('save team channel', () => this.options.conversations.saveGroup(reference, install));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Universal Actions

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const activity = context.activity;
    const who = await this.identify(activity);
    if (who.kind === 'notice') return cardResponse(unregisteredCard(who.notice, who.locale, this.timeZone));
    const viewer = who.viewer;
    const read = readAction(invokeValue.action?.verb, invokeValue.action?.data);
    if (!read) return messageResponse(t(viewer.locale, 'teams.card_expired'));
    try {
      return await this.act(viewer, read);
    } catch (error) {
      this.options.log(`[teams] card action ${read.action.verb} failed: ${describe(error)}`);
      return messageResponse(t(viewer.locale, 'teams.error'));
    }
  }

  private async act(viewer: Viewer, { action, inputs }: ReadAction): Promise<AdaptiveCardInvokeResponse> {
    const ctx = renderContext(viewer.locale, this.timeZone);
    const draw = (
      view: View,
      extra: { page?: number; draft?: FormDraft; reminder?: ReminderRef; cardId?: string } = {},
    ) =>
      cardResponse(
        renderCard(view, viewer.locale, {
          cardId: extra.cardId ?? this.newCardId(),
          timeZone: this.timeZone,
          ...extra,
        }),
      );
    switch (action.verb) {
      case 'command':
        return draw(await this.core.handle(viewer, parseChatCommand(action.command)));
      case 'view.page':
        return draw(await this.core.handle(viewer, pagedCommand(action.view, action.period ?? null)), {
          page: action.page,
        });
      case 'report.open': {
        const view = await this.core.reportForm(viewer, action.taskCode ?? null);
        if (view.kind === 'notice') return messageResponse(noticeText(view, ctx));
        return draw(view, action.reminder ? { reminder: action.reminder } : {});
      }
      case 'reminder.page': {
        const tasks = await this.reminderTasks(viewer, action.reminder.tasks, { unreportedOnly: false });
        return cardResponse(
          renderReminderTasksCard(action.reminder, tasks, ctx, {
            cardId: this.newCardId(),
            page: action.page,
          }).card,
        );
      }
      case 'report.submit':
      case 'task.done':
      case 'task.snooze':
        return this.consume(viewer, action, inputs);
    }
  }

  /** A consuming action, at most once per card (see CardLedger). */
  private async consume(
    viewer: Viewer,
    action: Extract<ActionData, { verb: 'report.submit' | 'task.done' | 'task.snooze' }>,
    inputs: Record<string, string>,
  ): Promise<AdaptiveCardInvokeResponse> {
    const ctx = renderContext(viewer.locale, this.timeZone);
    const reminder = action.reminder ?? null;
    const slot = action.verb === 'report.submit' ? 'form' : action.taskId;
    const key = CardLedger.key(viewer.memberId, action.cardId, slot);
    const done = (outcome: CardOutcome) => this.outcomeResponse(viewer, outcome);
    return this.options.ledger.once(
      key,
      `member:${viewer.memberId}`,
      async () => {
        if (action.verb === 'report.submit') {
          const draft = formDraft(inputs);
          const taskId = Number(draft.task);
          if (!draft.task || !Number.isSafeInteger(taskId)) {
            return { outcome: null, value: messageResponse(t(viewer.locale, 'teams.form.task_required')) };
          }
          const result = await this.core.submitReport(viewer, {
            task: taskId,
            draft: {
              status: draft.status ?? '',
              percent: draft.percent ?? '',
              done: draft.done ?? '',
              blockers: draft.blockers ?? null,
              evidenceUrl: draft.evidenceUrl ?? null,
            },
            receipt: CardLedger.receipt(key, (saved) => ({ result: saved, reminder, taskId })),
          });
          if (result.kind === 'report-saved') {
            const outcome: CardOutcome = { result, reminder, taskId };
            return { outcome, value: await done(outcome), recorded: true };
          }
          if (result.kind === 'report-form') {
            // Errors beside the fields, on the same card (same id: it has not been used yet).
            const card = renderCard(result, viewer.locale, {
              cardId: action.cardId,
              timeZone: this.timeZone,
              draft,
              ...(reminder ? { reminder } : {}),
            });
            return { outcome: null, value: cardResponse(card) };
          }
          return { outcome: null, value: messageResponse(noticeText(result, ctx)) };
        }
        const ids = taskInputs(action.taskId);
        const receipt = CardLedger.receipt(key, (saved) => ({
          result: saved,
          reminder,
          taskId: action.taskId,
        }));
        const result =
          action.verb === 'task.done'
            ? await this.core.markDone(viewer, action.taskId, inputs[ids.evidence]?.trim() || null, receipt)
            : await this.core.snooze(
                viewer,
                action.taskId,
                (inputs[ids.until] ?? '').trim(),
                inputs[ids.reason] ?? null,
              );
        if (result.kind === 'report-saved' || (result.kind === 'notice' && result.tone === 'success')) {
          const outcome: CardOutcome = { result, reminder, taskId: action.taskId };
          // A report ("Đã hoàn thành") recorded the card's use itself; a snooze did not.
          return { outcome, value: await done(outcome), recorded: result.kind === 'report-saved' };
        }
        if (result.kind === 'report-form') {
          const errors = result.errors.map((e) => `${ctx.t(`field.${e.field}`)}: ${ctx.tl(e.key, e.params)}`);
          return { outcome: null, value: messageResponse(errors.join('\n')) };
        }
        return { outcome: null, value: messageResponse(noticeText(result, ctx)) };
      },
      done,
    );
  }

  /** The confirmation card, with what the reminder still asks for. */
  private async outcomeResponse(viewer: Viewer, outcome: CardOutcome): Promise<AdaptiveCardInvokeResponse> {
    const ctx = renderContext(viewer.locale, this.timeZone);
    const remaining = outcome.reminder
      ? {
          reminder: outcome.reminder,
          tasks: await this.reminderTasks(
            viewer,
            outcome.reminder.tasks.filter((id) => id !== outcome.taskId),
            { unreportedOnly: true },
          ),
        }
      : null;
    return cardResponse(renderOutcomeCard(outcome.result, ctx, { cardId: this.newCardId(), remaining }));
  }

  /** The viewer's unit's tasks among `ids`, as they stand now, in the reminder's order. */
  private async reminderTasks(
    viewer: Viewer,
    ids: number[],
    options: { unreportedOnly: boolean },
  ): Promise<ReminderTask[]> {
    const view = await this.core.handle(viewer, { name: 'tasks' });
    if (view.kind !== 'my-tasks') return [];
    const order = new Map(ids.map((id, i) => [id, i]));
    return view.tasks
      .filter((task) => order.has(task.taskId) && !(options.unreportedOnly && task.reportedThisPeriod))
      .sort((a, b) => order.get(a.taskId)! - order.get(b.taskId)!)
      .map(reminderTaskOf);
  }

  // ---------------------------------------------------------------------------------------------

  private async identify(
    activity: Activity,
  ): Promise<{ kind: 'viewer'; viewer: Viewer } | { kind: 'notice'; notice: NoticeView; locale: Locale }> {
    const locale = localeOf(activity.locale, this.options.defaultLocale);
    const aad = activity.from?.aadObjectId;
    const who = await this.core.identify('teams', aad ?? activity.from?.id ?? '');
    return 'kind' in who ? { kind: 'notice', notice: who, locale } : { kind: 'viewer', viewer: who };
  }
}

/** The command typed: the bot's @mention and HTML left by Teams removed. */
export function commandText(activity: Pick<Activity, 'text' | 'entities' | 'recipient'>): string {
  let typed = activity.text ?? '';
  for (const entity of activity.entities ?? []) {
    const mention = entity as { type?: string; text?: string; mentioned?: { id?: string } };
    if (
      mention.type?.toLowerCase() === 'mention' &&
      mention.mentioned?.id === activity.recipient?.id &&
      mention.text
    ) {
      typed = typed.split(mention.text).join(' ');
    }
  }
  return typed
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function pagedCommand(view: PagedView, period: string | null) {
  switch (view) {
    case 'summary':
      return { name: 'summary' as const, period, post: false };
    case 'overdue':
      return { name: 'overdue' as const };
    case 'tasks':
      return { name: 'tasks' as const };
    case 'members':
      return { name: 'members' as const, args: ['list'] };
    case 'scoreboard':
      return { name: 'scoreboard' as const, period };
  }
}

function readConsentContext(value: unknown): FileConsentContext | null {
  if (typeof value !== 'object' || value === null) return null;
  const { da06File, command } = value as Record<string, unknown>;
  if (typeof da06File !== 'string' || !/^[\w-]{8,64}$/.test(da06File)) return null;
  return {
    da06File,
    command: typeof command === 'string' && command.length <= CONSENT_COMMAND_MAX ? command : '',
  };
}

function formDraft(inputs: Record<string, string>): FormDraft {
  const draft: FormDraft = {};
  for (const field of ['task', 'status', 'percent', 'done', 'blockers', 'evidenceUrl'] as const) {
    if (inputs[field] !== undefined) draft[field] = inputs[field];
  }
  return draft;
}

function unregisteredCard(notice: NoticeView, locale: Locale, timeZone: string): AdaptiveCard {
  const ctx = renderContext(locale, timeZone);
  return renderNoticeCard(notice, ctx, [text(ctx.t('teams.unregistered_hint'), { isSubtle: true })]);
}

export function cardAttachment(card: AdaptiveCard): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

async function reply(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity({ type: 'message', attachments: [cardAttachment(card)] });
}

function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: ADAPTIVE_CARD_CONTENT_TYPE,
    value: card as unknown as Record<string, unknown>,
  };
}

function messageResponse(message: string): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: MESSAGE_RESPONSE_TYPE,
    value: message as unknown as Record<string, unknown>,
  };
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
