import { parseArgs } from 'node:util';
import type { UnitKind } from '../../domain/unit-directory.ts';
import type { ChangeAction } from '../../domain/unit-history.ts';
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

const CHANGE_OPTIONS = {
  on: { type: 'string' },
  decision: { type: 'string' },
  to: { type: 'string' },
  into: { type: 'string', multiple: true },
  name: { type: 'string' },
  kind: { type: 'string' },
} as const;

/** "CODE" or "CODE=Tên đầy đủ" (a successor created by the change). */
function target(
  spec: string,
  name?: string,
  kind?: string,
): { code: string; name?: string; kind?: UnitKind } {
  const [code = '', ...rest] = spec.split('=');
  const fullName = rest.join('=').trim() || name?.trim();
  const unitKind = kind as UnitKind | undefined;
  if (unitKind !== undefined && !LIST_KINDS.includes(unitKind)) {
    throw new UsageError('--kind: central, provincial, regional hoặc group.');
  }
  return {
    code: code.trim().toUpperCase(),
    ...(fullName ? { name: fullName } : {}),
    ...(unitKind ? { kind: unitKind } : {}),
  };
}

function changeCommand(action: ChangeAction, usage: string, summary: string): Command {
  return {
    path: ['units', action],
    usage,
    summary,
    async run(args, context) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: CHANGE_OPTIONS });
      if (!values.on || !DAY.test(values.on))
        throw new UsageError('--on: ngày có hiệu lực, dạng YYYY-MM-DD.');
      if (!values.decision?.trim()) throw new UsageError('--decision: số và ngày của quyết định.');
      const from = positionals.map((code) => code.trim().toUpperCase());
      const to =
        action === 'close'
          ? []
          : action === 'split'
            ? (values.into ?? [])
                .flatMap((list) => list.split(','))
                .map((spec) => target(spec, undefined, values.kind))
            : [target(values.to ?? values.into?.[0] ?? '', values.name, values.kind)];
      if (action === 'rename' && from.length !== 1) throw new UsageError('Đổi tên: một đơn vị.');
      if (action === 'merge' && from.length < 1)
        throw new UsageError('Hợp nhất: cần các đơn vị bị hợp nhất.');
      if (action === 'split' && (from.length !== 1 || to.length < 2)) {
        throw new UsageError('Chia tách: một đơn vị, --into ít nhất hai đơn vị.');
      }
      await (await context.app()).units.applyChange(
        { on: values.on, action, from, to, decision: values.decision.trim() },
        'cli',
      );
      const into = to.map((t) => t.code).join(', ');
      context.output.out(
        `Đã ghi: ${from.join(', ')} ${
          action === 'close'
            ? 'giải thể'
            : action === 'rename'
              ? `đổi tên thành ${into}`
              : action === 'merge'
                ? `hợp nhất vào ${into}`
                : `chia tách thành ${into}`
        } từ ${values.on} (${values.decision.trim()}).`,
      );
      return 0;
    },
  };
}

export const unitsRenameCommand = changeCommand(
  'rename',
  'da06 units rename CODE --to NEWCODE [--name "Tên mới"] --on YYYY-MM-01 --decision "Số/QĐ ngày …"',
  'Đổi tên một đơn vị từ một ngày, theo quyết định.',
);
export const unitsMergeCommand = changeCommand(
  'merge',
  'da06 units merge CODE… --into CODE [--name "Tên"] --on YYYY-MM-01 --decision "Số/QĐ ngày …"',
  'Hợp nhất các đơn vị vào một đơn vị (có sẵn, hoặc mới với --name) từ một ngày.',
);
export const unitsSplitCommand = changeCommand(
  'split',
  'da06 units split CODE --into "A=Tên A,B=Tên B" --on YYYY-MM-01 --decision "Số/QĐ ngày …"',
  'Chia tách một đơn vị thành nhiều đơn vị từ một ngày.',
);
export const unitsCloseCommand = changeCommand(
  'close',
  'da06 units close CODE --on YYYY-MM-01 --decision "Số/QĐ ngày …"',
  'Giải thể một đơn vị từ một ngày.',
);

export const unitsMembersToMoveCommand: Command = {
  path: ['units', 'members-to-move'],
  usage: 'da06 units members-to-move [--on YYYY-MM-DD] [--json]',
  summary: 'Thành viên thuộc đơn vị đã thôi tồn tại, và đơn vị kế thừa để chuyển họ sang.',
  async run(args, context) {
    const { values } = parseArgs({ args, options: { on: { type: 'string' }, json: { type: 'boolean' } } });
    if (values.on !== undefined && !DAY.test(values.on)) throw new UsageError('--on: ngày dạng YYYY-MM-DD.');
    const app = await context.app();
    const on = values.on ?? wallClock(new Date(), app.group.timeZone).day;
    const history = await app.units.history();
    const rows = (await app.members.list())
      .filter((m) => m.active)
      .flatMap((m) => {
        const unit = history.get(m.unitCode);
        if (!unit || unit.validTo === null || unit.validTo > on) return [];
        return [
          { member: m.displayName, unit: m.unitCode, successors: history.successorsOn(m.unitCode, on) },
        ];
      });
    if (values.json) {
      context.output.out(JSON.stringify(rows, null, 2));
      return 0;
    }
    context.output.out(
      rows.length === 0
        ? `Không có thành viên nào thuộc đơn vị đã thôi tồn tại vào ngày ${on}.`
        : table(
            ['Thành viên', 'Đơn vị cũ', 'Chuyển sang'],
            rows.map((r) => [r.member, r.unit, r.successors.join(', ') || '—']),
          ),
    );
    return 0;
  },
};
