import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { parseChatCommand } from '../../../app/chat-command.ts';
import { StaleDirectoryError } from '../../../app/ports/stores.ts';
import type { ReminderTask, View, Viewer } from '../../../app/views.ts';
import { t } from '../../../i18n/index.ts';
import { renderContext } from '../../../presentation/context.ts';
import {
  type ActionData,
  type PagedView,
  type ReadAction,
  type ReminderRef,
  readAction,
  taskInputs,
} from '../actions.ts';
import { CardLedger, type CardOutcome } from '../card-ledger.ts';
import { noticeText } from '../cards/notice.ts';
import { renderOutcomeCard } from '../cards/outcome.ts';
import { reminderTaskOf, renderReminderTasksCard } from '../cards/reminder.ts';
import type { FormDraft } from '../cards/report.ts';
import { renderCard } from '../render.ts';

import { cardResponse, describe, messageResponse, TurnHandler, unregisteredCard } from './turn-handler.ts';

export class CardActionHandler extends TurnHandler {
  async handle(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    // A report card: who is asking and the report in the core's optimistic scope (ADR 24, addendum 3),
    // whose one write before the answer is the report's keyed write (the card's receipt inside it).
    if (invokeValue.action?.verb === 'report.submit')
      return this.core.optimistic(() => this.turn(context, invokeValue));
    return this.turn(context, invokeValue);
  }

  private async turn(
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
      // Not a failure: the optimistic scope around a report card runs the turn again (handle).
      if (error instanceof StaleDirectoryError) throw error;
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
    // The same card's use on another replica, or racing this one, stores nothing (ADR 25).
    const requestKey = `teams:card:${key}`;
    const done = (outcome: CardOutcome) => this.outcomeResponse(viewer, outcome);
    // A stored outcome; a repeat of a used card (replayed) is answered with its first outcome instead.
    const stored = async (outcome: CardOutcome, recorded: boolean) =>
      outcome.result.kind === 'report-saved' && outcome.result.replayed
        ? { outcome: null, value: await done(outcome), replayed: true }
        : { outcome, value: await done(outcome), recorded };
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
            // The month chosen (grace days), else the month the card showed.
            periodKey: draft.period || inputs.formPeriod || undefined,
            draft: reportDraftOf(draft),
            receipt: CardLedger.receipt(key, (saved) => ({ result: saved, reminder, taskId })),
            requestKey,
          });
          if (result.kind === 'report-saved') return stored({ result, reminder, taskId }, true);
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
        const once = {
          requestKey,
          receipt: CardLedger.receipt(key, (saved) => ({ result: saved, reminder, taskId: action.taskId })),
        };
        const result =
          action.verb === 'task.done'
            ? await this.core.markDone(viewer, action.taskId, inputs[ids.evidence]?.trim() || null, once)
            : await this.core.snooze(
                viewer,
                action.taskId,
                (inputs[ids.until] ?? '').trim(),
                inputs[ids.reason] ?? null,
                requestKey,
              );
        if (result.kind === 'report-saved' || (result.kind === 'notice' && result.tone === 'success')) {
          // A report ("Đã hoàn thành") recorded the card's use itself; a snooze did not.
          return stored({ result, reminder, taskId: action.taskId }, result.kind === 'report-saved');
        }
        if (result.kind === 'report-form') {
          const errors = result.errors.map((e) => `${ctx.t(`field.${e.field}`)}: ${ctx.tl(e.key, e.params)}`);
          return { outcome: null, value: messageResponse(errors.join('\n')) };
        }
        return { outcome: null, value: messageResponse(noticeText(result, ctx)) };
      },
      done,
      // A report (a form, "Đã hoàn thành") claims the card's request key with the report; a snooze
      // does not, so its card's record is read first.
      { claims: action.verb !== 'task.snooze' },
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

function formDraft(inputs: Record<string, string>): FormDraft {
  const draft: FormDraft = {};
  for (const field of ['task', 'status', 'percent', 'done', 'blockers', 'evidenceUrl', 'period'] as const) {
    if (inputs[field] !== undefined) draft[field] = inputs[field];
  }
  return draft;
}

/** The report fields of a submitted card, an absent input as an empty answer. */
function reportDraftOf(draft: ReturnType<typeof formDraft>) {
  return {
    status: draft.status ?? '',
    percent: draft.percent ?? '',
    done: draft.done ?? '',
    blockers: draft.blockers ?? null,
    evidenceUrl: draft.evidenceUrl ?? null,
  };
}
