import { seedDemo } from '../../app/seed-demo.ts';
import { type Command, UsageError } from '../context.ts';

export const seedDemoCommand: Command = {
  path: ['seed', 'demo'],
  usage: 'da06 seed demo',
  summary: 'Nạp danh mục đơn vị, kế hoạch năm 2024 (147/QĐ-BHXH) và thành viên mẫu.',
  async run(args, context) {
    if (args.length > 0) throw new UsageError(`Không hiểu tham số: ${args.join(' ')}`);
    const result = await seedDemo(await context.app(), 'cli');
    const saved = result.plan.saved;
    context.output.out(
      [
        `Danh mục đơn vị: ${result.units} đơn vị.`,
        `Kế hoạch 147/QĐ-BHXH: ${saved?.created ?? 0} nhiệm vụ mới, ${saved?.updated ?? 0} nhiệm vụ cập nhật.`,
        `Thành viên mẫu: thêm ${result.membersAdded}.`,
      ].join('\n'),
    );
    return 0;
  },
};
