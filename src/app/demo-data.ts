/**
 * Demo data beyond the plan file (issue 15): the 27 replies the demo members wrote on the 2024 plan
 * in May–June 2024 (kept as loaded history; `scripts/report-preview.ts` renders them too), and a
 * SAMPLE plan for the current year on the current directory, with dates relative to the clock, so
 * that a newcomer's `npm start` shows a live summary, an overdue list, a scoreboard and an export.
 * The sample plan is made-up data and says so in its number and title.
 */

import { nextPeriod, type Period, previousPeriod } from '../domain/period.ts';
import type { ReportDraft } from '../domain/report.ts';
import { defaultReportPeriod } from '../domain/reporting-window.ts';

/** What the demo members write: [terminal login, task, month, day of submission, draft]. */
export type DemoReport = [string, string, string, string, ReportDraft];

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

/** The day the 2024 plan's year-end replies are dated (period 2024-12, on time). */
export const YEAR_END_2024_DAY = '2024-12-18';

/**
 * The 2024 plan closed as a year's plan is (issue 15): each task due in 2024 gets a year-end reply
 * "done" (dữ liệu mẫu) in December 2024 from a demo member of each lead unit, so that the summary of
 * a later month does not count the 2024 tasks as overdue for 700–950 days. Written only when
 * `today` is after 2024: a demo clock inside 2024 keeps the history as it then stood.
 */
export function yearEndReplies(
  today: string,
  tasks: readonly { code: string; leadUnits: string[]; deadline: { due: string | null } }[],
  loginOf: (unitCode: string) => string | undefined,
): DemoReport[] {
  if (today <= '2024-12-31') return [];
  const replies: DemoReport[] = [];
  for (const task of tasks) {
    const due = task.deadline.due;
    if (due === null || due > '2024-12-31') continue;
    for (const unit of task.leadUnits) {
      const login = loginOf(unit);
      if (!login || doneIn2024(login, task.code)) continue;
      replies.push([
        login,
        task.code,
        '2024-12',
        YEAR_END_2024_DAY,
        { status: 'done', percent: 100, done: '[Mẫu] Đã hoàn thành trong năm 2024 (báo cáo tổng kết năm).' },
      ]);
    }
  }
  return replies;
}

function doneIn2024(login: string, code: string): boolean {
  return DEMO_REPORTS.some(
    ([who, task, , , draft]) => who === login && task === code && draft.status === 'done',
  );
}

export interface SamplePlan {
  header: { number: string; title: string; year: number; issuedOn: string };
  csv: string;
  /** [terminal login, task, month key, day of submission, draft], oldest first, none after `today`. */
  reports: DemoReport[];
}

const monthText = (p: Period) => `Tháng ${p.key.slice(5)}/${p.key.slice(0, 4)}`;

/**
 * The sample plan of the year of `today` (dữ liệu mẫu): seven tasks led by the demo members' units
 * on today's directory ("BHXH các tỉnh" expands to the provincial offices that exist today), with
 * deadlines two months back, last month, this month, next month and the year's end; replies from
 * last month (one on time, one late) and this month (one blocked, with a kiến nghị). "This month" is
 * the month being collected (`defaultReportPeriod`): during the grace days, the previous one, so the
 * default summary a first start shows has the replies in.
 */
export function samplePlan(today: string, graceDays: number): SamplePlan {
  const year = Number(today.slice(0, 4));
  const month = defaultReportPeriod(today, graceDays);
  const last = previousPeriod(month);
  const twoBack = previousPeriod(last);
  const next = nextPeriod(month);
  const rows = samplePlanRows(year, { twoBack, last, month, next });
  const csv = `${rows.map((row) => row.map(csvField).join(',')).join('\n')}\n`;
  return { header: samplePlanHeader(year, today), csv, reports: sampleReports(today, last, month) };
}

/** The months the sample deadlines fall in, around the month of `today`. */
interface SampleMonths {
  twoBack: Period;
  last: Period;
  month: Period;
  next: Period;
}

/** The header of the sample plan: numbered and titled for `year`, issued on 1 January (or today, if earlier). */
function samplePlanHeader(year: number, today: string): SamplePlan['header'] {
  const firstOfYear = `${year}-01-01`;
  return {
    number: `MAU-${year}/KH-TCT`,
    title: `[Dữ liệu mẫu] Kế hoạch triển khai Đề án 06 năm ${year}`,
    year,
    issuedOn: firstOfYear < today ? firstOfYear : today,
  };
}

