import { parseArgs } from 'node:util';
import type { UnitKind } from '../../domain/unit-directory.ts';
import { wallClock } from '../../domain/zoned-time.ts';
import { type Command, UsageError } from '../context.ts';
import { table } from '../output.ts';

const KINDS: UnitKind[] = ['central', 'provincial', 'group'];
const LIST_KINDS: UnitKind[] = ['central', 'provincial', 'regional', 'group'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const unitsListCommand: Command = {
  path: ['units', 'list'],
  usage: 'da06 units list [--on YYYY-MM-DD] [--kind central|provincial|regional|group] [--json]',
  summary: 'Danh mục đơn vị (như vào một ngày, mặc định hôm nay) và các tên gọi tắt.',
  async run(args, context) {
    const { values } = parseArgs({
      args,
      options: { json: { type: 'boolean' }, on: { type: 'string' }, kind: { type: 'string' } },
    });
    if (values.on !== undefined && !DAY.test(values.on)) throw new UsageError('--on: ngày dạng YYYY-MM-DD.');
    if (values.kind !== undefined && !LIST_KINDS.includes(values.kind as UnitKind)) {
      throw new UsageError('--kind: central, provincial, regional hoặc group.');
    }
    const app = await context.app();
    const on = values.on ?? wallClock(new Date(), app.group.timeZone).day;
    const units = (await app.units.listOn(on)).filter((unit) => !values.kind || unit.kind === values.kind);
    if (values.json) {
      context.output.out(JSON.stringify(units, null, 2));
      return 0;
    }
    const rows = units.map((unit) => [unit.code, unit.kind, unit.name, unit.aliases.slice(2).join(' | ')]);
    context.output.out(`Danh mục đơn vị ngày ${on}: ${units.length} đơn vị.`);
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
  usage: 'da06 units alias "TÊN GỌI" --unit CODE',
  summary: 'Gán một tên gọi (ví dụ chữ viết tắt trong kế hoạch) cho một đơn vị.',
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { unit: { type: 'string' } },
    });
    const alias = positionals.join(' ').trim();
    if (!alias || !values.unit) throw new UsageError('Cần tên gọi và --unit MÃ.');
    await (await context.app()).units.addAlias(alias, values.unit.trim().toUpperCase(), 'cli');
    context.output.out(`"${alias}" từ nay là đơn vị ${values.unit.trim().toUpperCase()}.`);
    return 0;
  },
};
