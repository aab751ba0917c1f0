/**
 * What a person typed after `/da06` (or to the bot in Teams), as a command every channel shares.
 * Vietnamese aliases work with or without diacritics: "báo cáo", "baocao", "tổng hợp", "quá hạn"...
 */
import { foldVietnamese } from '../domain/text.ts';
import type { FileFormat } from '../reports/model.ts';
import { parseExportArgs } from './use-cases/export-report.ts';

export type ChatCommand =
  | { name: 'help' }
  | { name: 'tasks' }
  | { name: 'report'; task: string | null }
  | { name: 'summary'; period: string | null; post: boolean }
  | { name: 'overdue' }
  | { name: 'meeting'; args: string[] }
  | { name: 'leave'; args: string[] }
  | { name: 'remind' }
  | { name: 'export'; period: string | null; format: FileFormat }
  | { name: 'scoreboard'; period: string | null }
  | { name: 'members'; args: string[] }
  | { name: 'units'; args: string[] }
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
  members: 'members',
  'thanh vien': 'members',
  thanhvien: 'members',
  units: 'units',
  'don vi': 'units',
  donvi: 'units',
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
      return { name, task: rest.join(' ').trim() || null };
    case 'summary': {
      const post = rest.some((word) => ['post', 'dang', 'gui'].includes(foldVietnamese(word)));
      const period = rest.filter((word) => !['post', 'dang', 'gui'].includes(foldVietnamese(word))).join(' ');
      return { name, period: period.trim() || null, post };
    }
    case 'export':
      return { name, ...parseExportArgs(rest) };
    case 'scoreboard':
      return { name, period: rest.join(' ').trim() || null };
    case 'members':
    case 'units':
      return { name, args: rest };
    default:
      return { name: 'unknown', text: words.join(' ') };
  }
}
