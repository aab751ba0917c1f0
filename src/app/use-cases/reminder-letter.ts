/**
 * The reminder letter (công văn đôn đốc): `/da06 letter [unit|all] [period]` for chairs, and
 * `da06 letter --unit CODE|--all --period P --out FILE.docx`. For each unit, the occurrences it
 * leads that are open and overdue as of the period's last day (or today), and those due within
 * LETTER_SOON_DAYS after it (the four buckets' counting, src/domain/deadline-buckets.ts). A unit
 * with nothing overdue gets no letter: the answer says so and no file is written.
 */
import { AppError } from '../../domain/errors.ts';
import { addDays, type Period } from '../../domain/period.ts';
import { isLocale, type Locale } from '../../domain/roles.ts';
import { foldVietnamese } from '../../domain/text.ts';
import { formatDate, t } from '../../i18n/index.ts';
import type { LetterDocument, LetterItem, UnitLetter } from '../../reports/letter-docx.ts';
import { MIME_TYPES } from '../../reports/model.ts';
import type { CoreDeps } from '../core-deps.ts';
import type { FileView, NoticeView, Viewer } from '../views.ts';
import { deadlineBuckets, earlierDay } from './deadline-buckets.ts';
import { chairReportPeriod } from './export-report.ts';
import { allTasks } from './task-scope.ts';

/** Tasks due within this many days after the as-of day are listed as soon due. */
export const LETTER_SOON_DAYS = 30;
/** Days the units are given to report back. */
export const LETTER_REPLY_DAYS = 10;

/** Which units: one by code, or every unit with something overdue. */
export type LetterTarget = { unit: string } | 'all';

/**
 * The letters of `target` as of `period` (its last day, or today when earlier), or null when no
 * unit asked for has anything overdue. An unknown unit code is an AppError.
 */
export async function loadLetters(
  deps: CoreDeps,
  target: LetterTarget,
  period: Period,
  today: string,
  locale: Locale = isLocale(deps.group.locale) ? deps.group.locale : 'vi',
): Promise<LetterDocument | null> {
  const names = await deps.units.names();
  const unitCode =
    target === 'all'
      ? null
      : (names.find((u) => foldVietnamese(u.code) === foldVietnamese(target.unit))?.code ?? null);
  if (target !== 'all' && unitCode === null) throw new AppError('unit.unknown', { unit: target.unit });
  const tasks = await allTasks(deps);
  const { cumulative } = await deadlineBuckets(deps, null, period, today, tasks);
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const soonUntil = addDays(cumulative.asOf, LETTER_SOON_DAYS);
  const nameOf = new Map([...names, ...cumulative.units].map((u) => [u.code, u.name]));
  const letters = new Map<string, UnitLetter>();
  for (const occurrence of cumulative.occurrences) {
    for (const [unit, bucket] of Object.entries(occurrence.byUnit)) {
      if (unitCode !== null && unit !== unitCode) continue;
      const soon = bucket === 'open_in_time' && occurrence.due <= soonUntil;
      if (bucket !== 'open_overdue' && !soon) continue;
      const task = byId.get(occurrence.taskId)!;
      const letter = letters.get(unit) ?? {
        unitCode: unit,
        unitName: nameOf.get(unit) ?? unit,
        overdue: [],
        soonDue: [],
      };
      letters.set(unit, letter);
      const item: LetterItem = {
        planNumber: task.planNumber,
        code: task.code,
        content: task.content,
        deadline: task.deadline.text,
        due: occurrence.due,
        daysOverdue: soon
          ? null
          : Math.round((Date.parse(cumulative.asOf) - Date.parse(occurrence.due)) / 86_400_000),
      };
      (soon ? letter.soonDue : letter.overdue).push(item);
    }
  }
  const withOverdue = [...letters.values()]
    .filter((l) => l.overdue.length > 0)
    .sort((a, b) => b.overdue.length - a.overdue.length || (a.unitCode < b.unitCode ? -1 : 1));
  for (const letter of withOverdue) {
    letter.overdue.sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0));
    letter.soonDue.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  }
  if (withOverdue.length === 0) return null;
  const [plans, members] = await Promise.all([
    deps.plans.plansUpTo(deps.group.id, period.year),
    deps.members.list(),
  ]);
  const chairs = members.filter((m) => m.active && m.role === 'chair');
  return {
    locale,
    issuedOn: today,
    asOf: cumulative.asOf,
    replyBy: addDays(today, LETTER_REPLY_DAYS),
    soonDays: LETTER_SOON_DAYS,
    plans: plans.map((p) => ({ number: p.number, title: p.title, issuedOn: p.issuedOn })),
    signer: chairs.length === 1 ? chairs[0]!.displayName : null,
    letters: withOverdue,
  };
}

/** `/da06 letter [unit|all] [period]`: the words after the command. */
export function parseLetterArgs(words: string[]): { target: LetterTarget; period: string | null } {
  const [first, ...rest] = words;
  if (first === undefined) return { target: 'all', period: null };
  const folded = foldVietnamese(first);
  if (['all', 'tatca', 'tat-ca'].includes(folded)) return { target: 'all', period: rest.join(' ') || null };
  if (folded === 'tat' && rest[0] && foldVietnamese(rest[0]) === 'ca') {
    return { target: 'all', period: rest.slice(1).join(' ') || null };
  }
  // A period starts with a digit or a period word; anything else is a unit code.
  if (/^\d/.test(first) || ['thang', 'quy', 'nam', 'month', 'year'].includes(folded)) {
    return { target: 'all', period: words.join(' ') };
  }
  return { target: { unit: first }, period: rest.join(' ') || null };
}

/** The chat's `/da06 letter`: chairs, vice-chairs and admins, as for the report files. */
export async function reminderLetter(
  deps: CoreDeps,
  viewer: Viewer,
  words: string[],
): Promise<FileView | NoticeView> {
  const { target, period: typed } = parseLetterArgs(words);
  const resolved = await chairReportPeriod(deps, viewer, typed);
  if (!resolved.ok) return resolved.notice;
  const { period, today } = resolved;
  const doc = await loadLetters(deps, target, period, today);
  if (doc === null) {
    const asOf = earlierDay(period.endsOn, today);
    const date = formatDate(viewer.locale, asOf);
    return target === 'all'
      ? { kind: 'notice', tone: 'info', key: 'letter.nothing_overdue_all', params: { date } }
      : {
          kind: 'notice',
          tone: 'info',
          key: 'letter.nothing_overdue',
          params: { unit: target.unit.toUpperCase(), date },
        };
  }
  const { renderLetterDocx } = await import('../../reports/letter-docx.ts');
  const bytes = await renderLetterDocx(doc);
  const units = doc.letters.map((l) => l.unitCode).join(', ');
  const caption = t(viewer.locale, 'letter.caption', {
    count: doc.letters.length,
    units,
    date: formatDate(viewer.locale, doc.asOf),
  });
  return {
    kind: 'file',
    fileName: letterFileName(target, period),
    mimeType: MIME_TYPES.docx,
    bytes,
    altText: caption,
    caption: [caption],
  };
}

export function letterFileName(target: LetterTarget, period: Period): string {
  const who = target === 'all' ? 'tat-ca' : foldVietnamese(target.unit).replace(/[^a-z0-9]+/g, '-');
  return `cong-van-don-doc-${who}-${period.key}.docx`;
}
