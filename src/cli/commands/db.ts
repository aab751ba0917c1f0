import { migrateDatabase } from '../../store/migrations/migrate.ts';
import { redactUrl } from '../../store/provider.ts';
import type { Command } from '../context.ts';

export const dbMigrateCommand: Command = {
  path: ['db', 'migrate'],
  usage: 'da06 db migrate',
  summary: 'Áp dụng các migration còn thiếu (việc này cũng tự chạy khi khởi động).',
  async run(_args, { output, settings }) {
    const url = settings().DATABASE_URL;
    const { applied } = await migrateDatabase(url);
    output.out(
      applied.length === 0
        ? `Cơ sở dữ liệu ${redactUrl(url)} đã ở phiên bản mới nhất.`
        : `Đã áp dụng ${applied.length} migration cho ${redactUrl(url)}:\n${applied.map((name) => `  - ${name}`).join('\n')}`,
    );
    return 0;
  },
};
