import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { type ImportPlanOutcome, importPlan } from '../../app/plan-import/import-plan.ts';
import type { ImportProblem } from '../../domain/plan.ts';
import { describeUnresolved, mapCommand, parseMaps, type ReviewRow } from '../../domain/plan-review.ts';
import { t } from '../../i18n/index.ts';
import { type Command, UsageError } from '../context.ts';
import { type Output, table } from '../output.ts';

export const planImportCommand: Command = {
  path: ['plan', 'import'],
  usage:
    'da06 plan import FILE [--number "147/QĐ-BHXH"] [--title TEXT] [--year 2024] [--issued-on YYYY-MM-DD] [--sheet NAME] [--map "TÊN=MÃ"]... [--allow-unresolved] [--dry-run] [--json]',
  summary: 'Nhập kế hoạch từ CSV/XLSX/DOCX theo mẫu bảng của văn bản chính thức.',
  async run(args, context) {
    const { values, path } = parseImportArgs(args);
    const bytes = readPlanFile(path);
    const app = await context.app();
    const number = values.number ?? basename(path, extname(path));
    const maps = importMaps(values.map);
    const year = importYear(values.year);
    const outcome = await importPlan(
      {
        units: app.units,
        plans: app.plans,
        groupId: app.group.id,
        maxBytes: app.settings.PLAN_IMPORT_MAX_BYTES,
        limits: {
          maxRows: app.settings.PLAN_IMPORT_MAX_ROWS,
          maxColumns: app.settings.PLAN_IMPORT_MAX_COLUMNS,
          maxCellChars: app.settings.PLAN_IMPORT_MAX_CELL_CHARS,
          maxMergedCells: app.settings.PLAN_IMPORT_MAX_MERGED_CELLS,
          maxUnzippedBytes: app.settings.PLAN_IMPORT_MAX_UNZIPPED_BYTES,
        },
      },
      {
        file: { name: basename(path), bytes },
        header: {
          number,
          title: values.title ?? `Kế hoạch ${number}`,
          year,
          issuedOn: values['issued-on'] ?? null,
        },
        dryRun: values['dry-run'] ?? false,
        actor: 'cli',
        sheet: values.sheet,
        maps,
        allowUnresolved: values['allow-unresolved'] ?? false,
      },
    );
    const { output } = context;
    reportReview(output, outcome, values.json);
    if (outcome.blocking.length > 0) {
      reportRefusal(output, outcome, path, values, maps);
      return 1;
    }
    reportImported(output, outcome, number, values.json);
    return 0;
  },
};

function parseImportArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      number: { type: 'string' },
      title: { type: 'string' },
      year: { type: 'string' },
      'issued-on': { type: 'string' },
      sheet: { type: 'string' },
      map: { type: 'string', multiple: true },
      'allow-unresolved': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const [path] = positionals;
  if (!path || positionals.length > 1) throw new UsageError('Cần đúng một tệp kế hoạch (CSV hoặc XLSX).');
  return { values, path };
}

type ImportOptions = ReturnType<typeof parseImportArgs>['values'];

