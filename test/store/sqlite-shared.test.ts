/**
 * One SQLite file, a busy bot and the CLI beside it (ADR 9 names this use). Before, 7 of 9
 * `da06 members add` runs failed with SQLITE_BUSY_SNAPSHOT while the bot wrote: Prisma's SQLite
 * transactions began DEFERRED, read, then found the snapshot stale when they tried to write. Write
 * transactions now take the lock up front (BEGIN IMMEDIATE) and wait their turn (busy timeout).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.ts';
import { createTempDatabase, type TempDatabase } from '../support/temp-database.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function cli(args: string[], url: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/da06.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, DB_CONNECT_RETRIES: '0', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => resolve({ code, output }));
  });
}

let temp: TempDatabase;

beforeAll(async () => {
  temp = await createTempDatabase('sqlite');
  // The CLI's first run creates the group and the unit directory.
  expect((await cli(['units', 'list'], temp.url)).code).toBe(0);
});

afterAll(async () => {
  await temp?.drop();
});

it('every CLI write succeeds while the bot writes in read-then-write transactions', async () => {
  const bot = await openDatabase(temp.url);
  let stop = false;
  let botWrites = 0;
  const writer = (async () => {
    while (!stop) {
      await bot.client.$transaction(async (tx) => {
        await tx.unit.findFirst({ where: { code: 'CNTT' } });
        await tx.auditEntry.create({ data: { actor: 'system', action: 'test.write', entity: 'Test' } });
      });
      botWrites++;
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  try {
    const runs = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        cli(
          ['members', 'add', '--name', `Người thử ${i + 1}`, '--unit', 'CNTT', '--role', 'member'],
          temp.url,
        ),
      ),
    );
    for (const run of runs) expect(run.code, run.output.slice(0, 2000)).toBe(0);
  } finally {
    stop = true;
    await writer;
  }
  expect(botWrites).toBeGreaterThan(0);
  const members = await bot.client.member.count({ where: { displayName: { startsWith: 'Người thử' } } });
  expect(members).toBe(6);
  await bot.close();
});
