/**
 * The terminal's report form, the model for the others (issue 17): the task, the month (during the
 * grace days, the previous one first), then each field in turn, each answer checked as it is typed
 * with the hint that fixes it. Enter keeps the value shown, `-` clears it, "hủy"/"cancel" or Ctrl-C
 * leave the form (nothing saved, back at the prompt). Before saving, a summary with numbered answers:
 * Enter sends, a number changes that answer. The core validates again when the report is submitted.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Core } from '../../app/core.ts';
import type { EvidenceUpload } from '../../app/use-cases/evidence.ts';
import type { NoticeView, ReportFormView, View, Viewer } from '../../app/views.ts';
import { EVIDENCE_MAX_BYTES } from '../../domain/evidence.ts';
import { type Period, periodFromKey } from '../../domain/period.ts';
import { type FieldError, type ReportDraft, type ReportField, STATUSES } from '../../domain/report.ts';
import { parseStatus, validateReport } from '../../domain/report-validation.ts';
import type { Locale } from '../../domain/roles.ts';
import { foldVietnamese } from '../../domain/text.ts';
import { periodLabel, statusLabel, t } from '../../i18n/index.ts';
import { INTERRUPTED, type LineSource } from './line-source.ts';

/** The fields in the order asked: each one's checks depend only on those before it. */
const FIELDS: ReportField[] = ['status', 'percent', 'done', 'blockers', 'evidenceUrl'];
const CANCEL_WORDS = new Set(['huy', 'cancel', 'thoat', 'quit']);
const SEND_WORDS = new Set(['', 'c', 'co', 'y', 'yes', 'gui', 'send']);
const CLEAR = '-';

/** Leaving the form: a cancel word, Ctrl-C or the end of input. */
class Cancelled extends Error {}

export async function runReportDialog(
  core: Core,
  viewer: Viewer,
  form: ReportFormView,
  lines: LineSource,
  say: (text: string) => void,
): Promise<DialogResult | null> {
  const dialog = new ReportDialog(core, viewer, lines, say);
  try {
    const view = await dialog.run(form);
    return view ? { view, taskId: dialog.taskId } : null;
  } catch (error) {
    if (error instanceof Cancelled) return null;
    throw error;
  }
}

/** What the form ended with, and the task it was about (null when the form ended before one was picked). */
export interface DialogResult {
  view: View;
  taskId: number | null;
}

/**
 * After a saved report: paths of evidence files, separated by ";" (Enter for none). Each is read from
 * this machine and handed to the core, which checks, stores and records it; one notice per outcome.
 */
