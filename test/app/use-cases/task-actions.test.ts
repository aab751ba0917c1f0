/** `markDone` and `snoozeTask`: the "Đã hoàn thành" and "Nhắc lại sau" buttons on reminders. */
import { beforeAll, expect, it } from 'vitest';
import { MAX_SNOOZE_DAYS, MAX_SNOOZE_REASON_CHARS } from '../../../src/app/use-cases/task-actions.ts';
import { pairKey } from '../../../src/store/roster-store.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { expectKind } from './support.ts';

describeEachDatabase('use case: task actions', (db) => {
  let f: CoreFixture;

  beforeAll(async () => {
    f = await createCoreFixture(db());
  });

  it('done in one click: 100 %, the product link kept; a task of another unit is refused', async () => {
    const saved = expectKind(
      await f.core.markDone(f.viewers.lan, '1', 'https://example.gov.vn/ket-qua'),
      'report-saved',
    );
    expect(saved).toMatchObject({ taskCode: '1', status: 'done', percent: 100, revision: 1 });
    const form = expectKind(await f.core.reportForm(f.viewers.lan, '1'), 'report-form');
    expect(form.current).toMatchObject({ status: 'done', evidenceUrl: 'https://example.gov.vn/ket-qua' });
    expect(await f.core.markDone(f.viewers.lan, '3')).toMatchObject({
      key: 'auth.not_your_task',
      params: { code: '3', unit: 'CNTT' },
    });
  });

  it('snooze: a day after today and at most a quarter ahead; saved with its reason and audited', async () => {
    const max = '2024-09-18'; // 2024-06-20 + 90 days
    expect(MAX_SNOOZE_DAYS).toBe(90);
    for (const until of ['2024-06-20', '2024-06-19', '2024-09-19', '27/06/2024']) {
      expect(await f.core.snooze(f.viewers.lan, '4', until)).toMatchObject({
        key: 'snooze.invalid_date',
        params: { max },
      });
    }
    expect(await f.core.snooze(f.viewers.lan, '99', '2024-06-27')).toMatchObject({
      key: 'report.unknown_task',
    });
    expect(await f.core.snooze(f.viewers.lan, '4', '2024-06-27', '  Chờ ý kiến Bộ Công an  ')).toMatchObject({
      tone: 'success',
      key: 'snooze.saved',
      params: { code: '4', until: '2024-06-27' },
    });
    const [task] = (await f.core.tasks()).filter((t) => t.code === '4');
    const snoozes = await f.stores.roster.activeSnoozes('2024-06-20');
    expect(snoozes.get(pairKey(task!.id, 'CNTT'))).toMatchObject({
      until: '2024-06-27',
      reason: 'Chờ ý kiến Bộ Công an',
    });
    const audit = await db().client.auditEntry.findMany({ where: { action: 'task.snooze' } });
    expect(audit.map((a) => [a.actor, JSON.parse(a.details ?? 'null')])).toEqual([
      [
        `member:${f.viewers.lan.memberId}`,
        { task: '4', until: '2024-06-27', reason: 'Chờ ý kiến Bộ Công an' },
      ],
    ]);
  });

  it('snooze: a reason has a length limit and no control characters; refused, nothing stored (issue 16)', async () => {
    const before = await db().client.taskSnooze.count();
    expect(MAX_SNOOZE_REASON_CHARS).toBe(500);
    expect(await f.core.snooze(f.viewers.lan, '4', '2024-06-28', 'x'.repeat(501))).toMatchObject({
      tone: 'error',
      key: 'snooze.reason_too_long',
      params: { max: 500 },
    });
    expect(await f.core.snooze(f.viewers.lan, '4', '2024-06-28', 'Chờ\u001b[2Kxx')).toMatchObject({
      tone: 'error',
      key: 'report.error.control_chars',
    });
    expect(await db().client.taskSnooze.count()).toBe(before);
    expect(await f.core.snooze(f.viewers.lan, '4', '2024-06-28', '\u200b \u202e')).toMatchObject({
      key: 'snooze.saved',
    });
  });
});
