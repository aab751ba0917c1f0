/**
 * `/da06 leave`: a member's leave (themselves, or anyone for an admin); reminders skip members on
 * leave. Answers with a notice (keys in src/i18n/scheduler.*.ts); refusals say why.
 */
import { canManage } from '../../domain/permissions.ts';
import { foldVietnamese } from '../../domain/text.ts';
import { type CoreDeps, today as todayOf } from '../core-deps.ts';
import type { NoticeView, Viewer } from '../views.ts';
import { notice, parseWhen } from './meeting-admin.ts';

/**
 * `/da06 leave <from> <until>` (yourself) or, for an admin, any member. `from` and `until` are
 * inclusive days, YYYY-MM-DD or DD/MM/YYYY; both null clears the leave.
 */
export async function setLeave(
  deps: CoreDeps,
  viewer: Viewer,
  memberId: number,
  from: string | null,
  until: string | null,
): Promise<NoticeView> {
  if (memberId !== viewer.memberId && !canManage(viewer).allowed)
    return notice('error', 'scheduler.leave.self_only');
  const roster = deps.roster;
  const member = await roster.member(memberId);
  if (!member) return notice('error', 'scheduler.leave.unknown_member', { name: String(memberId) });
  const actor = `member:${viewer.memberId}`;
  if (from === null && until === null) {
    await roster.setLeave(memberId, null, null, actor);
    return notice('success', 'scheduler.leave.cleared', { name: member.displayName });
  }
  const first = from === null ? null : parseDay(from);
  const last = until === null ? null : parseDay(until);
  if (!first || !last || last < first || last < todayOf(deps))
    return notice('error', 'scheduler.leave.invalid_dates');
  await roster.setLeave(memberId, first, last, actor);
  return notice('success', 'scheduler.leave.saved', {
    name: member.displayName,
    startsOn: first,
    endsOn: last,
  });
}

function parseDay(text: string): string | null {
  const parsed = parseWhen(text, '00:00');
  return parsed && text.trim().length <= 10 ? parsed.day : null;
}

/**
 * `/da06 leave <from> <until>` (oneself), `/da06 leave clear`, and for admins
 * `/da06 leave <member name or #id> <from> <until>` / `/da06 leave <member> clear` (nghỉ phép, xóa).
 */
export async function leaveCommand(deps: CoreDeps, viewer: Viewer, args: string[]): Promise<NoticeView> {
  const clear = args.length > 0 && ['clear', 'xoa', 'huy'].includes(foldVietnamese(args.at(-1)!));
  const dates = clear ? [] : args.slice(-2);
  const who = (clear ? args.slice(0, -1) : args.slice(0, -2)).join(' ').trim();
  if (!clear && dates.length < 2) return notice('info', 'scheduler.leave.usage');
  let memberId = viewer.memberId;
  if (who !== '') {
    const byId = /^#?(\d+)$/.exec(who);
    const found = byId
      ? await deps.members.byId(Number(byId[1]))
      : ((await deps.members.findByName(who))[0] ?? null);
    if (!found) return notice('error', 'scheduler.leave.unknown_member', { name: who });
    memberId = found.id;
  }
  return clear
    ? setLeave(deps, viewer, memberId, null, null)
    : setLeave(deps, viewer, memberId, dates[0]!, dates[1]!);
}
