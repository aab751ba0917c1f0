/** Reading cards in tests: their texts, their Universal Actions, and the checks every card must pass. */
import { expect } from 'vitest';
import { cardBytes, MAX_CARD_BYTES } from '../../../src/channels/teams/cards/card.ts';
import type { PostedActivity } from './fake-connector.ts';
import { cardSchemaErrors } from './schemas.ts';

export type Card = Record<string, unknown>;
export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** Every card seen by a test file, to validate them all at the end too. */
export const seenCards: Card[] = [];

/** Schema-valid and under the size limit; returns the card. */
export function checkCard(card: unknown): Card {
  expect(cardSchemaErrors(card), JSON.stringify(card).slice(0, 400)).toEqual([]);
  expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  seenCards.push(card as Card);
  return card as Card;
}

/** The Adaptive Cards of a posted activity, checked. */
export function cardsOf(posted: PostedActivity | undefined): Card[] {
  expect(posted, 'an activity was posted').toBeDefined();
  const attachments = (posted!.activity.attachments ?? []) as { contentType: string; content: unknown }[];
  return attachments
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => checkCard(a.content));
}

/** All words a reader sees on the card (texts, fact titles and values, button titles, choices). */
export function textOf(node: unknown): string {
  const out: string[] = [];
  const walk = (value: unknown, key?: string) => {
    if (typeof value === 'string') {
      if (key === 'text' || key === 'title' || key === 'value' || key === 'label' || key === 'placeholder')
        out.push(value);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (k !== 'data') walk(v, k);
    }
  };
  walk(node);
  return out.join('\n');
}

/** The Universal Actions on the card (in body action sets, show cards and the action bar). */
export function executeActions(node: unknown): ExecuteAction[] {
  const found: ExecuteAction[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
    } else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.type === 'Action.Execute') found.push(record as unknown as ExecuteAction);
      for (const v of Object.values(record)) walk(v);
    }
  };
  walk(node);
  return found;
}

export function findAction(
  card: unknown,
  verb: string,
  where: (data: Record<string, unknown>) => boolean = () => true,
): ExecuteAction {
  const action = executeActions(card).find((a) => a.verb === verb && where(a.data));
  expect(action, `an Action.Execute ${verb} on the card`).toBeDefined();
  return action!;
}

/** The ids of the inputs on the card. */
export function inputIds(card: unknown): string[] {
  const ids: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) for (const item of value) walk(item);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (
        typeof record.type === 'string' &&
        record.type.startsWith('Input.') &&
        typeof record.id === 'string'
      )
        ids.push(record.id);
      for (const v of Object.values(record)) walk(v);
    }
  };
  walk(card);
  return ids;
}
