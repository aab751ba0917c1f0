/** `reportForm` and `submitReport`: the form, its validation, history, periods, receipts. */
import { beforeAll, expect, it } from 'vitest';
import { parseChatCommand } from '../../../src/app/chat-command.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { expectKind, good } from './support.ts';

describeEachDatabase('use case: report status', (db) => {
  let f: CoreFixture;

  beforeAll(async () => {
    f = await createCoreFixture(db());
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

  it('report: during the grace days the form asks for the previous month first; a typed month is kept', async () => {
    f.clock.set('2024-07-03T10:00:00+07:00');
    try {
      // On 3 July, "/da06 report 2" offers June first: June's work is not recorded under July.
      const grace = expectKind(
        await f.core.handle(f.viewers.minh, parseChatCommand('/da06 report 2')),
        'report-form',
      );
      expect(grace.period.key).toBe('2024-06');
      expect(grace.periods.map((p) => p.key)).toEqual(['2024-06', '2024-07']);
      // "/da06 report 2 2024-07" and "báo cáo 2 tháng 7/2024" choose July.
      for (const text of ['/da06 report 2 2024-07', 'báo cáo 2 tháng 7/2024']) {
        const july = expectKind(await f.core.handle(f.viewers.minh, parseChatCommand(text)), 'report-form');
        expect(july.period.key).toBe('2024-07');
        expect(july.taskId).toBe(grace.taskId);
      }
      // A month outside the window is refused on the form already, with the day it closed.
      expect(await f.core.handle(f.viewers.minh, parseChatCommand('/da06 report 2 2024-04'))).toMatchObject({
        kind: 'notice',
        key: 'report.period_closed',
        params: { period: '2024-04', closedOn: '2024-05-10' },
      });
      // A submission without a period goes where the form pointed: the month being collected.
      const saved = expectKind(
        await f.core.submitReport(f.viewers.minh, { task: '2', draft: good }),
        'report-saved',
      );
      expect(saved).toMatchObject({ period: { key: '2024-06' }, late: true });
      // After the grace days only the running month is offered.
      f.clock.set('2024-07-11T10:00:00+07:00');
      const after = expectKind(await f.core.reportForm(f.viewers.minh, '2'), 'report-form');
      expect(after.period.key).toBe('2024-07');
      expect(after.periods.map((p) => p.key)).toEqual(['2024-07']);
    } finally {
      f.clock.set('2024-06-20T09:00:00+07:00');
    }
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
});
