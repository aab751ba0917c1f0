import { parseArgs } from 'node:util';
import { parseDeadline } from '../../domain/deadline.ts';
import { type Command, UsageError } from '../context.ts';

export const deadlineCommand: Command = {
  path: ['deadline'],
  usage: 'da06 deadline "TEXT" [--json]',
  summary: 'Đọc một cụm thời hạn như "Quý IV/2022" (kiểu, hạn cuối).',
  async run(args, { output }) {
    const { values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean' } },
      allowPositionals: true,
    });
    if (positionals.length === 0) throw new UsageError('Thiếu cụm thời hạn cần đọc.');
    const { text, kind, due, yearly } = parseDeadline(positionals.join(' '));
    // "Tháng 11 hằng năm": the day it falls due each year (or every N years).
    const each = yearly
      ? `\n  hằng năm: ${yearly.everyYears > 1 ? `${yearly.everyYears} năm một lần` : 'mỗi năm'}${
          yearly.month === null ? '' : `, hạn ngày ${yearly.day}/${yearly.month}`
        }`
      : '';
    output.out(
      values.json
        ? JSON.stringify({ text, kind, due, ...(yearly ? { yearly } : {}) })
        : `${text}\n  kiểu: ${kind}\n  hạn cuối: ${due ?? '—'}${each}`,
    );
    return 0;
  },
};
