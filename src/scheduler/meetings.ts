/**
 * The meetings of a span of months: stored rows where the chair moved or cancelled them, the rule
 * elsewhere. With `write`, rows the rule decides are written (new months) or re-planned (the rule or
 * the calendar changed) so `/da06 meeting` shows them; past meetings are left as they were.
 */

import type { MeetingRepository } from '../app/ports/stores.ts';
import type { MeetingRule } from '../domain/meeting-rule.ts';
import { nominalDay } from '../domain/meeting-rule.ts';
import { periodFromKey } from '../domain/period.ts';
import type { WorkingCalendar } from '../domain/working-days.ts';
import type { ScheduleConfig } from './config.ts';
import { type PlannedMeeting, ruleMeeting, storedMeeting } from './plan-occurrences.ts';

export interface MeetingsInput {
  store: MeetingRepository;
  rule: MeetingRule;
  calendar: WorkingCalendar;
  config: ScheduleConfig;
  months: string[];
  now: Date;
  /** Write missing months and re-plan rule-decided future ones (the tick); false for a preview. */
  write: boolean;
}

export async function loadMeetings(input: MeetingsInput): Promise<PlannedMeeting[]> {
  const { store, rule, calendar, config, months, now, write } = input;
  const stored = await store.byOccurrences(months);
  const missing: PlannedMeeting[] = [];
  const out: PlannedMeeting[] = [];
  for (const month of months) {
    const fromRule = ruleMeeting(rule, calendar, month, config);
    const row = stored.get(month);
    if (!row) {
      missing.push(fromRule);
      out.push(fromRule);
      continue;
    }
    const ruleDecides = row.status === 'planned' && !row.chairSet;
    if (ruleDecides && row.startsAt.getTime() > now.getTime() && differs(row, fromRule)) {
      if (write) await store.updatePlanned(row.id, fieldsOf(fromRule));
      // Re-planning raises the invitation's SEQUENCE (the store does it when it writes).
      out.push({ ...fromRule, sequence: row.sequence + 1 });
      continue;
    }
    const period = periodFromKey(month);
    out.push(storedMeeting(row, nominalDay(rule, period.year, period.index), config.timeZone));
  }
  if (write && missing.length > 0) {
    await store.insertMissing(missing.map((m) => ({ occurrence: m.month, ...fieldsOf(m) })));
  }
  return out;
}

function fieldsOf(m: PlannedMeeting) {
  return { startsAt: m.startsAt, place: m.place, agenda: m.agenda, note: m.note };
}

function differs(
  row: { startsAt: Date; place: string | null; agenda: string | null; note: string | null },
  planned: PlannedMeeting,
): boolean {
  return (
    row.startsAt.getTime() !== planned.startsAt.getTime() ||
    row.place !== planned.place ||
    row.agenda !== planned.agenda ||
    row.note !== planned.note
  );
}
