/** Test data for the Teams channel: the core fixture's members on Teams, reminders, task ids. */
import type { ReminderTask, ReminderView } from '../../../src/app/views.ts';
import { periodFromKey } from '../../../src/domain/period.ts';
import type { Database } from '../../../src/store/open-database.ts';
import type { CoreFixture } from '../core.ts';
import { type TeamsUser, user } from './harness.ts';

export const people = {
  khanh: user('aad-khanh', 'Trần Quốc Khánh'),
  tuan: user('aad-tuan', 'Lê Minh Tuấn'),
  lan: user('aad-lan', 'Nguyễn Thị Lan'),
  minh: user('aad-minh', 'Đỗ Văn Minh', 'en-US'),
  ha: user('aad-ha', 'Phạm Thu Hà'),
  stranger: user('aad-stranger', 'Người Lạ'),
};

/** Links the fixture's members to their Teams accounts (Hà too, though she has not installed the app). */
export async function linkTeamsAccounts(f: CoreFixture): Promise<void> {
  const links: [number, TeamsUser][] = [
    [f.viewers.chair.memberId, people.khanh],
    [f.viewers.admin.memberId, people.tuan],
    [f.viewers.lan.memberId, people.lan],
    [f.viewers.minh.memberId, people.minh],
    [f.viewers.ha.memberId, people.ha],
  ];
  for (const [memberId, account] of links)
    await f.core.deps.members.link(memberId, 'teams', account.aad, 'test');
}

/** Task ids by code ("1" … "4" in the core fixture). */
export async function taskIds(db: Database): Promise<Record<string, number>> {
  const tasks = await db.client.task.findMany({ select: { id: true, code: true } });
  return Object.fromEntries(tasks.map((t) => [t.code, t.id]));
}

export function reminderTask(
  taskId: number,
  code: string,
  content: string,
  leadUnits: string[],
  due: string | null,
): ReminderTask {
  return {
    taskId,
    code,
    content,
    leadUnits,
    deadline: { text: due ? `Hạn ${due}` : 'Thường xuyên', due },
    standing: 'not_reported',
    daysOverdue: null,
  };
}

export function reminder(
  tasks: ReminderTask[],
  topic: ReminderView['topic'] = 'round_open',
  actions = true,
): ReminderView {
  return {
    kind: 'reminder',
    topic,
    period: periodFromKey('2024-06'),
    meeting: {
      startsAt: '2024-06-25T02:00:00.000Z',
      place: 'Phòng họp tầng 3',
      agenda: 'Giao ban tháng 6',
      note: null,
    },
    tasks,
    units: [],
    actions,
  };
}
