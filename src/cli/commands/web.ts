/** `da06 web link "NAME"`: a member's one-time sign-in link to the web dashboard, printed on the server. */
import { parseArgs } from 'node:util';
import { systemClock } from '../../app/clock.ts';
import { issueSignInUrl } from '../../app/use-cases/web-sign-in.ts';
import { coreDeps } from '../../runtime/open-app.ts';
import { type Command, UsageError } from '../context.ts';

export const webLinkCommand: Command = {
  path: ['web', 'link'],
  usage: 'da06 web link "TÊN THÀNH VIÊN" | MÃ',
  summary: 'In liên kết đăng nhập bảng điều khiển web (một lần, 10 phút) của một thành viên.',
  async run(args, context) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    const key = positionals.join(' ').trim();
    if (!key) throw new UsageError('Cần tên hoặc mã thành viên.');
    const app = await context.app();
    const byId = /^\d+$/.test(key) ? await app.members.byId(Number(key)) : null;
    const matches = byId ? [byId] : await app.members.findByName(key, { includeInactive: true });
    if (matches.length !== 1)
      throw new UsageError(
        matches.length === 0
          ? `Không có thành viên "${key}". Xem: da06 members list`
          : `Có ${matches.length} thành viên tên "${key}"; dùng mã thành viên (cột # trong da06 members list).`,
      );
    context.output.out(await issueSignInUrl(coreDeps(app, systemClock), matches[0]!));
    return 0;
  },
};
