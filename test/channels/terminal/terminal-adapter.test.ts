/**
 * The terminal adapter: its chat has a turn error handler (a use case that fails is reported to the
 * person and the session goes on; it used to end the session), and its sender prints in that chat.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/app/core.ts';
import type { View } from '../../../src/app/views.ts';
import { TerminalAdapter } from '../../../src/channels/terminal/index.ts';
import { LineSource } from '../../../src/channels/terminal/line-source.ts';
import { AppError } from '../../../src/domain/errors.ts';

const MEMBER = {
  id: 1,
  displayName: 'Nguyễn Văn Minh',
  unitCode: 'VP',
  unitName: 'Văn phòng',
  role: 'member',
  locale: 'vi',
  identities: { terminal: 'minh' },
};

/** A core whose `handle` fails on "summary" (a bug) and "overdue" (an error a person can fix). */
function failingCore(): Core {
  return {
    deps: { members: { list: async () => [MEMBER] } },
    members: async () => [MEMBER],
    identify: async () => MEMBER,
    handle: async (_viewer: unknown, command: { name: string }): Promise<View> => {
      if (command.name === 'summary') throw new Error('database went away');
      if (command.name === 'overdue') throw new AppError('member.not_found', { member: 'Hùng' });
      return { kind: 'notice', tone: 'info', key: 'terminal.bye' } as View;
    },
  } as unknown as Core;
}

async function chat(input: string): Promise<{ out: string; logged: string[] }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (chunk) => {
    out += chunk;
  });
  const logged: string[] = [];
  const lines = new LineSource(stdin, stdout, false);
  const terminal = new TerminalAdapter();
  terminal.openChat({
    core: failingCore(),
    lines,
    user: 'minh',
    defaultLocale: 'vi',
    timeZone: 'Asia/Ho_Chi_Minh',
    log: (line: string) => logged.push(line),
  });
  stdin.end(input);
  await terminal.run();
  return { out, logged };
}

describe('terminal chat turn errors', () => {
  it('reports a failed command and goes on with the next one', async () => {
    const { out, logged } = await chat('/da06 summary\n/da06 help\n');
    expect(out).toContain('Xin lỗi, trợ lý gặp sự cố khi xử lý lệnh này');
    expect(out).toContain('Tạm biệt'); // the next command ran: its notice printed
    expect(logged.join('\n')).toContain('database went away');
  });

  it('says an error a person can fix in their words, without logging it as a bug', async () => {
    const { out, logged } = await chat('/da06 overdue\n/da06 help\n');
    expect(out).toContain('"Hùng"');
    expect(out).toContain('Tạm biệt');
    expect(logged).toEqual([]);
  });
});

describe('terminal adapter', () => {
  it('prints a proactive message in its open chat, headed by whom it is for', async () => {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (chunk) => {
      out += chunk;
    });
    const terminal = new TerminalAdapter();
    terminal.openChat({
      core: failingCore(),
      lines: new LineSource(new PassThrough(), stdout, false),
      user: 'minh',
      defaultLocale: 'vi',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    const view = { kind: 'notice', tone: 'info', key: 'terminal.bye' } as View;
    expect(await terminal.send({ kind: 'group', locale: 'vi' }, view)).toEqual({ ok: true });
    expect(out).toContain('Tin nhắn gửi kênh chung của Tổ công tác');
    expect(out).toContain('Tạm biệt');
  });
});
