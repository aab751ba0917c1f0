import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { today as todayOf } from '../../app/core-deps.ts';
import {
  isFileFormat,
  loadReportDocument,
  renderReportFile,
  resolveReportPeriod,
} from '../../app/use-cases/export-report.ts';
import { exportScoreboard } from '../../app/use-cases/scoreboard.ts';
import { isLocale, type Locale } from '../../domain/roles.ts';
import { localizeParams, t } from '../../i18n/index.ts';
import type { FileFormat } from '../../reports/model.ts';
import { coreDeps } from '../../runtime/open-app.ts';
import { type Command, settingsClock, UsageError } from '../context.ts';

export const reportCommand: Command = {
  path: ['report'],
  usage:
    'da06 report --out FILE [--period 2024-06|2024-H1|2024] [--format docx|xlsx|csv] [--scoreboard] [--locale vi|en]',
  summary: 'Xuất dự thảo báo cáo định kỳ (DOCX/XLSX/CSV, kèm biểu đồ PNG) hoặc bảng xếp hạng thi đua.',
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        period: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        scoreboard: { type: 'boolean' },
        locale: { type: 'string' },
      },
    });
    if (positionals.length > 0) throw new UsageError(`Không hiểu tham số: ${positionals.join(' ')}`);
    const out = values.out;
    if (!out) throw new UsageError('Cần --out TỆP: nơi ghi báo cáo.');
    const format = chooseFormat(values.format, out);
    const scoreboard = values.scoreboard ?? false;
    if (scoreboard && format === 'docx') {
      throw new UsageError('Bảng xếp hạng thi đua xuất ra xlsx hoặc csv (--format xlsx|csv).');
    }
    if (values.locale !== undefined && !isLocale(values.locale)) {
      throw new UsageError(`Ngôn ngữ không hợp lệ: ${values.locale} (vi hoặc en).`);
    }

    const settings = context.settings();
    const app = await context.app();
    const clock = settingsClock(settings);
    const deps = coreDeps(app, clock);
    const locale: Locale =
      (values.locale as Locale | undefined) ?? (isLocale(app.group.locale) ? app.group.locale : 'vi');
    const today = todayOf(deps);
    const resolved = await resolveReportPeriod(deps, values.period, today);
    if (!resolved.ok) {
      context.output.err(t(locale, resolved.notice.key, localizeParams(locale, resolved.notice.params)));
      return 1;
    }
    const { period } = resolved;
    mkdirSync(dirname(out), { recursive: true });

    if (scoreboard) {
      const file = await exportScoreboard(deps, period, format as 'xlsx' | 'csv', locale);
      writeFileSync(out, file.bytes);
      context.output.out(
        `Đã ghi bảng xếp hạng thi đua ${period.key}: ${out} (${file.board.rows.length} đơn vị).`,
      );
      return 0;
    }

    const doc = await loadReportDocument(deps, period, today, locale);
    const file = await renderReportFile(doc, format);
    writeFileSync(out, file.bytes);
    context.output.out(`Đã ghi báo cáo ${period.key}: ${out} (${kilobytes(file.bytes.length)}).`);
    if (doc.chart && format !== 'csv') {
      const chartPath = chartPathFor(out);
      writeFileSync(chartPath, doc.chart.png);
      context.output.out(`Biểu đồ: ${chartPath} (${doc.chart.width}×${doc.chart.height}).`);
    }
    if (doc.data.taskCount === 0)
      context.output.err('Lưu ý: chưa có kế hoạch nào được nhập, báo cáo nêu rõ điều đó.');
    else if (!doc.data.hasReports)
      context.output.err(`Lưu ý: kỳ ${period.key} chưa có báo cáo nào của các đơn vị.`);
    return 0;
  },
};

/** `--format`, else the extension of `--out`. */
function chooseFormat(typed: string | undefined, out: string): FileFormat {
  const fromName = extname(out).slice(1).toLowerCase();
  const format = (typed ?? fromName).toLowerCase();
  if (!isFileFormat(format)) {
    throw new UsageError(`Định dạng không hợp lệ: "${typed ?? fromName}" (docx, xlsx hoặc csv).`);
  }
  return format;
}

/** `report.docx` → `report-chart.png`, beside it. */
export function chartPathFor(out: string): string {
  return join(dirname(out), `${basename(out, extname(out))}-chart.png`);
}

function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
