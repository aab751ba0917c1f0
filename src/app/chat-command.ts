/**
 * What a person typed after `/da06` (or to the bot in Teams), as a command every channel shares.
 * Vietnamese aliases work with or without diacritics: "báo cáo", "baocao", "tổng hợp", "quá hạn"...
 */
import { parsePeriod } from '../domain/period.ts';
import { closestWord } from '../domain/suggest.ts';
import { foldVietnamese } from '../domain/text.ts';
import type { FileFormat } from '../reports/model.ts';
import { parseExportArgs } from './use-cases/export-report.ts';

export type ChatCommand =
  | { name: 'help' }
  | { name: 'tasks' }
  | { name: 'report'; task: string | null; period: string | null }
  | { name: 'summary'; period: string | null; post: boolean; allUnits?: boolean }
  | { name: 'overdue' }
  | { name: 'meeting'; args: string[] }
  | { name: 'leave'; args: string[] }
  | { name: 'remind' }
  | { name: 'export'; period: string | null; format: FileFormat }
  | { name: 'scoreboard'; period: string | null }
  | { name: 'letter'; args: string[] }
  | { name: 'members'; args: string[] }
  | { name: 'units'; args: string[] }
  | { name: 'evidence'; task: string | null }
  | { name: 'web' }
  | { name: 'unknown'; text: string };

/** Folded alias → command name. Multi-word aliases are matched before single words. */
const ALIASES: Record<string, ChatCommand['name']> = {
  help: 'help',
  'tro giup': 'help',
  trogiup: 'help',
  'huong dan': 'help',
  tasks: 'tasks',
  'nhiem vu': 'tasks',
  nhiemvu: 'tasks',
  report: 'report',
  'bao cao': 'report',
  baocao: 'report',
  summary: 'summary',
  'tong hop': 'summary',
  tonghop: 'summary',
  overdue: 'overdue',
  'qua han': 'overdue',
  quahan: 'overdue',
  meeting: 'meeting',
  'giao ban': 'meeting',
  giaoban: 'meeting',
  'lich hop': 'meeting',
  leave: 'leave',
  'nghi phep': 'leave',
  nghiphep: 'leave',
  remind: 'remind',
  nhac: 'remind',
  'nhac nho': 'remind',
  export: 'export',
  xuat: 'export',
  'xuat bao cao': 'export',
  xuatbaocao: 'export',
  scoreboard: 'scoreboard',
  'xep hang': 'scoreboard',
  xephang: 'scoreboard',
  'thi dua': 'scoreboard',
  'bang xep hang': 'scoreboard',
  letter: 'letter',
  'cong van': 'letter',
  congvan: 'letter',
  'don doc': 'letter',
  dondoc: 'letter',
  'cong van don doc': 'letter',
  members: 'members',
  'thanh vien': 'members',
  thanhvien: 'members',
  units: 'units',
  'don vi': 'units',
  donvi: 'units',
  evidence: 'evidence',
  files: 'evidence',
  'minh chung': 'evidence',
  minhchung: 'evidence',
  'tep minh chung': 'evidence',
  web: 'web',
  'bang dieu khien': 'web',
  bangdieukhien: 'web',
  dashboard: 'web',
};

