/** The terminal chat's turn error handler: a failing command is said, and the session goes on. */
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../src/app/core.ts';
import { LineSource } from '../../../src/channels/terminal/line-source.ts';
import { TerminalChat } from '../../../src/channels/terminal/terminal-chat.ts';
import { AppError } from '../../../src/domain/errors.ts';
import { t } from '../../../src/i18n/index.ts';
import type { MemberRecord } from '../../../src/store/member-store.ts';

const lan: MemberRecord = {
  id: 1,
  displayName: 'Nguyễn Thị Lan',
  role: 'member',
  unitCode: 'VP',
  unitName: 'Văn phòng',
  email: null,
  locale: 'vi',
  active: true,
  identities: { terminal: 'lan' },
};

describe('the terminal chat, when a command fails', () => {
  it('says a coded error in words, a bug as an internal error, and goes on to the next line', async () => {
    const answers = [
      () => Promise.reject(new AppError('member.not_found', { member: 'Hùng' })),
      () => Promise.reject(new Error('boom')),
      () => Promise.resolve({ kind: 'notice' as const, tone: 'info' as const, key: 'form.cancelled' }),
    ];
    const core = {
      deps: { members: { list: async () => [lan] } },
      members: async () => [lan],
      handle: async () => answers.shift()!(),
    } as unknown as Core;
    const input = new PassThrough();
    const lines = new LineSource(input, new PassThrough(), false);
    const said: string[] = [];
    vi.spyOn(lines, 'write').mockImplementation((text: string) => {
      said.push(text);
    });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    input.end('/da06 members role Hùng chair\n/da06 tasks\n/da06 tasks\n');
    const chat = new TerminalChat({
      core,
      lines,
      user: 'lan',
      defaultLocale: 'vi',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    await chat.run();
    const logged = stderr.mock.calls.map((call) => String(call[0])).join('\n');
    stderr.mockRestore();
    expect(said[0]).toBe(t('vi', 'error.member.not_found', { member: 'Hùng' }));
    expect(said[1]).toBe(t('vi', 'terminal.error'));
    expect(said[1]).not.toContain('boom');
    expect(said[2]).toContain(t('vi', 'form.cancelled'));
    expect(logged).toContain('boom');
  });
});
