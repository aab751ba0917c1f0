/** The CLI commands of the scheduler, run in-process on a throw-away SQLite database. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outboxCommand } from '../../src/cli/commands/outbox.ts';
import { scheduleCalendarCommand, schedulePreviewCommand } from '../../src/cli/commands/schedule.ts';
import { simulateCommand } from '../../src/cli/commands/simulate.ts';
import { type Command, createCliContext } from '../../src/cli/context.ts';
import { openDatabase } from '../../src/store/open-database.ts';
import { OutboxStore } from '../../src/store/outbox-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'da06-schedule-cli-'));
const url = `file:${join(dir, 'cli.db')}`;
const env = { DATABASE_URL: url, DB_CONNECT_RETRIES: '0', LOG_LEVEL: 'silent', SEED_DEMO: 'false' };

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(command: Command, args: string[], extraEnv: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const context = createCliContext(
    { out: (t) => out.push(t), err: (t) => err.push(t) },
    { ...env, ...extraEnv },
  );
  try {
    const code = await command.run(args, context);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    await context.close();
  }
}

describe('da06 schedule preview', () => {
  it('prints the planned meetings and rounds as JSON with +07:00 times and why they moved', async () => {
    const { code, stdout } = await run(
      schedulePreviewCommand,
      ['--from', '2024-02-01', '--months', '1', '--json'],
      {
        MEETING_RULE: 'ngày 10 09:00',
      },
    );
    expect(code).toBe(0);
    const items = JSON.parse(stdout) as { kind: string; at: string; note?: string; period?: string }[];
    expect(items.map((i) => [i.kind, i.at])).toEqual([
      ['round-open', '2024-02-07T08:30:00+07:00'],
      ['meeting-reminder', '2024-02-07T09:00:00+07:00'],
      ['summary', '2024-02-07T16:00:00+07:00'],
      ['meeting-reminder', '2024-02-15T08:00:00+07:00'],
      ['meeting', '2024-02-15T09:00:00+07:00'],
    ]);
    expect(items.at(-1)?.note).toBe(
      'Ngày 10/02/2024 là ngày nghỉ (Tết Nguyên Đán) nên chuyển sang ngày 15/02/2024.',
    );
    expect(items[0]?.period).toBe('2024-02');
  });

  it('an admin adds a day off; the text table shows the move', async () => {
    expect(
      (await run(scheduleCalendarCommand, ['add', '2024-06-25', 'off', 'Nghỉ', 'bù', 'ngày', 'hội'])).code,
    ).toBe(0);
    const list = await run(scheduleCalendarCommand, ['list']);
    expect(list.stdout).toContain('25/06/2024');
    expect(list.stdout).toContain('Nghỉ bù ngày hội');
    const { stdout } = await run(schedulePreviewCommand, ['--from', '2024-06-01', '--months', '1']);
    expect(stdout).toContain('Họp giao ban');
    expect(stdout).toContain('thứ Tư, 26/06/2024 09:00');
    expect(stdout).toContain('Ngày 25/06/2024 là ngày nghỉ (Nghỉ bù ngày hội)');
    expect((await run(scheduleCalendarCommand, ['remove', '2024-06-25'])).code).toBe(0);
    await expect(run(schedulePreviewCommand, ['--from', '06/2024'])).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe('da06 outbox', () => {
  it('lists messages for admins, by status, as text or JSON', async () => {
    const db = await openDatabase(url);
    try {
      const now = new Date('2024-06-18T01:30:00Z');
      const store = new OutboxStore(db);
      const message = {
        kind: 'round-open',
        occurrence: '2024-06',
        channel: 'terminal',
        payload: '{"kind":"reminder"}',
        notBefore: now,
      };
      await store.record(
        {
          job: 'round-open',
          occurrence: '2024-06',
          messages: [
            { ...message, recipient: 'member:1:terminal' },
            { ...message, recipient: 'member:2:terminal' },
          ],
        },
        now,
      );
      const [claimed] = await store.claim('cli-test', now, ['terminal'], 1);
      await store.markFailed(claimed!.id, 'cli-test', 'rejected: channel_not_found');
    } finally {
      await db.close();
    }
    const text = await run(outboxCommand, []);
    expect(text.stdout).toContain('Chờ gửi: 1 · đang gửi: 0 · đã gửi: 0 · lỗi: 1');
    expect(text.stdout).toContain('rejected: channel_not_found');
    const failed = JSON.parse((await run(outboxCommand, ['--status', 'failed', '--json'])).stdout) as {
      recipient: string;
      lastError: string;
    }[];
    expect(failed).toEqual([
      expect.objectContaining({ recipient: 'member:1:terminal', lastError: 'rejected: channel_not_found' }),
    ]);
    await expect(run(outboxCommand, ['--status', 'lost'])).rejects.toThrow(/--status/);
  });
});

describe('da06 simulate', () => {
  it('plays the demo on a fast clock: the round opens, reminders and nudges print with their time', async () => {
    // A daily ladder, so two days show nudges (the default ladder has its own test, nudge-ladder.test.ts).
    const { code, stdout } = await run(simulateCommand, ['--from', '2024-06-17', '--days', '2'], {
      NUDGE_LADDER: '0,daily',
    });
    expect(code).toBe(0);
    expect(stdout).toContain('[thứ Ba, 18/06/2024 08:30] → ');
    expect(stdout).toContain('Mở đợt báo cáo tiến độ 6 tháng đầu năm 2024');
    expect(stdout).toContain('Nhiệm vụ đã quá hạn');
    expect(stdout).toContain('Tổng hợp nhiệm vụ quá hạn');
    expect(stdout).toMatch(/Kết thúc mô phỏng: \d+ tin nhắn/);
  });
});
