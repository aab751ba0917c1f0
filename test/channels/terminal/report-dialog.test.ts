/**
 * The forgiving terminal form (issue 17, items 2 and 3), driven through its injectable input over a
 * real core: each answer checked as it is typed, "-" clears a field, "hủy" and Ctrl-C leave the form
 * and return to the prompt, a summary before saving with a chance to change one answer, and the
 * month asked during the grace days.
 */
import { PassThrough } from 'node:stream';
import { beforeAll, expect, it } from 'vitest';
import { LineSource } from '../../../src/channels/terminal/line-source.ts';
import { TerminalChat } from '../../../src/channels/terminal/terminal-chat.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';

describeEachDatabase('terminal report form', (db) => {
  let f: CoreFixture;

  beforeAll(async () => {
    f = await createCoreFixture(db());
  });

  /** The chat as `user`, fed `script` (one line each); what it printed once the input ended. */
  async function chat(script: string[], user = 'lan'): Promise<string> {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (chunk) => {
      out += chunk;
    });
    const lines = new LineSource(stdin, stdout, false);
    const terminal = new TerminalChat({
      core: f.core,
      lines,
      user,
      defaultLocale: 'vi',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    stdin.end(`${script.join('\n')}\n`);
    await terminal.run();
    return out;
  }

  const reportOf = (code: string, period = '2024-06') =>
    db().client.statusReport.findFirst({
      where: { task: { code }, period: { key: period }, unit: { code: 'CNTT' } },
    });

  it('each answer is checked as it is typed, with the hint that fixes it; "-" clears a bad link', async () => {
    const out = await chat([
      '/da06 report 1',
      'xong', // not a status: asked again at once
      '2',
      '150', // out of range: asked again at once, before the next question
      '60',
      'Đã xây dựng dự thảo kế hoạch',
      '',
      'vanban/kh-01', // not a link: asked again, with how to leave it empty
      '-',
      '', // the summary: Enter sends
    ]);
    expect(out).toContain('Tình trạng không hợp lệ');
    expect(out).toContain('Tỷ lệ hoàn thành phải từ 0 đến 100.');
    expect(out).toContain('Gõ nội dung mới, hoặc "-" để để trống mục này.');
    expect(out.indexOf('Tỷ lệ hoàn thành phải từ 0 đến 100.')).toBeLessThan(
      out.indexOf('Đường dẫn minh chứng'),
    );
    expect(out).toMatch(
      /Báo cáo kỳ tháng 6\/2024 sẽ được gửi như sau:\n {2}1\. Tình trạng: Đang triển khai\n {2}2\. Tỷ lệ hoàn thành: 60%/,
    );
    expect(out).toContain('Đã ghi nhận báo cáo nhiệm vụ 1 kỳ tháng 6/2024: Đang triển khai, 60%.');
    expect(await reportOf('1')).toMatchObject({ status: 'in_progress', percent: 60, evidenceUrl: null });
  });

  it('editing: Enter keeps, a kept bad link is asked again until cleared, one answer changed from the summary', async () => {
    const out = await chat([
      '/da06 report 1',
      '3', // Đã hoàn thành: the kept 60 % now contradicts it
      '', // Enter keeps 60: refused with the reason
      '100',
      '',
      '',
      'htp:/bad',
      '', // Enter keeps the bad link: asked again
      '-',
      '3', // change answer 3 from the summary
      'Đã tổ chức hội nghị',
      '',
    ]);
    expect(out).toContain('Nhiệm vụ ở tình trạng Đã hoàn thành thì tỷ lệ hoàn thành phải là 100%.');
    expect(out.match(/Đường dẫn minh chứng không hợp lệ/g)).toHaveLength(2);
    expect(await reportOf('1')).toMatchObject({
      status: 'done',
      percent: 100,
      done: 'Đã tổ chức hội nghị',
      evidenceUrl: null,
      revision: 2,
    });
  });

  it('"hủy" leaves the form: nothing is saved, no goodbye, and the next command is answered', async () => {
    const out = await chat(['/da06 report 4', '2', 'hủy', '/da06 tasks']);
    expect(out).toContain('Đã hủy; báo cáo chưa được lưu.');
    expect(out.slice(out.indexOf('Đã hủy'))).toContain('Nâng cấp phần mềm');
    expect(out.indexOf('Tạm biệt')).toBe(-1);
    expect(await reportOf('4')).toBeNull();
  });

  it('Ctrl-C inside the form cancels it and returns to the prompt; it never hangs nor says goodbye', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (chunk) => {
      out += chunk;
    });
    // A person at a terminal: readline in terminal mode reads the Ctrl-C key (ETX) as SIGINT.
    const lines = new LineSource(stdin, stdout, true);
    const terminal = new TerminalChat({
      core: f.core,
      lines,
      user: 'lan',
      defaultLocale: 'vi',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    const running = terminal.run();
    stdin.write('/da06 report 4\r2\r');
    stdin.write('\x03');
    stdin.write('/da06 tasks\r');
    stdin.end();
    await running;
    const cancelled = out.indexOf('Đã hủy; báo cáo chưa được lưu.');
    expect(cancelled).toBeGreaterThan(-1);
    const after = out.slice(cancelled);
    expect(after).toContain('Nâng cấp phần mềm'); // the next command was answered
    expect(out.slice(0, cancelled)).not.toContain('Tạm biệt');
    expect(await reportOf('4')).toBeNull();
  });

  it('a mistyped command gets "có phải bạn muốn …?" with what was typed after it', async () => {
    const out = await chat(['/da06 reprot 4', '/da06 tong hp']);
    expect(out).toContain('Không có lệnh "reprot 4". Có phải bạn muốn: /da06 report 4?');
    expect(out).toContain('Có phải bạn muốn: /da06 summary?');
  });

  it('every line fits 80 columns: the scoreboard, the task picker, help', async () => {
    const chair = await chat(['/da06 scoreboard 2024-06', '/da06 help'], 'khanh');
    const picker = await chat(['/da06 report', 'hủy']);
    for (const line of `${chair}\n${picker}`.split('\n'))
      expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(chair).toContain('CNTT');
  });

  it('during the grace days the month is asked, the previous one first; the report goes to the one chosen', async () => {
    f.clock.set('2024-07-03T10:00:00+07:00');
    try {
      const out = await chat(['/da06 report 4', '2', '2', '10', 'Đã khảo sát', '', '', '']);
      expect(out).toContain('Đã ghi nhận báo cáo nhiệm vụ 4 kỳ tháng 7/2024');
      expect(await reportOf('4', '2024-07')).toMatchObject({ percent: 10, late: false });
      const june = await chat(['/da06 report 4', '', '2', '20', 'Đã khảo sát tháng 6', '', '', '']);
      expect(june).toContain('Đã ghi nhận báo cáo nhiệm vụ 4 kỳ tháng 6/2024');
      expect(await reportOf('4', '2024-06')).toMatchObject({ percent: 20, late: true });
      // A month typed without a task: kept once the task is picked (Enter keeps it at the question).
      const picked = await chat(['/da06 report 2024-07', '1', '', '2', '30', 'Đã khảo sát tiếp', '', '', '']);
      expect(picked).toContain('Đã ghi nhận báo cáo nhiệm vụ 1 kỳ tháng 7/2024');
    } finally {
      f.clock.set('2024-06-20T09:00:00+07:00');
    }
  });
});
