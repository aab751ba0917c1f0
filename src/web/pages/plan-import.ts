/**
 * Admins: plan import. Upload (CSV, XLSX, DOCX; size and type checked) → the preview of every parsed
 * row with its issues, each unknown unit name with a select of the directory → confirm. The review
 * is `importPlan`'s, the one `da06 plan import --dry-run --json` prints.
 */
import { type PlanPreview, reviewPlanUpload, uploadPlanFile } from '../../app/use-cases/web-plan-import.ts';
import type { NoticeView } from '../../app/views.ts';
import { canManage } from '../../domain/permissions.ts';
import { deadlineLabel } from '../../i18n/index.ts';
import { type Outcome, type PageContext, WebRefusal } from '../context.ts';
import { type Html, html } from '../html.ts';
import type { UploadedFile } from '../multipart.ts';
import { section, table } from './shared.ts';

function adminOnly(ctx: PageContext) {
  const decision = canManage(ctx.viewer);
  if (!decision.allowed) throw new WebRefusal(403, decision.reason);
}

function asPreview(view: PlanPreview | NoticeView): PlanPreview {
  if (view.kind === 'notice') throw new WebRefusal(403, view.key, view.params);
  return view;
}

export async function planImportPage(ctx: PageContext): Promise<Outcome> {
  adminOnly(ctx);
  const { rc } = ctx;
  const title = rc.t('dash.plan.heading');
  const year = ctx.core.deps.clock.now().getUTCFullYear();
  const body = html`<h1>${title}</h1><section aria-label="${title}"><p>${rc.t('dash.plan.intro')}</p>
<form method="post" action="/web/admin/plan-import" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="${ctx.csrf}">
<p><label for="file">${rc.t('dash.plan.file')}</label><br><input id="file" type="file" name="file" accept=".csv,.xlsx,.docx" required></p>
<p><label for="number">${rc.t('dash.plan.number')}</label><br><input id="number" name="number" required></p>
<p><label for="title">${rc.t('dash.plan.title')}</label><br><input id="title" name="title" size="40"></p>
<p><label for="year">${rc.t('dash.plan.year')}</label><br><input id="year" name="year" type="number" min="2000" max="2100" value="${year}" required></p>
<p><button type="submit">${rc.t('dash.plan.preview')}</button></p></form></section>`;
  return { kind: 'page', title, body };
}

export async function planUploadAction(
  ctx: PageContext,
  form: URLSearchParams,
  _cookie: string,
  files: UploadedFile[],
): Promise<Outcome> {
  adminOnly(ctx);
  const file = files.find((f) => f.field === 'file');
  if (!file) throw new WebRefusal(400, 'dash.plan.no_file');
  const number = form.get('number')?.trim() || file.fileName.replace(/\.[^.]+$/, '');
  const year = Number(form.get('year'));
  const header = {
    number,
    title: form.get('title')?.trim() || `Kế hoạch ${number}`,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : new Date().getUTCFullYear(),
    issuedOn: null,
  };
  const view = asPreview(
    await uploadPlanFile(ctx.core.deps, ctx.viewer, { name: file.fileName, bytes: file.bytes }, header),
  );
  return previewPage(ctx, view);
}

export async function planReviewAction(ctx: PageContext, form: URLSearchParams): Promise<Outcome> {
  adminOnly(ctx);
  const maps = new Map<string, string>();
  for (const [key, name] of form) {
    const index = /^name_(\d+)$/.exec(key)?.[1];
    const code = index !== undefined ? form.get(`code_${index}`) : null;
    if (code) maps.set(name, code);
  }
  const confirm = form.get('step') === 'confirm';
  const view = asPreview(
    await reviewPlanUpload(ctx.core.deps, ctx.viewer, form.get('upload') ?? '', maps, confirm),
  );
  if (view.saved) {
    const title = ctx.rc.t('dash.plan.heading');
    const text = ctx.rc.t('web.plan_imported', {
      number: view.header.number,
      ...view.saved,
      closed: view.saved.closed.length,
    });
    return {
      kind: 'page',
      title,
      body: html`<h1>${title}</h1><p role="status" class="ok">${text}</p><p><a href="/web/">${ctx.rc.t('dash.nav.overview')}</a></p>`,
    };
  }
  return previewPage(ctx, view);
}

function unresolvedForm(ctx: PageContext, view: PlanPreview): Html {
  const { rc } = ctx;
  return html`${view.review.unresolved.map(
    (u, i) =>
      html`<p><input type="hidden" name="name_${i}" value="${u.name}"><label for="code_${i}">${rc.t('dash.plan.map', { name: u.name, rows: u.rows.join(', ') })}</label><br>
<select id="code_${i}" name="code_${i}"><option value="">${rc.t('dash.plan.choose')}</option>${view.directory.map(
        (d) =>
          html`<option value="${d.code}"${view.maps[u.name] === d.code || (!view.maps[u.name] && u.suggestions[0]?.code === d.code) ? html` selected` : ''}>${d.code} – ${d.name}</option>`,
      )}</select></p>`,
  )}${Object.entries(view.maps)
    .filter(([name]) => !view.review.unresolved.some((u) => u.name === name))
    .map(
      ([name, code], i) =>
        html`<input type="hidden" name="name_m${i}" value="${name}"><input type="hidden" name="code_m${i}" value="${code}">`,
    )}`;
}

function previewPage(ctx: PageContext, view: PlanPreview): Outcome {
  const { rc, viewer } = ctx;
  const rows = view.review.rows.map(
    (r) =>
      html`<tr><td>${r.row}</td><td>${r.code}</td><td>${r.content}</td><td>${r.leadUnits.join(', ') || r.leadText}</td><td>${deadlineLabel(viewer.locale, { ...r.deadline, daysLeft: null, overdue: false })}</td><td>${r.issues.length === 0 ? '—' : html`<ul>${r.issues.map((i) => html`<li class="${i.blocking ? 'bad' : ''}">${i.message}</li>`)}</ul>`}</td></tr>`,
  );
  const blocking = view.blocking.filter((p) => p.code !== 'unknown_unit');
  const title = rc.t('dash.plan.preview_heading', { file: view.fileName });
  const body = html`<h1>${title}</h1>
<form method="post" action="/web/admin/plan-import/review"><input type="hidden" name="csrf" value="${ctx.csrf}"><input type="hidden" name="upload" value="${view.uploadId}">
${view.review.unresolved.length > 0 ? section(rc.t('dash.plan.unresolved'), unresolvedForm(ctx, view), 'unresolved') : unresolvedForm(ctx, view)}
${blocking.length > 0 ? section(rc.t('dash.plan.blocking'), html`<ul>${blocking.map((p) => html`<li class="bad">${p.row ? `${p.row}: ` : ''}${p.message}</li>`)}</ul>`, 'blocking') : ''}
<p><button type="submit" name="step" value="preview" class="secondary">${rc.t('dash.plan.preview_again')}</button> <button type="submit" name="step" value="confirm">${rc.t('dash.plan.confirm')}</button></p></form>
${section(rc.t('dash.plan.rows', { count: rows.length }), table(null, ['#', rc.t('dash.col.code'), rc.t('dash.col.content'), rc.t('dash.col.lead'), rc.t('dash.col.deadline'), rc.t('dash.plan.issues')], rows), 'rows')}`;
  return { kind: 'page', title, body };
}
