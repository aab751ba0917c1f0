/**
 * The scheduler's settings, read once from the config (src/config/settings.ts) and checked: a rule
 * or a duration list that does not parse stops the bot at start-up with the setting's name.
 */
import type { Settings } from '../config/settings.ts';
import { type Offset, parseDayList, parseOffsets } from '../domain/durations.ts';
import { deserializeRule, type MeetingRule, parseMeetingRule } from '../domain/meeting-rule.ts';
import { type NudgeLadder, parseNudgeLadder } from '../domain/nudge-ladder.ts';
import type { Locale } from '../domain/roles.ts';

export type SchedulerSettings = Pick<
  Settings,
  | 'MEETING_RULE'
  | 'MEETING_PLACE'
  | 'MEETING_REMINDER_OFFSETS'
  | 'ROUND_OPEN_DAYS_BEFORE'
  | 'ROUND_REMINDER_DAYS_BEFORE'
  | 'OVERDUE_CHECK_AT'
  | 'ESCALATE_AFTER_WORKING_DAYS'
  | 'NUDGE_LADDER'
  | 'SCHEDULER_GRACE_HOURS'
>;

export const SCHEDULER_DEFAULTS: SchedulerSettings = {
  MEETING_RULE: 'ngày 25 09:00',
  MEETING_PLACE: undefined,
  MEETING_REMINDER_OFFSETS: '3d,1d,1h',
  ROUND_OPEN_DAYS_BEFORE: 7,
  ROUND_REMINDER_DAYS_BEFORE: '3,1',
  OVERDUE_CHECK_AT: '08:30',
  ESCALATE_AFTER_WORKING_DAYS: 3,
  NUDGE_LADDER: '0,2,5,weekly',
  SCHEDULER_GRACE_HOURS: 12,
};

/** When the chair's summary goes out, on the working day before the meeting (group's time zone). */
export const SUMMARY_AT = '16:00';

export interface ScheduleConfig {
  timeZone: string;
  /** The group's language, for the notes the scheduler writes on meetings. */
  locale: Locale;
  /** MEETING_RULE with MEETING_PLACE; the chair's rule (WorkingGroup.meetingRule) wins over it. */
  defaultRule: MeetingRule;
  meetingOffsets: Offset[];
  roundOpenDaysBefore: number;
  roundReminderDaysBefore: number[];
  /** OVERDUE_CHECK_AT: the daily overdue check, and when rounds open and remind. */
  checkAt: string;
  summaryAt: string;
  escalateAfter: number;
  /** NUDGE_LADDER: the working days overdue tasks are nudged on. */
  nudgeLadder: NudgeLadder;
  graceMs: number;
}

export class SchedulerConfigError extends Error {}

export function scheduleConfig(
  settings: SchedulerSettings,
  group: { timeZone: string; locale: string },
): ScheduleConfig {
  const parsed = parseMeetingRule(settings.MEETING_RULE);
  if (!parsed.ok) {
    throw new SchedulerConfigError(
      `MEETING_RULE: không đọc được "${settings.MEETING_RULE}" (ví dụ: "ngày 25 09:00", "thứ Hai tuần đầu tiên 14:00")`,
    );
  }
  const read = <T>(name: string, parse: () => T): T => {
    try {
      return parse();
    } catch (error) {
      throw new SchedulerConfigError(`${name}: ${(error as Error).message}`);
    }
  };
  return {
    timeZone: group.timeZone,
    locale: group.locale === 'en' ? 'en' : 'vi',
    defaultRule: { ...parsed.rule, place: parsed.rule.place ?? settings.MEETING_PLACE ?? null },
    meetingOffsets: read('MEETING_REMINDER_OFFSETS', () => parseOffsets(settings.MEETING_REMINDER_OFFSETS)),
    roundOpenDaysBefore: settings.ROUND_OPEN_DAYS_BEFORE,
    roundReminderDaysBefore: read('ROUND_REMINDER_DAYS_BEFORE', () =>
      parseDayList(settings.ROUND_REMINDER_DAYS_BEFORE),
    ),
    checkAt: settings.OVERDUE_CHECK_AT,
    summaryAt: SUMMARY_AT,
    escalateAfter: settings.ESCALATE_AFTER_WORKING_DAYS,
    nudgeLadder: read('NUDGE_LADDER', () => parseNudgeLadder(settings.NUDGE_LADDER)),
    graceMs: settings.SCHEDULER_GRACE_HOURS * 3_600_000,
  };
}

/** The rule in force: the chair's (stored JSON) if any, else the config's. */
export function effectiveRule(stored: string | null, config: ScheduleConfig): MeetingRule {
  return deserializeRule(stored) ?? config.defaultRule;
}
