/**
 * Evidence files (tệp minh chứng) with a report: channels submit the report first, then hand the
 * files here (`attachEvidence`), each as a name and a way to read its bytes (a Slack download, a Teams
 * attachment URL, a path typed in the terminal). Each file is checked (src/domain/evidence.ts: size,
 * type by content, name), hashed (SHA-256), put in the evidence store under a key made of ids and the
 * hash, then recorded against the report revision it came with. A store that fails is tried once
 * more; if it still fails the file is refused with a clear message — the report is already saved, and
 * the member is told it is saved without that file (never a report silently without its file).
 *
 * `evidenceOf` lists the files of tasks the viewer may see: chairs, vice-chairs and admins every
 * task; a member the tasks their unit leads or coordinates.
 */
import { createHash } from 'node:crypto';
import { AppError, type ErrorCode, isAppError } from '../../domain/errors.ts';
import { acceptEvidence, EVIDENCE_MAX_BYTES, EVIDENCE_TYPES } from '../../domain/evidence.ts';
import { canReportOn, seesWholeGroup } from '../../domain/permissions.ts';
import type { Locale } from '../../domain/roles.ts';
import { formatDateTime, periodLabel, t } from '../../i18n/index.ts';
import type { CoreDeps } from '../core-deps.ts';
import type { EvidenceStorage } from '../ports/evidence.ts';
import type { EvidenceRecord, TaskRow } from '../ports/stores.ts';
import type { NoticeView, Viewer } from '../views.ts';
import { allTasks, findTask } from './task-scope.ts';

export interface EvidenceDeps extends CoreDeps {
  evidenceFiles: EvidenceStorage;
}

/** A file a channel received: its name, its size when the platform says it, and how to read it. */
export interface EvidenceUpload {
  name: string;
  size?: number | undefined;
  read(): Promise<Uint8Array>;
}

export interface EvidenceTarget {
  taskId: number;
  /** The month the report was for ("2024-06"); null: the unit's report on the task written last. */
  periodKey: string | null;
}

/** Saves the files with the viewer's unit's latest report on the task; one notice per outcome. */
export async function attachEvidence(
  deps: EvidenceDeps,
  viewer: Viewer,
  target: EvidenceTarget,
  uploads: EvidenceUpload[],
): Promise<NoticeView[]> {
  if (uploads.length === 0) return [];
  const task = await deps.plans.taskById(deps.group.id, target.taskId);
  if (!task)
    return [
      { kind: 'notice', tone: 'error', key: 'report.unknown_task', params: { code: String(target.taskId) } },
    ];
  const decision = canReportOn(viewer, task);
  if (!decision.allowed) {
    return [
      {
        kind: 'notice',
        tone: 'error',
        key: decision.reason,
        params: { code: task.code, unit: viewer.unitCode },
      },
    ];
  }
  const revision = await deps.evidence.latestRevision(task.id, viewer.unitCode, target.periodKey);
  if (!revision) return [errorNotice(new AppError('evidence.no_report', { task: task.code }))];
  const saved: EvidenceRecord[] = [];
  const notices: NoticeView[] = [];
  for (const upload of uploads) {
    try {
      saved.push(await saveOne(deps, viewer, task, revision.id, upload));
    } catch (error) {
      if (!isAppError(error)) throw error;
      notices.push(errorNotice(error));
    }
  }
  if (saved.length > 0) {
    notices.unshift({
      kind: 'notice',
      tone: 'success',
      key: 'evidence.saved',
      params: { count: saved.length, names: saved.map((e) => e.fileName).join(', ') },
    });
  }
  return notices;
}

