/**
 * Checks a status report as a member typed it (Slack modal, Teams card, terminal questions) and
 * turns it into a `ReportInput`. Every problem comes back at once, as message keys beside fields.
 */
import {
  type FieldError,
  MAX_TEXT_CHARS,
  type ReportDraft,
  type ReportInput,
  STATUSES,
  type Status,
} from './report.ts';
import { charCount, cleanTypedText, foldVietnamese } from './text.ts';

export type ReportValidation = { ok: true; input: ReportInput } | { ok: false; errors: FieldError[] };

/**
 * Words accepted for each status, folded (lowercase, no diacritics, `_` and `-` read as spaces):
 * the code itself, the Vietnamese label, the English label, and the digit a terminal user types.
 */
const STATUS_WORDS = new Map<string, Status>();
for (const [status, words] of [
  ['not_started', ['chua trien khai', 'not started', '1']],
  ['in_progress', ['dang trien khai', 'in progress', '2']],
  ['done', ['da hoan thanh', 'done', '3']],
  ['blocked', ['vuong mac', 'blocked', '4']],
] as const) {
  for (const word of words) STATUS_WORDS.set(word, status);
}
for (const status of STATUSES) STATUS_WORDS.set(status.replace('_', ' '), status);

/** Validates a draft. Optional texts that are empty become null; kept texts are trimmed and NFC. */
export function validateReport(draft: ReportDraft): ReportValidation {
  const errors: FieldError[] = [];
  const fail = (error: FieldError): null => {
    errors.push(error);
    return null;
  };

  const status = parseStatus(draft.status) ?? fail({ field: 'status', key: 'report.error.status_invalid' });
  const percent = readPercent(draft.percent, fail);
  const done = readText('done', draft.done, fail);
  if (done === null && errors.every((e) => e.field !== 'done')) {
    fail({ field: 'done', key: 'report.error.done_required' });
  }
  const blockers = readText('blockers', draft.blockers, fail);
  const evidenceUrl = readText('evidenceUrl', draft.evidenceUrl, fail);
  if (evidenceUrl !== null && !isWebUrl(evidenceUrl)) {
    fail({ field: 'evidenceUrl', key: 'report.error.url_invalid' });
  }

  // Consistency between fields, checked only when the fields involved are readable themselves.
  if (status === 'done' && percent !== null && percent !== 100) {
    fail({ field: 'percent', key: 'report.error.done_needs_100' });
  }
  if (status === 'not_started' && percent !== null && percent !== 0) {
    fail({ field: 'percent', key: 'report.error.not_started_needs_0' });
  }
  if (status === 'blocked' && blockers === null && errors.every((e) => e.field !== 'blockers')) {
    fail({ field: 'blockers', key: 'report.error.blocked_needs_reason' });
  }

  if (errors.length > 0 || status === null || percent === null || done === null) {
    return { ok: false, errors };
  }
  return { ok: true, input: { status, percent, done, blockers, evidenceUrl } };
}

/** The status named by `text` (a code, a Vietnamese or English label, or "1"–"4"), or null. */
export function parseStatus(text: string): Status | null {
  const folded = foldVietnamese(text.replace(/[_-]/g, ' '));
  return STATUS_WORDS.get(folded) ?? null;
}

function readPercent(value: string | number, fail: (error: FieldError) => null): number | null {
  let n: number;
  if (typeof value === 'number') {
    n = value;
  } else {
    const match = /^\s*(-?\d{1,9})\s*%?\s*$/.exec(value);
    if (!match) return fail({ field: 'percent', key: 'report.error.percent_invalid' });
    n = Number(match[1]);
  }
  if (!Number.isInteger(n)) return fail({ field: 'percent', key: 'report.error.percent_invalid' });
  if (n < 0 || n > 100) return fail({ field: 'percent', key: 'report.error.percent_range' });
  return n;
}

/**
 * A typed text (see `cleanTypedText`): null when nothing visible is left; a control character or a
 * too long text is reported and read as null.
 */
function readText(
  field: 'done' | 'blockers' | 'evidenceUrl',
  value: string | null | undefined,
  fail: (error: FieldError) => null,
): string | null {
  const clean = cleanTypedText(value);
  if (!clean.ok) return fail({ field, key: 'report.error.control_chars' });
  if (clean.text === null) return null;
  if (charCount(clean.text) > MAX_TEXT_CHARS) {
    return fail({ field, key: 'report.error.too_long', params: { max: MAX_TEXT_CHARS } });
  }
  return clean.text;
}

/** An absolute http(s) URL with a host and no spaces. */
function isWebUrl(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
