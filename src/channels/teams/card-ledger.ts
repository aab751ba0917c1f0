/**
 * A card that sends something (a report, "Đã hoàn thành", "Nhắc lại sau") may do so once. Each such
 * card carries an instance id; the first successful action on it is recorded under
 * `member:cardId:slot`, and a repeat (a double click, a retried invoke, a stale copy of the card on
 * another device) gets the first answer again and stores nothing.
 *
 * Records live in memory (concurrent repeats wait for the first) and in the audit log (entity
 * `TeamsCard`), so a repeat after a restart is recognised too. A report (a form, "Đã hoàn thành")
 * records its card's use in the report's own transaction (`receipt`, a ChannelReceipt of the core):
 * the report and the record commit together or not at all. Other actions record it right after.
 */

import type { AuditLog } from '../../app/ports/channel-stores.ts';
import type { ChannelReceipt } from '../../app/use-cases/report-status.ts';
import type { NoticeView, ReportSavedView } from '../../app/views.ts';
import type { ReminderRef } from './actions.ts';
import './messages.ts';

/** What a consuming action did: enough to draw its confirmation again. */
export interface CardOutcome {
  result: ReportSavedView | NoticeView;
  reminder: ReminderRef | null;
  /** The task acted on, left out of the reminder's remaining tasks. */
  taskId: number | null;
}

const ENTITY = 'TeamsCard';
const ACTION = 'teams.card.used';
const MEMORY_LIMIT = 2000;

export class CardLedger {
  private readonly memory = new Map<string, Promise<CardOutcome | null>>();

  constructor(private readonly audit: AuditLog) {}

  static key(memberId: number, cardId: string, slot: string | number): string {
    return `${memberId}:${cardId}:${slot}`;
  }

  /** What `work` hands to the core to record the card's use with the report it stores. */
  static receipt(key: string, outcomeOf: (saved: ReportSavedView) => CardOutcome): ChannelReceipt {
    return { action: ACTION, entity: ENTITY, entityId: key, details: outcomeOf };
  }

  /**
   * Runs `work` unless the card was already used: then `replay` draws the recorded outcome. `work`
   * returns the outcome to record, or null when nothing was stored (errors on the form: the same card
   * may be sent again); `recorded` when the core already committed it with the report (`receipt`).
   *
   * `claims`: `work` stores under the card's request key, which the core claims in the same
   * transaction as the report and its receipt (ADR 25), so a used card cannot store twice. Then the
   * record is not read before `work` (one read less on each card's first use) but after it, only when
   * `work` says it was `replayed` or stored nothing (an error on a used card still answers its
   * first outcome, as when the record is read first).
   */
  async once<T>(
    key: string,
    actor: string,
    work: () => Promise<{ outcome: CardOutcome | null; value: T; recorded?: boolean; replayed?: boolean }>,
    replay: (outcome: CardOutcome) => Promise<T>,
    options: { claims?: boolean } = {},
  ): Promise<T> {
    const pending = this.memory.get(key);
    if (pending) {
      const earlier = await pending;
      return earlier ? replay(earlier) : this.once(key, actor, work, replay, options);
    }
    let settle: (outcome: CardOutcome | null) => void = () => {};
    this.memory.set(
      key,
      new Promise((resolve) => {
        settle = resolve;
      }),
    );
    this.trim();
    try {
      const earlier = options.claims ? null : await this.lookup(key);
      if (earlier) {
        settle(earlier);
        return await replay(earlier);
      }
      const { outcome, value, recorded, replayed } = await work();
      if (options.claims && (replayed || !outcome)) {
        const first = await this.lookup(key);
        if (first) {
          settle(first);
          return await replay(first);
        }
      }
      if (outcome) {
        if (!recorded)
          await this.audit.record({
            actor,
            action: ACTION,
            entity: ENTITY,
            entityId: key,
            details: outcome,
          });
        settle(outcome);
      } else {
        this.memory.delete(key);
        settle(null);
      }
      return value;
    } catch (error) {
      this.memory.delete(key);
      settle(null);
      throw error;
    }
  }

  private async lookup(key: string): Promise<CardOutcome | null> {
    const details = await this.audit.firstDetails(ENTITY, key);
    if (!details) return null;
    try {
      return JSON.parse(details) as CardOutcome;
    } catch {
      return null;
    }
  }

  private trim(): void {
    while (this.memory.size > MEMORY_LIMIT) {
      const oldest = this.memory.keys().next().value;
      if (oldest === undefined) break;
      this.memory.delete(oldest);
    }
  }
}
