import { beforeAll, expect, it } from 'vitest';
import { parseDeadline } from '../../src/domain/deadline.ts';
import { firstAuditDetails, recordAudit } from '../../src/store/audit.ts';
import { ensureGroup } from '../../src/store/group-store.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import { UnitStore } from '../../src/store/unit-store.ts';
import { parsedTask, TEST_UNITS } from '../support/builders.ts';
import { describeEachDatabase } from '../support/databases.ts';

const header = { number: '1/KH-TEST', title: 'Kế hoạch thử', year: 2024, issuedOn: '2024-01-31' };

describeEachDatabase('PlanStore', (db) => {
  let groupId: number;
  let plans: PlanStore;

  beforeAll(async () => {
    groupId = (await ensureGroup(db().client, { name: 'Tổ thử', timeZone: 'Asia/Ho_Chi_Minh', locale: 'vi' }))
      .id;
    await new UnitStore(db().client).sync(TEST_UNITS, 'test');
    plans = new PlanStore(db().client);
  });

  it('saves tasks with their lead and coordinating units and parsed deadlines, in plan order', async () => {
    const result = await plans.save(
      groupId,
      header,
      [
        parsedTask('2', { coordinatingUnits: ['VP', 'BHXH-HN'] }),
        parsedTask('1', { leadUnits: ['VP', 'CNTT'] }),
      ],
      'test',
    );
    expect(result).toMatchObject({ created: 2, updated: 0, closed: [] });
    const tasks = await plans.listTasks(groupId, header.number);
    expect(tasks.map((t) => t.code)).toEqual(['2', '1']);
    expect(tasks[0]).toMatchObject({ leadUnits: ['CNTT'], coordinatingUnits: ['BHXH-HN', 'VP'] });
    expect(tasks[1]?.leadUnits).toEqual(['CNTT', 'VP']);
    expect(tasks[0]?.deadline).toEqual({ text: 'Năm 2024', kind: 'year', due: '2024-12-31', start: null });
  });

  it('updates tasks by code on re-import, closes dropped tasks (never deletes them) and reopens them', async () => {
    const [two, one] = await plans.listTasks(groupId, header.number);
    const member = await db().client.member.create({
      data: {
        groupId,
        unitId: (await db().client.unit.findUniqueOrThrow({ where: { code: 'CNTT' } })).id,
        displayName: 'A',
        role: 'member',
      },
    });
    const period = await db().client.reportingPeriod.create({
      data: { key: '2024-06', kind: 'month', startsOn: '2024-06-01', endsOn: '2024-06-30' },
    });
    await db().client.statusReport.create({
      data: {
        taskId: one!.id,
        periodId: period.id,
        unitId: member.unitId,
        memberId: member.id,
        status: 'in_progress',
        percent: 10,
        done: 'x',
      },
    });
    const result = await plans.save(
      groupId,
      header,
      [parsedTask('3'), parsedTask('2', { content: 'Đã sửa' })],
      'test',
    );
    expect(result).toMatchObject({ created: 1, updated: 1, closed: ['1'] });
    const tasks = await plans.listTasks(groupId, header.number);
    expect(tasks.find((t) => t.code === '2')).toMatchObject({ id: two!.id, content: 'Đã sửa' });
    expect(tasks.map((t) => t.code).sort()).toEqual(['2', '3']);
    // Closed, not deleted: the task and its report are still there.
    const closed = await db().client.task.findUniqueOrThrow({ where: { id: one!.id } });
    expect(closed.closedAt).not.toBeNull();
    expect(await db().client.statusReport.count({ where: { taskId: one!.id } })).toBe(1);
    expect((await plans.save(groupId, header, [parsedTask('3')], 'test')).closed).toEqual(['2']);
    // Listed again, the same task (same id, same reports) is open again.
    await plans.save(groupId, header, [parsedTask('1'), parsedTask('3')], 'test');
    const reopened = await plans.listTasks(groupId, header.number);
    expect(reopened.map((t) => [t.code, t.id])).toEqual([
      ['1', one!.id],
      ['3', expect.any(Number)],
    ]);
  });

  it('keeps unresolved unit names on the task and links them later by alias, without a re-import', async () => {
    const plan = { ...header, number: '2/KH-TEST' };
    await plans.save(
      groupId,
      plan,
      [
        parsedTask('1', {
          leadUnits: [],
          leadText: 'KHTC',
          unresolved: [
            { role: 'lead', name: 'KHTC' },
            { role: 'coordinating', name: 'Viện KH' },
          ],
        }),
        parsedTask('2', { coordinatingUnits: [], unresolved: [{ role: 'coordinating', name: 'khtc' }] }),
      ],
      'test',
    );
    const before = await plans.listTasks(groupId, plan.number);
    expect(before[0]).toMatchObject({
      leadUnits: [],
      unresolved: [
        { role: 'lead', name: 'KHTC' },
        { role: 'coordinating', name: 'Viện KH' },
      ],
    });
    expect(await plans.linkUnresolved(groupId, 'KHTC', 'VP', 'test')).toEqual(['1', '2']);
    const after = await plans.listTasks(groupId, plan.number);
    expect(after[0]).toMatchObject({
      leadUnits: ['VP'],
      unresolved: [{ role: 'coordinating', name: 'Viện KH' }],
    });
    expect(after[1]).toMatchObject({ leadUnits: ['CNTT'], coordinatingUnits: ['VP'], unresolved: [] });
    expect(await plans.linkUnresolved(groupId, 'KHTC', 'VP', 'test')).toEqual([]);
  });

  it('writes nothing when any task fails (one transaction)', async () => {
    const before = await plans.listTasks(groupId, header.number);
    await expect(
      plans.save(groupId, header, [parsedTask('9'), parsedTask('10', { leadUnits: ['NOPE'] })], 'test'),
    ).rejects.toThrow(/NOPE/);
    expect(await plans.listTasks(groupId, header.number)).toEqual(before);
  });

  it('records every import in the audit log', async () => {
    const entries = await db().client.auditEntry.findMany({ where: { action: 'plan.import' } });
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(entries[0]!.details!)).toMatchObject({ number: header.number, created: 2 });
  });

  it('reads one task by id exactly as the list has it, and nothing of another group', async () => {
    const tasks = await plans.listTasks(groupId);
    for (const task of tasks) expect(await plans.taskById(groupId, task.id)).toEqual(task);
    expect(await plans.taskById(groupId, 999_999)).toBeNull();
    const other = await ensureGroup(db().client, {
      name: 'Tổ khác',
      timeZone: 'Asia/Ho_Chi_Minh',
      locale: 'vi',
    });
    expect(await plans.taskById(other.id, tasks[0]!.id)).toBeNull();
  });

  it('keeps audit entries written on their own, and finds the first about an entity', async () => {
    await recordAudit(db().client, {
      actor: 'test',
      action: 'a',
      entity: 'Thing',
      entityId: 7,
      details: { n: 1 },
    });
    await recordAudit(db().client, {
      actor: 'test',
      action: 'b',
      entity: 'Thing',
      entityId: 7,
      details: { n: 2 },
    });
    expect(JSON.parse((await firstAuditDetails(db().client, 'Thing', '7'))!)).toEqual({ n: 1 });
    expect(await firstAuditDetails(db().client, 'Thing', '8')).toBeNull();
    const rows = await db().client.auditEntry.findMany({
      where: { entity: 'Thing' },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((row) => [row.action, row.entityId, row.at instanceof Date])).toEqual([
      ['a', '7', true],
      ['b', '7', true],
    ]);
  });

  it('re-reads the yearly part of deadlines imported before it was stored (backfill at start-up)', async () => {
    await plans.save(
      groupId,
      { ...header, number: 'Y/KH-TEST' },
      [
        parsedTask('y1', { deadline: parseDeadline('Tháng 11 hằng năm') }),
        parsedTask('y2', { deadline: parseDeadline('Hằng năm') }),
      ],
      'test',
    );
    // As a row written before migration task_yearly_deadline looks.
    await db().client.task.updateMany({
      where: { plan: { number: 'Y/KH-TEST' } },
      data: { deadlineEveryYears: null, deadlineMonth: null, deadlineDay: null },
    });
    const before = await plans.listTasks(groupId, 'Y/KH-TEST');
    expect(before[0]!.deadline.yearly).toBeUndefined();
    expect(await plans.backfillYearlyDeadlines()).toBe(1);
    const after = await plans.listTasks(groupId, 'Y/KH-TEST');
    expect(after.map((t) => t.deadline)).toEqual([
      parseDeadline('Tháng 11 hằng năm'),
      parseDeadline('Hằng năm'),
    ]);
    expect(await plans.backfillYearlyDeadlines()).toBe(0);
  });
});
