import { beforeAll, expect, it } from 'vitest';
import { parseChatCommand } from '../../src/app/chat-command.ts';
import type { View } from '../../src/app/views.ts';
import { type CoreFixture, createCoreFixture } from '../support/core.ts';
import { describeEachDatabase } from '../support/databases.ts';

const good = {
  status: 'in_progress',
  percent: '40',
  done: 'Đã xây dựng dự thảo',
  blockers: '',
  evidenceUrl: '',
};

function expectKind<K extends View['kind']>(view: View, kind: K): Extract<View, { kind: K }> {
  expect(view.kind, JSON.stringify(view)).toBe(kind);
  return view as Extract<View, { kind: K }>;
}

describeEachDatabase('core use cases', (db) => {
  let f: CoreFixture;

  beforeAll(async () => {
    f = await createCoreFixture(db());
  });

  it('identify: a linked account is a viewer; an unknown one is told who can add them and how', async () => {
    expect(await f.core.identify('terminal', 'lan')).toMatchObject({
      displayName: 'Nguyễn Thị Lan',
      unitCode: 'CNTT',
    });
    const refusal = (await f.core.identify('slack', 'U999')) as View;
    expectKind(refusal, 'notice');
    expect(refusal).toMatchObject({
      key: 'auth.unregistered',
      params: { admins: 'Lê Minh Tuấn', externalId: 'U999' },
    });
    expect(JSON.stringify(refusal)).toContain('--slack U999');
  });

  it('my tasks: lead and coordinating tasks of my unit, with days left or overdue', async () => {
    const view = expectKind(await f.core.handle(f.viewers.lan, { name: 'tasks' }), 'my-tasks');
    expect(view.period.key).toBe('2024-06');
    expect(view.tasks.map((t) => [t.code, t.role])).toEqual([
      ['1', 'lead'],
      ['2', 'coordinating'],
      ['4', 'lead'],
    ]);
    expect(view.tasks[0]?.deadline).toMatchObject({ due: '2024-02-29', overdue: true, daysLeft: -112 });
    expect(view.tasks[1]?.deadline).toMatchObject({ due: '2024-06-30', overdue: false, daysLeft: 10 });
    expect(view.tasks[2]?.deadline).toMatchObject({ kind: 'recurring_annual_from', overdue: false });
  });

  it('report: refuses unknown tasks and tasks of other units, saying why', async () => {
    expect(await f.core.submitReport(f.viewers.lan, { task: '99', draft: good })).toMatchObject({
      key: 'report.unknown_task',
    });
    expect(await f.core.submitReport(f.viewers.lan, { task: '3', draft: good })).toMatchObject({
      key: 'auth.not_your_task',
      params: { code: '3', unit: 'CNTT' },
    });
  });

  it('report: invalid fields come back on the form, all at once, and nothing is stored', async () => {
    const view = expectKind(
      await f.core.submitReport(f.viewers.lan, {
        task: '1',
        draft: { status: 'done', percent: '140', done: ' ' },
      }),
      'report-form',
    );
    expect(view.errors.map((e) => e.key).sort()).toEqual([
      'report.error.done_required',
      'report.error.percent_range',
    ]);
    expect(await db().client.statusReport.count()).toBe(0);
  });

  it('report: saves, and an edit in the same period keeps the history', async () => {
    const saved = expectKind(
      await f.core.submitReport(f.viewers.lan, { task: '1', draft: good }),
      'report-saved',
    );
    expect(saved).toMatchObject({
      taskCode: '1',
      status: 'in_progress',
      percent: 40,
      revision: 1,
      late: false,
    });
    const form = expectKind(await f.core.reportForm(f.viewers.lan, '1'), 'report-form');
    expect(form.current).toMatchObject({ status: 'in_progress', percent: 40, memberName: 'Nguyễn Thị Lan' });
    const edited = await f.core.submitReport(f.viewers.admin, {
      task: '1',
      draft: { ...good, status: 'done', percent: 100, evidenceUrl: 'https://example.gov.vn/kq' },
    });
    expect(edited).toMatchObject({ kind: 'report-saved', revision: 2, status: 'done' });
    const history = await db().client.statusReportRevision.findMany({ orderBy: { revision: 'asc' } });
    expect(history.map((h) => [h.revision, h.status, h.percent])).toEqual([
      [1, 'in_progress', 40],
      [2, 'done', 100],
    ]);
    expect(await db().client.statusReport.count()).toBe(1);
  });

  it('report: a finished period is refused with the day it closed; a late one is accepted and marked late', async () => {
    expect(
      await f.core.submitReport(f.viewers.lan, { task: '4', draft: good, periodKey: '2024-04' }),
    ).toMatchObject({
      key: 'report.period_closed',
      params: { period: '2024-04', closedOn: '2024-05-10' },
    });
    f.clock.set('2024-07-05T10:00:00+07:00');
    expect(
      await f.core.submitReport(f.viewers.minh, { task: '2', draft: good, periodKey: '2024-06' }),
    ).toMatchObject({
      kind: 'report-saved',
      late: true,
    });
    expect(
      await f.core.submitReport(f.viewers.minh, { task: '2', draft: good, periodKey: '2024-08' }),
    ).toMatchObject({
      key: 'report.period_not_started',
    });
    f.clock.set('2024-06-20T09:00:00+07:00');
  });

  it('report: two submissions at once keep both in history and the later as current', async () => {
    const first = { ...good, done: 'Bản thứ nhất' };
    const second = { ...good, done: 'Bản thứ hai' };
    const results = await Promise.all([
      f.core.submitReport(f.viewers.minh, { task: '4', draft: first }),
      f.core.submitReport(f.viewers.minh, { task: '4', draft: second }),
    ]);
    const revisions = results.map((r) => (r.kind === 'report-saved' ? r.revision : -1)).sort();
    expect(revisions).toEqual([1, 2]);
    const report = await db().client.statusReport.findFirstOrThrow({
      where: { task: { code: '4' }, unit: { code: 'VP' } },
      include: { revisions: { orderBy: { revision: 'asc' } } },
    });
    expect(report.revisions).toHaveLength(2);
    expect(report.done).toBe(report.revisions[1]?.done);
  });

  it('report: a channel’s receipt commits with the report, or neither is written', async () => {
    const receipt = (entityId: string, details: (saved: { revision: number }) => unknown) => ({
      action: 'test.receipt',
      entity: 'TestReceipt',
      entityId,
      details,
    });
    const saved = expectKind(
      await f.core.submitReport(f.viewers.minh, {
        task: '2',
        draft: { ...good, done: 'Có biên nhận' },
        receipt: receipt('card-1', (view) => ({ revision: view.revision })),
      }),
      'report-saved',
    );
    const recorded = await db().client.auditEntry.findMany({ where: { entity: 'TestReceipt' } });
    expect(recorded.map((r) => [r.entityId, r.actor, JSON.parse(r.details ?? 'null')])).toEqual([
      ['card-1', `member:${f.viewers.minh.memberId}`, { revision: saved.revision }],
    ]);
    const before = await db().client.statusReportRevision.count();
    await expect(
      f.core.submitReport(f.viewers.minh, {
        task: '2',
        draft: { ...good, done: 'Biên nhận hỏng' },
        receipt: receipt('card-2', () => {
          throw new Error('receipt failed');
        }),
      }),
    ).rejects.toThrow('receipt failed');
    expect(await db().client.statusReportRevision.count()).toBe(before);
    expect(await db().client.auditEntry.count({ where: { entityId: 'card-2' } })).toBe(0);
  });

  it('summary: the chair sees the whole group; a member only their unit', async () => {
    const chair = expectKind(
      await f.core.handle(f.viewers.chair, parseChatCommand('/da06 summary')),
      'summary',
    );
    expect(chair.scopeUnit).toBeNull();
    expect(chair.taskCount).toBe(4);
    // 1 done (CNTT); 2 in progress (VP, late); 4 in progress (VP reported, co-lead CNTT not yet); 3 silent.
    expect(chair.totals).toMatchObject({ done: 1, in_progress: 2, not_reported: 1 });
    expect(chair.notReported.map((u) => u.code).sort()).toEqual(['CNTT', 'TCCB']);
    const member = expectKind(
      await f.core.handle(f.viewers.ha, parseChatCommand('tổng hợp tháng 6/2024')),
      'summary',
    );
    expect(member.scopeUnit).toBe('TCCB');
    expect(member.tasks.map((t) => t.code)).toEqual(['3']);
    expect(member.units.map((u) => u.code)).toEqual(['TCCB']);
  });

  it('summary: a bad period, a period before the plan, and posting by a member are refused', async () => {
    expect(await f.core.handle(f.viewers.chair, parseChatCommand('/da06 summary 13/2024'))).toMatchObject({
      key: 'period.invalid',
    });
    expect(await f.core.handle(f.viewers.chair, parseChatCommand('/da06 summary 2023-12'))).toMatchObject({
      key: 'period.before_plan',
    });
    expect(await f.core.handle(f.viewers.lan, parseChatCommand('/da06 summary post'))).toMatchObject({
      key: 'auth.chair_only',
    });
  });

  it('overdue: dated tasks past their last day and not done; recurring tasks never', async () => {
    const view = expectKind(await f.core.handle(f.viewers.chair, { name: 'overdue' }), 'overdue');
    expect(view.items).toEqual([]); // task 1 (due 02/2024) was reported done above
    f.clock.set('2024-07-02T09:00:00+07:00');
    const later = expectKind(await f.core.handle(f.viewers.chair, { name: 'overdue' }), 'overdue');
    expect(later.items.map((i) => [i.code, i.daysOverdue])).toEqual([['2', 2]]);
    f.clock.set('2024-06-20T09:00:00+07:00');
  });

  it('members in chat: admins manage them, others are refused', async () => {
    const args = ['add', '--name', 'Ngô Quang Dũng', '--unit', 'VP', '--slack', 'U42'];
    expect(await f.core.handle(f.viewers.lan, { name: 'members', args })).toMatchObject({
      key: 'auth.admin_only',
    });
    expect(await f.core.handle(f.viewers.admin, { name: 'members', args })).toMatchObject({
      key: 'members.added',
    });
    expect(await f.core.identify('slack', 'U42')).toMatchObject({ displayName: 'Ngô Quang Dũng' });
    expect(
      await f.core.handle(f.viewers.admin, {
        name: 'members',
        args: ['role', 'Ngô Quang Dũng', 'vice-chair'],
      }),
    ).toMatchObject({
      key: 'members.role_changed',
    });
    const list = expectKind(
      await f.core.handle(f.viewers.admin, { name: 'members', args: ['list'] }),
      'members',
    );
    expect(list.members.find((m) => m.displayName === 'Ngô Quang Dũng')?.role).toBe('vice-chair');
    expect(
      await f.core.handle(f.viewers.admin, { name: 'members', args: ['deactivate', 'Ngô Quang Dũng'] }),
    ).toMatchObject({
      key: 'members.deactivated',
    });
    expect(await f.core.identify('slack', 'U42')).toMatchObject({ key: 'auth.unregistered' });
  });
});
