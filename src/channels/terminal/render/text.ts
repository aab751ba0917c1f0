/**
 * Plain-text layout for terminals: widths in characters as people count them (NFC code points),
 * word wrapping, cutting long texts, aligned columns. No ANSI codes, so output reads the same in a
 * pipe or a log file.
 */

/** Characters as displayed: code points after composing "e" + accent into "é". */
export function textWidth(text: string): number {
  let n = 0;
  for (const _ of text.normalize('NFC')) n++;
  return n;
}

/** Collapses runs of white space (including line breaks) into single spaces, NFC, trimmed. */
export function oneLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The first `max` characters of `text`, preferring to stop at a word boundary near the end;
 * `cut` tells whether anything was dropped. The returned text carries no ellipsis.
 */
export function cutText(text: string, max: number): { text: string; cut: boolean } {
  const chars = [...text.normalize('NFC')];
  if (chars.length <= max) return { text: chars.join(''), cut: false };
  const head = chars.slice(0, Math.max(1, max)).join('');
  const space = head.lastIndexOf(' ');
  const atWord = space >= head.length * 0.8 ? head.slice(0, space) : head;
  return { text: atWord.trimEnd(), cut: true };
}

/** `text` on one line, cut to at most `max` characters with "…" when too long. */
export function truncate(text: string, max: number): string {
  const { text: head, cut } = cutText(oneLine(text), max - 1);
  return cut ? `${head}…` : head;
}

/**
 * Word-wraps `text` to `width` characters per line, each line prefixed with `indent` (the first with
 * `firstIndent`). Line breaks in the text are kept; a word longer than a line is split; no-break
 * spaces hold words together and come out as plain spaces. A link (http…) is never split.
 */
export function wrap(text: string, width: number, indent = '', firstIndent = indent): string[] {
  const lines: string[] = [];
  const paragraphs = text.normalize('NFC').split(/\r?\n/);
  for (const paragraph of paragraphs) {
    // A no-break space (U+00A0) keeps its neighbours on one line.
    const words = paragraph.split(/[^\S\u00a0]+/).filter((w) => w !== '');
    let line = '';
    const prefix = () => (lines.length === 0 ? firstIndent : indent);
    const room = () => Math.max(10, width - textWidth(prefix()));
    const flush = () => {
      lines.push(`${prefix()}${line}`);
      line = '';
    };
    for (let word of words) {
      // A link is never split (it must still work when copied); it overflows on a line of its own.
      while (textWidth(word) > room() && !/^https?:\/\//.test(word)) {
        if (line !== '') flush();
        const chars = [...word];
        line = chars.slice(0, room()).join('');
        word = chars.slice(room()).join('');
        flush();
      }
      if (word === '') continue;
      if (line === '') line = word;
      else if (textWidth(line) + 1 + textWidth(word) <= room()) line += ` ${word}`;
      else {
        flush();
        line = word;
      }
    }
    if (line !== '' || words.length === 0) flush();
  }
  return lines.map((l) => l.replace(/\u00a0/g, ' ').trimEnd());
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - textWidth(text))) + text;
}

export type Align = 'left' | 'right';

/**
 * Rows in aligned columns separated by two spaces. With `header`, the first row is a header and a
 * rule of dashes follows it.
 */
export function columns(
  rows: string[][],
  align: Align[],
  options: { indent?: string; header?: boolean } = {},
): string[] {
  const { indent = '', header = true } = options;
  const widths = align.map((_, i) => Math.max(0, ...rows.map((row) => textWidth(row[i] ?? ''))));
  const line = (row: string[]) =>
    indent +
    row
      .map((cell, i) => (align[i] === 'right' ? padStart(cell, widths[i]!) : padEnd(cell, widths[i]!)))
      .join('  ')
      .trimEnd();
  if (!header) return rows.map(line);
  const [head, ...body] = rows;
  return [line(head ?? []), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
}

/** A title underlined with `=` (a view's title) or `-` (a section), at most `width` wide. */
export function heading(text: string, width: number, rule: '=' | '-'): string[] {
  const lines = wrap(text, width);
  const longest = Math.max(...lines.map(textWidth));
  return [...lines, rule.repeat(Math.min(longest, width))];
}

/** Joins blocks of lines with one blank line between them, skipping empty blocks. */
export function blocks(...parts: (string[] | null | undefined)[]): string {
  return parts
    .filter((p): p is string[] => p !== null && p !== undefined && p.length > 0)
    .map((p) => p.join('\n'))
    .join('\n\n');
}
