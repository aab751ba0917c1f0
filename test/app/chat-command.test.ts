import { describe, expect, it } from 'vitest';
import { parseChatCommand, splitWords, suggestCommand } from '../../src/app/chat-command.ts';
import { COMMAND_ALIASES } from '../../src/app/help-commands.ts';
import { foldVietnamese } from '../../src/domain/text.ts';

describe('parseChatCommand', () => {
  it.each([
    ['/da06', { name: 'help' }],
    ['/da06 help', { name: 'help' }],
    ['trợ giúp', { name: 'help' }],
    ['/da06 tasks', { name: 'tasks' }],
    ['/da06 web', { name: 'web' }],
    ['/da06 bảng điều khiển', { name: 'web' }],
    ['bang dieu khien', { name: 'web' }],
    ['nhiệm vụ', { name: 'tasks' }],
    ['/da06 report', { name: 'report', task: null, period: null }],
    ['/da06 report 12', { name: 'report', task: '12', period: null }],
    ['báo cáo 5', { name: 'report', task: '5', period: null }],
    ['baocao 5', { name: 'report', task: '5', period: null }],
    // A trailing month names the period (the grace month, issue 17), in any of its spellings.
    ['/da06 report 6 2024-06', { name: 'report', task: '6', period: '2024-06' }],
    ['/da06 report 6 06/2024', { name: 'report', task: '6', period: '06/2024' }],
    ['báo cáo 6 tháng 6/2024', { name: 'report', task: '6', period: 'tháng 6/2024' }],
    ['báo cáo 6 T6/2024', { name: 'report', task: '6', period: 'T6/2024' }],
    ['/da06 report 2024-06', { name: 'report', task: null, period: '2024-06' }],
    // A year or a half-year is not a month members report on: it stays part of the task as typed.
    ['/da06 report 6 2024', { name: 'report', task: '6 2024', period: null }],
    ['/da06 report 6 2024-H1', { name: 'report', task: '6 2024-H1', period: null }],
    ['/da06 summary', { name: 'summary', period: null, post: false }],
    ['/da06 summary 2024-06 post', { name: 'summary', period: '2024-06', post: true }],
    ['tổng hợp tháng 6/2024', { name: 'summary', period: 'tháng 6/2024', post: false }],
    ['tonghop 06/2024', { name: 'summary', period: '06/2024', post: false }],
    ['/da06 summary --all-units', { name: 'summary', period: null, post: false, allUnits: true }],
    ['tổng hợp tất cả 2024-06', { name: 'summary', period: '2024-06', post: false, allUnits: true }],
    ['quá hạn', { name: 'overdue' }],
    ['/da06 quahan', { name: 'overdue' }],
    ['/da06 giao ban', { name: 'meeting', args: [] }],
    ['/da06 meeting', { name: 'meeting', args: [] }],
    [
      '/da06 meeting set thứ Hai tuần đầu tiên 14:00',
      { name: 'meeting', args: ['set', 'thứ', 'Hai', 'tuần', 'đầu', 'tiên', '14:00'] },
    ],
    ['/da06 remind now', { name: 'remind' }],
    ['xuất báo cáo 2024-06 xlsx', { name: 'export', period: '2024-06', format: 'xlsx' }],
    ['/da06 export', { name: 'export', period: null, format: 'docx' }],
    ['bảng xếp hạng 2024-H1', { name: 'scoreboard', period: '2024-H1' }],
    ['nhắc nhở', { name: 'remind' }],
    ['/da06 nghỉ phép 2024-07-01 2024-07-05', { name: 'leave', args: ['2024-07-01', '2024-07-05'] }],
    [
      '/da06 members add --name "Lê Văn A" --unit VP',
      { name: 'members', args: ['add', '--name', 'Lê Văn A', '--unit', 'VP'] },
    ],
    ['/da06 frobnicate now', { name: 'unknown', text: 'frobnicate now' }],
  ])('%s', (text, expected) => {
    expect(parseChatCommand(text)).toEqual(expected);
  });

  it('splits quoted words like a shell, including typographic quotes', () => {
    expect(splitWords(`add --name “Trần Thị B” --unit 'BHXH-HN'`)).toEqual([
      'add',
      '--name',
      'Trần Thị B',
      '--unit',
      'BHXH-HN',
    ]);
  });
});

describe('suggestCommand: "có phải bạn muốn …?" for a mistyped command', () => {
  it.each([
    ['reprot 6', 'report 6'],
    ['sumary 2024-06', 'summary 2024-06'],
    ['tong hp', 'summary'],
    ['bao coa 6', 'report 6'],
    ['overdeu', 'overdue'],
    ['scorebaord', 'scoreboard'],
    ['hlep', 'help'],
  ])('%s → %s', (typed, expected) => {
    expect(suggestCommand(typed)).toBe(expected);
  });

  it('nothing when no command is close', () => {
    expect(suggestCommand('frobnicate now')).toBeNull();
    expect(suggestCommand('xyz')).toBeNull();
  });
});

describe('the aliases help shows', () => {
  it('each is read as its own command, with and without diacritics', () => {
    for (const [key, aliases] of Object.entries(COMMAND_ALIASES)) {
      const name = key.replace('help.cmd.', '');
      for (const alias of aliases ?? []) {
        expect(parseChatCommand(alias).name, alias).toBe(name);
        expect(parseChatCommand(foldVietnamese(alias)).name, alias).toBe(name);
      }
    }
  });
});
