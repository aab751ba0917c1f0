/**
 * Preview of the written report on the demo data (`npm run report:preview`): a temporary SQLite
 * database with the demo plan and members, a few realistic replies of the demo members for May and
 * June 2024 (one sent late, in July), then the June 2024 report as DOCX, XLSX, CSV and chart, the
 * scoreboard as XLSX, and the DOCX as PDF and PNG pages (LibreOffice headless, pdftoppm) under
 * out/preview/, to look at before a change to the layout is merged.
 *
 *   node bin/run-ts.js scripts/report-preview.ts [--period 2024-06|2024-H1|2024]
 *
 * LibreOffice (`libreoffice-writer-nogui`) and pdftoppm (`poppler-utils`) are installed with apt-get
 * when missing (Debian; needs root); without them the DOCX is still written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fixedClock } from '../src/app/clock.ts';
import { REPO_ROOT } from '../src/app/paths.ts';
import { seedDemo } from '../src/app/seed-demo.ts';
import { exportReport, loadReportDocument, renderReportFile } from '../src/app/use-cases/export-report.ts';
import { toViewer } from '../src/app/use-cases/identify.ts';
import { exportScoreboard } from '../src/app/use-cases/scoreboard.ts';
import type { Viewer } from '../src/app/views.ts';
import { loadSettings } from '../src/config/load-settings.ts';
import { parsePeriod } from '../src/domain/period.ts';
import { t } from '../src/i18n/index.ts';
import { createCore, openApp } from '../src/runtime/open-app.ts';

const OUT = resolve(REPO_ROOT, 'out/preview');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { period: { type: 'string', default: '2024-06' } } });
  const period = parsePeriod(values.period ?? '2024-06');
  if (!period) throw new Error(`Not a period: ${values.period}`);
  mkdirSync(OUT, { recursive: true });
  for (const file of readdirSync(OUT)) rmSync(join(OUT, file), { recursive: true, force: true });

  const dir = mkdtempSync(join(tmpdir(), 'da06-preview-'));
  const settings = loadSettings(
    { DATABASE_URL: `file:${join(dir, 'preview.db')}`, DB_CONNECT_RETRIES: '0' },
    '/nonexistent',
  );
  const app = await openApp(settings, { log: () => {} });
  try {
    await seedDemo(app, 'preview');
    const clock = fixedClock('2024-05-20T09:00:00+07:00');
    const core = createCore(app, clock);
    const viewers = new Map<string, Viewer>();
    for (const member of await app.members.list()) {
      if (member.identities.terminal) viewers.set(member.identities.terminal, toViewer(member));
    }
    // seedDemo wrote the demo members' replies of May and June 2024 (src/app/demo-data.ts).
    clock.set('2024-07-05T09:00:00+07:00');
    const chair = viewers.get('khanh')!;
    const file = await exportReport(core.deps, chair, period.key, 'docx');
    if (file.kind !== 'file') throw new Error(t('vi', file.key, file.params));
    const docx = join(OUT, file.fileName);
    writeFileSync(docx, file.bytes);
    if (file.image) writeFileSync(join(OUT, file.image.fileName), file.image.bytes);
    const doc = await loadReportDocument(core.deps, period, '2024-07-05');
    for (const format of ['xlsx', 'csv'] as const) {
      const other = await renderReportFile(doc, format);
      writeFileSync(join(OUT, other.fileName), other.bytes);
    }
    const board = await exportScoreboard(core.deps, period, 'xlsx', 'vi');
    writeFileSync(join(OUT, board.fileName), board.bytes);
    console.log(file.caption.join('\n'));

    if (ensureTools()) {
      const profile = mkdtempSync(join(tmpdir(), 'da06-soffice-'));
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          OUT,
          docx,
        ],
        { stdio: 'inherit' },
      );
      rmSync(profile, { recursive: true, force: true });
      const pdf = docx.replace(/\.docx$/, '.pdf');
      execFileSync('pdftoppm', ['-png', '-r', '80', pdf, join(OUT, 'page')], { stdio: 'inherit' });
    }
    console.log(`\nPreview in ${OUT}:`);
    for (const name of readdirSync(OUT).sort()) console.log(`  ${name}`);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** soffice and pdftoppm, installed from Debian's packages when missing. */
function ensureTools(): boolean {
  const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
  if (has('soffice') && has('pdftoppm')) return true;
  console.log('Installing libreoffice-writer-nogui and poppler-utils (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  const install =
    update.status === 0
      ? spawnSync('apt-get', ['install', '-y', 'libreoffice-writer-nogui', 'poppler-utils'], {
          stdio: 'inherit',
          env,
        })
      : update;
  if (install.status === 0 && has('soffice') && has('pdftoppm')) return true;
  console.warn('LibreOffice or pdftoppm is not available: only the DOCX, XLSX, CSV and chart were written.');
  return false;
}

await main();
