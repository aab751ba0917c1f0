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
import type { ReportDraft } from '../src/domain/report.ts';
import { t } from '../src/i18n/index.ts';
import { createCore, openApp } from '../src/runtime/open-app.ts';

const OUT = resolve(REPO_ROOT, 'out/preview');

/** What the demo members write: [terminal login, task, month, day of submission, draft]. */
type DemoReport = [string, string, string, string, ReportDraft];

export const DEMO_REPORTS: DemoReport[] = [
  // May 2024
  [
    'lan',
    '1',
    '2024-05',
    '2024-05-20',
    {
      status: 'done',
      percent: 100,
      done: 'Đã tham mưu tổ chức Hội nghị toàn Ngành triển khai chuyển đổi số và thực hiện Đề án 06 năm 2024 ngày 27/02/2024, trực tiếp kết hợp trực tuyến tới BHXH 63 tỉnh, thành phố.',
    },
  ],
  [
    'lan',
    '5',
    '2024-05',
    '2024-05-20',
    {
      status: 'done',
      percent: 100,
      done: 'Kế hoạch của BHXH Việt Nam triển khai Đề án Trung tâm dữ liệu quốc gia đã được Tổng Giám đốc ký ban hành trong tháng 01/2024.',
    },
  ],
  [
    'ha',
    '20',
    '2024-05',
    '2024-05-21',
    {
      status: 'done',
      percent: 100,
      done: 'Đã hoàn thành kết nối Cổng Thông tin điện tử BHXH Việt Nam và Hệ thống Giao dịch BHXH điện tử với Hệ thống EMC từ ngày 25/3/2024; dữ liệu được đồng bộ liên tục.',
    },
  ],
  [
    'lan',
    '22',
    '2024-05',
    '2024-05-22',
    {
      status: 'in_progress',
      percent: 60,
      done: 'Đã xây dựng dự thảo Quy chế quản lý, khai thác, chia sẻ dữ liệu; đã gửi lấy ý kiến các đơn vị và BHXH các tỉnh.',
    },
  ],
  [
    'minh',
    '19',
    '2024-05',
    '2024-05-23',
    {
      status: 'in_progress',
      percent: 70,
      done: 'Đã tổng hợp ý kiến của các đơn vị về dự thảo Nghị định; đang hoàn thiện văn bản góp ý của BHXH Việt Nam.',
    },
  ],
  [
    'minh',
    '14',
    '2024-05',
    '2024-05-23',
    {
      status: 'in_progress',
      percent: 55,
      done: 'Đã số hóa 1.180.000 hồ sơ, kết quả giải quyết TTHC theo quy trình số hóa.',
    },
  ],
  [
    'thang',
    '16',
    '2024-05',
    '2024-05-24',
    {
      status: 'in_progress',
      percent: 60,
      done: 'Tỷ lệ người hưởng tại khu vực đô thị nhận chế độ BHXH không dùng tiền mặt đạt 61,2%.',
    },
  ],
  [
    'maianh',
    '7',
    '2024-05',
    '2024-05-24',
    {
      status: 'not_started',
      percent: 0,
      done: 'Đang nghiên cứu tài liệu, chuẩn bị đề cương đánh giá mô hình tổ chức.',
    },
  ],
  [
    'khanh',
    '2',
    '2024-05',
    '2024-05-27',
    {
      status: 'in_progress',
      percent: 42,
      done: 'Đã tổ chức giao ban Tổ công tác tháng 5/2024 ngày 27/5/2024.',
    },
  ],

  // June 2024
  [
    'lan',
    '22',
    '2024-06',
    '2024-06-24',
    {
      status: 'in_progress',
      percent: 85,
      done: 'Đã tiếp thu ý kiến góp ý của 18 đơn vị và 41 BHXH tỉnh, hoàn thiện dự thảo Quy chế, trình Lãnh đạo Ngành xem xét ban hành.',
      blockers:
        'Một số đơn vị nghiệp vụ chưa gửi ý kiến về phân quyền khai thác dữ liệu. Đề nghị Lãnh đạo Ngành chỉ đạo các đơn vị gửi ý kiến trước ngày 05/7/2024 để kịp ban hành Quy chế.',
    },
  ],
  [
    'lan',
    '8',
    '2024-06',
    '2024-06-24',
    {
      status: 'in_progress',
      percent: 45,
      done: 'Đã tổ chức 03 lớp tập huấn kỹ năng số, an toàn thông tin cho 2.150 công chức, viên chức; lũy kế đạt 45% chỉ tiêu năm.',
    },
  ],
  [
    'lan',
    '11',
    '2024-06',
    '2024-06-24',
    {
      status: 'in_progress',
      percent: 50,
      done: 'Hạ tầng và phần mềm nghiệp vụ hoạt động ổn định; đã nâng cấp phần mềm quản lý thu, sổ thẻ đáp ứng xác thực số định danh cá nhân.',
    },
  ],
  [
    'ha',
    '12',
    '2024-06',
    '2024-06-25',
    {
      status: 'in_progress',
      percent: 50,
      done: 'Trong tháng không phát sinh sự cố mất an toàn thông tin; đã rà soát và khắc phục 37 lỗ hổng bảo mật.',
    },
  ],
  [
    'ha',
    '17',
    '2024-06',
    '2024-06-25',
    {
      status: 'in_progress',
      percent: 70,
      done: 'Đã tích hợp 22/25 thủ tục hành chính đủ điều kiện cung cấp DVC trực tuyến toàn trình lên Cổng DVC quốc gia.',
      blockers:
        '03 thủ tục còn lại phụ thuộc việc sửa đổi quy trình nghiệp vụ của Ban Thực hiện chính sách BHXH; đề nghị Ban sớm ban hành quy trình sửa đổi để Trung tâm CNTT hoàn thiện phần mềm.',
    },
  ],
  [
    'lan',
    '23',
    '2024-06',
    '2024-06-25',
    {
      status: 'in_progress',
      percent: 60,
      done: 'Duy trì kết nối, chia sẻ dữ liệu với CSDL quốc gia về dân cư và CSDL quốc gia về đăng ký doanh nghiệp; trong tháng trả lời 1,2 triệu lượt tra cứu.',
    },
  ],
  [
    'lan',
    '14',
    '2024-06',
    '2024-06-25',
    {
      status: 'in_progress',
      percent: 60,
      done: 'Đã nâng cấp phần mềm số hóa hồ sơ, bổ sung chức năng ký số kết quả số hóa theo đề nghị của Văn phòng.',
    },
  ],
  [
    'minh',
    '19',
    '2024-06',
    '2024-06-26',
    {
      status: 'in_progress',
      percent: 90,
      done: 'Đã gửi văn bản góp ý lần 2 tới Bộ Tư pháp; đang chờ Bộ Tư pháp tổng hợp, trình Chính phủ.',
      blockers:
        'Dự thảo Nghị định do Bộ Tư pháp chủ trì thay đổi nhiều lần về phạm vi liên thông nên BHXH Việt Nam chưa thể hoàn thành góp ý trong tháng 4/2024 như kế hoạch.',
    },
  ],
  [
    'minh',
    '14',
    '2024-06',
    '2024-06-26',
    {
      status: 'in_progress',
      percent: 62,
      done: 'Lũy kế đã số hóa 1.245.600 hồ sơ, kết quả giải quyết TTHC, đạt 62% khối lượng cần số hóa.',
    },
  ],
  [
    'minh',
    '15',
    '2024-06',
    '2024-06-26',
    {
      status: 'in_progress',
      percent: 40,
      done: 'Đã rà soát 27 TTHC; đề xuất cắt giảm thành phần hồ sơ đối với 08 TTHC trên cơ sở khai thác CSDL quốc gia về dân cư.',
    },
  ],
  [
    'thang',
    '25',
    '2024-06',
    '2024-06-27',
    {
      status: 'blocked',
      percent: 20,
      done: 'Đã phối hợp với BHXH thành phố Hà Nội thí điểm chi trả chế độ BHXH có xác thực CCCD gắn chip tại 02 điểm chi trả.',
      blockers:
        'Chưa có hướng dẫn của Ngân hàng Nhà nước về xác thực CCCD gắn chip tại điểm chi trả; đề nghị Lãnh đạo Ngành có văn bản đề nghị Ngân hàng Nhà nước sớm hướng dẫn.',
    },
  ],
  [
    'huong',
    '10',
    '2024-06',
    '2024-06-27',
    {
      status: 'in_progress',
      percent: 50,
      done: 'Đã tham gia ý kiến 04 dự thảo văn bản quy phạm pháp luật liên quan đến cung cấp DVC trực tuyến và chia sẻ dữ liệu.',
    },
  ],
  [
    'dung',
    '21',
    '2024-06',
    '2024-06-28',
    {
      status: 'in_progress',
      percent: 92,
      done: 'Đã xác thực 6.812.400/7.398.000 người tham gia (đạt 92,1%) với CSDL quốc gia về dân cư.',
      blockers:
        'Còn khoảng 580.000 trường hợp sai lệch thông tin, chủ yếu do người tham gia đã chuyển nơi cư trú; đề nghị Trung tâm CNTT hỗ trợ đối soát theo lô với CSDL quốc gia về dân cư.',
    },
  ],
  [
    'khanh',
    '2',
    '2024-06',
    '2024-06-28',
    {
      status: 'in_progress',
      percent: 50,
      done: 'Đã tổ chức giao ban Tổ công tác tháng 6/2024 ngày 25/6/2024, kết luận giao nhiệm vụ cho các đơn vị.',
    },
  ],
  [
    'khanh',
    '3',
    '2024-06',
    '2024-06-28',
    {
      status: 'in_progress',
      percent: 50,
      done: 'Đã tổng hợp, gửi báo cáo tháng 5/2024 tới Tổ công tác của Chính phủ đúng hạn.',
    },
  ],
  // Sent after the month ended: stored as a late report.
  [
    'maianh',
    '7',
    '2024-06',
    '2024-07-03',
    {
      status: 'in_progress',
      percent: 30,
      done: 'Đã xây dựng đề cương báo cáo đánh giá mô hình tổ chức và khảo sát 12 đơn vị.',
    },
  ],
  [
    'thang',
    '16',
    '2024-06',
    '2024-07-03',
    {
      status: 'in_progress',
      percent: 65,
      done: 'Tỷ lệ người hưởng tại khu vực đô thị nhận chế độ BHXH không dùng tiền mặt đạt 63,4%.',
    },
  ],
];

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
    for (const [login, task, month, day, draft] of DEMO_REPORTS) {
      clock.set(`${day}T09:00:00+07:00`);
      const saved = await core.submitReport(viewers.get(login)!, { task, draft, periodKey: month });
      if (saved.kind !== 'report-saved')
        throw new Error(`Demo report ${login}/${task} refused: ${JSON.stringify(saved)}`);
    }

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
