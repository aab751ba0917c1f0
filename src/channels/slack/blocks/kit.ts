/**
 * Small Block Kit builders that keep Slack's limits by construction: texts are cut (with "…") to what
 * each field accepts, mrkdwn is escaped, long lists become several sections. Renderers build with
 * these only, so no message or view is refused for a text too long.
 */
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  KnownBlock,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
} from '@slack/types';
import '../messages.ts';

/** Slack's published limits (docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  text: 3000,
  /** Fallback `text` of a message: Slack truncates beyond 40 000; notifications show far less. */
  fallbackText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
  modalTitle: 24,
  modalButton: 24,
  placeholder: 150,
  inputLabel: 2000,
  inputHint: 2000,
  privateMetadata: 3000,
  contextElements: 10,
  actionElements: 25,
} as const;

/** Lines of a section before a list is continued in the next one (keeps sections readable). */
export const SECTION_LINES = 20;

/** `text` with at most `max` characters (code points), cut at a word near the end with "…". */
export function clip(text: string, max: number): string {
  const chars = [...text.normalize('NFC')];
  if (chars.length <= max) return chars.join('');
  const head = chars.slice(0, Math.max(1, max - 1)).join('');
  const space = head.lastIndexOf(' ');
  const atWord = space >= head.length * 0.8 ? head.slice(0, space) : head;
  return `${atWord.trimEnd()}…`;
}

/** Text on one line: runs of white space (line breaks too) become one space. */
export function oneLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Escapes the three characters mrkdwn reserves, so people's words never become links or mentions. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function plain(text: string, max: number = LIMITS.text): PlainTextElement {
  return { type: 'plain_text', text: clip(text, max) || ' ', emoji: true };
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(oneLine(text), LIMITS.headerText) };
}

/** A mrkdwn section; `text` must already be escaped where it carries people's words. */
export function section(text: string, accessory?: Button): SectionBlock {
  const block: SectionBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: clip(text, LIMITS.text) || ' ' },
  };
  if (accessory) block.accessory = accessory;
  return block;
}

/** Lines as as many sections as needed: each under the text limit and `SECTION_LINES` lines. */
export function sections(lines: string[], title?: string): SectionBlock[] {
  const out: SectionBlock[] = [];
  let current: string[] = title ? [title] : [];
  let size = title ? title.length : 0;
  const flush = () => {
    if (current.length > 0) out.push(section(current.join('\n')));
    current = [];
    size = 0;
  };
  for (const raw of lines) {
    const line = clip(raw, LIMITS.text - 10);
    if (current.length >= SECTION_LINES || size + line.length + 1 > LIMITS.text - 10) flush();
    current.push(line);
    size += line.length + 1;
  }
  flush();
  return out;
}

export function context(...texts: string[]): ContextBlock {
  return {
    type: 'context',
    elements: texts
      .filter((text) => text.trim() !== '')
      .slice(0, LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn' as const, text: clip(text, LIMITS.text) })),
  };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  const element: Button = {
    type: 'button',
    text: plain(text, LIMITS.buttonText),
    action_id: actionId,
    value: value.slice(0, LIMITS.buttonValue),
  };
  if (style) element.style = style;
  return element;
}

export function actions(elements: Button[], blockId?: string): ActionsBlock {
  const block: ActionsBlock = { type: 'actions', elements: elements.slice(0, LIMITS.actionElements) };
  if (blockId) block.block_id = blockId;
  return block;
}

export function option(text: string, value: string): PlainTextOption {
  return { text: plain(oneLine(text), LIMITS.optionText), value: value.slice(0, LIMITS.optionValue) };
}

/** All texts of blocks (and nested elements), for the tests of limits and of ids. */
export function textsOf(value: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if ((record.type === 'mrkdwn' || record.type === 'plain_text') && typeof record.text === 'string') {
        out.push(record.text);
      }
      for (const child of Object.values(record)) visit(child);
    }
  };
  visit(value);
  return out;
}

export type { KnownBlock };
