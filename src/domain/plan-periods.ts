/**
 * Rows above the task level of a plan table: parts ("A.", "Phần I"), periods and phases
 * ("1. Đến năm 2025", "Giai đoạn 2021 - 2025") and sections ("I. Công tác chỉ đạo"). Plans restart
 * their numbering under each of them, so they become part of every task's section, and of its
 * code whenever the codes would otherwise collide (see `qualifyCodes`).
 */
import { foldVietnamese, parseRoman } from './text.ts';

/** Outer to inner. A heading drops every heading at its level and below. */
export type HeadingLevel = 'part' | 'period' | 'section';
const LEVELS: readonly HeadingLevel[] = ['part', 'period', 'section'];

export interface Heading {
  level: HeadingLevel;
  /** Number as written ("A", "I", "1"), or null when the heading has none. */
  number: string | null;
  title: string;
}

const NUMBERED = /^(\d{1,2}|[A-Za-z]|[IVXivx]{1,5})\s*[.):\-–]\s*(.+)$/su;
/** Period phrases, folded; only short headings, so an objective "Đến năm 2025, 100% hồ sơ…" is not one. */
const PERIOD_TITLE =
  /^(?:(?:den|tu|trong|truoc|sau) nam \d{4}(?: ?- ?\d{4})?|nam \d{4}(?: ?- ?\d{4})?|giai doan\b.{0,40}|thoi ky\b.{0,40}|cac nam \d{4}.{0,20})$/;
const PART_TITLE = /^phan (?:thu )?([ivx]+|\d{1,2}|[a-z])\b\s*[.:\-–]?\s*(.*)$/su;

/**
 * Reads a heading row's text as a part or a period, or null when it is neither (then the caller
 * decides whether the row is a plain section). `number` is a separate number cell (TT), if any.
 */
export function periodHeading(text: string, number = ''): Heading | null {
  const trimmed = text.trim();
  const own = NUMBERED.exec(trimmed);
  const written = number !== '' ? number : own ? own[1]! : '';
  const title = number === '' && own ? own[2]!.trim() : trimmed;
  const folded = foldVietnamese(title).replace(/[,;.:]+$/, '');
  const part = PART_TITLE.exec(foldVietnamese(trimmed));
  if (part) return { level: 'part', number: part[1]!.toUpperCase(), title: trimmed };
  if (PERIOD_TITLE.test(folded))
    return { level: 'period', number: written === '' ? null : written.toUpperCase(), title };
  return null;
}

/**
 * A section heading: a letter other than a Roman numeral ("A.", "B.") is a part, anything else a
 * section, numbered by the numeral or letter it is written with, if any.
 */
export function sectionHeading(text: string, number = ''): Heading {
  const period = periodHeading(text, number);
  if (period) return period;
  const own = NUMBERED.exec(text.trim());
  const written = number !== '' ? number : own && isHeadingNumber(own[1]!) ? own[1]! : '';
  const title = number === '' && own && isHeadingNumber(own[1]!) ? own[2]!.trim() : text.trim();
  const isLetter = /^[A-Z]$/.test(written) && parseRoman(written) === null;
  return {
    level: isLetter ? 'part' : 'section',
    number: written === '' ? null : written.toUpperCase(),
    title,
  };
}

function isHeadingNumber(text: string): boolean {
  return parseRoman(text.toUpperCase()) !== null || /^[A-Z]$/.test(text);
}

/** The headings above the current row. */
export class HeadingStack {
  private readonly stack: ({ number: string; title: string } | undefined)[] = [];
  private readonly counters: number[] = [0, 0, 0];

  enter(heading: Heading): void {
    const at = LEVELS.indexOf(heading.level);
    this.stack.length = at;
    for (let inner = at + 1; inner < LEVELS.length; inner++) this.counters[inner] = 0;
    this.counters[at]! += 1;
    this.stack[at] = { number: heading.number ?? String(this.counters[at]), title: heading.title };
  }

  /** Titles outer to inner, joined: "Đến năm 2025 — Công tác chỉ đạo"; null under no heading. */
  get section(): string | null {
    const titles = this.stack.filter((h) => h !== undefined).map((h) => h.title);
    return titles.length === 0 ? null : titles.join(' — ');
  }

  /** Numbers outer to inner, joined with dots: "A.1", "2"; empty under no heading. */
  get path(): string {
    return this.stack
      .filter((h) => h !== undefined)
      .map((h) => h.number)
      .join('.');
  }
}

/**
 * When numbering restarts under headings (the same code under two different headings), every code
 * is prefixed with its heading path ("1.I.1.1" under "1. Đến năm 2025", "2.I.1.1" under "2. Đến
 * năm 2030"). Plans numbered straight through keep their codes as written, so re-importing an
 * older file keeps updating the same tasks.
 */
export function qualifyCodes<T extends { code: string; sectionPath: string }>(drafts: T[]): T[] {
  const pathsByCode = new Map<string, Set<string>>();
  for (const d of drafts) {
    if (d.code === '') continue;
    const paths = pathsByCode.get(d.code) ?? new Set<string>();
    paths.add(d.sectionPath);
    pathsByCode.set(d.code, paths);
  }
  const restarts = [...pathsByCode.values()].some((paths) => paths.size > 1);
  if (!restarts) return drafts;
  return drafts.map((d) =>
    d.code === '' || d.sectionPath === '' ? d : { ...d, code: `${d.sectionPath}.${d.code}` },
  );
}
