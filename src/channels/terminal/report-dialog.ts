/**
 * The terminal's report form: asks each field in turn (Enter keeps the current value when editing),
 * then submits through the core, which applies the same validation as the Slack and Teams forms.
 * Fields the core rejects are asked again with the reason.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Core } from '../../app/core.ts';
import type { EvidenceUpload } from '../../app/use-cases/evidence.ts';
import type { NoticeView, ReportFormView, View, Viewer } from '../../app/views.ts';
import { EVIDENCE_MAX_BYTES } from '../../domain/evidence.ts';
import { type ReportDraft, type ReportField, STATUSES } from '../../domain/report.ts';
import { statusLabel, t } from '../../i18n/index.ts';
import type { LineSource } from './line-source.ts';

const MAX_ROUNDS = 5;

export async function runReportDialog(
  core: Core,
  viewer: Viewer,
  form: ReportFormView,
  lines: LineSource,
  say: (text: string) => void,
): Promise<{ view: View; taskId: number } | null> {
  const locale = viewer.locale;
  const taskId = form.taskId ?? (await askTask(form, lines, say));
  if (taskId === null) return null;
  const chosen = form.taskId === taskId ? form : await core.reportForm(viewer, codeOf(form, taskId));
  if (chosen.kind !== 'report-form') return { view: chosen, taskId };
  const current = chosen.current;
  const draft: ReportDraft = {
    status: current?.status ?? '',
    percent: current?.percent ?? '',
    done: current?.done ?? '',
    blockers: current?.blockers ?? '',
    evidenceUrl: current?.evidenceUrl ?? '',
  };
  let fields: ReportField[] = ['status', 'percent', 'done', 'blockers', 'evidenceUrl'];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (const field of fields) {
      const answer = await ask(field, draft, lines, locale, Boolean(current));
      if (answer === null) return null;
      draft[field] = answer;
    }
    const result = await core.submitReport(viewer, { task: taskId, draft });
    if (result.kind !== 'report-form') return { view: result, taskId };
    for (const error of result.errors) say(`✗ ${t(locale, error.key, error.params)}`);
    fields = [...new Set(result.errors.map((error) => error.field))];
  }
  return null;
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

async function askTask(
  form: ReportFormView,
  lines: LineSource,
  say: (text: string) => void,
): Promise<number | null> {
  const locale = form.viewer.locale;
  say(form.choices.map((choice) => `  ${choice.code}. ${cut(choice.content, 100)}`).join('\n'));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const answer = await lines.next(`${t(locale, 'form.prompt.task')} `);
    if (answer === null) return null;
    const choice = form.choices.find((c) => c.code === answer.trim().replace(/^#/, ''));
    if (choice) return choice.taskId;
    say(`✗ ${t(locale, 'report.unknown_task', { code: answer.trim() })}`);
  }
  return null;
}

async function ask(
  field: ReportField,
  draft: ReportDraft,
  lines: LineSource,
  locale: Viewer['locale'],
  editing: boolean,
): Promise<string | null> {
  const current = String(draft[field] ?? '');
  const prompts: Record<ReportField, string> = {
    status: t(locale, 'form.prompt.status', {
      choices: STATUSES.map((status, i) => `${i + 1}. ${statusLabel(locale, status)}`).join('  '),
    }),
    percent: t(locale, 'form.prompt.percent'),
    done: t(locale, 'form.prompt.done'),
    blockers: t(locale, 'form.prompt.blockers'),
    evidenceUrl: t(locale, 'form.prompt.evidence'),
  };
  const shown =
    field === 'status' && current ? statusLabel(locale, current as (typeof STATUSES)[number]) : current;
  const keep = editing && current ? ` ${t(locale, 'form.prompt.keep', { value: cut(shown, 40) })}` : '';
  const answer = await lines.next(`${prompts[field]}${keep}: `);
  if (answer === null) return null;
  return answer.trim() === '' && editing ? current : answer.trim();
}

function codeOf(form: ReportFormView, taskId: number): string {
  return form.choices.find((choice) => choice.taskId === taskId)?.code ?? String(taskId);
}

function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
