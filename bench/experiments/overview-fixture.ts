/**
 * The overview at summary scale for the experiments (h8-overview-parts.ts, ha-overview-profile.ts):
 * a temporary database seeded as `summary-scale` seeds it, a core whose clock is the 15th of the last
 * month, and the twelve months the dashboard shows, oldest first.
 */
import { fixedClock } from '../../src/app/clock.ts';
import { Core } from '../../src/app/core.ts';
import { toViewer } from '../../src/app/use-cases/identify.ts';
import { periodFromKey, previousPeriod } from '../../src/domain/period.ts';
import { schedulerPort } from '../../src/scheduler/scheduler-port.ts';
import { createStores } from '../../src/store/stores.ts';
import { createTempDatabase } from '../../test/support/temp-database.ts';
import { FULL_SIZE, seedScale } from '../scenarios/summary-scale.ts';

export async function overviewFixture(provider: 'sqlite' | 'postgresql') {
  const temp = await createTempDatabase(provider, 10);
  const size = FULL_SIZE;
  const { group, chair, startYear } = await seedScale(temp.db, size);
  const last = size.months - 1;
  const key = `${startYear + Math.floor(last / 12)}-${String((last % 12) + 1).padStart(2, '0')}`;
  const clock = fixedClock(`${key}-15T10:00:00+07:00`);
  const stores = createStores(temp.db, group.id);
  const core = new Core({ ...stores, group, clock, graceDays: 10 } as never, schedulerPort(stores, group));
  const months = [periodFromKey(key)];
  while (months.length < 12) months.unshift(previousPeriod(months[0]!));
  return { temp, stores, core, key, today: `${key}-15`, months, viewer: toViewer(chair) };
}
