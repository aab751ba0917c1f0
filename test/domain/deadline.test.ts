import { describe, expect, it } from 'vitest';
import { type DeadlineKind, isRecurring, parseDeadline } from '../../src/domain/deadline.ts';
import { foldVietnamese, parseRoman } from '../../src/domain/text.ts';

/** [input, kind, due, start] */
type Case = [string, DeadlineKind, string | null, string | null];

function check(cases: Case[]): void {
  it.each(cases)('%j → %s %s (start %s)', (input, kind, due, start) => {
    expect(parseDeadline(input)).toEqual({ text: input.trim(), kind, due, start });
  });
}

describe('foldVietnamese', () => {
  it.each([
    ['Quý IV/2022', 'quy iv/2022'],
    ['Đề án 06', 'de an 06'],
    ['ĐỊNH KỲ HẰNG NĂM', 'dinh ky hang nam'],
    ['Thường xuyên,  liên tục ', 'thuong xuyen, lien tuc'],
    ['  Từ tháng 10/2021\tđến   hết quý I/2022\n', 'tu thang 10/2021 den het quy i/2022'],
    ['Ngày 31 tháng 01 năm 2024', 'ngay 31 thang 01 nam 2024'],
    ['Bảo hiểm xã hội Việt Nam', 'bao hiem xa hoi viet nam'],
    ['', ''],
  ])('%j → %j', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it('treats precomposed and decomposed input alike', () => {
    expect(foldVietnamese('Quý'.normalize('NFD'))).toBe(foldVietnamese('Quý'.normalize('NFC')));
  });
});

describe('parseRoman', () => {
  it.each([
    ['I', 1],
    ['ii', 2],
    ['III', 3],
    ['IV', 4],
    ['IX', 9],
    ['XIV', 14],
    ['MMXXIV', 2024],
  ])('%s → %d', (numeral, value) => {
    expect(parseRoman(numeral)).toBe(value);
  });

  it.each(['', 'IIII', 'IIV', 'VX', 'abc', '4'])('rejects %j', (numeral) => {
    expect(parseRoman(numeral)).toBeNull();
  });
});

describe('parseDeadline', () => {
  describe('phrases found in the source plans', () => {
    check([
      ['Tháng 02/2024', 'month', '2024-02-29', null],
      ['Tháng 01/2024', 'month', '2024-01-31', null],
      ['Tháng 4/2024', 'month', '2024-04-30', null],
      ['Tháng 3/2024', 'month', '2024-03-31', null],
      ['Tháng 6/2024', 'month', '2024-06-30', null],
      ['Năm 2024', 'year', '2024-12-31', null],
      ['Năm 2024 và các năm tiếp theo', 'recurring_annual_from', '2024-12-31', '2024-01-01'],
      ['Thực hiện thường xuyên', 'ongoing', null, null],
      ['Quý IV/2022', 'quarter', '2022-12-31', null],
      ['Quý I/2022', 'quarter', '2022-03-31', null],
      ['Quý II/2022', 'quarter', '2022-06-30', null],
      ['Quý III/2021', 'quarter', '2021-09-30', null],
      ['Năm 2021 và các năm tiếp theo', 'recurring_annual_from', '2021-12-31', '2021-01-01'],
      ['Sau khi có hướng dẫn của Văn phòng Chính phủ', 'conditional', null, null],
      ['Từ tháng 10/2021 đến hết quý I/2022', 'range', '2022-03-31', '2021-10-01'],
      ['Hằng năm và kết thúc giai đoạn 3 năm', 'recurring_annual', null, null],
      ['Năm 2022', 'year', '2022-12-31', null],
      ['Năm 2021', 'year', '2021-12-31', null],
      ['Thường xuyên', 'ongoing', null, null],
      ['Sau khi có văn bản hướng dẫn của Bộ Nội vụ', 'conditional', null, null],
      ['Sau khi có hướng dẫn của BHXH Việt Nam', 'conditional', null, null],
      ['Năm 2023 và những năm tiếp theo', 'recurring_annual_from', '2023-12-31', '2023-01-01'],
      ['Giai đoạn 2021 - 2025', 'range', '2025-12-31', '2021-01-01'],
      ['Từ năm 2023 đến năm 2030', 'range', '2030-12-31', '2023-01-01'],
      ['Hằng tháng', 'ongoing', null, null],
    ]);
  });

  describe('the same phrases as OCR left them (seed documents)', () => {
    check([
      ['Thang 02/2024', 'month', '2024-02-29', null],
      ['Thang 01/2024', 'month', '2024-01-31', null],
      ['Thiang 4/2024', 'month', '2024-04-30', null],
      ['thing 3/2024', 'month', '2024-03-31', null],
      ['Nam 2024', 'year', '2024-12-31', null],
      ['Nim 2024', 'year', '2024-12-31', null],
      ['Nam2024', 'year', '2024-12-31', null],
      ['Nam 2024 va cac nam tiep theo', 'recurring_annual_from', '2024-12-31', '2024-01-01'],
      ['Nam 2024 va cac nam ti€p theo.', 'recurring_annual_from', '2024-12-31', '2024-01-01'],
      ['Nam 2021 va cdc ndam tiép theo', 'recurring_annual_from', '2021-12-31', '2021-01-01'],
      ['Nam 2021 va cdc ndm tiép theo', 'recurring_annual_from', '2021-12-31', '2021-01-01'],
      ['Niam 2021 va cdc nam tiép theo', 'recurring_annual_from', '2021-12-31', '2021-01-01'],
      ['Sau khi c¢6 huéng dan ciia BHXH Viét Nam', 'conditional', null, null],
      ['Thuc hién thuong xuyén', 'ongoing', null, null],
      ['Thuc hien thudng xuyen', 'ongoing', null, null],
      ['Quy IV/2022', 'quarter', '2022-12-31', null],
      ['Quy 1V/2022', 'quarter', '2022-12-31', null],
      ['Quy 11/2022', 'quarter', '2022-06-30', null],
      ['Quy 111/2021', 'quarter', '2021-09-30', null],
      ['Quy 1/2022', 'quarter', '2022-03-31', null],
      ['Qu y IV/2022', 'quarter', '2022-12-31', null],
      ['Sau khi ¢é hwéng dan cia Vin phong Chinh phii', 'conditional', null, null],
      ['Tir thang 10/2021 dén hét quy 1/2022', 'range', '2022-03-31', '2021-10-01'],
      ['Hing nim', 'recurring_annual', null, null],
      ['hang ndm', 'recurring_annual', null, null],
      ['tr nam 2023 - 2025', 'range', '2025-12-31', '2023-01-01'],
      ['Giai doan 2022 - 2025', 'range', '2025-12-31', '2022-01-01'],
      ['Thang l0/2021', 'month', '2021-10-31', null],
      ['Nam 2O24', 'year', '2024-12-31', null],
      ['Nam2O24', 'year', '2024-12-31', null],
      ['Quy l/2022', 'quarter', '2022-03-31', null],
      ['Thoi gian hoan thanh: Quy IV/2022).', 'quarter', '2022-12-31', null],
      ['  Năm  2024 ;', 'year', '2024-12-31', null],
    ]);
  });

  describe('months', () => {
    check([
      ['tháng 2/2024', 'month', '2024-02-29', null],
      ['T2/2024', 'month', '2024-02-29', null],
      ['t 2/2024', 'month', '2024-02-29', null],
      ['02/2024', 'month', '2024-02-29', null],
      ['2/2023', 'month', '2023-02-28', null],
      ['Tháng 02/2023', 'month', '2023-02-28', null],
      ['Tháng 2/2000', 'month', '2000-02-29', null],
      ['Tháng 2/1900', 'month', '1900-02-28', null],
      ['Tháng 2 năm 2024', 'month', '2024-02-29', null],
      ['Tháng 12/2024', 'month', '2024-12-31', null],
      ['Tháng 9 / 2024', 'month', '2024-09-30', null],
      ['Trong tháng 11/2024', 'month', '2024-11-30', null],
      ['Đến hết tháng 6/2024', 'month', '2024-06-30', null],
      ['Tháng 13/2024', 'unknown', null, null],
      ['Tháng 0/2024', 'unknown', null, null],
      ['Tháng 6', 'unknown', null, null],
    ]);
  });

  describe('quarters', () => {
    check([
      ['Quý 1/2022', 'quarter', '2022-03-31', null],
      ['Quý 2/2022', 'quarter', '2022-06-30', null],
      ['Quý 3/2022', 'quarter', '2022-09-30', null],
      ['Quý 4/2022', 'quarter', '2022-12-31', null],
      ['quy I nam 2022', 'quarter', '2022-03-31', null],
      ['Quý III năm 2024', 'quarter', '2024-09-30', null],
      ['quý iv/2024', 'quarter', '2024-12-31', null],
      ['Q4/2024', 'quarter', '2024-12-31', null],
      ['Trong quý II/2024', 'quarter', '2024-06-30', null],
      ['Quý V/2024', 'unknown', null, null],
      ['Quý 5/2024', 'unknown', null, null],
      ['Quý IV', 'unknown', null, null],
    ]);
  });

  describe('years', () => {
    check([
      ['nam 2024', 'year', '2024-12-31', null],
      ['2024', 'year', '2024-12-31', null],
      ['Trong năm 2024', 'year', '2024-12-31', null],
      ['Đến hết năm 2025', 'year', '2025-12-31', null],
      ['Năm 0202', 'unknown', null, null],
    ]);
  });

  describe('dates', () => {
    check([
      ['31/3/2024', 'date', '2024-03-31', null],
      ['ngày 15/02/2024', 'date', '2024-02-15', null],
      ['Ngày 15/02/2024', 'date', '2024-02-15', null],
      ['15-02-2024', 'date', '2024-02-15', null],
      ['15.02.2024', 'date', '2024-02-15', null],
      ['Ngày 31 tháng 01 năm 2024', 'date', '2024-01-31', null],
      ['29/02/2024', 'date', '2024-02-29', null],
      ['29/02/2023', 'unknown', null, null],
      ['31/2/2024', 'unknown', null, null],
      ['31/4/2024', 'unknown', null, null],
      ['0/4/2024', 'unknown', null, null],
      ['15/13/2024', 'unknown', null, null],
      ['Chậm nhất ngày 30/6/2024', 'date', '2024-06-30', null],
    ]);
  });

  describe('"trước" is read literally: the day before the named period', () => {
    check([
      ['Trước ngày 31/3/2024', 'date', '2024-03-30', null],
      ['Trước ngày 01/01/2025', 'date', '2024-12-31', null],
      ['Trước quý IV/2024', 'date', '2024-09-30', null],
      ['Trước tháng 3/2024', 'date', '2024-02-29', null],
    ]);
  });

  describe('ranges', () => {
    check([
      ['6 tháng đầu năm 2024', 'range', '2024-06-30', '2024-01-01'],
      ['6 tháng cuối năm 2024', 'range', '2024-12-31', '2024-07-01'],
      ['6 thang dau nam 2024', 'range', '2024-06-30', '2024-01-01'],
      ['Sáu tháng cuối năm 2023', 'range', '2023-12-31', '2023-07-01'],
      ['Từ tháng 10/2021 đến hết quý I/2022', 'range', '2022-03-31', '2021-10-01'],
      ['Tu thang 10/2021 den het quy I/2022', 'range', '2022-03-31', '2021-10-01'],
      ['Tháng 10/2021 - Quý I/2022', 'range', '2022-03-31', '2021-10-01'],
      ['Tháng 10/2021 – Quý I/2022', 'range', '2022-03-31', '2021-10-01'],
      ['Từ năm 2022 đến năm 2025', 'range', '2025-12-31', '2022-01-01'],
      ['Giai đoạn 2022-2025', 'range', '2025-12-31', '2022-01-01'],
      ['Trong giai đoạn 2022 - 2025', 'range', '2025-12-31', '2022-01-01'],
      ['2022-2025', 'range', '2025-12-31', '2022-01-01'],
      ['Từ 15/02/2024 đến 31/3/2024', 'range', '2024-03-31', '2024-02-15'],
      ['15-02-2024 - 31-03-2024', 'range', '2024-03-31', '2024-02-15'],
      ['Tháng 10 - Tháng 12/2024', 'range', '2024-12-31', '2024-10-01'],
      ['Quý III - Quý IV/2024', 'range', '2024-12-31', '2024-07-01'],
      // The year written on the right does not make the left part come first: no guessed year.
      ['Tháng 10 - Quý I/2022', 'unknown', null, null],
      ['Giai đoạn 2025-2022', 'unknown', null, null],
      ['6 tháng đầu năm', 'unknown', null, null],
    ]);
  });

  describe('recurring', () => {
    check([
      ['Hằng năm', 'recurring_annual', null, null],
      ['Hàng năm', 'recurring_annual', null, null],
      ['hang nam', 'recurring_annual', null, null],
      ['Định kỳ hằng năm', 'recurring_annual', null, null],
      ['Hằng năm và kết thúc giai đoạn 3 năm', 'recurring_annual', null, null],
      ['Hang nam va ket thuc giai doan 3 nam', 'recurring_annual', null, null],
      ['Mỗi năm', 'recurring_annual', null, null],
      ['Năm 2021 và các năm tiếp theo', 'recurring_annual_from', '2021-12-31', '2021-01-01'],
      ['Năm 2024 và các năm tiếp theo', 'recurring_annual_from', '2024-12-31', '2024-01-01'],
      ['Năm 2024, các năm tiếp theo', 'recurring_annual_from', '2024-12-31', '2024-01-01'],
      ['Từ năm 2024 trở đi', 'recurring_annual_from', '2024-12-31', '2024-01-01'],
      ['Tu nam 2024 tro di', 'recurring_annual_from', '2024-12-31', '2024-01-01'],
      ['Từ năm 2024', 'recurring_annual_from', '2024-12-31', '2024-01-01'],
      ['Từ quý III/2024 trở đi', 'recurring_annual_from', '2024-12-31', '2024-07-01'],
      ['Thường xuyên', 'ongoing', null, null],
      ['thuong xuyen', 'ongoing', null, null],
      ['Thực hiện thường xuyên', 'ongoing', null, null],
      ['Thuc hien thuong xuyen', 'ongoing', null, null],
      ['Thường xuyên, liên tục', 'ongoing', null, null],
      ['Liên tục', 'ongoing', null, null],
      ['lien tuc', 'ongoing', null, null],
      // Shorter cadences than a year are `ongoing` (reported every period, never overdue as a whole).
      ['Hằng tháng', 'ongoing', null, null],
      ['Hàng tháng', 'ongoing', null, null],
      ['Định kỳ hằng tháng', 'ongoing', null, null],
      ['Hàng quý', 'ongoing', null, null],
      ['Hằng quý', 'ongoing', null, null],
      ['Hằng tuần', 'ongoing', null, null],
      ['Định kỳ 6 tháng', 'ongoing', null, null],
    ]);
  });

  describe('conditional', () => {
    check([
      ['Sau khi có hướng dẫn của Văn phòng Chính phủ', 'conditional', null, null],
      ['Sau khi co huong dan cua Van phong Chinh phu', 'conditional', null, null],
      ['Khi có yêu cầu', 'conditional', null, null],
      ['Khi co yeu cau', 'conditional', null, null],
      ['Sau khi Nghị định được ban hành', 'conditional', null, null],
      ['Theo tiến độ của Bộ Công an', 'conditional', null, null],
      ['Theo tien do cua Bo Cong an', 'conditional', null, null],
      ['Ngay sau khi Thông tư có hiệu lực', 'conditional', null, null],
      ['Tùy theo tình hình thực tế', 'conditional', null, null],
      ['Thực hiện sau khi có hướng dẫn của BHXH Việt Nam', 'conditional', null, null],
    ]);
  });

  describe('unknown', () => {
    check([
      ['', 'unknown', null, null],
      ['   ', 'unknown', null, null],
      ['Thực hiện', 'unknown', null, null],
      ['Sớm nhất có thể', 'unknown', null, null],
      ['Tháng sau', 'unknown', null, null],
      ['Quý 4', 'unknown', null, null],
      ['Năm nay', 'unknown', null, null],
      ['Quý IV/2022 (nếu đủ kinh phí)', 'unknown', null, null],
      ['Báo cáo tháng, 6 tháng, năm', 'unknown', null, null],
      ['Nghị định 61/2018/NĐ-CP', 'unknown', null, null],
    ]);
  });

  it('keeps the trimmed input verbatim, diacritics and noise included', () => {
    expect(parseDeadline('  Quý  IV/2022. ').text).toBe('Quý  IV/2022.');
    expect(parseDeadline('Không rõ ').text).toBe('Không rõ');
  });
});

describe('isRecurring', () => {
  it.each([
    ['Hằng năm', true],
    ['Năm 2024 và các năm tiếp theo', true],
    ['Thường xuyên', true],
    ['Hằng tháng', true],
    ['Năm 2024', false],
    ['Quý IV/2022', false],
    ['Tháng 02/2024', false],
    ['31/3/2024', false],
    ['Từ tháng 10/2021 đến hết quý I/2022', false],
    ['Sau khi có hướng dẫn của Văn phòng Chính phủ', false],
    ['', false],
  ])('%j → %s', (input, recurring) => {
    expect(isRecurring(parseDeadline(input))).toBe(recurring);
  });
});

describe('parseDeadline: yearly points, cadences and periods of unseen plans', () => {
  /** [input, everyYears, month, day] — every phrase is checked with and without diacritics. */
  const yearly: [string, number, number | null, number | null][] = [
    ['Tháng 11 hằng năm', 1, 11, 30],
    ['Tháng 12 hàng năm', 1, 12, 31],
    ['Tháng 02 hằng năm', 1, 2, 28],
    ['Quý I hằng năm', 1, 3, 31],
    ['Quý IV hàng năm', 1, 12, 31],
    ['Trước ngày 15/12 hằng năm', 1, 12, 14],
    ['Trước ngày 01/3 hằng năm', 1, 2, 28],
    ['Ngày 15/12 hằng năm', 1, 12, 15],
    ['Hằng năm, trước ngày 31/3', 1, 3, 30],
    ['Hằng năm vào tháng 6', 1, 6, 30],
    ['6 tháng đầu năm hằng năm', 1, 6, 30],
    ['Định kỳ 5 năm', 5, null, null],
    ['Định kỳ 02 năm/lần', 2, null, null],
    ['03 năm một lần', 3, null, null],
  ];
  it.each(yearly.flatMap((c) => [c, [foldVietnamese(c[0]), c[1], c[2], c[3]] as typeof c]))(
    '%j → every %d year(s), due month %s day %s',
    (input, everyYears, month, day) => {
      expect(parseDeadline(input)).toEqual({
        text: input,
        kind: 'recurring_annual',
        due: null,
        start: null,
        yearly: { everyYears, month, day },
      });
    },
  );

  const periods: Case[] = [
    ['Giai đoạn 2021 - 2025', 'range', '2025-12-31', '2021-01-01'],
    ['Giai đoạn 2026-2030', 'range', '2030-12-31', '2026-01-01'],
    ['6 tháng đầu năm 2025', 'range', '2025-06-30', '2025-01-01'],
    ['6 tháng cuối năm 2025', 'range', '2025-12-31', '2025-07-01'],
    ['Đến năm 2030', 'year', '2030-12-31', null],
    ['Cuối năm 2025', 'year', '2025-12-31', null],
    ['Cuối quý II/2025', 'quarter', '2025-06-30', null],
  ];
  check(periods);
  check(periods.map(([input, ...rest]) => [foldVietnamese(input), ...rest] as Case));

  it.each(['Tháng 13 hằng năm', 'Quý V hằng năm', 'Trước ngày 31/2 hằng năm', 'Định kỳ 0 năm'])(
    'rejects the impossible %j',
    (input) => {
      expect(parseDeadline(input).yearly).toBeUndefined();
    },
  );

  it('counts yearly points as recurring', () => {
    expect(isRecurring(parseDeadline('Tháng 11 hằng năm'))).toBe(true);
  });
});
