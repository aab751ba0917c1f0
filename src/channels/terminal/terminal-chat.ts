/**
 * The terminal chat, the embedded default channel (like Hubot's shell adapter): `/da06 …` commands
 * typed or piped in, replies printed. `/da06 as <member>` switches between members; `exit` or end of
 * input quits. Scheduled messages arrive through `deliver` and print in the same terminal.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseChatCommand } from '../../app/chat-command.ts';
import type { Core } from '../../app/core.ts';
import type { Recipient } from '../../app/ports/channel.ts';
import { toViewer } from '../../app/use-cases/identify.ts';
import type { FileView, View, Viewer } from '../../app/views.ts';
import type { Locale } from '../../domain/roles.ts';
import { foldVietnamese } from '../../domain/text.ts';
import { roleLabel, t } from '../../i18n/index.ts';
import { describeError } from '../../presentation/errors.ts';
import type { LineSource } from './line-source.ts';
import { renderView } from './render.ts';
import { askEvidenceFiles, runReportDialog } from './report-dialog.ts';

export interface TerminalChatOptions {
  core: Core;
  lines: LineSource;
  /** The terminal login to start as (a member's `terminal` identity). */
  user: string;
  defaultLocale: Locale;
  timeZone: string;
  /** Where exported reports are written (default ./out). */
  outputDir?: string;
  /** Where a failed command's stack goes (default: standard error). */
  log?: (line: string) => void;
}

export class TerminalChat {
  private viewer: Viewer | null = null;

  constructor(private readonly options: TerminalChatOptions) {}

  get locale(): Locale {
    return this.viewer?.locale ?? this.options.defaultLocale;
  }

  /** Runs until `exit` or the end of input. */
  async run(): Promise<void> {
    await this.switchTo(this.options.user, false);
    const { lines } = this.options;
    for (;;) {
      const line = await lines.next(`${this.viewer?.displayName ?? '?'}> `);
      if (line === null) break;
      const text = line.trim();
      if (text === '') continue;
      if (/^\/?(exit|quit|thoat|thoát)$/i.test(text)) break;
      await this.turn(text);
    }
    if (lines.interactive) this.say(t(this.locale, 'terminal.bye'));
    lines.close();
  }

  /**
   * Prints a message the scheduler sends (reminders, nudges, summaries), headed by whom it is for:
   * everyone shares this one terminal, so a demo shows what each member would receive.
   */
  async deliver(view: View, recipient?: Recipient): Promise<void> {
    const locale = recipient?.locale ?? this.locale;
    if (recipient) {
      const name =
        recipient.kind === 'member'
          ? ((await this.options.core.member(recipient.memberId))?.displayName ?? recipient.externalId)
          : '';
      this.say(t(locale, recipient.kind === 'member' ? 'terminal.to_member' : 'terminal.to_group', { name }));
    }
    this.say(renderView(view, locale, { timeZone: this.options.timeZone, width: this.options.lines.width }));
    if (view.kind === 'reminder' && view.invitation) {
      const { fileName, text } = view.invitation;
      this.say(
        this.saveFile({
          kind: 'file',
          fileName,
          mimeType: 'text/calendar',
          bytes: Buffer.from(text),
          caption: [],
        }),
      );
    }
  }

  /**
   * One command, with the turn error handler: a failure is reported to the person (in their words
   * when they can fix it; otherwise as a fault, its stack logged) and the session goes on.
   */
  private async turn(text: string): Promise<void> {
    try {
      await this.handle(text);
    } catch (error) {
      const log = this.options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
      this.say(describeError(error, this.locale, { log, internalKey: 'terminal.error' }));
    }
  }

  private async handle(text: string): Promise<void> {
    const asMatch = /^(?:\/da06\s+)?as\s+(.+)$/i.exec(text);
    if (asMatch) {
      await this.switchTo(asMatch[1]!.trim(), true);
      return;
    }
    if (!this.viewer) {
      const who = await this.options.core.identify('terminal', this.options.user);
      if ('kind' in who) this.say(this.render(who));
      return;
    }
    const command = parseChatCommand(text);
    const { core } = this.options;
    const view = await core.handle(this.viewer, command);
    if (view.kind === 'report-form') {
      const result = await runReportDialog(core, this.viewer, view, this.options.lines, (s) => this.say(s));
      this.say(result ? this.render(result.view) : t(this.locale, 'form.cancelled'));
      if (result?.view.kind === 'report-saved' && result.taskId !== null) {
        const target = { taskId: result.taskId, periodKey: result.view.period.key };
        const notices = await askEvidenceFiles(core, this.viewer, target, this.options.lines);
        for (const notice of notices) this.say(this.render(notice));
      }
      return;
    }
    if (view.kind === 'file') this.say(this.saveFile(view));
    this.say(this.render(view));
  }

  /** An exported report: written under the output folder (and its chart beside it); says where. */
  private saveFile(view: FileView): string {
    const dir = resolve(this.options.outputDir ?? 'out');
    mkdirSync(dir, { recursive: true });
    const written = [view, ...(view.image ? [view.image] : [])].map((file) => {
      const path = join(dir, file.fileName);
      writeFileSync(path, file.bytes);
      return path;
    });
    return t(this.locale, 'terminal.file_saved', { paths: written.join(', ') });
  }

  /** Becomes the member with this terminal login or (folded) name. */
  private async switchTo(who: string, announce: boolean): Promise<void> {
    const { core } = this.options;
    const members = await core.members();
    const wanted = foldVietnamese(who);
    const found =
      members.find((m) => m.identities.terminal === who) ??
      members.find((m) => foldVietnamese(m.displayName) === wanted) ??
      members.find((m) => foldVietnamese(m.displayName).split(' ').at(-1) === wanted);
    if (!found) {
      const choices = members.map((m) => m.identities.terminal ?? m.displayName).join(', ');
      this.say(t(this.locale, 'terminal.member_not_found', { name: who, choices: choices || '—' }));
      return;
    }
    this.viewer = toViewer(found);
    const params = {
      name: found.displayName,
      unit: found.unitCode,
      role: roleLabel(found.locale, found.role),
    };
    const message = t(found.locale, announce ? 'terminal.switched' : 'terminal.welcome', params);
    if (announce || this.options.lines.interactive) this.say(message);
  }

  private render(view: View): string {
    return renderView(view, this.locale, {
      timeZone: this.options.timeZone,
      width: this.options.lines.width,
    });
  }

  private say(text: string): void {
    this.options.lines.write(text);
  }
}
