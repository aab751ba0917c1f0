/**
 * Adaptive Card 1.5 building blocks (the official schema is copied under test/schemas/). Renderers
 * get the one render context of src/presentation and are pure: a view in, card JSON out.
 */
import type { Locale } from '../../../domain/roles.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { type ActionData, toExecuteData } from '../actions.ts';
import '../messages.ts';

/** The attachment content type of an Adaptive Card, also the invoke response type of a refreshed card. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * What one card may weigh as JSON. Teams refuses bot messages over about 28 KB; pages are cut below
 * this budget so a card with its activity envelope stays under that limit (and far under 100 KB).
 */
export const CARD_BYTE_BUDGET = 22_000;
/** The hard ceiling tests check every card against. */
export const MAX_CARD_BYTES = 28_000;

/** Texts people typed are cut to this many characters in lists (the full text stays in the report). */
export const CONTENT_MAX = 160;
/** Blockers are cut here in summaries, with a pointer to the full report, as the terminal does. */
export const BLOCKER_TEXT_MAX = 300;

export type CardElement = { type: string } & Record<string, unknown>;
export type CardAction = { type: string; title: string } & Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  lang: Locale;
  fallbackText: string;
  body: CardElement[];
  actions?: CardAction[];
}

export function adaptiveCard(
  ctx: RenderContext,
  body: CardElement[],
  actions: CardAction[] = [],
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    lang: ctx.locale,
    fallbackText: ctx.t('teams.fallback'),
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

/** Bytes of the card as sent (UTF-8 JSON). */
export function cardBytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Elements

type TextOptions = {
  weight?: 'Default' | 'Lighter' | 'Bolder';
  size?: 'Default' | 'Small' | 'Medium' | 'Large' | 'ExtraLarge';
  color?: 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';
  separator?: boolean;
  style?: 'default' | 'heading';
};

export function text(value: string, options: TextOptions = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export function title(value: string): CardElement {
  return text(value, { weight: 'Bolder', size: 'Medium', style: 'heading' });
}

export function sectionTitle(value: string): CardElement {
  return text(value, { weight: 'Bolder', spacing: 'Medium', separator: true });
}

export function facts(rows: [string, string][]): CardElement {
  return { type: 'FactSet', facts: rows.map(([label, value]) => ({ title: label, value })) };
}

export function container(items: CardElement[], options: Record<string, unknown> = {}): CardElement {
  return { type: 'Container', items, ...options };
}

export function actionSet(actions: CardAction[]): CardElement {
  return { type: 'ActionSet', actions };
}

/** A Universal Action: Teams sends an `adaptiveCard/action` invoke with this verb and data (plus inputs). */
export function execute(label: string, data: ActionData, options: Record<string, unknown> = {}): CardAction {
  const { verb, payload } = toExecuteData(data);
  // Only the buttons that send something gather (and validate) the card's inputs; "Quay lại",
  // "Xem tiếp" and the like work on a form whose required fields are still empty.
  const gathers = verb === 'report.submit' || verb === 'task.done' || verb === 'task.snooze';
  return {
    type: 'Action.Execute',
    title: label,
    verb,
    data: payload,
    ...(gathers ? {} : { associatedInputs: 'None' }),
    ...options,
  };
}

export function showCard(
  label: string,
  ctx: RenderContext,
  body: CardElement[],
  actions: CardAction[],
): CardAction {
  return {
    type: 'Action.ShowCard',
    title: label,
    card: { type: 'AdaptiveCard', lang: ctx.locale, body, actions },
  };
}

/** A table of short texts; the first row is the header. */
export function table(rows: string[][], alignRight: boolean[]): CardElement {
  const columns = alignRight.map((right, i) => ({
    type: 'TableColumnDefinition',
    width: i === 0 ? 2 : 1,
    horizontalCellContentAlignment: right ? 'Right' : 'Left',
  }));
  return {
    type: 'Table',
    columns,
    firstRowAsHeader: true,
    showGridLines: false,
    gridStyle: 'default',
    rows: rows.map((cells, r) => ({
      type: 'TableRow',
      cells: cells.map((cell) => ({
        type: 'TableCell',
        items: [text(cell, r === 0 ? { weight: 'Bolder', size: 'Small' } : { size: 'Small' })],
      })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Texts

/** Collapses white space and cuts to `max` characters with "…", preferring a word boundary. */
export function truncate(value: string, max: number): string {
  const chars = [...value.normalize('NFC').replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  const head = chars.slice(0, Math.max(1, max - 1)).join('');
  const space = head.lastIndexOf(' ');
  return `${(space >= head.length * 0.8 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** Cuts a long text (keeping its line breaks) to `max` characters; `cut` tells whether it was. */
export function cutKeepingLines(value: string, max: number): { text: string; cut: boolean } {
  const chars = [...value.normalize('NFC').trim()];
  if (chars.length <= max) return { text: chars.join(''), cut: false };
  return { text: chars.slice(0, max).join('').trimEnd(), cut: true };
}

/** "CNTT — Trung tâm Công nghệ thông tin", or the code alone when the name adds nothing. */
export function unitLabel(code: string, name: string | null | undefined): string {
  return name && name !== code ? `${code} — ${name}` : code;
}

/** The colour of a notice's tone. */
export const TONE_COLORS = {
  info: 'Default',
  success: 'Good',
  warning: 'Warning',
  error: 'Attention',
} as const;

export const TONE_MARKS = { info: '', success: '✓ ', warning: '! ', error: '✗ ' } as const;
