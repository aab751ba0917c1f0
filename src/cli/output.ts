import { fitLines } from '../channels/terminal/line-source.ts';

/** How the CLI writes: plain text for people, `--json` for scripts. Injected so tests can capture it. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  // Messages for people (the demo and migration lines at first start, errors): wrapped between
  // words at the terminal's width, 80 at least.
  err: (text) => process.stderr.write(`${fitLines(text, Math.max(80, process.stderr.columns ?? 80))}\n`),
};

/** A fixed-width text table; wide cells are cut with an ellipsis so rows stay on one line. */
export function table(headers: string[], rows: string[][], maxWidth = 60): string {
  const cut = (text: string) => (text.length > maxWidth ? `${text.slice(0, maxWidth - 1)}…` : text);
  const cells = [headers, ...rows].map((row) => row.map((cell) => cut(cell.replace(/\s+/g, ' '))));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    line(cells[0] ?? []),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n');
}
