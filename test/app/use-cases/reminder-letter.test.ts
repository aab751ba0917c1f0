/** `/da06 letter`: the công văn đôn đốc read back from the DOCX, and the units with nothing overdue. */
import { beforeAll, expect, it } from 'vitest';
import { parseChatCommand } from '../../../src/app/chat-command.ts';
import { parseLetterArgs } from '../../../src/app/use-cases/reminder-letter.ts';
import { parseDeadline } from '../../../src/domain/deadline.ts';
import { readDocx } from '../../reports/support.ts';
import { parsedTask } from '../../support/builders.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { expectKind, good } from './support.ts';

it('parses the target and the period in any common form', () => {
  expect(parseLetterArgs([])).toEqual({ target: 'all', period: null });
  expect(parseLetterArgs(['all', '2024-06'])).toEqual({ target: 'all', period: '2024-06' });
  expect(parseLetterArgs(['tất', 'cả'])).toEqual({ target: 'all', period: null });
  expect(parseLetterArgs(['CNTT', 'tháng', '6/2024'])).toEqual({
    target: { unit: 'CNTT' },
    period: 'tháng 6/2024',
  });
  expect(parseLetterArgs(['2024-06'])).toEqual({ target: 'all', period: '2024-06' });
  expect(parseChatCommand('/da06 công văn CNTT 2024-06')).toEqual({
    name: 'letter',
    args: ['CNTT', '2024-06'],
  });
});

describeEachDatabase('use case: reminder letter', (db) => {
  let f: CoreFixture;

  beforeAll(async () => {
    f = await createCoreFixture(db(), '2024-06-20T09:00:00+07:00');
    await f.stores.plans.save(
      f.deps.group.id,
      { number: 'Y/2024', title: 'Kế hoạch hằng năm', year: 2024, issuedOn: '2024-01-15' },
      [
        parsedTask('Y1', {
          content: 'Rà soát, làm sạch dữ liệu người tham gia',
          leadUnits: ['CNTT'],
          deadline: parseDeadline('Ngày 15/7/2024'),
        }),
      ],
      'test',
    );
    // VP reports task 2 (Quý II/2024) in progress; CNTT leaves task 1 (Tháng 02/2024) open.
    await f.core.submitReport(f.viewers.minh, { task: '2', draft: good });
  });

  it('a chair gets a DOCX letter to CNTT: every part of the layout, diacritics intact', async () => {
    const file = expectKind(
      await f.core.handle(f.viewers.chair, parseChatCommand('/da06 letter CNTT 2024-06')),
      'file',
    );
    expect(file.fileName).toBe('cong-van-don-doc-cntt-2024-06.docx');
    expect(file.caption[0]).toContain(
      'Dự thảo công văn đôn đốc gửi 1 đơn vị (CNTT), tính đến ngày 20/06/2024',
    );
    const { paragraphs, rows } = readDocx(file.bytes);
    const text = paragraphs.join('\n');
    // Agency lines, the national heading and motto.
    expect(rows[0]![0]).toContain('BẢO HIỂM XÃ HỘI VIỆT NAM');
    expect(rows[0]![0]).toContain('TỔ CÔNG TÁC ĐỀ ÁN 06');
    expect(rows[0]![1]).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc');
    // Số ký hiệu left blank for the office, trích yếu under it; place and date.
    expect(rows[1]![0]).toMatch(/^Số: +\/BHXH-TCT\nV\/v đôn đốc thực hiện nhiệm vụ Đề án 06$/);
    expect(rows[1]![1]).toBe('Hà Nội, ngày 20 tháng 6 năm 2024');
    expect(paragraphs).toContain('Kính gửi: Trung tâm Công nghệ thông tin.');
    expect(text).toContain(
      'Tính đến ngày 20/06/2024, Trung tâm Công nghệ thông tin còn một số nhiệm vụ chủ trì',
    );
    expect(text).toContain('Kế hoạch hằng năm (số Y/2024 ngày 15/01/2024)');
    expect(text).toContain('Cụ thể: 1 nhiệm vụ đã quá thời hạn và 1 nhiệm vụ sẽ đến hạn trong 30 ngày tới');
    // The table: the overdue task with its plan, item, deadline and days overdue; the soon-due one.
    const header = rows.findIndex((r) => r[0] === 'TT');
    expect(rows[header]).toEqual(['TT', 'Kế hoạch', 'Nhiệm vụ', 'Thời hạn', 'Số ngày quá hạn']);
    expect(rows[header + 1]).toEqual(['Nhiệm vụ đã quá hạn']);
    expect(rows[header + 2]).toEqual([
      '1',
      'T/2024',
      '1. Tổ chức hội nghị',
      'Tháng 02/2024 (29/02/2024)',
      '112',
    ]);
    expect(rows[header + 3]).toEqual(['Nhiệm vụ sắp đến hạn (trong 30 ngày tới)']);
    expect(rows[header + 4]).toEqual([
      '2',
      'Y/2024',
      'Y1. Rà soát, làm sạch dữ liệu người tham gia',
      'Ngày 15/7/2024 (15/07/2024)',
      '',
    ]);
    // Closing request with its date, Nơi nhận, the chair's signature block.
    expect(text).toContain(
      'Đề nghị Trung tâm Công nghệ thông tin khẩn trương chỉ đạo triển khai, hoàn thành các nhiệm vụ nêu trên',
    );
    expect(text).toContain('trước ngày 30/06/2024');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('- Như trên;');
    expect(text).toContain('TỔ TRƯỞNG');
    expect(text).toContain('Trần Quốc Khánh');
  });

  it('all: one letter per unit with something overdue, each with its Kính gửi', async () => {
    f.clock.set('2024-07-05T09:00:00+07:00');
    const file = expectKind(
      await f.core.handle(f.viewers.chair, parseChatCommand('/da06 letter all 2024-06')),
      'file',
    );
    const { paragraphs } = readDocx(file.bytes);
    // As of 30/6: task 1 (CNTT) and task 2 (VP, Quý II/2024 due 30/6: not yet overdue on its last day).
    expect(paragraphs.filter((p) => p.startsWith('Kính gửi:'))).toEqual([
      'Kính gửi: Trung tâm Công nghệ thông tin.',
    ]);
    const july = expectKind(
      await f.core.handle(f.viewers.chair, parseChatCommand('/da06 letter all 2024-07')),
      'file',
    );
    expect(readDocx(july.bytes).paragraphs.filter((p) => p.startsWith('Kính gửi:'))).toEqual([
      'Kính gửi: Trung tâm Công nghệ thông tin.',
      'Kính gửi: Văn phòng BHXH Việt Nam.',
    ]);
    f.clock.set('2024-06-20T09:00:00+07:00');
  });

  it('a unit with nothing overdue: says so and writes nothing; an unknown unit and a member are refused', async () => {
    expect(await f.core.handle(f.viewers.chair, parseChatCommand('/da06 letter TCCB 2024-06'))).toEqual({
      kind: 'notice',
      tone: 'info',
      key: 'letter.nothing_overdue',
      params: { unit: 'TCCB', date: '20/06/2024' },
    });
    await expect(f.core.handle(f.viewers.chair, parseChatCommand('/da06 letter XYZ'))).rejects.toMatchObject({
      code: 'unit.unknown',
    });
    expect(await f.core.handle(f.viewers.lan, parseChatCommand('/da06 letter CNTT'))).toMatchObject({
      kind: 'notice',
      tone: 'error',
    });
  });
});
