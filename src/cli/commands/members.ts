import { parseArgs } from 'node:util';
import { type MemberFlagProblem, parseMemberAdd, parseMemberLink } from '../../app/member-flags.ts';
import { isRole, ROLES } from '../../domain/roles.ts';
import { roleLabel } from '../../i18n/index.ts';
import type { App } from '../../runtime/open-app.ts';
import type { MemberRecord } from '../../store/member-store.ts';
import { type Command, UsageError } from '../context.ts';
import { table } from '../output.ts';

/** What the command line says for each problem `parseMemberAdd`/`parseMemberLink` finds. */
const ADD_PROBLEMS: Record<MemberFlagProblem, string> = {
  name: '--name: cần họ tên.',
  unit: '--unit: cần mã đơn vị (xem da06 units list).',
  role: `--role: một trong ${ROLES.join(', ')}.`,
  locale: '--locale: vi hoặc en.',
  email: '--email không hợp lệ.',
  account: 'Cần đúng một trong --slack, --teams, --terminal.',
};

export const membersAddCommand: Command = {
  path: ['members', 'add'],
  usage:
    'da06 members add --name NAME --unit CODE --role member|vice-chair|chair|admin [--slack USER_ID] [--teams AAD_OBJECT_ID] [--terminal LOGIN] [--email EMAIL] [--locale vi|en]',
  summary: 'Thêm thành viên Tổ công tác.',
  async run(args, context) {
    const parsed = parseMemberAdd(args);
    if (!parsed.ok) throw new UsageError(ADD_PROBLEMS[parsed.problem]);
    const app = await context.app();
    const member = await app.members.add(parsed.value, 'cli');
    context.output.out(
      `Đã thêm ${member.displayName} (${member.unitCode}, ${roleLabel('vi', member.role)}), mã thành viên ${member.id}.`,
    );
    return 0;
  },
};

export const membersListCommand: Command = {
  path: ['members', 'list'],
  usage: 'da06 members list [--all] [--json]',
  summary: 'Danh sách thành viên (--all: cả người đã ngừng).',
  async run(args, context) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, all: { type: 'boolean' } } });
    const members = await (await context.app()).members.list({ includeInactive: values.all ?? false });
    if (values.json) {
      context.output.out(JSON.stringify(members, null, 2));
      return 0;
    }
    const rows = members.map((m) => [
      String(m.id),
      m.displayName,
      m.unitCode,
      roleLabel('vi', m.role),
      m.locale,
      Object.entries(m.identities)
        .map(([platform, id]) => `${platform}:${id}`)
        .join(' '),
      m.active ? '' : 'đã ngừng',
    ]);
    context.output.out(table(['#', 'Họ tên', 'Đơn vị', 'Vai trò', 'Ngôn ngữ', 'Tài khoản', ''], rows));
    return 0;
  },
};

export const membersLinkCommand: Command = {
  path: ['members', 'link'],
  usage: 'da06 members link NAME|ID (--slack USER_ID | --teams AAD_OBJECT_ID | --terminal LOGIN)',
  summary: 'Liên kết thành viên với tài khoản Slack, Teams hoặc terminal.',
  async run(args, context) {
    const parsed = parseMemberLink(args);
    if (!parsed.ok) throw new UsageError(ADD_PROBLEMS.account);
    const { platform, externalId } = parsed.value;
    const app = await context.app();
    const member = await findMember(app, parsed.value.member);
    await app.members.link(member.id, platform, externalId, 'cli');
    context.output.out(`Đã liên kết ${member.displayName} với ${platform}:${externalId}.`);
    return 0;
  },
};

export const membersRoleCommand: Command = {
  path: ['members', 'role'],
  usage: 'da06 members role NAME|ID member|vice-chair|chair|admin',
  summary: 'Đổi vai trò của thành viên.',
  async run(args, context) {
    const role = args.at(-1) ?? '';
    if (!isRole(role) || args.length < 2) throw new UsageError(`Cần tên và vai trò (${ROLES.join(', ')}).`);
    const app = await context.app();
    const member = await findMember(app, args.slice(0, -1).join(' '));
    await app.members.setRole(member.id, role, 'cli');
    context.output.out(`${member.displayName}: vai trò mới là ${roleLabel('vi', role)} (${role}).`);
    return 0;
  },
};

export const membersDeactivateCommand: Command = {
  path: ['members', 'deactivate'],
  usage: 'da06 members deactivate NAME|ID',
  summary: 'Ngừng một thành viên (giữ nguyên lịch sử báo cáo).',
  async run(args, context) {
    const app = await context.app();
    const member = await findMember(app, args.join(' '));
    await app.members.deactivate(member.id, 'cli');
    context.output.out(`Đã ngừng ${member.displayName}; các báo cáo cũ vẫn được giữ.`);
    return 0;
  },
};

export const membersReactivateCommand: Command = {
  path: ['members', 'reactivate'],
  usage: 'da06 members reactivate NAME|ID',
  summary: 'Kích hoạt lại một thành viên đã ngừng (giữ tài khoản chat và lịch sử).',
  async run(args, context) {
    const app = await context.app();
    const member = await findMember(app, args.join(' '), { includeInactive: true });
    await app.members.reactivate(member.id, 'cli');
    context.output.out(`Đã kích hoạt lại ${member.displayName}.`);
    return 0;
  },
};

async function findMember(
  app: App,
  nameOrId: string,
  options: { includeInactive?: boolean } = {},
): Promise<MemberRecord> {
  const key = nameOrId.trim();
  if (!key) throw new UsageError('Cần tên hoặc mã thành viên.');
  if (/^\d+$/.test(key)) {
    const member = await app.members.byId(Number(key));
    if (member) return member;
  }
  const matches = await app.members.findByName(key, options);
  if (matches.length === 1) return matches[0]!;
  throw new UsageError(
    matches.length === 0
      ? `Không có thành viên "${key}". Xem: da06 members list`
      : `Có ${matches.length} thành viên tên "${key}"; dùng mã thành viên (cột # trong da06 members list).`,
  );
}
