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
    const { text, kind, due } = parseDeadline(positionals.join(' '));
    output.out(
      values.json
        ? JSON.stringify({ text, kind, due })
        : `${text}\n  kiểu: ${kind}\n  hạn cuối: ${due ?? '—'}`,
    );
    return 0;
  },
};
