/**
 * The directory of BHXH units (data/units.csv) and the resolution of a unit cell written by a
 * human ("Trung tâm CNTT; Vụ Tổ chức cán bộ, các đơn vị và BHXH các tỉnh") into unit codes.
 *
 * Resolution is a greedy longest-match scan over folded words: at each word, the longest known
 * phrase starting there wins (a unit alias, a group phrase, an external body or filler). Splitting
 * on commas first would break names that contain commas ("Ban Quản lý Thu - Sổ, thẻ",
 * "BHXH các tỉnh, thành phố trực thuộc Trung ương"). Words no phrase covers are grouped into runs
 * (broken at commas and at recognised phrases) and reported as unknown, verbatim.
 */

import { parse } from 'csv-parse/sync';
import { AppError } from './errors.ts';
import { phraseKey, type Segment, segments, tokenize } from './phrase-tokens.ts';
import { codesWithHead, isOutsideBody, OWNER_SUFFIXES, UNIT_KIND_HEADS } from './unit-collectives.ts';
import {
  ALL_CENTRAL_PHRASES,
  ALL_PROVINCIAL_PHRASES,
  CENTRAL_SUBSETS,
  DEFINITION_OPENERS,
  EXTERNAL_BODIES,
  NOISE_PHRASES,
} from './unit-phrases.ts';

/** `regional`: the 35 BHXH khu vực of 01/03–30/06/2025, which stand where provincial offices stood. */
export type UnitKind = 'central' | 'provincial' | 'regional' | 'group';
export interface UnitEntry {
  code: string;
  kind: UnitKind;
  name: string;
  aliases: string[];
}
/** `codes` are unique, in order of first mention; `unknown` holds unmatched phrases as written. */
export interface UnitResolution {
  codes: string[];
  unknown: string[];
}

type Target =
  | { type: 'unit'; code: string }
  | { type: 'all'; kind: 'central' | 'provincial' }
  | { type: 'subset'; codes: string[]; bare?: boolean }
  | { type: 'external' }
  | { type: 'noise' };

const UNIT_KINDS: readonly UnitKind[] = ['central', 'provincial', 'regional', 'group'];
const DEFINITION_KEYS = DEFINITION_OPENERS.map(phraseKey);

export class UnitDirectory {
  private readonly entries: UnitEntry[];
  private readonly byCode = new Map<string, UnitEntry>();
  private readonly phrases = new Map<string, Target>();
  private longestPhrase = 1;

  constructor(entries: UnitEntry[]) {
    this.entries = [...entries];
    for (const phrase of NOISE_PHRASES) this.addPhrase(phrase, { type: 'noise' });
    for (const phrase of OWNER_SUFFIXES) this.addPhrase(phrase, { type: 'noise' });
    for (const { head, phrases } of UNIT_KIND_HEADS) {
      const codes = codesWithHead(entries, head);
      if (codes.length === 0) continue;
      this.addPhrase(head, { type: 'subset', codes, bare: true });
      for (const phrase of phrases) this.addPhrase(phrase, { type: 'subset', codes });
    }
    for (const phrase of EXTERNAL_BODIES) this.addPhrase(phrase, { type: 'external' });
    for (const phrase of ALL_CENTRAL_PHRASES) this.addPhrase(phrase, { type: 'all', kind: 'central' });
    for (const phrase of ALL_PROVINCIAL_PHRASES) this.addPhrase(phrase, { type: 'all', kind: 'provincial' });
    const known = new Set(entries.map((e) => e.code));
    for (const subset of CENTRAL_SUBSETS) {
      const codes = subset.codes.filter((code) => known.has(code));
      const target: Target = codes.length > 0 ? { type: 'subset', codes } : { type: 'all', kind: 'central' };
      for (const phrase of subset.phrases) this.addPhrase(phrase, target);
    }
    // Units last: the directory is data the team maintains, so it overrides the built-in wordings.
    const owner = new Map<string, string>();
    for (const entry of this.entries) {
      if (this.byCode.has(entry.code))
        throw new AppError('unit_directory.duplicate_code', { code: entry.code });
      this.byCode.set(entry.code, entry);
      for (const alias of [entry.name, ...entry.aliases]) {
        const key = phraseKey(alias);
        if (key === '') continue;
        const previous = owner.get(key);
        if (previous !== undefined && previous !== entry.code) {
          throw new AppError('unit_directory.alias_clash', { alias, first: previous, second: entry.code });
        }
        owner.set(key, entry.code);
        this.addPhrase(alias, { type: 'unit', code: entry.code });
      }
    }
  }

  get(code: string): UnitEntry | undefined {
    return this.byCode.get(code);
  }

  all(): UnitEntry[] {
    return [...this.entries];
  }

  /** `row` (1-based, in the plan file) is for layers that report where a name was found. */
  resolve(cell: string, _row?: number): UnitResolution {
    const codes = new Set<string>();
    const unknown: string[] = [];
    for (const segment of segments(tokenize(cell))) {
      if (isDefinition(segment)) continue;
      this.scanSegment(segment, cell, codes, unknown);
    }
    return { codes: [...codes], unknown };
  }

