/**
 * Lines typed at the terminal, or piped in, one at a time. The chat loop and the guided form read
 * from the same source, so a script can answer the form's questions on the lines that follow.
 */
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { displaySafe } from '../../domain/text.ts';
import { textWidth, wrap } from './render/text.ts';

/** What `ask` gives for a Ctrl-C typed while it waited. */
export const INTERRUPTED: unique symbol = Symbol('interrupted');
export type Answer = string | null | typeof INTERRUPTED;

export class LineSource {
  private readonly lines: Answer[] = [];
  private readonly waiting: ((line: Answer) => void)[] = [];
  private ended = false;
  private readonly rl: Interface;
  /** Characters per line: the terminal's width when there is one, else 80 (never below 80). */
  readonly width: number;

  constructor(
    input: Readable,
    private readonly output: Writable,
    readonly interactive: boolean,
  ) {
    const columns = (output as { columns?: number }).columns;
    this.width = Math.max(80, typeof columns === 'number' && columns > 0 ? columns : 80);
    this.rl = createInterface({
      input,
      output: interactive ? output : undefined,
      terminal: interactive,
      historySize: 100,
    });
    this.rl.on('line', (line) => this.push(line));
    this.rl.on('close', () => this.end());
    // Ctrl-C at a terminal: without a listener readline would pause the input, and wait forever.
    this.rl.on('SIGINT', () => this.interrupt());
  }

  /**
   * The next line, after showing `prompt` when a person is typing; null once input has ended. A
   * Ctrl-C here (at the chat prompt) ends the input too: the chat says goodbye and the bot stops.
   */
  async next(prompt = ''): Promise<string | null> {
    const answer = await this.ask(prompt);
    return answer === INTERRUPTED ? null : answer;
  }

  /** As `next`, but a Ctrl-C comes back as `INTERRUPTED` (a form cancels and the chat goes on). */
  ask(prompt = ''): Promise<Answer> {
    // Once the input has ended (Ctrl-D, a closed pipe) there is nobody to prompt; Node 24's readline
    // throws on a closed interface where Node 20's did nothing.
    if (this.interactive && prompt && !this.ended) {
      this.rl.setPrompt(prompt);
      this.rl.prompt();
    }
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Ctrl-C: answers the question waiting, or the next one asked. Tests call it as a terminal would. */
  interrupt(): void {
    if (this.interactive) this.output.write('^C\n');
    this.push(INTERRUPTED);
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
    const safe = fitLines(displaySafe(text), this.width);
    this.output.write(safe.endsWith('\n') ? safe : `${safe}\n`);
  }

  private push(line: Answer): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter(line);
    else this.lines.push(line);
  }

  private end(): void {
    this.ended = true;
    for (const waiter of this.waiting.splice(0)) waiter(null);
  }
}

/**
 * Every line at most `width` characters, broken between words: a line too long (a scoreboard row, a
 * long task in the picker) continues under its own indentation plus two spaces. Lines that fit are
 * left exactly as they are (aligned columns keep their spaces).
 */
export function fitLines(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (textWidth(line) <= width) return [line];
      const indent = /^\s*/.exec(line)![0];
      return wrap(line, width, `${indent}  `, indent);
    })
    .join('\n');
}
