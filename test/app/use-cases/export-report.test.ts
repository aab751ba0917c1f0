import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import {
  CHAT_TEXT_MAX,
  exportReport,
  loadReportDocument,
  parseExportArgs,
  renderReportFile,
} from '../../../src/app/use-cases/export-report.ts';
import type { FileView, View } from '../../../src/app/views.ts';
import { periodFromKey } from '../../../src/domain/period.ts';
import type { ReportDraft } from '../../../src/domain/report.ts';
import { CHART_HEIGHT, CHART_WIDTH } from '../../../src/reports/chart.ts';
import { HEADER_ROW } from '../../../src/reports/xlsx.ts';
import { pngSize, readDocx, unzip } from '../../reports/support.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';

/** A kiến nghị far longer than chat shows (the form allows 3,000 characters). */
const LONG = `Đề nghị bổ sung biên chế cho bộ phận tuyển dụng. ${'Nội dung chi tiết của kiến nghị. '.repeat(80)}Hết.`;

function draft(status: string, percent: number, done: string, blockers?: string): ReportDraft {
  return { status, percent, done, blockers: blockers ?? '', evidenceUrl: '' };
}

function asFile(view: FileView | View): FileView {
  expect(view.kind, JSON.stringify(view).slice(0, 300)).toBe('file');
  return view as FileView;
}

/*
 * The fixture's plan T/2024: 1 CNTT (Tháng 02/2024), 2 VP + CNTT coordinating (Quý II/2024),
 * 3 TCCB (Thường xuyên), 4 CNTT and VP (Năm 2024 và các năm tiếp theo). Reports:
 *   April: CNTT on 1, in progress (the task is overdue).
 *   May:   CNTT on 1, done; VP on 2, in progress, "Thiếu máy quét".
 *   June:  VP on 2, in progress 70, "Thiếu máy quét" again; CNTT on 2 (coordinating) with a request;
 *          TCCB on 3 with a very long request; CNTT on 4; VP on 4 sent on 3 July (late).
 * The chair exports on 5 July 2024.
 */
