/**
 * What a person typed after `/da06` (or to the bot in Teams), as a command every channel shares.
 * Vietnamese aliases work with or without diacritics: "báo cáo", "baocao", "tổng hợp", "quá hạn"...
 */
import { foldVietnamese } from '../domain/text.ts';

export type ChatCommand =
  | { name: 'help' }
  | { name: 'tasks' }
  | { name: 'report'; task: string | null }
  | { name: 'summary'; period: string | null; post: boolean }
  | { name: 'overdue' }
  | { name: 'meeting' }
  | { name: 'members'; args: string[] }
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
  members: 'members',
  'thanh vien': 'members',
  thanhvien: 'members',
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
  const two = ALIASES[`${folded[0]} ${folded[1] ?? ''}`.trim()];
  const [name, rest] =
    two && words.length >= 2 ? [two, words.slice(2)] : [ALIASES[folded[0] ?? ''], words.slice(1)];
  switch (name) {
    case 'help':
    case 'tasks':
    case 'overdue':
    case 'meeting':
      return { name };
    case 'report':
      return { name, task: rest.join(' ').trim() || null };
    case 'summary': {
      const post = rest.some((word) => ['post', 'dang', 'gui'].includes(foldVietnamese(word)));
      const period = rest.filter((word) => !['post', 'dang', 'gui'].includes(foldVietnamese(word))).join(' ');
      return { name, period: period.trim() || null, post };
    }
    case 'members':
      return { name, args: rest };
    default:
      return { name: 'unknown', text: words.join(' ') };
  }
}
