import { parseArgs } from 'node:util';
import type { UnitKind } from '../../domain/unit-directory.ts';
import { type Command, UsageError } from '../context.ts';
import { table } from '../output.ts';

const KINDS: UnitKind[] = ['central', 'provincial', 'group'];

export const unitsListCommand: Command = {
  path: ['units', 'list'],
  usage: 'da06 units list [--json]',
  summary: 'Danh mục đơn vị và các tên gọi tắt.',
  async run(args, context) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
    const units = await (await context.app()).units.list();
    if (values.json) {
      context.output.out(JSON.stringify(units, null, 2));
      return 0;
    }
    const rows = units.map((unit) => [unit.code, unit.kind, unit.name, unit.aliases.slice(2).join(' | ')]);
    context.output.out(table(['Mã', 'Loại', 'Tên', 'Tên gọi khác'], rows, 70));
    return 0;
  },
};

export const unitsAddCommand: Command = {
  path: ['units', 'add'],
  usage: 'da06 units add --code CODE --name "Tên đầy đủ" --kind central|provincial [--alias TEXT]...',
  summary: 'Thêm một đơn vị vào danh mục.',
  async run(args, context) {
    const { values } = parseArgs({
      args,
      options: {
        code: { type: 'string' },
        name: { type: 'string' },
        kind: { type: 'string' },
        alias: { type: 'string', multiple: true },
      },
    });
    const code = values.code?.trim().toUpperCase() ?? '';
    if (!/^[A-Z0-9-]{1,16}$/.test(code)) throw new UsageError('--code: 1–16 ký tự A-Z, 0-9 hoặc "-".');
    if (!values.name?.trim()) throw new UsageError('--name: cần tên đầy đủ của đơn vị.');
    const kind = values.kind as UnitKind;
    if (!KINDS.includes(kind)) throw new UsageError('--kind: central, provincial hoặc group.');
    const app = await context.app();
    await app.units.add({ code, name: values.name.trim(), kind }, 'cli');
    for (const alias of values.alias ?? []) await app.units.addAlias(alias, code, 'cli');
    context.output.out(`Đã thêm đơn vị ${code}: ${values.name.trim()}.`);
    return 0;
  },
};

export const unitsAliasCommand: Command = {
  path: ['units', 'alias'],
  usage: 'da06 units alias "TÊN GỌI" CODE   (hoặc: da06 units alias "TÊN GỌI" --unit CODE)',
  summary:
    'Gán một tên gọi (ví dụ chữ viết tắt trong kế hoạch) cho một đơn vị, và gắn các nhiệm vụ đang ghi tên này là "chưa rõ".',
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { unit: { type: 'string' } },
    });
    // "units alias KHTC TCKT": without --unit the last word is the code.
    const words = values.unit === undefined ? positionals.slice(0, -1) : positionals;
    const code = (values.unit ?? positionals.at(-1) ?? '').trim().toUpperCase();
    const alias = words.join(' ').trim();
    if (!alias || !code) throw new UsageError('Cần tên gọi và mã đơn vị: da06 units alias "TÊN GỌI" MÃ.');
    const app = await context.app();
    await app.units.addAlias(alias, code, 'cli');
    context.output.out(`"${alias}" từ nay là đơn vị ${code}.`);
    const linked = await app.plans.linkUnresolved(app.group.id, alias, code, 'cli');
    if (linked.length > 0) {
      context.output.out(
        `Đã gắn ${linked.length} nhiệm vụ đang ghi "${alias}" (chưa rõ) với ${code}: ${linked.join(', ')}.`,
      );
    }
    return 0;
  },
};