/** The --map "TÊN=MÃ" options; a malformed one is a usage error. */
function importMaps(options: string[] | undefined): Map<string, string> {
  try {
    return parseMaps(options ?? []);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The plan's year: --year, or this year. */
function importYear(option: string | undefined): number {
  const year = option ? Number(option) : new Date().getFullYear();
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new UsageError(`Năm không hợp lệ: ${option}`);
  return year;
}

/** The review: every parsed row (with --json), then the warnings and the names kept verbatim. */
function reportReview(output: Output, outcome: ImportPlanOutcome, json: boolean | undefined): void {
  // The review: every parsed row, errors or not, so the admin sees what was understood.
  if (json) output.out(JSON.stringify(outcome.review.rows.map(rowJson), null, 2));
  for (const warning of outcome.warnings.filter((w) => w.code !== 'unknown_unit'))
    output.err(`Lưu ý: ${describeProblem(warning)}`);
  if (outcome.blocking.length === 0 && outcome.review.unresolved.length > 0) {
    output.err(`Lưu ý: giữ nguyên văn tên đơn vị chưa rõ (--allow-unresolved):`);
    for (const name of outcome.review.unresolved) output.err(`  - ${describeUnresolved(name)}`);
  }
}

/** A refusal lists this many problems, then counts the rest: 100,000 bad rows are not 100,000 lines. */
export const SHOWN_ERRORS = 50;

/** Why nothing was imported, and the command to run again with a --map for each unknown name. */
function reportRefusal(
  output: Output,
  outcome: ImportPlanOutcome,
  path: string,
  values: ImportOptions,
  maps: Map<string, string>,
): void {
  // An unknown name counts once, however many rows it is on.
  const errors =
    outcome.blocking.filter((p) => p.code !== 'unknown_unit').length + outcome.review.unresolved.length;
  output.err(`Không nhập tệp ${basename(path)}: ${errors} lỗi, chưa ghi gì vào cơ sở dữ liệu.`);
  // One line per unknown name, not one per row it appears on; the first SHOWN_ERRORS, then how many more.
  const problems = outcome.blocking.filter((p) => p.code !== 'unknown_unit');
  for (const problem of problems.slice(0, SHOWN_ERRORS)) output.err(`  - ${describeProblem(problem)}`);
  if (problems.length > SHOWN_ERRORS) output.err(`  … và ${problems.length - SHOWN_ERRORS} lỗi khác.`);
  const { unresolved } = outcome.review;
  if (unresolved.length > 0) {
    output.err(`Tên đơn vị chưa có trong danh mục (${unresolved.length}):`);
    for (const name of unresolved) output.err(`  - ${describeUnresolved(name)}`);
    output.err(`Kiểm tra rồi chạy lại (mỗi --map cũng được lưu thành tên gọi của đơn vị):`);
    output.err(`  ${mapCommand(path, unresolved, keptOptions(values, maps))}`);
    output.err(
      'Tên không thuộc đơn vị nào: thêm đơn vị bằng "da06 units add --code MÃ --name TÊN --kind central|provincial".',
    );
  }
}

/** The options to repeat when the command is run again, the --map ones included. */
function keptOptions(values: ImportOptions, maps: Map<string, string>): string[] {
  return [
    ...(values.number ? ['--number', values.number] : []),
    ...(values.title ? ['--title', values.title] : []),
    ...(values.year ? ['--year', values.year] : []),
    ...(values['issued-on'] ? ['--issued-on', values['issued-on']] : []),
    ...(values.sheet ? ['--sheet', values.sheet] : []),
    ...[...maps].flatMap(([name, code]) => ['--map', `${name}=${code}`]),
    ...(values['dry-run'] ? ['--dry-run'] : []),
  ];
}

/** The aliases saved, then what was imported (or that the dry run found the file valid). */
function reportImported(
  output: Output,
  outcome: ImportPlanOutcome,
  number: string,
  json: boolean | undefined,
): void {
  for (const { name, code } of outcome.aliasesAdded)
    output.err(`Đã lưu tên gọi "${name}" cho đơn vị ${code}.`);
  if (json) {
    // Printed above.
  } else if (outcome.saved) {
    const s = outcome.saved;
    output.out(
      `Đã nhập kế hoạch ${number}: ${s.created} nhiệm vụ mới, ${s.updated} cập nhật, ${s.closed.length} đóng.`,
    );
    if (s.closed.length > 0) {
      output.out(`Đã đóng (tệp không còn liệt kê; giữ nguyên lịch sử và báo cáo): ${s.closed.join(', ')}`);
    }
    const unresolved = outcome.parsed.tasks.filter((t) => (t.unresolved ?? []).length > 0).length;
    if (unresolved > 0) {
      output.out(
        `${unresolved} nhiệm vụ còn tên đơn vị chưa rõ (giữ nguyên văn); gắn sau bằng "da06 units alias TÊN MÃ".`,
      );
    }
  } else {
    output.out(`Tệp hợp lệ: ${outcome.parsed.tasks.length} nhiệm vụ (chạy thử, chưa ghi gì).`);
  }
}

export const planListCommand: Command = {
  path: ['plan', 'list'],
  usage: 'da06 plan list [--plan NUMBER] [--json]',
  summary: 'Liệt kê nhiệm vụ: đơn vị chủ trì và thời hạn đã đọc.',
  async run(args, context) {
    const { values } = parseArgs({ args, options: { plan: { type: 'string' }, json: { type: 'boolean' } } });
    const app = await context.app();
    const tasks = await app.plans.listTasks(app.group.id, values.plan);
    if (values.json) {
      context.output.out(JSON.stringify(tasks, null, 2));
      return 0;
    }
    if (tasks.length === 0) {
      context.output.out(
        'Chưa có kế hoạch nào. Nhập bằng "da06 plan import TỆP" hoặc nạp dữ liệu mẫu: "da06 seed demo".',
      );
      return 0;
    }
    const rows = tasks.map((task) => [
      `${task.planNumber} #${task.code}`,
      task.content,
      [
        task.leadUnits.length > 5
          ? `${task.leadUnits.slice(0, 3).join(', ')} +${task.leadUnits.length - 3}`
          : task.leadUnits.join(', '),
        ...task.unresolved.filter((u) => u.role === 'lead').map((u) => `"${u.name}" (chưa rõ)`),
      ]
        .filter((t) => t !== '')
        .join(', '),
      task.deadline.text,
      t('vi', `deadline.kind.${task.deadline.kind}`),
      task.deadline.due ?? '—',
    ]);
    context.output.out(table(['Nhiệm vụ', 'Nội dung', 'Chủ trì', 'Thời hạn', 'Kiểu', 'Hạn cuối'], rows, 48));
    context.output.out(`\n${tasks.length} nhiệm vụ.`);
    return 0;
  },
};

function readPlanFile(path: string): Uint8Array {
  try {
    if (!statSync(path).isFile()) throw new UsageError(`${path} không phải là tệp.`);
    return readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Không đọc được tệp ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}

function describeProblem(problem: ImportProblem): string {
  const where = [
    problem.row === null ? null : `dòng ${problem.row}`,
    problem.column ? `cột "${problem.column}"` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${problem.message}` : problem.message;
}

function rowJson(task: ReviewRow) {
  return {
    code: task.code,
    section: task.section,
    objective: task.objective,
    task: task.task,
    activity: task.activity,
    content: task.content,
    leadUnits: task.leadUnits,
    coordinatingUnits: task.coordinatingUnits,
    deadline: {
      text: task.deadline.text,
      kind: task.deadline.kind,
      due: task.deadline.due,
      ...(task.deadline.yearly ? { yearly: task.deadline.yearly } : {}),
    },
    product: task.product,
    row: task.row,
    leadText: task.leadText,
    coordinatingText: task.coordinatingText,
    issues: task.issues.map(({ column, message }) => ({ column, message })),
  };
}