/** The table of the sample plan (header row, two sections, seven tasks), as the official plan lays it out. */
function samplePlanRows(year: number, { twoBack, last, month, next }: SampleMonths): string[][] {
  return [
    ['TT', 'Nội dung thực hiện', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành', 'Sản phẩm'],
    ['I', '[Dữ liệu mẫu] Dữ liệu và kết nối', '', '', '', ''],
    [
      '1',
      'Rà soát, làm sạch dữ liệu người tham gia BHXH, BHYT đã xác thực với CSDL quốc gia về dân cư.',
      'Trung tâm Công nghệ thông tin',
      'BHXH các tỉnh',
      monthText(twoBack),
      'Báo cáo kết quả rà soát',
    ],
    [
      '2',
      'Kết nối, chia sẻ dữ liệu với các bộ, ngành theo Đề án 06.',
      'Trung tâm Công nghệ thông tin',
      'Văn phòng BHXH Việt Nam',
      `Năm ${year}`,
      'Dữ liệu được kết nối, chia sẻ',
    ],
    ['II', '[Dữ liệu mẫu] Chỉ đạo, điều hành', '', '', '', ''],
    [
      '3',
      'Tổng hợp, báo cáo kết quả triển khai Đề án 06 định kỳ.',
      'Văn phòng BHXH Việt Nam',
      'Trung tâm Công nghệ thông tin',
      monthText(last),
      'Báo cáo định kỳ',
    ],
    [
      '4',
      'Kiện toàn Tổ công tác triển khai Đề án 06 theo cơ cấu tổ chức mới.',
      'Vụ Tổ chức cán bộ',
      'Văn phòng BHXH Việt Nam',
      monthText(month),
      'Quyết định kiện toàn Tổ công tác',
    ],
    [
      '5',
      'Bố trí kinh phí thực hiện các nhiệm vụ chuyển đổi số năm sau.',
      'Vụ Tài chính - Kế toán',
      'Trung tâm Công nghệ thông tin',
      monthText(next),
      'Dự toán kinh phí',
    ],
    [
      '6',
      'Rà soát văn bản quy phạm pháp luật liên quan đến dữ liệu dân cư.',
      'Vụ Pháp chế',
      'các đơn vị liên quan',
      monthText(last),
      'Báo cáo rà soát',
    ],
    [
      '7',
      'Giao ban Tổ công tác hằng tháng.',
      'Tổ công tác',
      '',
      'Thực hiện thường xuyên',
      'Thông báo kết luận',
    ],
  ];
}

/** The demo replies: last month's (one on time, one late) and this month's (one blocked, with a kiến nghị). */
function sampleReports(today: string, last: Period, month: Period): DemoReport[] {
  const onTime = (p: Period) => (p.startsOn <= today ? minDay(`${p.key}-20`, p.endsOn) : today);
  const lateDay = month.startsOn; // the 1st of this month: last month's reply arrives late
  return [
    [
      'minh',
      '3',
      last.key,
      onTime(last),
      { status: 'done', percent: 100, done: '[Mẫu] Đã tổng hợp, gửi báo cáo định kỳ về Tổ công tác.' },
    ],
    [
      'lan',
      '1',
      last.key,
      lateDay,
      {
        status: 'in_progress',
        percent: 70,
        done: '[Mẫu] Đã rà soát dữ liệu của 24/34 BHXH tỉnh, thành phố; đang đối chiếu phần còn lại.',
      },
    ],
    [
      'lan',
      '2',
      month.key,
      today,
      {
        status: 'in_progress',
        percent: 45,
        done: '[Mẫu] Đã kết nối 3/7 bộ, ngành; đang thử nghiệm với 2 bộ.',
      },
    ],
    [
      'maianh',
      '4',
      month.key,
      today,
      { status: 'in_progress', percent: 60, done: '[Mẫu] Đã dự thảo quyết định kiện toàn, đang lấy ý kiến.' },
    ],
    [
      'thang',
      '5',
      month.key,
      today,
      {
        status: 'blocked',
        percent: 20,
        done: '[Mẫu] Đã tổng hợp nhu cầu kinh phí của các đơn vị.',
        blockers:
          '[Mẫu] Kiến nghị Tổ công tác cho ý kiến về định mức kinh phí thuê dịch vụ công nghệ thông tin.',
      },
    ],
  ];
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