  private scanSegment(segment: Segment, cell: string, codes: Set<string>, unknown: string[]): void {
    const words = segment.words;
    let run: { start: number; end: number } | null = null;
    const closeRun = () => {
      const text = run ? cell.slice(run.start, run.end).trim() : '';
      // Line numbers of a list written in the cell ("1. Trung tâm CNTT\n2. Vụ Pháp chế") name nothing;
      // outside bodies ("Tổng công ty Bưu điện Việt Nam", "UBND tỉnh") are left out like ministries.
      if (text !== '' && !/^[\d\s.)]+$/.test(text) && !isOutsideBody(text)) unknown.push(text);
      run = null;
    };
    let i = 0;
    while (i < words.length) {
      const match = this.longestMatchAt(words, i);
      if (!match) {
        const { token, punctuationBefore } = words[i]!;
        if (run && punctuationBefore.includes(',')) closeRun();
        run = run ? { start: run.start, end: token.end } : { start: token.start, end: token.end };
        i++;
        continue;
      }
      closeRun();
      const { target } = match;
      // "BHXH các tỉnh, thành phố: Hà Nội, Thái Bình" names a subset: a group phrase followed by a
      // colon introduces the list and is not expanded itself.
      const introducesList = words[i + match.length]?.punctuationBefore.includes(':') ?? false;
      if (target.type === 'unit') codes.add(target.code);
      else if (target.type === 'subset' && !introducesList) for (const code of target.codes) codes.add(code);
      else if (target.type === 'all' && !introducesList) {
        for (const entry of this.entries) if (coveredBy(entry.kind, target.kind)) codes.add(entry.code);
      }
      i += match.length;
    }
    closeRun();
  }

  private longestMatchAt(words: Segment['words'], i: number): { target: Target; length: number } | null {
    const max = Math.min(this.longestPhrase, words.length - i);
    for (let length = max; length >= 1; length--) {
      const key = words
        .slice(i, i + length)
        .map((w) => w.token.key)
        .join(' ');
      const target = this.phrases.get(key);
      if (target && !(target.type === 'subset' && target.bare && !standsAlone(words, i + length)))
        return { target, length };
    }
    return null;
  }

  private addPhrase(phrase: string, target: Target): void {
    const key = phraseKey(phrase);
    if (key === '') return;
    this.phrases.set(key, target);
    this.longestPhrase = Math.max(this.longestPhrase, key.split(' ').length);
  }
}

/** A bare head ("Ban", "Vụ") names a kind of unit only at the end of a list item, not before a name. */
function standsAlone(words: Segment['words'], next: number): boolean {
  const word = words[next];
  return word === undefined || /[,:]/.test(word.punctuationBefore) || word.token.key === 'va';
}

/** "BHXH các tỉnh" names the regional offices while they stood in place of the provincial ones. */
function coveredBy(kind: UnitKind, phraseKind: 'central' | 'provincial'): boolean {
  return kind === phraseKind || (phraseKind === 'provincial' && kind === 'regional');
}

/** "(gọi tắt là các đơn vị)": a parenthesis restating what precedes it, skipped entirely. */
function isDefinition(segment: Segment): boolean {
  if (segment.opener !== '(') return false;
  const start = segment.words.map((w) => w.token.key).join(' ');
  return DEFINITION_KEYS.some((key) => start === key || start.startsWith(`${key} `));
}

/**
 * Parses data/units.csv: header `code,kind,name,aliases`, `kind` one of central|provincial|group,
 * aliases separated by `|`. Throws with the line number on malformed data: the directory is
 * maintained by hand and a silent mistake would make every plan import report unknown units.
 */
export function parseUnitsCsv(text: string): UnitEntry[] {
  const rows: string[][] = parse(text.replace(/^\uFEFF/, ''), {
    relax_column_count: true,
    trim: true,
  });
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new AppError('unit_directory.missing_column', { column: name });
    return index;
  };
  const [codeAt, kindAt, nameAt, aliasesAt] = ['code', 'kind', 'name', 'aliases'].map(column) as [
    number,
    number,
    number,
    number,
  ];
  const entries: UnitEntry[] = [];
  rows.slice(1).forEach((row, index) => {
    const line = index + 2;
    if (row.every((cell) => cell === '')) return;
    const code = row[codeAt] ?? '';
    const kind = row[kindAt] ?? '';
    const name = row[nameAt] ?? '';
    if (code === '' || name === '') {
      throw new AppError('unit_directory.missing_code_or_name', { line });
    }
    if (!(UNIT_KINDS as readonly string[]).includes(kind)) {
      throw new AppError('unit_directory.bad_kind', { line, kind });
    }
    const aliases = (row[aliasesAt] ?? '')
      .split('|')
      .map((a) => a.trim())
      .filter((a) => a !== '');
    entries.push({ code, kind: kind as UnitKind, name, aliases });
  });
  return entries;
}
