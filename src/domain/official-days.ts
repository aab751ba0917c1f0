/**
 * Official days off and make-up working days for civil servants (công chức, viên chức), year by
 * year, with where each comes from (issue 15). They sit on top of the public holidays `date-holidays`
 * knows (src/domain/working-days.ts). A new year's swaps are one block here, or, without a release,
 * `da06 schedule calendar add YYYY-MM-DD off|work "ghi chú"` per day.
 *
 * `confirmed: false` marks a day that follows from the Labour Code alone (nghỉ bù when a holiday
 * falls on a weekend, Bộ luật Lao động 2019 Điều 112 khoản 3) while the year's notice could not be
 * checked; README "Calendar" lists what is still unknown (the second Quốc khánh day of 2025, 2026 and
 * 2027, the Tết break of 2027 as announced, the number of the 2025 30/4 swap's document).
 */
/** Whether a day is off or a working day (working-days.ts re-exports it). */
export type DayKind = 'off' | 'work';

export interface OfficialDay {
  day: string;
  kind: DayKind;
  name: string;
  source: string;
  confirmed: boolean;
}

const LABOUR_CODE = 'Bộ luật Lao động 2019, Điều 112 khoản 3 (nghỉ bù khi ngày lễ trùng ngày nghỉ hằng tuần)';

export const OFFICIAL_DAYS: readonly OfficialDay[] = [
  // 2024 (Bộ Lao động - Thương binh và Xã hội; the days the bot has had since its start).
  ...(
    [
      ['2024-02-08', 'off', 'Nghỉ Tết Nguyên Đán Giáp Thìn'],
      ['2024-02-14', 'off', 'Nghỉ Tết Nguyên Đán Giáp Thìn'],
      ['2024-04-29', 'off', 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 04/05/2024)'],
      ['2024-05-04', 'work', 'Làm bù cho ngày nghỉ 29/04/2024'],
      ['2024-09-03', 'off', 'Nghỉ Quốc khánh'],
    ] as const
  ).map(([day, kind, name]) => ({
    day,
    kind,
    name,
    source:
      day.startsWith('2024-04') || day === '2024-05-04'
        ? 'Công văn 2450/VPCP-KGVX ngày 12/04/2024'
        : 'Thông báo của Bộ LĐTBXH về nghỉ Tết, Quốc khánh 2024',
    confirmed: true,
  })),
  // 2025: Tết Ất Tỵ nine days, Saturday 25/01 to Sunday 02/02 (5 official days 27–31/01 and two weekends).
  ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((day) => ({
    day,
    kind: 'off' as const,
    name: 'Nghỉ Tết Nguyên Đán Ất Tỵ (25/01–02/02/2025)',
    source: 'Công văn 8726/VPCP-KGVX ngày 26/11/2024 (nghỉ Tết Ất Tỵ 9 ngày liên tục, 25/01–02/02/2025)',
    confirmed: true,
  })),
  // 2025: 30/4–1/5 five days, Wednesday 30/04 to Sunday 04/05, Friday 02/05 worked on Saturday 26/04.
  ...(
    [
      ['2025-04-26', 'work', 'Làm bù cho ngày nghỉ 02/05/2025'],
      ['2025-05-02', 'off', 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 26/04/2025)'],
    ] as const
  ).map(([day, kind, name]) => ({
    day,
    kind,
    name,
    source:
      'Hoán đổi ngày làm việc thứ Sáu 02/05/2025 sang thứ Bảy 26/04/2025 cho công chức, viên chức (TTXVN/VietnamPlus; số văn bản chưa đối chiếu)',
    confirmed: true,
  })),
  {
    day: '2025-09-01',
    kind: 'off',
    name: 'Nghỉ Quốc khánh (ngày thứ hai)',
    source:
      'Bộ luật Lao động 2019, Điều 112 (Quốc khánh 02 ngày: 02/9 và một ngày liền kề); ngày 01/09/2025 theo thông báo năm 2025, chưa đối chiếu được văn bản',
    confirmed: false,
  },
  // 2026: Tết Dương lịch four days with a swap; Tết Bính Ngọ 14–22/02 (date-holidays has 16–20/02).
  {
    day: '2026-01-02',
    kind: 'off',
    name: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)',
    source: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025',
    confirmed: true,
  },
  {
    day: '2026-01-10',
    kind: 'work',
    name: 'Làm bù cho ngày nghỉ 02/01/2026',
    source: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025',
    confirmed: true,
  },
  ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((day) => ({
    day,
    kind: 'off' as const,
    name: 'Nghỉ Tết Nguyên Đán Bính Ngọ (14/02–22/02/2026)',
    source:
      'Phương án của Bộ Nội vụ được Thủ tướng Chính phủ đồng ý: nghỉ 9 ngày từ thứ Bảy 14/02 đến hết Chủ nhật 22/02/2026 (congan.com.vn)',
    confirmed: true,
  })),
  {
    day: '2026-04-27',
    kind: 'off',
    name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch là Chủ nhật 26/04/2026)',
    source: LABOUR_CODE,
    confirmed: true,
  },
  // 2027: the year's notice could not be checked; the Labour Code's nghỉ bù only.
  {
    day: '2027-02-10',
    kind: 'off',
    name: 'Nghỉ bù Tết Nguyên Đán Đinh Mùi (mùng 1, mùng 2 là thứ Bảy, Chủ nhật)',
    source: `${LABOUR_CODE}; lịch nghỉ Tết 2027 chính thức chưa xác nhận`,
    confirmed: false,
  },
  {
    day: '2027-02-11',
    kind: 'off',
    name: 'Nghỉ bù Tết Nguyên Đán Đinh Mùi (mùng 1, mùng 2 là thứ Bảy, Chủ nhật)',
    source: `${LABOUR_CODE}; lịch nghỉ Tết 2027 chính thức chưa xác nhận`,
    confirmed: false,
  },
  {
    day: '2027-05-03',
    kind: 'off',
    name: 'Nghỉ bù Quốc tế Lao động (01/05/2027 là thứ Bảy)',
    source: LABOUR_CODE,
    confirmed: true,
  },
];
