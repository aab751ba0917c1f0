import { copyFileSync } from 'node:fs';
import { createTempDatabase } from '../../test/support/temp-database.ts';
import { FULL_SIZE, seedScale } from '../scenarios/summary-scale.ts';
const provider = (process.argv[2] ?? 'sqlite') as 'sqlite' | 'postgresql';
const temp = await createTempDatabase(provider, 10);
const r = await seedScale(temp.db, FULL_SIZE);
console.log(JSON.stringify({ url: temp.url, group: r.group.id, chair: r.chair, startYear: r.startYear }));
if (provider === 'sqlite') {
  await temp.db.client.$executeRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
  copyFileSync(temp.url.slice(5), '/tmp/hA/seed.db');
  await temp.drop();
} else await temp.db.close();
