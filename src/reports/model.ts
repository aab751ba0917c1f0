/**
 * What every report file is drawn from, and the task table the DOCX appendix, the XLSX sheets and
 * the CSV share: one row per task (TT, nhóm, nội dung, đơn vị chủ trì, thời hạn, tình trạng, tỷ lệ,
 * ý kiến của đơn vị), the units' words quoted and attributed ("CNTT: …").
 */

import type { PeriodTaskRow, ReportPeriodData, UnitWord } from '../domain/report-period-data.ts';
import type { Locale } from '../domain/roles.ts';
import { toRoman } from '../domain/text.ts';
import { periodLabel, standingLabel, t } from '../i18n/index.ts';
import type { ReportBuckets } from './buckets.ts';
import type { ChartImage } from './chart.ts';
import { deadlineText } from './i18n.ts';

export interface PlanRef {
  number: string;
  title: string;
  issuedOn: string | null;
}

export interface ReportDocument {
  locale: Locale;
  /** The period as a whole (a half-year or year aggregates its months). */
  data: ReportPeriodData;
  /** Each month of a half-year or year (empty for a month): the XLSX gets a sheet per month. */
  months: ReportPeriodData[];
  /** The day the draft is dated ("Hà Nội, ngày …"). */
  issuedOn: string;
  plans: PlanRef[];
  /** The chair's name under "TỔ TRƯỞNG" when the group has exactly one; else the line stays blank. */
  signer: string | null;
  chart: ChartImage | null;
  /** Evidence files sent with the period's reports, for the annex list (none: no annex). */
  evidence?: EvidenceAnnexRow[];
  /** The four deadline buckets (src/reports/buckets.ts draws them); absent in documents made without. */
  buckets?: ReportBuckets;
}

/** One evidence file in the DOCX annex "Danh mục tệp minh chứng". */
export interface EvidenceAnnexRow {
  task: string;
  unit: string;
  periodKey: string;
  fileName: string;
  size: number;
  sha256: string;
  who: string;
  /** The day it was sent, YYYY-MM-DD in the group's time zone. */
  day: string;
}

export type FileFormat = 'docx' | 'xlsx' | 'csv';

export const FILE_FORMATS: readonly FileFormat[] = ['docx', 'xlsx', 'csv'];

export const MIME_TYPES: Record<FileFormat | 'png', string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  png: 'image/png',
};

export interface TableRow {
  /** The task's code in the plan ("5"). */
  tt: string;
  planNumber: string;
  section: string;
  content: string;
  lead: string;
  deadline: string;
  standing: string;
  /** Rounded mean of the lead units' percents, null when none reported. */
  percent: number | null;
  daysOverdue: number | null;
  /** One entry per unit, attributed ("CNTT: …"), kept whole. */
  words: string[];
}

/** The table of `data`, in plan order. */
export function tableRows(data: ReportPeriodData, locale: Locale): TableRow[] {
  return data.tasks.map((row) => ({
    tt: row.code,
    planNumber: row.planNumber,
    section: row.section ?? '',
    content: row.content,
    lead: leadText(row, locale),
    deadline: deadlineText(locale, row.deadline),
    standing: standingLabel(locale, row.standing),
    percent: row.percent,
    daysOverdue: row.daysOverdue,
    words: cellWords(data, row, locale),
  }));
}

/**
 * The plan's own wording of the lead units, else their codes; lead names the directory could not
 * map (`--allow-unresolved`) are marked, so a reader sees an owner nobody is reminded for.
 */
export function leadText(row: PeriodTaskRow, locale: Locale): string {
  const text = row.leadText.trim();
  const written = text !== '' ? text : row.leadUnits.join(', ');
  const names = row.unresolved.filter((u) => u.role === 'lead').map((u) => `"${u.name}"`);
  if (names.length === 0) return written;
  return `${written} ${t(locale, 'reports.cell.unresolved', { names: names.join(', ') })}`;
}

/** A month of a half-year or year is named beside words that are not from the period's last month. */
export function wordPeriodShown(data: ReportPeriodData, word: UnitWord): boolean {
  const last = data.periodMonths.at(-1)?.key;
  return data.period.kind !== 'month' && word.periodKey !== last;
}

function cellWords(data: ReportPeriodData, row: PeriodTaskRow, locale: Locale): string[] {
  const words = row.words.map((word) => {
    const head = wordPeriodShown(data, word)
      ? t(locale, 'reports.cell.word_dated', {
          unit: word.unitCode,
          period: periodLabel(locale, word.periodKey),
          text: word.done.trim(),
        })
      : t(locale, 'reports.cell.word', { unit: word.unitCode, text: word.done.trim() });
    const blockers = word.blockers?.trim();
    return blockers ? `${head}\n${t(locale, 'reports.cell.blockers', { text: blockers })}` : head;
  });
  const carried = row.carriedDone.map((unit) => t(locale, 'reports.cell.carried_done', { unit }));
  return [...words, ...carried];
}

/** Section rows of the plan, numbered I, II, III… in order of appearance (per plan when several). */
export const romanNumeral = toRoman;
