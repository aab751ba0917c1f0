/**
 * Small text helpers shared by the parsers (plan tables, unit names, deadlines).
 * Official documents reach us through OCR that often drops or mangles Vietnamese diacritics, so
 * parsers compare folded text on both sides instead of the text as written.
 */

/**
 * Folds Vietnamese text for tolerant matching: lowercase, no diacritics (`ế` → `e`, `ư` → `u`),
 * `đ` → `d`, whitespace runs collapsed to one space, trimmed.
 * `foldVietnamese('  Quý  IV/2022 ') === 'quy iv/2022'`.
 */
export function foldVietnamese(s: string): string {
  return (
    s
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      // `đ` has no decomposition, so NFD leaves it alone. `ð` (eth) is what some keyboards and OCR
      // engines produce for `đ`; folding it too costs nothing for Vietnamese text.
      .replace(/[đð]/g, 'd')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const ROMAN_DIGITS = new Map([
  ['i', 1],
  ['v', 5],
  ['x', 10],
  ['l', 50],
  ['c', 100],
  ['d', 500],
  ['m', 1000],
]);

/** Well-formed Roman numerals only (`IV`, not `IIII` or `IIV`), so OCR garbage is not read as a number. */
const ROMAN_NUMERAL = /^m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/;

/**
 * Parses a Roman numeral, case-insensitively: `parseRoman('IV') === 4`.
 * Returns null for anything that is not a well-formed numeral (including the empty string).
 */
export function parseRoman(s: string): number | null {
  const numeral = s.trim().toLowerCase();
  if (numeral === '' || !ROMAN_NUMERAL.test(numeral)) return null;
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const value = ROMAN_DIGITS.get(numeral[i]!)!;
    const next = ROMAN_DIGITS.get(numeral[i + 1] ?? '') ?? 0;
    // A smaller digit before a larger one is subtracted (the I in IV).
    total += value < next ? -value : value;
  }
  return total;
}

/** Writes a whole number 1–3999 as a Roman numeral (section numbers I, II, …); others as digits. */
const ROMAN_STEPS: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) return String(n);
  let rest = n;
  let out = '';
  for (const [value, numeral] of ROMAN_STEPS) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}

/**
 * Control characters a person never means to type in a report (NUL, bell, escape sequences that move
 * a terminal's cursor, C1 controls, DEL). Line breaks and tabs are ordinary text.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Bidi embeddings, overrides and isolates: they reorder what a reader sees ("Trojan Source"). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** Characters that show nothing: zero-width spaces and joiners, marks, word joiners, BOM, soft hyphen. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;

export type CleanText = { ok: true; text: string | null } | { ok: false; problem: 'control_chars' };

/**
 * A free text as typed by one person for others to read: NFC, trimmed, bidi controls taken out; null
 * when nothing visible is left (only spaces, zero-width or bidi characters); refused when it holds a
 * control character. Length limits are the caller's (they differ per field).
 */
export function cleanTypedText(value: string | null | undefined): CleanText {
  const text = (value ?? '').normalize('NFC');
  if (CONTROL_CHARS.test(text)) return { ok: false, problem: 'control_chars' };
  const kept = text.replace(BIDI_CONTROLS, '').trim();
  if (kept.replace(INVISIBLE, '').trim() === '') return { ok: true, text: null };
  return { ok: true, text: kept };
}

/** Code points, as people count characters (after composing "e" + accent into "é"). */
export function charCount(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/**
 * Text from one person made safe to show to another on a terminal or in a plain-text log: control
 * characters (escape sequences included) become U+FFFD, bidi controls are dropped; line breaks and
 * tabs stay. For texts stored before they were checked on input.
 */
export function displaySafe(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(new RegExp(CONTROL_CHARS.source, 'g'), '\ufffd');
}
