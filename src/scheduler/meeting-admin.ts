/**
 * Chat use cases around the schedule (the chat routes `/da06 meeting set|move|cancel`, `/da06 leave`
 * and `/da06 remind now` here):
 * - `setMeetingRule`: the chair (or a vice-chair, an admin) sets the monthly giao ban rule;
 * - `moveMeeting` / `cancelMeeting`: one occurrence, by its month;
 * - `setLeave`: a member's leave (themselves, or anyone for an admin);
 * - `remindNow`: the chair runs the due jobs at once.
 * Each answers with a notice (keys in src/i18n/scheduler.*.ts); refusals say why. `meetingCommand`
 * and `leaveCommand` take the words after `/da06 meeting` and `/da06 leave`, so the chat router
 * only passes them on.
 */
import { type CoreDeps, today as todayOf } from '../app/core-deps.ts';
import type { NoticeView, Viewer } from '../app/views.ts';
import { describeRule, parseMeetingRule, serializeRule } from '../domain/meeting-rule.ts';
import { parsePeriod } from '../domain/period.ts';
import { canManage, canPostToGroup } from '../domain/permissions.ts';
import { foldVietnamese } from '../domain/text.ts';
import { WorkingCalendar } from '../domain/working-days.ts';
import { wallClock, zonedInstant } from '../domain/zoned-time.ts';
import { formatDateTime, t } from '../i18n/index.ts';
import { CalendarStore } from '../store/calendar-store.ts';
import { MeetingStore } from '../store/meeting-store.ts';
import { RosterStore } from '../store/roster-store.ts';
import { effectiveRule, SCHEDULER_DEFAULTS, type ScheduleConfig, scheduleConfig } from './config.ts';
import { loadMeetings } from './meetings.ts';
import { dayOffText } from './messages.ts';
import { monthsAround } from './plan-occurrences.ts';
import type { TickResult } from './scheduler.ts';

export interface SchedulerAdminDeps extends CoreDeps {
  /** The scheduler running in this process, if any: its config (rule from MEETING_RULE) and tick. */
  scheduler?: { readonly config: ScheduleConfig; tick(): Promise<TickResult> } | null;
}

const notice = (tone: NoticeView['tone'], key: string, params?: NoticeView['params']): NoticeView => ({
  kind: 'notice',
  tone,
  key,
  params,
});

function configOf(deps: SchedulerAdminDeps): ScheduleConfig {
  return deps.scheduler?.config ?? scheduleConfig(SCHEDULER_DEFAULTS, deps.group);
}

function when(deps: CoreDeps, locale: Viewer['locale'], at: Date): string {
  return formatDateTime(locale, at, deps.group.timeZone, { weekday: true });
}

/** `/da06 meeting set <rule>`: saves the rule and re-plans the coming meetings the chair has not moved. */
export async function setMeetingRule(
  deps: SchedulerAdminDeps,
  viewer: Viewer,
  text: string,
): Promise<NoticeView> {
  const allowed = canPostToGroup(viewer);
  if (!allowed.allowed) return notice('error', allowed.reason);
  const parsed = parseMeetingRule(text);
  if (!parsed.ok) {
    return notice(
      'error',
      parsed.reason === 'time' ? 'scheduler.meeting.time_invalid' : 'scheduler.meeting.rule_invalid',
      { text },
    );
  }
  const config = configOf(deps);
  const store = new MeetingStore(deps.db, deps.group.id);
  const previous = effectiveRule(await store.readRule(), config);
  const rule = { ...parsed.rule, place: parsed.rule.place ?? previous.place };
  await store.saveRule(serializeRule(rule), `member:${viewer.memberId}`);
  const now = deps.clock.now();
  const planned = await loadMeetings({
    store,
    rule,
    calendar: new WorkingCalendar(await new CalendarStore(deps.db, deps.group.id).list()),
    config,
    months: monthsAround(now, now, config.timeZone),
    now,
    write: true,
  });
  const next = planned.find((m) => m.status === 'planned' && m.startsAt.getTime() > now.getTime());
  const ruleText = describeRule(rule, viewer.locale);
  return next
    ? notice('success', 'scheduler.meeting.rule_saved', {
        rule: ruleText,
        when: when(deps, viewer.locale, next.startsAt),
      })
    : notice('success', 'scheduler.meeting.rule_saved_none', { rule: ruleText });
}

/**
 * `/da06 meeting move <month> <day> [time] [reason…]`: e.g. `2024-06 27/06/2024 14:00 trùng hội nghị`.
 * Without a time the meeting keeps its time of day. Moving a cancelled meeting brings it back.
 */
export async function moveMeeting(
  deps: SchedulerAdminDeps,
  viewer: Viewer,
  occurrenceText: string,
  whenText: string,
  reason?: string | null,
): Promise<NoticeView> {
  const found = await findMeeting(deps, viewer, occurrenceText);
  if ('kind' in found) return found;
  const { meeting, store, month } = found;
  const timeZone = deps.group.timeZone;
  const target = parseWhen(whenText, wallClock(meeting.startsAt, timeZone).time);
  if (!target) return notice('error', 'scheduler.meeting.when_invalid', { text: whenText });
  const startsAt = zonedInstant(target.day, target.time, timeZone);
  const now = deps.clock.now();
  if (startsAt.getTime() <= now.getTime()) {
    return notice('error', 'scheduler.meeting.in_past', { when: when(deps, viewer.locale, startsAt) });
  }
  const locale = configOf(deps).locale;
  const why = reason?.trim();
  const note = why
    ? t(locale, 'scheduler.note.chair_moved', { reason: why })
    : t(locale, 'scheduler.note.chair_moved_plain');
  await store.move(meeting.id, { startsAt, note }, `member:${viewer.memberId}`);
  const calendar = new WorkingCalendar(await new CalendarStore(deps.db, deps.group.id).list());
  const off = calendar.dayOff(target.day);
  const params = { period: month, when: when(deps, viewer.locale, startsAt) };
  return off
    ? notice('warning', 'scheduler.meeting.moved_off_day', {
        ...params,
        reason: dayOffText(viewer.locale, off),
      })
    : notice('success', 'scheduler.meeting.moved', params);
}

