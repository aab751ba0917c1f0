/**
 * Closest directory entries for a unit name the directory does not know, so that the review step
 * can ask "KHTC — có phải Vụ Kế hoạch - Tài chính?" instead of only refusing. Vietnamese
 * abbreviations take the first letter of every syllable ("Tài chính - Kế toán" → TCKT), with or
 * without the head word ("Vụ", "Ban", "Trung tâm"); longer names are compared by letter pairs.
 */
import { foldVietnamese } from './text.ts';
import type { UnitEntry } from './unit-directory.ts';

export interface UnitSuggestion {
  code: string;
  name: string;
  /** 0…1, higher is closer. */
  score: number;
}

const HEAD_WORDS = new Set([
  'vu',
  'ban',
  'trung',
  'tam',
  'tt',
  'van',
  'phong',
  'tap',
  'chi',
  'truong',
  'vien',
]);
const FILLER_WORDS = new Set(['va', 'cua', 'thuoc']);

function words(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !FILLER_WORDS.has(w));
}

/** "Vụ Kế hoạch - Tài chính" → ["vkhtc", "khtc"]: initials with and without the head words. */
function initialsOf(name: string): string[] {
  const all = words(name);
  const full = all.map((w) => w[0]).join('');
  let at = 0;
  while (at < all.length - 1 && HEAD_WORDS.has(all[at]!)) at++;
  const withoutHead = all
    .slice(at)
    .map((w) => w[0])
    .join('');
  return [...new Set([full, withoutHead])];
}

function bigrams(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length - 1; i++) out.push(text.slice(i, i + 2));
  return out;
}

/** Sørensen–Dice coefficient over letter pairs (multiset). */
function dice(a: string, b: string): number {
  if (a === b) return 1;
  const left = bigrams(a);
  const right = bigrams(b);
  if (left.length === 0 || right.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const pair of right) pool.set(pair, (pool.get(pair) ?? 0) + 1);
  let shared = 0;
  for (const pair of left) {
    const left = pool.get(pair) ?? 0;
    if (left > 0) {
      shared++;
      pool.set(pair, left - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** Longest common subsequence, as a share of both lengths: "khtc" and "khdt" share "kht". */
function subsequenceRatio(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const ch of a) {
    const current = [0];
    for (let j = 1; j <= b.length; j++) {
      current[j] = ch === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    previous = current;
  }
  return (2 * previous[b.length]!) / (a.length + b.length);
}

function scoreForm(unknown: string, form: string): number {
  const compact = words(unknown).join('');
  if (compact === '') return 0;
  const abbreviation = words(unknown).length <= 2 && compact.length <= 6;
  const formCompact = words(form).join('');
  let best = dice(compact, formCompact);
  if (abbreviation) {
    for (const initials of initialsOf(form)) {
      if (initials === compact) return 1;
      best = Math.max(best, 0.9 * dice(compact, initials), 0.85 * subsequenceRatio(compact, initials));
    }
  }
  return best;
}

/** The `limit` entries closest to `name` with a score of at least `threshold`, closest first. */
export function suggestUnits(
  name: string,
  entries: readonly UnitEntry[],
  { limit = 3, threshold = 0.5 }: { limit?: number; threshold?: number } = {},
): UnitSuggestion[] {
  const scored = entries
    // A provincial office is only suggested for a name that says it is one ("BHXH Khánh Hoà").
    .filter((e) => e.kind !== 'provincial' || /^(?:bhxh|bao hiem xa hoi) /.test(foldVietnamese(name)))
    .map((e) => ({
      code: e.code,
      name: e.name,
      score: Math.max(...[e.name, ...e.aliases].map((form) => scoreForm(name, form))),
    }))
    .filter((s) => s.score >= threshold);
  scored.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  // Only the entries about as close as the best one: an exact match needs no runner-up.
  const best = scored[0]?.score ?? 0;
  return scored
    .filter((s) => s.score >= best - 0.1)
    .slice(0, limit)
    .map((s) => ({ ...s, score: Math.round(s.score * 100) / 100 }));
}
