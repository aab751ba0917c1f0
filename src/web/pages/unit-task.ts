/** A unit (its tasks, their latest reports, its members) and a task (every report, every revision). */

import { today as todayOf } from '../../app/core-deps.ts';
import { deadlineBuckets } from '../../app/use-cases/deadline-buckets.ts';
import { type TaskPageView, taskPage, type UnitPageView, unitPage } from '../../app/use-cases/web-views.ts';
import type { NoticeView } from '../../app/views.ts';
import { periodOf } from '../../domain/period.ts';
import { deadlineLabel, roleLabel, statusLabel, taskRoleLabel } from '../../i18n/index.ts';
import { type Outcome, type PageContext, WebRefusal } from '../context.ts';
import { html } from '../html.ts';
import { bucketsSection } from './buckets.ts';
import { orNone, section, standing, table, taskLink } from './shared.ts';

function asPage<T extends { kind: string }>(view: T | NoticeView): T {
  if (view.kind !== 'notice') return view as T;
  const notice = view as NoticeView;
  throw new WebRefusal(notice.key === 'web.not_found' ? 404 : 403, notice.key, notice.params);
}

/** The unit's four deadline buckets, this month's and since the plan began (its lead tasks only). */
async function unitBuckets(ctx: PageContext, code: string) {
  const today = todayOf(ctx.core.deps);
  const month = periodOf('month', today);
  const { period, cumulative } = await deadlineBuckets(ctx.core.deps, code, month, today);
  const of = (result: typeof period) => result.units.find((u) => u.code === code)?.counts ?? result.overall;
  return bucketsSection(
    ctx,
    [
      { label: `${ctx.rc.t('buckets.in_period')} (${ctx.rc.period(month)})`, counts: of(period) },
      { label: ctx.rc.t('buckets.cumulative'), counts: of(cumulative) },
    ],
    cumulative.undated,
  );
}

export async function unitPageOf(ctx: PageContext): Promise<Outcome> {
  const { rc, viewer } = ctx;
  const code = ctx.url.searchParams.get('code') ?? viewer.unitCode;
  const view = asPage<UnitPageView>(await unitPage(ctx.core.deps, viewer, code));
  const tasks = view.tasks.tasks.map(
    (task) =>
      html`<tr><td>${taskLink(task.taskId, task.code)}</td><td>${task.content}</td><td>${taskRoleLabel(viewer.locale, task.role)}</td><td>${deadlineLabel(viewer.locale, task.deadline)}</td><td>${standing(ctx, task.latest?.status ?? 'not_reported')}${task.latest ? ` · ${task.latest.percent}% · ${rc.period(task.latest.periodKey)}` : ''}</td></tr>`,
  );
  const members = view.members.map(
    (m) => html`<tr><td>${m.displayName}</td><td>${roleLabel(viewer.locale, m.role)}</td></tr>`,
  );
  const title = rc.t('dash.unit.heading', { unit: `${view.unit.code} – ${view.unit.name}` });
  const body = html`<h1>${title}</h1>
${await unitBuckets(ctx, view.unit.code)}
${section(
  rc.t('dash.unit.tasks', { count: tasks.length }),
  orNone(ctx, tasks, () =>
    table(
      null,
      [
        rc.t('dash.col.code'),
        rc.t('dash.col.content'),
        rc.t('dash.col.role'),
        rc.t('dash.col.deadline'),
        rc.t('dash.unit.latest'),
      ],
      tasks,
    ),
  ),
)}
${section(
  rc.t('dash.unit.members'),
  orNone(ctx, members, () => table(null, [rc.t('dash.col.name'), rc.t('dash.col.role')], members)),
)}`;
  return { kind: 'page', title, body };
}

export async function taskPageOf(ctx: PageContext): Promise<Outcome> {
  const { rc, viewer } = ctx;
  const id = Number(ctx.url.searchParams.get('id'));
  if (!Number.isInteger(id) || id <= 0) throw new WebRefusal(404, 'dash.error.not_found');
  const view = asPage<TaskPageView>(await taskPage(ctx.core.deps, viewer, id));
  const { task } = view;
  const rows = view.reports.flatMap((report) =>
    report.revisions.map(
      (r) =>
        html`<tr><td>${rc.period(report.periodKey)}</td><td>${report.unitCode}</td><td class="num">${r.revision}</td><td>${r.memberName}</td><td>${rc.dateTime(r.at)}</td><td>${statusLabel(viewer.locale, r.status)} · ${r.percent}%</td><td>${r.done}${r.blockers ? html`<br><strong>${rc.t('dash.col.text')}:</strong> ${r.blockers}` : ''}</td><td>${r.evidenceUrl && /^https?:\/\//.test(r.evidenceUrl) ? html`<a href="${r.evidenceUrl}" rel="noopener noreferrer">${r.evidenceUrl}</a>` : (r.evidenceUrl ?? '—')}</td></tr>`,
    ),
  );
  const title = rc.t('dash.task.heading', { code: task.code });
  const body = html`<h1>${title}</h1>
<section aria-label="${task.code}"><p>${task.content}</p>
<p>${rc.t('dash.task.deadline', { deadline: deadlineLabel(viewer.locale, view.deadline) })}${view.deadline.overdue ? html` <span class="bad">(${rc.t('dash.nav.overdue')})</span>` : ''}</p>
<p>${rc.t('dash.task.units', { lead: task.leadUnits.join(', ') || '—', coordinating: task.coordinatingUnits.join(', ') || '—' })}</p>
${task.product ? html`<p>${rc.t('dash.task.product', { product: task.product })}</p>` : ''}</section>
${section(rc.t('dash.task.history'), rows.length > 0 ? table(null, [rc.t('dash.col.period'), rc.t('dash.col.unit'), rc.t('dash.col.revision'), rc.t('dash.col.member'), rc.t('dash.col.when'), rc.t('dash.col.status'), rc.t('dash.col.done_text'), rc.t('dash.col.evidence')], rows, [2]) : html`<p>${rc.t('dash.task.no_reports')}</p>`)}`;
  return { kind: 'page', title, body };
}