describeEachDatabase('export report', (db) => {
  let f: CoreFixture;

  beforeAll(async () => {
    f = await createCoreFixture(db());
    await db().client.task.updateMany({ where: { code: '2' }, data: { leadText: 'Văn phòng' } });
    await db().client.task.updateMany({ where: { code: '3' }, data: { leadText: 'Vụ Tổ chức cán bộ' } });
    await db().client.task.updateMany({
      where: { code: '4' },
      data: { leadText: 'Trung tâm CNTT, Văn phòng' },
    });
    const { lan, minh, ha } = f.viewers;
    const submit = async (
      at: string,
      viewer: typeof lan,
      task: string,
      periodKey: string,
      d: ReportDraft,
    ) => {
      f.clock.set(at);
      const saved = await f.core.submitReport(viewer, { task, draft: d, periodKey });
      expect(saved.kind, JSON.stringify(saved)).toBe('report-saved');
    };
    await submit(
      '2024-04-15T09:00:00+07:00',
      lan,
      '1',
      '2024-04',
      draft('in_progress', 80, 'Đã chuẩn bị tài liệu hội nghị'),
    );
    await submit(
      '2024-05-20T09:00:00+07:00',
      lan,
      '1',
      '2024-05',
      draft('done', 100, 'Đã tổ chức hội nghị ngày 15/5/2024.'),
    );
    await submit(
      '2024-05-20T09:00:00+07:00',
      minh,
      '2',
      '2024-05',
      draft('in_progress', 40, 'Đã số hóa 40% hồ sơ', 'Thiếu máy quét'),
    );
    await submit(
      '2024-06-20T09:00:00+07:00',
      minh,
      '2',
      '2024-06',
      draft('in_progress', 70, 'Đã số hóa 70% hồ sơ', 'Thiếu máy quét'),
    );
    await submit(
      '2024-06-20T09:00:00+07:00',
      lan,
      '2',
      '2024-06',
      draft('in_progress', 60, 'Đã nâng cấp phần mềm số hóa', 'Đề nghị bổ sung kinh phí'),
    );
    await submit(
      '2024-06-21T09:00:00+07:00',
      ha,
      '3',
      '2024-06',
      draft('in_progress', 50, 'Đã tuyển 3 người', LONG),
    );
    await submit(
      '2024-06-21T09:00:00+07:00',
      lan,
      '4',
      '2024-06',
      draft('in_progress', 30, 'Đã nâng cấp máy chủ'),
    );
    await submit(
      '2024-07-03T09:00:00+07:00',
      minh,
      '4',
      '2024-06',
      draft('in_progress', 20, 'Đã rà soát yêu cầu'),
    );
    f.clock.set('2024-07-05T09:00:00+07:00');
  });

  it('refuses members, unreadable periods, periods not begun and periods before the plan, saying why', async () => {
    const { chair, lan } = f.viewers;
    expect(await exportReport(f.core.deps, lan, '2024-06', 'docx')).toMatchObject({ key: 'auth.chair_only' });
    expect(await exportReport(f.core.deps, chair, 'tháng mười', 'docx')).toMatchObject({
      key: 'period.invalid',
    });
    expect(await exportReport(f.core.deps, chair, '2024-09', 'docx')).toMatchObject({
      key: 'report.period_not_started',
    });
    expect(await exportReport(f.core.deps, chair, '2023-06', 'docx')).toMatchObject({
      key: 'period.before_plan',
      params: { period: '2023-06', first: '2024' },
    });
  });

  it('DOCX: the layout of a Vietnamese administrative report', async () => {
    const file = asFile(await exportReport(f.core.deps, f.viewers.chair, 'T6/2024', 'docx'));
    expect(file).toMatchObject({
      fileName: 'bao-cao-de-an-06-2024-06.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const { xml, paragraphs, rows } = readDocx(file.bytes);
    // Header table without borders: issuing body left, national heading right, then number and date.
    expect(rows[0]).toEqual([
      'BẢO HIỂM XÃ HỘI VIỆT NAM\nTỔ CÔNG TÁC ĐỀ ÁN 06\n',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc',
    ]);
    expect(rows[1]?.[0]).toMatch(/^Số: +\/BC-TCT$/);
    expect(rows[1]?.[1]).toBe('Hà Nội, ngày 05 tháng 7 năm 2024');
    const has = (pattern: RegExp | string) =>
      typeof pattern === 'string' ? xml.includes(pattern) : pattern.test(xml);
    expect(
      has(/<w:tblBorders>(?:<w:(?:top|left|bottom|right|insideH|insideV) w:val="none"[^>]*\/>){6}/),
    ).toBe(true);
    expect(
      has(/<w:b\/><w:bCs\/><w:sz w:val="24"\/><w:szCs w:val="24"\/><\/w:rPr><w:t[^>]*>TỔ CÔNG TÁC ĐỀ ÁN 06</),
    ).toBe(true);
    // The short rule under the issuing body: a bottom border on an indented empty paragraph.
    expect(has(/<w:pBdr><w:bottom w:val="single"[^>]*\/><\/w:pBdr>/)).toBe(true);
    expect(
      has(/<w:b\/>(?:<[^>]+>)*<w:u w:val="single"\/><\/w:rPr><w:t[^>]*>Độc lập - Tự do - Hạnh phúc</),
    ).toBe(true);
    expect(has(/<w:i\/>(?:<[^>]+>)*<w:t[^>]*>Hà Nội, ngày 05 tháng 7 năm 2024</)).toBe(true);
    // A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm; the appendix on A4 landscape.
    expect(has('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>')).toBe(true);
    expect(has(/<w:pgMar w:top="1133" w:right="850" w:bottom="1133" w:left="1700"/)).toBe(true);
    expect(has('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>')).toBe(true);
    expect(has('<w:titlePg/>')).toBe(true);
    // Times New Roman 14 pt by default; body justified with a first-line indent.
    const styles = unzip(file.bytes).get('word/styles.xml')!.toString();
    expect(styles.includes('w:ascii="Times New Roman"')).toBe(true);
    expect(styles.includes('<w:sz w:val="28"/>')).toBe(true);
    expect(has('<w:jc w:val="both"/>')).toBe(true);
    expect(has('w:firstLine="720"')).toBe(true);

    const at = (text: string) => paragraphs.indexOf(text);
    const order = [
      'BÁO CÁO',
      'Tình hình triển khai Đề án 06 tháng 6/2024',
      'I. KẾT QUẢ THỰC HIỆN',
      'II. NHỮNG NHIỆM VỤ CHẬM TIẾN ĐỘ VÀ NGUYÊN NHÂN',
      'III. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT',
      'IV. NHIỆM VỤ TRỌNG TÂM THÁNG 7/2024',
      'Nơi nhận:',
      'TỔ TRƯỞNG',
      'Trần Quốc Khánh',
      'Phụ lục',
      'TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ THÁNG 6/2024',
    ].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(paragraphs).toContain('- Lưu: VT, TCT.');
    expect(
      paragraphs.some((p) => p.startsWith('Trên đây là báo cáo tình hình triển khai Đề án 06 tháng 6/2024')),
    ).toBe(true);
  });

  it('DOCX: results by task group, each reply quoted and attributed to its unit', async () => {
    const file = asFile(await exportReport(f.core.deps, f.viewers.chair, '2024-06', 'docx'));
    const { paragraphs } = readDocx(file.bytes);
    const body = paragraphs.join('\n');
    expect(body).toContain(
      'Tổng số nhiệm vụ theo dõi: 4. Trong đó: đã hoàn thành 1 nhiệm vụ (25%); đang triển khai 3; vướng mắc 0; chưa triển khai 0; chưa có báo cáo 0.',
    );
    expect(body).toContain(
      'Trong kỳ, Tổ công tác nhận được 5 báo cáo của 3 đơn vị, trong đó 1 báo cáo gửi sau ngày kết thúc kỳ báo cáo.',
    );
    expect(paragraphs).toContain(
      'Nhiệm vụ 2: Số hóa hồ sơ (chủ trì: Văn phòng; thời hạn: Quý II/2024). Tình trạng: Đang triển khai (70%).',
    );
    expect(paragraphs).toContain('- Văn phòng BHXH Việt Nam (Đỗ Văn Minh): “Đã số hóa 70% hồ sơ”');
    expect(paragraphs).toContain('Vướng mắc, kiến nghị: “Thiếu máy quét”');
    expect(paragraphs).toContain(
      '- Trung tâm Công nghệ thông tin (Nguyễn Thị Lan): “Đã nâng cấp phần mềm số hóa”',
    );
    expect(paragraphs).toContain(
      '- Văn phòng BHXH Việt Nam (Đỗ Văn Minh, báo cáo muộn): “Đã rà soát yêu cầu”',
    );
    expect(paragraphs).toContain('- Trung tâm Công nghệ thông tin: đã báo cáo hoàn thành từ kỳ trước.');
    // III: every kiến nghị, attributed; the long one whole.
    expect(paragraphs).toContain('- Văn phòng BHXH Việt Nam (Đỗ Văn Minh, tháng 6/2024): “Thiếu máy quét”');
    expect(paragraphs).toContain(
      '- Trung tâm Công nghệ thông tin (Nguyễn Thị Lan, tháng 6/2024): “Đề nghị bổ sung kinh phí”',
    );
    expect(paragraphs).toContain(`- Vụ Tổ chức cán bộ (Phạm Thu Hà, tháng 6/2024): “${LONG.trim()}”`);
    // II: nothing overdue at 30 June (task 1 done in May; task 2 due that day).
    expect(paragraphs).toContain(
      'Tính đến ngày 30/06/2024, không có nhiệm vụ nào quá thời hạn hoàn thành theo kế hoạch.',
    );
    // IV: from the data only: recurring tasks not done (task 2 is due, not overdue, on 30 June).
    expect(paragraphs).toContain(
      '- Nhiệm vụ 3: Tuyển dụng (chủ trì: Vụ Tổ chức cán bộ; thời hạn: Thường xuyên).',
    );
    expect(paragraphs).toContain(
      '- Nhiệm vụ 4: Nâng cấp phần mềm (chủ trì: Trung tâm CNTT, Văn phòng; thời hạn: Năm 2024 và các năm tiếp theo).',
    );
  });

  it('DOCX: the appendix has a row per task with the units’ words, attributed', async () => {
    const file = asFile(await exportReport(f.core.deps, f.viewers.chair, '2024-06', 'docx'));
    const { rows } = readDocx(file.bytes);
    const header = rows.findIndex((r) => r[0] === 'TT');
    expect(rows[header]).toEqual([
      'TT',
      'Nội dung nhiệm vụ',
      'Đơn vị chủ trì',
      'Thời hạn',
      'Tình trạng',
      'Tỷ lệ (%)',
      'Ý kiến của đơn vị',
    ]);
    const body = rows.slice(header + 1);
    expect(body.map((r) => r[0])).toEqual(['1', '2', '3', '4']);
    expect(body[0]).toEqual([
      '1',
      'Tổ chức hội nghị',
      'Trung tâm CNTT',
      'Tháng 02/2024',
      'Đã hoàn thành',
      '100',
      'CNTT: đã hoàn thành từ kỳ trước',
    ]);
    expect(body[1]).toEqual([
      '2',
      'Số hóa hồ sơ',
      'Văn phòng',
      'Quý II/2024',
      'Đang triển khai',
      '70',
      'VP: Đã số hóa 70% hồ sơ\nVướng mắc, kiến nghị: Thiếu máy quét\nCNTT: Đã nâng cấp phần mềm số hóa\nVướng mắc, kiến nghị: Đề nghị bổ sung kinh phí',
    ]);
    expect(body[2]?.[6]).toBe(`TCCB: Đã tuyển 3 người\nVướng mắc, kiến nghị: ${LONG.trim()}`);
    expect(body[3]?.[6]).toBe('CNTT: Đã nâng cấp máy chủ\nVP: Đã rà soát yêu cầu');
  });

  it('DOCX: the chart is embedded with its alt text, and returned to post', async () => {
    const file = asFile(await exportReport(f.core.deps, f.viewers.chair, '2024-06', 'docx'));
    const media = [...unzip(file.bytes).keys()].filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(pngSize(unzip(file.bytes).get(media[0]!)!)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    expect(file.image).toMatchObject({ fileName: 'bieu-do-de-an-06-2024-06.png', mimeType: 'image/png' });
    expect(pngSize(file.image!.bytes)).toEqual({ width: file.image!.width, height: file.image!.height });
    expect(file.image!.altText).toContain('tháng 6/2024: 1 đã hoàn thành, 3 đang triển khai');
    expect(file.image!.altText).toContain('tháng 1/2024: 0 đã hoàn thành');
    expect(readDocx(file.bytes).xml).toContain(`descr="${file.image!.altText}"`);
  });

  it('chat: the message cuts long kiến nghị with a pointer to the file; the file keeps them whole', async () => {
    const file = asFile(await exportReport(f.core.deps, f.viewers.chair, '2024-06', 'xlsx'));
    expect(file.caption[0]).toBe('Dự thảo báo cáo tình hình triển khai Đề án 06 tháng 6/2024 (tệp XLSX).');
    expect(file.caption[1]).toBe(
      '4 nhiệm vụ: 1 đã hoàn thành, 3 đang triển khai, 0 vướng mắc, 0 chưa triển khai, 0 chưa báo cáo; 0 nhiệm vụ quá hạn.',
    );
    const long = file.caption.find((line) => line.startsWith('[3] TCCB: '))!;
    expect(long.endsWith('… (xem đầy đủ trong tệp đính kèm, mục III)')).toBe(true);
    expect(long.length).toBeLessThan(CHAT_TEXT_MAX + 60);
    expect(file.caption).toContain('[2] VP: Thiếu máy quét');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const words = book.worksheets[0]!.getRow(HEADER_ROW + 3).getCell(9).value;
    expect(words).toBe(`TCCB: Đã tuyển 3 người\nVướng mắc, kiến nghị: ${LONG.trim()}`);
  });

  it('XLSX: one sheet for a month, the table with frozen header and autofilter', async () => {
    const file = asFile(await exportReport(f.core.deps, f.viewers.chair, '2024-06', 'xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Tháng 06-2024', 'Theo thời hạn']);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe('TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ THÁNG 6/2024');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    // Read back, exceljs gives the filter's range as Excel stores it.
    expect(sheet.autoFilter).toBe(`A${HEADER_ROW}:I${HEADER_ROW + 4}`);
    expect(sheet.getRow(HEADER_ROW).values).toEqual([
      undefined,
      'TT',
      'Nhóm nhiệm vụ',
      'Nội dung nhiệm vụ',
      'Đơn vị chủ trì',
      'Thời hạn',
      'Tình trạng',
      'Tỷ lệ (%)',
      'Số ngày quá hạn',
      'Ý kiến của đơn vị',
    ]);
    const row2 = sheet.getRow(HEADER_ROW + 2).values as unknown[];
    expect(row2.slice(1, 9)).toEqual([
      '2',
      '',
      'Số hóa hồ sơ',
      'Văn phòng',
      'Quý II/2024',
      'Đang triển khai',
      70,
      undefined,
    ]);
    expect(String(row2[9])).toContain('CNTT: Đã nâng cấp phần mềm số hóa');
  });

  it('half-year: every unit’s last words, the standing at the end, kiến nghị from any month; a sheet per month', async () => {
    const docx = asFile(await exportReport(f.core.deps, f.viewers.chair, '2024-H1', 'docx'));
    const { paragraphs, rows } = readDocx(docx.bytes);
    expect(paragraphs).toContain('Tình hình triển khai Đề án 06 6 tháng đầu năm 2024');
    // The May kiến nghị and the same words in June are one request, raised in both months.
    expect(paragraphs).toContain(
      '- Văn phòng BHXH Việt Nam (Đỗ Văn Minh, tháng 5/2024, tháng 6/2024): “Thiếu máy quét”',
    );
    const header = rows.findIndex((r) => r[0] === 'TT');
    const task1 = rows.slice(header + 1).find((r) => r[0] === '1')!;
    expect(task1.slice(4)).toEqual([
      'Đã hoàn thành',
      '100',
      'CNTT (tháng 5/2024): Đã tổ chức hội nghị ngày 15/5/2024.',
    ]);
    // In the body too, a word from an earlier month says which month.
    expect(paragraphs).toContain(
      '- Trung tâm Công nghệ thông tin (Nguyễn Thị Lan, tháng 5/2024): “Đã tổ chức hội nghị ngày 15/5/2024.”',
    );

    const xlsx = asFile(await exportReport(f.core.deps, f.viewers.chair, '2024-H1', 'xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      'Tháng 01-2024',
      'Tháng 02-2024',
      'Tháng 03-2024',
      'Tháng 04-2024',
      'Tháng 05-2024',
      'Tháng 06-2024',
      'Theo thời hạn',
    ]);
    for (const sheet of book.worksheets.filter((s) => s.name !== 'Theo thời hạn')) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
      expect(sheet.autoFilter).toBeTruthy();
    }
    const april = book.getWorksheet('Tháng 04-2024')!;
    expect(april.getRow(HEADER_ROW + 1).values).toMatchObject([
      undefined,
      '1',
      '',
      'Tổ chức hội nghị',
      'Trung tâm CNTT',
      'Tháng 02/2024',
      'Đang triển khai',
      80,
      61,
      'CNTT: Đã chuẩn bị tài liệu hội nghị',
    ]);
    const january = book.getWorksheet('Tháng 01-2024')!;
    expect(january.getCell(3, 1).value).toBe('Trong tháng 1/2024, chưa có báo cáo nào của các đơn vị.');
  });

  it('year: aggregates the months to date, one sheet per month plus the summary', async () => {
    const docx = asFile(await exportReport(f.core.deps, f.viewers.chair, '2024', 'docx'));
    const { paragraphs } = readDocx(docx.bytes);
    expect(paragraphs).toContain('Tình hình triển khai Đề án 06 năm 2024');
    expect(paragraphs.some((p) => p.includes('số liệu đến ngày 05/07/2024'))).toBe(true);
    expect(paragraphs).toContain('IV. NHIỆM VỤ TRỌNG TÂM THÁNG 7/2024');
    expect(paragraphs).toContain(
      'Nhiệm vụ 2: Số hóa hồ sơ (chủ trì: Văn phòng; thời hạn: Quý II/2024). Tình trạng: Đang triển khai (70%).',
    );
    // Overdue at 5 July: task 2 (due 30 June), with the lead unit's words as the reason.
    expect(paragraphs).toContain(
      'Tính đến ngày 05/07/2024, có 1 nhiệm vụ đã quá thời hạn hoàn thành theo kế hoạch mà đơn vị chủ trì chưa báo cáo hoàn thành:',
    );
    expect(paragraphs).toContain('- Văn phòng BHXH Việt Nam (Đỗ Văn Minh, tháng 6/2024): “Thiếu máy quét”');
    const xlsx = asFile(await exportReport(f.core.deps, f.viewers.chair, 'năm 2024', 'xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      ...['01', '02', '03', '04', '05', '06', '07'].map((m) => `Tháng ${m}-2024`),
      'Theo thời hạn',
    ]);
  });

  it('April: the overdue task with the lead unit’s own words as the reason', async () => {
    const file = asFile(await exportReport(f.core.deps, f.viewers.chair, '2024-04', 'docx'));
    const { paragraphs } = readDocx(file.bytes);
    expect(paragraphs).toContain(
      '1. Nhiệm vụ 1: Tổ chức hội nghị (chủ trì: Trung tâm CNTT; hạn 29/02/2024; quá hạn 61 ngày; tình trạng: Đang triển khai).',
    );
    expect(paragraphs).toContain(
      '- Trung tâm Công nghệ thông tin (Nguyễn Thị Lan, tháng 4/2024): “Đã chuẩn bị tài liệu hội nghị”',
    );
    expect(paragraphs).toContain('Đơn vị chủ trì chưa gửi báo cáo trong kỳ (3 đơn vị), theo nhiệm vụ:');
    expect(paragraphs).toContain('- Nhiệm vụ 2, 4: Văn phòng BHXH Việt Nam (VP).');
  });

  it('a period with no reports says so instead of an empty table', async () => {
    const file = asFile(await exportReport(f.core.deps, f.viewers.chair, '2024-01', 'docx'));
    const { paragraphs, rows } = readDocx(file.bytes);
    expect(paragraphs).toContain(
      'Trong tháng 1/2024, Tổ công tác chưa nhận được báo cáo nào của các đơn vị, nên chưa có kết quả thực hiện để tổng hợp theo từng nhiệm vụ.',
    );
    expect(paragraphs).toContain(
      'Trong tháng 1/2024, chưa có báo cáo nào của các đơn vị; danh mục nhiệm vụ và thời hạn theo kế hoạch được giữ nguyên.',
    );
    expect(rows.some((r) => r[0] === 'TT')).toBe(false);
    expect(file.caption).toContain('Kỳ này chưa có báo cáo nào của các đơn vị; dự thảo nêu rõ điều đó.');
  });

  it('CSV: the flat table in UTF-8 with a BOM, CRLF, ";" for Vietnamese Excel, quoted multi-line words', async () => {
    const file = asFile(await exportReport(f.core.deps, f.viewers.chair, '2024-06', 'csv'));
    expect(file.mimeType).toBe('text/csv; charset=utf-8');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'Kỳ báo cáo;TT;Nhóm nhiệm vụ;Nội dung nhiệm vụ;Đơn vị chủ trì;Thời hạn;Tình trạng;Tỷ lệ (%);Số ngày quá hạn;Ý kiến của đơn vị',
    );
    expect(lines[1]).toBe(
      '2024-06;1;;Tổ chức hội nghị;Trung tâm CNTT;Tháng 02/2024;Đã hoàn thành;100;;CNTT: đã hoàn thành từ kỳ trước',
    );
    expect(text).toContain(
      '2024-06;2;;Số hóa hồ sơ;Văn phòng;Quý II/2024;Đang triển khai;70;;"VP: Đã số hóa 70% hồ sơ\nVướng mắc, kiến nghị: Thiếu máy quét\nCNTT: Đã nâng cấp phần mềm số hóa\nVướng mắc, kiến nghị: Đề nghị bổ sung kinh phí"',
    );
  });

  it('the document follows the group’s language; loadReportDocument takes another', async () => {
    const doc = await loadReportDocument(f.core.deps, periodFromKey('2024-06'), '2024-07-05', 'en');
    const file = await renderReportFile(doc, 'docx');
    const { paragraphs } = readDocx(file.bytes);
    expect(paragraphs).toContain('REPORT');
    expect(paragraphs).toContain('Implementation of Project 06, June 2024');
    expect(paragraphs).toContain('Ha Noi, 5 July 2024');
    expect(doc.chart?.altText).toContain('June 2024: 1 done');
  });
});

it('parseExportArgs reads the period and the format in any order', () => {
  expect(parseExportArgs([])).toEqual({ period: null, format: 'docx' });
  expect(parseExportArgs(['xlsx', 'tháng', '6/2024'])).toEqual({ period: 'tháng 6/2024', format: 'xlsx' });
  expect(parseExportArgs(['2024-H1', 'CSV'])).toEqual({ period: '2024-H1', format: 'csv' });
});

// Without a period, the month whose reports are still coming in: test/domain/reporting-window.test.ts.