/** Splits like a shell: spaces separate words, quotes ("…" or '…' or “…”) keep them together. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|“([^”]*)”|(\S+)/g;
  for (const match of text.matchAll(pattern)) words.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');
  return words;
}

export function parseChatCommand(text: string): ChatCommand {
  const words = splitWords(
    text
      .trim()
      .replace(/^\/da06\b/i, '')
      .trim(),
  );
  if (words.length === 0) return { name: 'help' };
  const folded = words.map((word) => foldVietnamese(word));
  // The longest alias wins: "xuất báo cáo 2024-06" is export, not "xuất" with a period "báo cáo 2024-06".
  const length =
    [3, 2, 1].find((n) => words.length >= n && ALIASES[folded.slice(0, n).join(' ')] !== undefined) ?? 1;
  const name = ALIASES[folded.slice(0, length).join(' ')];
  const rest = words.slice(length);
  switch (name) {
    case 'help':
    case 'tasks':
    case 'overdue':
    case 'web':
      return { name };
    case 'remind':
      return { name }; // "remind now", "nhắc ngay": there is only one way to remind
    case 'meeting':
    case 'leave':
      return { name, args: rest };
    case 'report':
      return { name, ...reportArgs(rest) };
    case 'summary':
      return { name, ...summaryArgs(rest) };
    case 'export':
      return { name, ...parseExportArgs(rest) };
    case 'scoreboard':
      return { name, period: rest.join(' ').trim() || null };
    case 'members':
    case 'units':
    case 'letter':
      return { name, args: rest };
    case 'evidence':
      return { name, task: rest.join(' ').trim() || null };
    default:
      return { name: 'unknown', text: words.join(' ') };
  }
}

/** Words a month may take at the end of `report`: "2024-06", "06/2024", "tháng 6/2024", "tháng 06 năm 2024". */
const MONTH_WORDS_MAX = 4;

/**
 * `report TASK [MONTH]`: a trailing month names the period (during the grace days, the previous one);
 * the rest is the task. Only a month counts: "6 2024" stays a task as typed, members report by month.
 */
function reportArgs(rest: string[]): { task: string | null; period: string | null } {
  for (let n = Math.min(MONTH_WORDS_MAX, rest.length); n >= 1; n--) {
    const tail = rest.slice(-n).join(' ');
    if (parsePeriod(tail)?.kind === 'month') {
      return { task: rest.slice(0, -n).join(' ').trim() || null, period: tail };
    }
  }
  return { task: rest.join(' ').trim() || null, period: null };
}

/** Every command under its own name and its aliases, for help (aliases shown beside each command). */
export function aliasesOf(name: ChatCommand['name']): string[] {
  return Object.entries(ALIASES)
    .filter(([alias, target]) => target === name && alias !== name)
    .map(([alias]) => alias);
}

/**
 * "Có phải bạn muốn …?": for a command no alias matches, the command its first one or two words
 * were probably meant to be, with the rest of what was typed ("reprot 6" → "report 6"); else null.
 */
export function suggestCommand(text: string): string | null {
  const words = splitWords(text);
  const folded = words.map((word) => foldVietnamese(word));
  const aliases = Object.keys(ALIASES);
  for (const n of [2, 1]) {
    if (folded.length < n) continue;
    const alias = closestWord(folded.slice(0, n).join(' '), aliases);
    if (alias) return [ALIASES[alias]!, ...words.slice(n)].join(' ');
  }
  return null;
}

const POST_WORDS = ['post', 'dang', 'gui'];
/** "Every unit on its own line" in the per-unit table (local offices are folded otherwise). */
const ALL_UNITS_WORDS = ['--all-units', '--all', 'all', 'tatca'];

/** `summary [period] [post] [--all-units | tất cả]`, in any order. */
function summaryArgs(rest: string[]): { period: string | null; post: boolean; allUnits?: boolean } {
  const folded = rest.map((word) => foldVietnamese(word));
  const skip = new Set<number>();
  folded.forEach((word, i) => {
    if (POST_WORDS.includes(word) || ALL_UNITS_WORDS.includes(word)) skip.add(i);
    if (word === 'tat' && folded[i + 1] === 'ca') skip.add(i).add(i + 1);
  });
  const allUnits = folded.some((word, i) => skip.has(i) && !POST_WORDS.includes(word));
  const post = folded.some((word) => POST_WORDS.includes(word));
  const period = rest.filter((_, i) => !skip.has(i)).join(' ');
  return { period: period.trim() || null, post, ...(allUnits ? { allUnits } : {}) };
}
