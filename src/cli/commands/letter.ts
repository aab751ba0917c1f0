import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { today as todayOf } from '../../app/core-deps.ts';
import { earlierDay } from '../../app/use-cases/deadline-buckets.ts';
import { resolveReportPeriod } from '../../app/use-cases/export-report.ts';
import { type LetterTarget, loadLetters } from '../../app/use-cases/reminder-letter.ts';
import { formatDate, localizeParams, t } from '../../i18n/index.ts';
import { renderLetterDocx } from '../../reports/letter-docx.ts';
import { coreDeps } from '../../runtime/open-app.ts';
import { type Command, settingsClock, UsageError } from '../context.ts';

/** `da06 letter`: the reminder letter (công văn đôn đốc) to one unit or every unit with overdue tasks. */
export const letterCommand: Command = {
  path: ['letter'],
  usage: 'da06 letter (--unit CODE | --all) --out FILE.docx [--period 2024-06|2024-H1|2024]',
  summary: 'Soạn dự thảo công văn đôn đốc (DOCX) gửi đơn vị có nhiệm vụ quá hạn.',
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        unit: { type: 'string' },
        all: { type: 'boolean' },
        period: { type: 'string' },
        out: { type: 'string' },
      },
    });
    if (positionals.length > 0) throw new UsageError(`Không hiểu tham số: ${positionals.join(' ')}`);
    if (!values.out) throw new UsageError('Cần --out TỆP.docx: nơi ghi công văn.');
    if (!values.out.toLowerCase().endsWith('.docx')) throw new UsageError('Công văn ghi ra tệp .docx.');
    if ((values.unit === undefined) === (values.all !== true)) {
      throw new UsageError('Cần đúng một trong --unit MÃ hoặc --all.');
    }
    const target: LetterTarget = values.all ? 'all' : { unit: values.unit! };
    const settings = context.settings();
    const app = await context.app();
    const clock = settingsClock(settings);
    const deps = coreDeps(app, clock);
    const today = todayOf(deps);
    const resolved = await resolveReportPeriod(deps, values.period, today);
    if (!resolved.ok) {
      context.output.err(t('vi', resolved.notice.key, localizeParams('vi', resolved.notice.params)));
      return 1;
    }
    const { period } = resolved;
    const doc = await loadLetters(deps, target, period, today);
    if (doc === null) {
      const date = formatDate('vi', earlierDay(period.endsOn, today));
      context.output.out(
        target === 'all'
          ? t('vi', 'letter.nothing_overdue_all', { date })
          : t('vi', 'letter.nothing_overdue', { unit: target.unit.toUpperCase(), date }),
      );
      return 0;
    }
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, await renderLetterDocx(doc));
    const units = doc.letters.map(
      (l) => `${l.unitCode} (${l.overdue.length} quá hạn, ${l.soonDue.length} sắp đến hạn)`,
    );
    context.output.out(`Đã ghi công văn đôn đốc ${period.key}: ${values.out} — ${units.join('; ')}.`);
    return 0;
  },
};
