/**
 * A card that sends something (a report, "Đã hoàn thành", "Nhắc lại sau") may do so once. Each such
 * card carries an instance id; the first successful action on it is recorded under
 * `member:cardId:slot`, and a repeat (a double click, a retried invoke, a stale copy of the card on
 * another device) gets the first answer again and stores nothing.
 *
 * Records live in memory (concurrent repeats wait for the first) and in the audit log (entity
 * `TeamsCard`), so a repeat after a restart is recognised too.
 */
import type { NoticeView, ReportSavedView } from '../../app/views.ts';
import { firstAuditDetails, recordAudit } from '../../store/audit.ts';
import type { Db } from '../../store/open-database.ts';
import type { ReminderRef } from './actions.ts';

/** What a consuming action did: enough to draw its confirmation again. */
export interface CardOutcome {
  result: ReportSavedView | NoticeView;
  reminder: ReminderRef | null;
  /** The task acted on, left out of the reminder's remaining tasks. */
  taskId: number | null;
}

const ENTITY = 'TeamsCard';
const MEMORY_LIMIT = 2000;

export class CardLedger {
  private readonly memory = new Map<string, Promise<CardOutcome | null>>();

  constructor(private readonly db: Db) {}

  static key(memberId: number, cardId: string, slot: string | number): string {
    return `${memberId}:${cardId}:${slot}`;
  }

  /**
   * Runs `work` unless the card was already used: then `replay` draws the recorded outcome. `work`
   * returns the outcome to record, or null when nothing was stored (errors on the form: the same card
   * may be sent again).
   */
  async once<T>(
    key: string,
    actor: string,
    work: () => Promise<{ outcome: CardOutcome | null; value: T }>,
    replay: (outcome: CardOutcome) => Promise<T>,
  ): Promise<T> {
    const pending = this.memory.get(key);
    if (pending) {
      const earlier = await pending;
      return earlier ? replay(earlier) : this.once(key, actor, work, replay);
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
      const recorded = await this.lookup(key);
      if (recorded) {
        settle(recorded);
        return await replay(recorded);
      }
      const { outcome, value } = await work();
      if (outcome) {
        await recordAudit(this.db, {
          actor,
          action: 'teams.card.used',
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
    const details = await firstAuditDetails(this.db, ENTITY, key);
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
