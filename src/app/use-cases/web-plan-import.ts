/**
 * Plan import from the web dashboard (issue 18): an admin uploads a CSV, XLSX or DOCX, reads the same
 * review `da06 plan import --dry-run --json` prints (every row with its issues, unknown unit names
 * with suggestions), maps each unknown name to a directory unit, and confirms. The file waits in the
 * database between the steps, for a day at most. The import itself is `importPlan`, as on the CLI.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { canManage } from '../../domain/permissions.ts';
import type { PlanReview } from '../../domain/plan-review.ts';
import type { CoreDeps } from '../core-deps.ts';
import { type ImportPlanOutcome, importPlan } from '../plan-import/import-plan.ts';
import type { PlanHeader } from '../ports/stores.ts';
import { type PlanUpload, PREVIEW_HOURS } from '../ports/web-sessions.ts';
import type { NoticeView, Viewer } from '../views.ts';

const TYPES = /\.(csv|xlsx|docx)$/i;

export interface PlanPreview {
  kind: 'plan-preview';
  uploadId: string;
  fileName: string;
  header: PlanHeader;
  review: PlanReview;
  blocking: ImportPlanOutcome['blocking'];
  warnings: ImportPlanOutcome['warnings'];
  /** The directory on the plan's date, for the select beside each unknown name. */
  directory: { code: string; name: string }[];
  /** The names already mapped in this preview. */
  maps: Record<string, string>;
  /** Set once confirmed and saved. */
  saved: ImportPlanOutcome['saved'];
}

function allowed(viewer: Viewer): NoticeView | null {
  const decision = canManage(viewer);
  return decision.allowed ? null : { kind: 'notice', tone: 'error', key: decision.reason };
}

/** Keeps the uploaded file (checked for type and size first) and answers its preview. */
export async function uploadPlanFile(
  deps: CoreDeps,
  viewer: Viewer,
  file: { name: string; bytes: Uint8Array },
  header: PlanHeader,
): Promise<PlanPreview | NoticeView> {
  const refused = allowed(viewer);
  if (refused) return refused;
  const max = deps.web?.maxUploadBytes ?? 5 * 1024 * 1024;
  if (!TYPES.test(file.name)) throw new AppError('web.upload_type', { file: file.name });
  if (file.bytes.length > max) throw new AppError('web.upload_too_large', { file: file.name, max });
  const upload: PlanUpload = {
    id: randomBytes(18).toString('base64url'),
    memberId: viewer.memberId,
    fileName: file.name,
    bytes: file.bytes,
    ...header,
    createdAt: (deps.web?.clock ?? deps.clock).now(),
  };
  await deps.webSessions.saveUpload(upload);
  return run(deps, viewer, upload, new Map(), true);
}

/** The preview again with the names mapped so far (`confirm`: import it when nothing blocks). */
export async function reviewPlanUpload(
  deps: CoreDeps,
  viewer: Viewer,
  uploadId: string,
  maps: ReadonlyMap<string, string>,
  confirm: boolean,
): Promise<PlanPreview | NoticeView> {
  const refused = allowed(viewer);
  if (refused) return refused;
  const upload = await deps.webSessions.upload(uploadId);
  const now = (deps.web?.clock ?? deps.clock).now();
  if (!upload || upload.memberId !== viewer.memberId) throw new AppError('web.preview_expired', {});
  if (now.getTime() - upload.createdAt.getTime() > PREVIEW_HOURS * 3_600_000) {
    await deps.webSessions.deleteUpload(upload.id);
    throw new AppError('web.preview_expired', {});
  }
  const preview = await run(deps, viewer, upload, maps, !confirm);
  if (preview.saved) await deps.webSessions.deleteUpload(upload.id);
  return preview;
}

async function run(
  deps: CoreDeps,
  viewer: Viewer,
  upload: PlanUpload,
  maps: ReadonlyMap<string, string>,
  dryRun: boolean,
): Promise<PlanPreview> {
  const header: PlanHeader = {
    number: upload.number,
    title: upload.title,
    year: upload.year,
    issuedOn: upload.issuedOn,
  };
  const outcome = await importPlan(
    {
      units: deps.units,
      plans: deps.plans,
      groupId: deps.group.id,
      maxBytes: deps.web?.maxUploadBytes ?? 5 * 1024 * 1024,
    },
    {
      file: { name: upload.fileName, bytes: upload.bytes },
      header,
      dryRun,
      actor: `member:${viewer.memberId}`,
      maps,
    },
  );
  const day = header.issuedOn ?? `${header.year}-01-01`;
  const directory = (await deps.units.listOn(day)).map((u) => ({ code: u.code, name: u.name }));
  return {
    kind: 'plan-preview',
    uploadId: upload.id,
    fileName: upload.fileName,
    header,
    review: outcome.review,
    blocking: outcome.blocking,
    warnings: outcome.warnings,
    directory,
    maps: Object.fromEntries(maps),
    saved: outcome.saved,
  };
}
