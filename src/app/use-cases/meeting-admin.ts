/**
 * Chat use cases around the giao ban (the chat routes `/da06 meeting set|move|cancel` here):
 * - `setMeetingRule`: the chair (or a vice-chair, an admin) sets the monthly giao ban rule;
 * - `moveMeeting` / `cancelMeeting`: one occurrence, by its month.
 * Each answers with a notice (keys in src/i18n/scheduler.*.ts); refusals say why. `meetingCommand`
 * takes the words after `/da06 meeting`, so the chat router only passes them on. The scheduler is
 * reached through its port (src/app/ports/scheduler.ts): the rule in force and the planning of months.
 */
import { describeRule, parseMeetingRule, serializeRule } from '../../domain/meeting-rule.ts';
import { parsePeriod } from '../../domain/period.ts';
import { canPostToGroup } from '../../domain/permissions.ts';
import { foldVietnamese } from '../../domain/text.ts';
import { WorkingCalendar } from '../../domain/working-days.ts';
import { wallClock, zonedInstant } from '../../domain/zoned-time.ts';
import { formatDateTime, t } from '../../i18n/index.ts';
import { dayOffText } from '../../i18n/scheduler-text.ts';
import type { CoreDeps } from '../core-deps.ts';
import type { SchedulerPort } from '../ports/scheduler.ts';
import type { NoticeView, Viewer } from '../views.ts';

/** The core's dependencies and the scheduler port. */
export interface SchedulerAdminDeps extends CoreDeps {
  scheduler: SchedulerPort;
}

export const notice = (tone: NoticeView['tone'], key: string, params?: NoticeView['params']): NoticeView => ({
  kind: 'notice',
  tone,
  key,
  params,
});

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
  const store = deps.meetings;
  const previous = deps.scheduler.effectiveRule(await store.readRule());
  const rule = { ...parsed.rule, place: parsed.rule.place ?? previous.place };
  await store.saveRule(serializeRule(rule), `member:${viewer.memberId}`);
  const now = deps.clock.now();
  const planned = await deps.scheduler.planMeetings(rule, 'around-now', now);
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
  const locale = deps.scheduler.locale;
  const why = reason?.trim();
  const note = why
    ? t(locale, 'scheduler.note.chair_moved', { reason: why })
    : t(locale, 'scheduler.note.chair_moved_plain');
  await store.move(meeting.id, { startsAt, note }, `member:${viewer.memberId}`);
  const calendar = new WorkingCalendar(await deps.calendar.list());
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
  const locale = deps.scheduler.locale;
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
  const store = deps.meetings;
  let meeting = await store.byOccurrence(period.key);
  if (!meeting) {
    // A month the scheduler has not written yet: write it from the rule first.
    const rule = deps.scheduler.effectiveRule(await store.readRule());
    await deps.scheduler.planMeetings(rule, [period.key], deps.clock.now());
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
