/**
 * What `/da06 help` lists, as message keys, in three groups: everyone, chairs and vice-chairs, admins.
 * Every channel renders the same lists, so a command added here shows up everywhere.
 */
export const MEMBER_HELP = [
  'help.cmd.tasks',
  'help.cmd.report',
  'help.cmd.summary',
  'help.cmd.overdue',
  'help.cmd.meeting',
  'help.cmd.evidence',
  'help.cmd.leave',
  'help.cmd.help',
] as const;

/** Only the terminal lets one person try the bot as any member. */
export const TERMINAL_HELP = ['help.cmd.as'] as const;

export const CHAIR_HELP = [
  'help.cmd.meeting_set',
  'help.cmd.remind',
  'help.cmd.export',
  'help.cmd.scoreboard',
  'help.cmd.letter',
] as const;

export const ADMIN_HELP = [
  'help.cmd.members_add',
  'help.cmd.members_link',
  'help.cmd.members_role',
  'help.cmd.members_deactivate',
  'help.cmd.members_list',
  'help.cmd.units',
] as const;

/**
 * The other names of each command, as help shows them (with diacritics; typing without them works
 * too). `test/app/chat-command.test.ts` checks that each one is read as its command.
 */
export const COMMAND_ALIASES: Partial<Record<(typeof MEMBER_HELP | typeof CHAIR_HELP)[number], string[]>> = {
  'help.cmd.tasks': ['nhiệm vụ'],
  'help.cmd.report': ['báo cáo', 'baocao'],
  'help.cmd.summary': ['tổng hợp', 'tonghop'],
  'help.cmd.overdue': ['quá hạn', 'quahan'],
  'help.cmd.meeting': ['giao ban', 'lịch họp'],
  'help.cmd.leave': ['nghỉ phép'],
  'help.cmd.help': ['trợ giúp', 'hướng dẫn'],
  'help.cmd.remind': ['nhắc', 'nhắc nhở'],
  'help.cmd.export': ['xuất báo cáo', 'xuất'],
  'help.cmd.scoreboard': ['xếp hạng', 'thi đua', 'bảng xếp hạng'],
};