export async function askEvidenceFiles(
  core: Core,
  viewer: Viewer,
  target: { taskId: number; periodKey: string },
  lines: LineSource,
): Promise<NoticeView[]> {
  const answer = await lines.next(`${t(viewer.locale, 'form.prompt.evidence_files')}: `);
  const paths = (answer ?? '')
    .split(';')
    .map((path) => path.trim().replace(/^["']|["']$/g, ''))
    .filter((path) => path !== '');
  if (paths.length === 0) return [];
  const uploads: EvidenceUpload[] = paths.map((path) => ({
    name: basename(path),
    read: async () => {
      const info = await stat(path);
      if (!info.isFile()) throw new Error(t(viewer.locale, 'terminal.not_a_file'));
      if (info.size > EVIDENCE_MAX_BYTES) return new Uint8Array(EVIDENCE_MAX_BYTES + 1);
      return readFile(path);
    },
  }));
  return core.attachEvidence(viewer, target, uploads);
}

class ReportDialog {
  private readonly locale: Locale;
  /** The task picked, once it is. */
  taskId: number | null = null;

  constructor(
    private readonly core: Core,
    private readonly viewer: Viewer,
    private readonly lines: LineSource,
    private readonly say: (text: string) => void,
  ) {
    this.locale = viewer.locale;
  }

  async run(first: ReportFormView): Promise<View | null> {
    this.say(t(this.locale, 'form.intro'));
    const taskId = first.taskId ?? (await this.askTask(first));
    this.taskId = taskId;
    // The month the form was opened for ("/da06 report 2024-07") stays chosen once the task is picked.
    let form =
      first.taskId === taskId
        ? first
        : await this.core.reportForm(this.viewer, codeOf(first, taskId), first.period.key);
    if (form.kind !== 'report-form') return form;
    const period = form.periods.length > 1 ? await this.askPeriod(form) : form.period;
    if (period.key !== form.period.key) {
      form = await this.core.reportForm(this.viewer, codeOf(first, taskId), period.key);
      if (form.kind !== 'report-form') return form;
    }
    const draft = draftOf(form);
    for (const field of FIELDS) await this.askField(field, draft, Boolean(form.current));
    return this.review(form, taskId, draft);
  }

  /** The summary, a changed answer or the submission, until the report is saved or refused. */
  private async review(form: ReportFormView, taskId: number, draft: ReportDraft): Promise<View | null> {
    for (;;) {
      const field = await this.askReview(form, draft);
      if (field !== null) {
        await this.askField(field, draft, true);
        await this.fixErrors(draft);
        continue;
      }
      const result = await this.core.submitReport(this.viewer, {
        task: taskId,
        draft,
        periodKey: form.period.key,
      });
      if (result.kind !== 'report-form') return result;
      this.sayErrors(result.errors);
      await this.fixErrors(draft);
    }
  }

  /** Asks again every field the whole report still finds wrong (a change can contradict another). */
  private async fixErrors(draft: ReportDraft): Promise<void> {
    for (;;) {
      const checked = validateReport(draft);
      if (checked.ok) return;
      const field = FIELDS.find((f) => checked.errors.some((e) => e.field === f))!;
      await this.askField(field, draft, true);
    }
  }

  /** The numbered summary; null to send, or the field to change. */
  private async askReview(form: ReportFormView, draft: ReportDraft): Promise<ReportField | null> {
    const lines = [t(this.locale, 'form.review', { period: periodLabel(this.locale, form.period) })];
    FIELDS.forEach((field, i) => {
      lines.push(`  ${i + 1}. ${t(this.locale, `field.${field}`)}: ${this.shown(field, draft[field])}`);
    });
    this.say(lines.join('\n'));
    for (;;) {
      const answer = foldVietnamese(await this.ask(`${t(this.locale, 'form.confirm')} `));
      if (SEND_WORDS.has(answer)) return null;
      const n = Number(answer);
      if (Number.isInteger(n) && n >= 1 && n <= FIELDS.length) return FIELDS[n - 1]!;
      this.say(
        `✗ ${t(this.locale, 'form.invalid_choice')} ${t(this.locale, 'form.confirm_hint', { max: FIELDS.length })}`,
      );
    }
  }

  /** One field until its answer passes the checks that depend on it and the fields before it. */
  private async askField(field: ReportField, draft: ReportDraft, editing: boolean): Promise<void> {
    for (;;) {
      const current = String(draft[field] ?? '');
      const answer = await this.ask(`${this.prompt(field, current, editing)}: `);
      const value = answer === CLEAR ? '' : answer.trim() === '' ? current : answer.trim();
      const errors = fieldErrors(field, { ...draft, [field]: value });
      draft[field] = value;
      if (errors.length === 0) return;
      this.sayErrors(errors);
    }
  }

  private async askTask(form: ReportFormView): Promise<number> {
    this.say(form.choices.map((choice) => `  ${choice.code}. ${cut(choice.content, 100)}`).join('\n'));
    for (;;) {
      const answer = (await this.ask(`${t(this.locale, 'form.prompt.task')} `)).trim().replace(/^#/, '');
      const choice = form.choices.find((c) => c.code === answer);
      if (choice) return choice.taskId;
      const codes = form.choices.map((c) => c.code);
      this.say(
        `✗ ${t(this.locale, 'form.task_hint', { code: answer, codes: codes.slice(0, 20).join(', ') })}`,
      );
    }
  }

  /** During the grace days: which month, the one being collected first; Enter keeps the form's. */
  private async askPeriod(form: ReportFormView): Promise<Period> {
    const choices = form.periods.map((p, i) => `${i + 1}. ${periodLabel(this.locale, p)}`).join('  ');
    const keep = periodLabel(this.locale, form.period);
    for (;;) {
      const answer = (await this.ask(`${t(this.locale, 'form.prompt.period', { choices, keep })}: `)).trim();
      if (answer === '') return form.period;
      const n = Number(answer);
      const chosen = Number.isInteger(n) ? form.periods[n - 1] : form.periods.find((p) => p.key === answer);
      if (chosen) return periodFromKey(chosen.key);
      this.say(`✗ ${t(this.locale, 'form.period_hint', { max: form.periods.length })}`);
    }
  }

  /** The next answer; a cancel word, Ctrl-C or the end of input leaves the form. */
  private async ask(prompt: string): Promise<string> {
    const answer = await this.lines.ask(prompt);
    if (answer === null || answer === INTERRUPTED || CANCEL_WORDS.has(foldVietnamese(answer.trim()))) {
      throw new Cancelled();
    }
    return answer;
  }

  private prompt(field: ReportField, current: string, editing: boolean): string {
    const prompts: Record<ReportField, string> = {
      status: t(this.locale, 'form.prompt.status', {
        choices: STATUSES.map((status, i) => `${i + 1}. ${statusLabel(this.locale, status)}`).join('  '),
      }),
      percent: t(this.locale, 'form.prompt.percent'),
      done: t(this.locale, 'form.prompt.done'),
      blockers: t(this.locale, 'form.prompt.blockers'),
      evidenceUrl: t(this.locale, 'form.prompt.evidence'),
    };
    if (!(editing && current)) return prompts[field];
    const value = cut(this.shown(field, current), 40);
    return `${prompts[field]} ${t(this.locale, 'form.prompt.keep', { value })}`;
  }

  /** A field's value as the member reads it: the status in words, "(để trống)" for nothing. */
  private shown(field: ReportField, raw: ReportDraft[ReportField]): string {
    const value = String(raw ?? '').trim();
    if (value === '') return t(this.locale, 'report.form.empty_value');
    if (field === 'status') {
      const status = parseStatus(value);
      return status ? statusLabel(this.locale, status) : value;
    }
    return field === 'percent' ? `${value}%`.replace(/%%$/, '%') : cut(value, 60);
  }

  private sayErrors(errors: FieldError[]): void {
    for (const error of errors) {
      const hint =
        error.field === 'evidenceUrl' || error.field === 'blockers'
          ? ` ${t(this.locale, 'form.clear_hint')}`
          : '';
      this.say(`✗ ${t(this.locale, error.key, error.params)}${hint}`);
    }
  }
}

/**
 * The errors the whole report finds in `field`. Every check between fields sits on the later one
 * (percent against status, blockers against status), so fields not asked yet never judge this one.
 */
function fieldErrors(field: ReportField, draft: ReportDraft): FieldError[] {
  const checked = validateReport(draft);
  return checked.ok ? [] : checked.errors.filter((e) => e.field === field);
}

function draftOf(form: ReportFormView): ReportDraft {
  const current = form.current;
  return {
    status: current?.status ?? '',
    percent: current?.percent ?? '',
    done: current?.done ?? '',
    blockers: current?.blockers ?? '',
    evidenceUrl: current?.evidenceUrl ?? '',
  };
}

function codeOf(form: ReportFormView, taskId: number): string {
  return form.choices.find((choice) => choice.taskId === taskId)?.code ?? String(taskId);
}

function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
