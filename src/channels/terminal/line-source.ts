/**
 * Lines typed at the terminal, or piped in, one at a time. The chat loop and the guided form read
 * from the same source, so a script can answer the form's questions on the lines that follow.
 */
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { displaySafe } from '../../domain/text.ts';

export class LineSource {
  private readonly lines: string[] = [];
  private readonly waiting: ((line: string | null) => void)[] = [];
  private ended = false;
  private readonly rl: Interface;

  constructor(
    input: Readable,
    private readonly output: Writable,
    readonly interactive: boolean,
  ) {
    this.rl = createInterface({
      input,
      output: interactive ? output : undefined,
      terminal: interactive,
      historySize: 100,
    });
    this.rl.on('line', (line) => this.push(line));
    this.rl.on('close', () => this.end());
  }

  /** The next line, after showing `prompt` when a person is typing; null once input has ended. */
  next(prompt = ''): Promise<string | null> {
    if (this.interactive && prompt) {
      this.rl.setPrompt(prompt);
      this.rl.prompt();
    }
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  close(): void {
    this.rl.close();
  }

  /**
   * Writes above the prompt without breaking what the person is typing. Everything shown passes
   * through here, members' words included: control sequences and bidi overrides are neutralised
   * (`displaySafe`), so no one's text can move the cursor or rewrite lines on another's screen.
   */
  write(text: string): void {
    const safe = displaySafe(text);
    this.output.write(safe.endsWith('\n') ? safe : `${safe}\n`);
  }

  private push(line: string): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter(line);
    else this.lines.push(line);
  }

  private end(): void {
    this.ended = true;
    for (const waiter of this.waiting.splice(0)) waiter(null);
  }
}
