/** A core over a test database, with a small plan and members, and a clock the test controls. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../src/app/clock.ts';
import { Core } from '../../src/app/core.ts';
import type { CoreDeps } from '../../src/app/core-deps.ts';
import { toViewer } from '../../src/app/use-cases/identify.ts';
import type { Viewer } from '../../src/app/views.ts';
import { parseDeadline } from '../../src/domain/deadline.ts';
import { LocalEvidenceStore } from '../../src/files/index.ts';
import { type BoundSchedulerPort, schedulerPort } from '../../src/scheduler/scheduler-port.ts';
import { ensureGroup } from '../../src/store/group-store.ts';
import type { Database } from '../../src/store/open-database.ts';
import { createStores, type StoreSet } from '../../src/store/stores.ts';
import { parsedTask } from './builders.ts';

export const CORE_UNITS = [
  { code: 'CNTT', kind: 'central' as const, name: 'Trung tâm Công nghệ thông tin', aliases: [] },
  { code: 'VP', kind: 'central' as const, name: 'Văn phòng BHXH Việt Nam', aliases: [] },
  { code: 'TCCB', kind: 'central' as const, name: 'Vụ Tổ chức cán bộ', aliases: [] },
  { code: 'TCT', kind: 'group' as const, name: 'Tổ công tác Đề án 06', aliases: [] },
];

export interface CoreFixture {
  core: Core;
  /** What the core was built over: every store, the group, the clock (the scheduler takes the same). */
  deps: CoreDeps;
  stores: StoreSet;
  /** The core's scheduler port; tests bind a scheduler to it for `meeting` and `remind now`. */
  scheduler: BoundSchedulerPort;
  clock: ReturnType<typeof fixedClock>;
  viewers: { chair: Viewer; admin: Viewer; lan: Viewer; minh: Viewer; ha: Viewer };
}

/**
 * Plan "T/2024": 1 CNTT leads (month 02/2024), 2 VP leads + CNTT coordinates (Quý II/2024),
 * 3 TCCB leads (Thường xuyên), 4 CNTT and VP lead together (Năm 2024 và các năm tiếp theo).
 */
export async function createCoreFixture(
  db: Database,
  today = '2024-06-20T09:00:00+07:00',
): Promise<CoreFixture> {
  const group = await ensureGroup(db.client, {
    name: 'Tổ công tác',
    timeZone: 'Asia/Ho_Chi_Minh',
    locale: 'vi',
  });
  const stores = createStores(db, group.id);
  const { units, plans, members } = stores;
  await units.sync(CORE_UNITS, 'test');
  await plans.save(
    group.id,
    { number: 'T/2024', title: 'Kế hoạch thử', year: 2024, issuedOn: null },
    [
      parsedTask('1', {
        content: 'Tổ chức hội nghị',
        leadUnits: ['CNTT'],
        deadline: parseDeadline('Tháng 02/2024'),
      }),
      parsedTask('2', {
        content: 'Số hóa hồ sơ',
        leadUnits: ['VP'],
        coordinatingUnits: ['CNTT'],
        deadline: parseDeadline('Quý II/2024'),
      }),
      parsedTask('3', {
        content: 'Tuyển dụng',
        leadUnits: ['TCCB'],
        deadline: parseDeadline('Thường xuyên'),
      }),
      parsedTask('4', {
        content: 'Nâng cấp phần mềm',
        leadUnits: ['CNTT', 'VP'],
        deadline: parseDeadline('Năm 2024 và các năm tiếp theo'),
      }),
    ],
    'test',
  );
  const add = async (
    displayName: string,
    unitCode: string,
    role: 'member' | 'chair' | 'admin' | 'vice-chair',
    terminal: string,
  ) => toViewer(await members.add({ displayName, unitCode, role, identities: { terminal } }, 'test'));
  const viewers = {
    chair: await add('Trần Quốc Khánh', 'TCT', 'chair', 'khanh'),
    admin: await add('Lê Minh Tuấn', 'CNTT', 'admin', 'tuan'),
    lan: await add('Nguyễn Thị Lan', 'CNTT', 'member', 'lan'),
    minh: await add('Đỗ Văn Minh', 'VP', 'member', 'minh'),
    ha: await add('Phạm Thu Hà', 'TCCB', 'member', 'ha'),
  };
  const clock = fixedClock(today);
  // Evidence files go to a fresh directory per fixture.
  const evidenceFiles = new LocalEvidenceStore(mkdtempSync(join(tmpdir(), 'da06-evidence-')));
  const deps: CoreDeps = { ...stores, group, clock, graceDays: 10, evidenceFiles };
  const scheduler = schedulerPort(stores, group);
  const core = new Core(deps, scheduler);
  return { core, deps, stores, scheduler, clock, viewers };
}

/**
 * `who` reports on task `task` (its code) on the 15th of `month` through the core, as the chat's form
 * would: a `blocked` status comes with a kiến nghị. The fixture's clock is left on that day.
 */
export async function reportInMonth(
  fx: CoreFixture,
  who: Viewer,
  month: string,
  task: string,
  status: string,
  percent: number,
): Promise<void> {
  fx.clock.set(`${month}-15T09:00:00+07:00`);
  const draft = { status, percent, done: 'Đã làm', ...(status === 'blocked' ? { blockers: 'Chờ' } : {}) };
  await fx.core.submitReport(who, { task, draft });
}
