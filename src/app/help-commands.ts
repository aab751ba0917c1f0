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
