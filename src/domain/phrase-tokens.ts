/**
 * Word-level tokenizer for unit cells. Matching works on folded words rather than on raw strings
 * so that commas and dashes inside unit names ("Ban Quản lý Thu - Sổ, thẻ") and OCR-damaged
 * diacritics do not matter, while every token keeps its span in the original text so that what
 * cannot be matched is reported exactly as the plan wrote it.
 */
import { foldVietnamese } from './text.ts';
import { ABBREVIATIONS } from './unit-phrases.ts';

export interface Token {
  /** `word`: letters/digits; `weak`: punctuation matching may cross (, - . /); `strong`: ; ( ) newline. */
  kind: 'word' | 'weak' | 'strong';
  /** Folded word (abbreviations shortened), or the punctuation character itself. */
  key: string;
  /** Span in the original text. */
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}\p{M}]+|[;()[\]{}\n\r]|[^\s\p{L}\p{N}\p{M}]/gu;
const STRONG = new Set([';', '(', ')', '[', ']', '{', '}', '\n', '\r']);

const ABBREVIATION_WORDS = ABBREVIATIONS.map(
  ([long, short]) => [foldVietnamese(long).split(' '), foldVietnamese(short)] as const,
);

export function tokenize(text: string): Token[] {
  const raw: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const value = m[0];
    const start = m.index;
    const end = start + value.length;
    if (/^[\p{L}\p{N}\p{M}]/u.test(value)) raw.push({ kind: 'word', key: foldVietnamese(value), start, end });
    else raw.push({ kind: STRONG.has(value) ? 'strong' : 'weak', key: value, start, end });
  }
  return shortenAbbreviations(raw);
}

/** Rewrites "bảo hiểm xã hội" → "bhxh" etc. when the long form's words follow each other directly. */
function shortenAbbreviations(tokens: Token[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  outer: while (i < tokens.length) {
    for (const [words, short] of ABBREVIATION_WORDS) {
      if (words.every((w, k) => tokens[i + k]?.kind === 'word' && tokens[i + k]?.key === w)) {
        out.push({
          kind: 'word',
          key: short,
          start: tokens[i]!.start,
          end: tokens[i + words.length - 1]!.end,
        });
        i += words.length;
        continue outer;
      }
    }
    out.push(tokens[i]!);
    i++;
  }
  return out;
}

/** The matching key of a phrase from the lists or the directory: its folded words joined by spaces. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .filter((t) => t.kind === 'word')
    .map((t) => t.key)
    .join(' ');
}

export interface Segment {
  /** The strong separator that opened the segment ('(' for a parenthesis), or null at the start. */
  opener: string | null;
  /** Word tokens in order, each with the punctuation that separates it from the previous word. */
  words: { token: Token; punctuationBefore: string }[];
}

/** Splits tokens at strong separators: no unit name spans a semicolon, parenthesis or line break. */
export function segments(tokens: Token[]): Segment[] {
  const result: Segment[] = [];
  let current: Segment = { opener: null, words: [] };
  let punctuation = '';
  for (const token of tokens) {
    if (token.kind === 'strong') {
      result.push(current);
      current = { opener: token.key, words: [] };
      punctuation = '';
    } else if (token.kind === 'weak') {
      punctuation += token.key;
    } else {
      current.words.push({ token, punctuationBefore: punctuation });
      punctuation = '';
    }
  }
  result.push(current);
  return result.filter((s) => s.words.length > 0);
}