async function saveOne(
  deps: EvidenceDeps,
  viewer: Viewer,
  task: TaskRow,
  revisionId: number,
  upload: EvidenceUpload,
): Promise<EvidenceRecord> {
  if (upload.size !== undefined && upload.size > EVIDENCE_MAX_BYTES) {
    // Refused before it is downloaded at all.
    acceptEvidence(upload.name, new Uint8Array(EVIDENCE_MAX_BYTES + 1));
  }
  let bytes: Uint8Array;
  try {
    bytes = await upload.read();
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('evidence.unreadable', { name: upload.name, reason: reasonOf(error) });
  }
  const accepted = acceptEvidence(upload.name, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const extension = EVIDENCE_TYPES[accepted.kind].extensions[0]!;
  const storageKey = `task-${task.id}/rev-${revisionId}/${sha256}.${extension}`;
  await putWithRetry(deps.evidenceFiles, storageKey, bytes, accepted.contentType, accepted.fileName);
  return deps.evidence.add(
    {
      revisionId,
      taskId: task.id,
      memberId: viewer.memberId,
      fileName: accepted.fileName,
      contentType: accepted.contentType,
      size: accepted.size,
      sha256,
      storageKey,
    },
    `member:${viewer.memberId}`,
  );
}

/** One retry: a store that fails twice in a row is down for this request. */
async function putWithRetry(
  store: EvidenceStorage,
  key: string,
  bytes: Uint8Array,
  contentType: string,
  name: string,
): Promise<void> {
  let last: unknown;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await store.put(key, bytes, contentType);
      return;
    } catch (error) {
      last = error;
    }
  }
  throw new AppError('evidence.store_unavailable', { name, reason: reasonOf(last) });
}

/** The files of the given tasks the viewer may see, oldest first. */
export async function evidenceOf(
  deps: CoreDeps,
  viewer: Viewer,
  tasks: TaskRow[],
): Promise<EvidenceRecord[]> {
  const visible = seesWholeGroup(viewer) ? tasks : tasks.filter((task) => canReportOn(viewer, task).allowed);
  return deps.evidence.forTasks(visible.map((task) => task.id));
}

/** The bytes of one recorded file, for a viewer who may see its task; null otherwise. */
export async function evidenceBytes(
  deps: EvidenceDeps,
  viewer: Viewer,
  task: TaskRow,
  record: EvidenceRecord,
): Promise<Buffer | null> {
  if (!seesWholeGroup(viewer) && !canReportOn(viewer, task).allowed) return null;
  if (record.taskId !== task.id) return null;
  return deps.evidenceFiles.get(record.storageKey);
}

/**
 * `/da06 evidence [task]`: the files of one task, or of every task the viewer may see, with who sent
 * each, when, its size and the start of its SHA-256 (the words are the viewer's).
 */
export async function listEvidence(
  deps: CoreDeps,
  viewer: Viewer,
  typed: string | null,
): Promise<NoticeView> {
  const tasks = await allTasks(deps);
  let scope = tasks;
  if (typed) {
    const task = findTask(tasks, typed);
    if (!task) return { kind: 'notice', tone: 'error', key: 'report.unknown_task', params: { code: typed } };
    scope = [task];
  }
  const records = await evidenceOf(deps, viewer, scope);
  const scopeText = typed ? t(viewer.locale, 'evidence.list_scope', { task: scope[0]!.code }) : '';
  if (records.length === 0)
    return { kind: 'notice', tone: 'info', key: 'evidence.none', params: { scope: scopeText } };
  const codes = new Map(tasks.map((task) => [task.id, task.code]));
  const lines = records.map((record) =>
    t(viewer.locale, 'evidence.task_line', {
      task: codes.get(record.taskId) ?? String(record.taskId),
      unit: record.unitCode,
      period: periodLabel(viewer.locale, record.periodKey),
      revision: record.revision,
      file: evidenceLine(viewer.locale, record, deps.group.timeZone),
    }),
  );
  return {
    kind: 'notice',
    tone: 'info',
    key: 'evidence.list',
    params: { scope: scopeText, lines: lines.join('\n') },
  };
}

/** "Biên bản.pdf (12 KB, SHA-256 1a2b3c4d…), Nguyễn Thị Lan gửi lúc 20/06/2024 09:00". */
export function evidenceLine(locale: Locale, record: EvidenceRecord, timeZone: string): string {
  return t(locale, 'evidence.line', {
    name: record.fileName,
    size: sizeText(record.size),
    hash: record.sha256.slice(0, 12),
    who: record.memberName,
    when: formatDateTime(locale, record.createdAt, timeZone),
  });
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function errorNotice<C extends ErrorCode>(error: AppError<C>): NoticeView {
  return {
    kind: 'notice',
    tone: 'error',
    key: `error.${error.code}`,
    params: error.params as unknown as NoticeView['params'],
  };
}

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 200);
}
