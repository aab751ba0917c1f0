import { describe, expect, it } from 'vitest';
import { parseChatCommand, splitWords } from '../../src/app/chat-command.ts';

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
    ['/da06 report', { name: 'report', task: null }],
    ['/da06 report 12', { name: 'report', task: '12' }],
    ['báo cáo 5', { name: 'report', task: '5' }],
    ['baocao 5', { name: 'report', task: '5' }],
    ['/da06 summary', { name: 'summary', period: null, post: false }],
    ['/da06 summary 2024-06 post', { name: 'summary', period: '2024-06', post: true }],
    ['tổng hợp tháng 6/2024', { name: 'summary', period: 'tháng 6/2024', post: false }],
    ['tonghop 06/2024', { name: 'summary', period: '06/2024', post: false }],
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