/** `/da06 meeting cancel <month> [reason…]`: no reminders, round or summary for that meeting. */
export async function cancelMeeting(
  deps: SchedulerAdminDeps,
  viewer: Viewer,
  occurrenceText: string,
  reason?: string | null,
): Promise<NoticeView> {
  const found = await findMeeting(deps, viewer, occurrenceText);
  if ('kind' in found) return found;
  const locale = configOf(deps).locale;
  const why = reason?.trim();
  const note = why
    ? t(locale, 'scheduler.note.cancelled', { reason: why })
    : t(locale, 'scheduler.note.cancelled_plain');
  await found.store.cancel(found.meeting.id, note, `member:${viewer.memberId}`);
  return notice('success', 'scheduler.meeting.cancelled', { period: found.month });
}

async function findMeeting(deps: SchedulerAdminDeps, viewer: Viewer, occurrenceText: string) {
  const allowed = canPostToGroup(viewer);
  if (!allowed.allowed) return notice('error', allowed.reason);
  const period = parsePeriod(occurrenceText);
  if (period?.kind !== 'month')
    return notice('error', 'scheduler.meeting.occurrence_invalid', { text: occurrenceText });
  const store = new MeetingStore(deps.db, deps.group.id);
  let meeting = await store.byOccurrence(period.key);
  if (!meeting) {
    // A month the scheduler has not written yet: write it from the rule first.
    const config = configOf(deps);
    await loadMeetings({
      store,
      rule: effectiveRule(await store.readRule(), config),
      calendar: new WorkingCalendar(await new CalendarStore(deps.db, deps.group.id).list()),
      config,
      months: [period.key],
      now: deps.clock.now(),
      write: true,
    });
    meeting = await store.byOccurrence(period.key);
  }
  if (!meeting) return notice('error', 'scheduler.meeting.not_found', { period: period.key });
  if (meeting.startsAt.getTime() <= deps.clock.now().getTime()) {
    return notice('error', 'scheduler.meeting.already_held', { period: period.key });
  }
  return { meeting, store, month: period.key };
}

/** "27/06/2024 14:00", "2024-06-27 14h30", "27/6/2024": a day and a time (the old time if none). */
export function parseWhen(text: string, defaultTime: string): { day: string; time: string } | null {
  const s = text.trim().toLowerCase();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(s);
  const parts = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : null;
  if (!parts) return null;
  const [year, month, date] = parts.map(Number) as [number, number, number];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || date < 1 || date > days) return null;
  const day = `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
  const rest = s.slice((iso ?? vn)![0].length).trim();
  if (rest === '') return { day, time: defaultTime };
  const time = /^(?:lúc\s+|luc\s+|at\s+)?(\d{1,2})\s*(?::|h|giờ|gio)\s*(\d{2})?$/.exec(rest);
  if (!time) return null;
  const hour = Number(time[1]);
  const minute = time[2] === undefined ? 0 : Number(time[2]);
  if (hour > 23 || minute > 59) return null;
  return { day, time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}

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
  const roster = new RosterStore(deps.db, deps.group.id);
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

/** `/da06 remind now`: the chair runs the jobs that are due, and the outbox, at once. */
export async function remindNow(deps: SchedulerAdminDeps, viewer: Viewer): Promise<NoticeView> {
  const allowed = canPostToGroup(viewer);
  if (!allowed.allowed) return notice('error', allowed.reason);
  if (!deps.scheduler) return notice('warning', 'scheduler.remind.unavailable');
  const result = await deps.scheduler.tick();
  return notice('success', 'scheduler.remind.done', {
    planned: result.planned,
    sent: result.sent,
    pending: result.pending,
  });
}

// ---------------------------------------------------------------------------------------------
// The chat words

const SET = new Set(['set', 'dat', 'dat lich', 'rule']);
const MOVE = new Set(['move', 'doi', 'doi lich', 'chuyen']);
const CANCEL = new Set(['cancel', 'huy', 'huy lich']);
const TIME_WORD = /^(?:\d{1,2}(?::|h|giờ|gio)(?:\d{2})?)$/i;

/**
 * `/da06 meeting set <rule>`, `/da06 meeting move <month> <day> [time] [reason…]`,
 * `/da06 meeting cancel <month> [reason…]` (Vietnamese: đặt, dời, hủy). `args` are the words after
 * "meeting"; without any, the router shows the next meeting as before.
 */
export async function meetingCommand(
  deps: SchedulerAdminDeps,
  viewer: Viewer,
  args: string[],
): Promise<NoticeView> {
  const [action = '', ...rest] = args;
  const verb = foldVietnamese(action);
  if (SET.has(verb)) return setMeetingRule(deps, viewer, rest.join(' '));
  if (MOVE.has(verb)) {
    const [month = '', day = '', maybeTime = '', ...reason] = rest;
    const hasTime = TIME_WORD.test(maybeTime);
    const whenText = hasTime ? `${day} ${maybeTime}` : day;
    const why = (hasTime ? reason : [maybeTime, ...reason]).join(' ').trim();
    return moveMeeting(deps, viewer, month, whenText, why || null);
  }
  if (CANCEL.has(verb)) {
    const [month = '', ...reason] = rest;
    return cancelMeeting(deps, viewer, month, reason.join(' ').trim() || null);
  }
  return notice('info', 'scheduler.meeting.usage');
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
