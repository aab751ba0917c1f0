/**
 * Words typed by one member reach the chair's terminal (a summary, a kiến nghị): escape sequences
 * that move the cursor, erase lines or set the window title, and bidi overrides, must not act on the
 * chair's screen (issue 16). The terminal's one writer shows them as U+FFFD instead.
 */
import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { fitLines, LineSource } from '../../../src/channels/terminal/line-source.ts';

it('what the terminal prints carries no control sequence typed by someone else', () => {
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => {
    printed += chunk;
  });
  const lines = new LineSource(new PassThrough(), output, false);
  lines.write('VP: Đã xong\u001b[2A\u001b[2K\u001b]0;pwned\u0007\n  kiến nghị: \u202eexe.txt\tok');
  lines.close();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
  expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  expect(printed).toBe('VP: Đã xong\ufffd[2A\ufffd[2K\ufffd]0;pwned\ufffd\n  kiến nghị: exe.txt\tok\n');
});

it('every line fits the width, broken between words under its own indentation; lines that fit are untouched', () => {
  const row =
    '  12. BHXH tỉnh Quảng Ninh       96,5 điểm  hoàn thành 14/15 nhiệm vụ đúng hạn, báo cáo đủ 6/6 tháng, không có kiến nghị tồn đọng';
  const aligned = 'VP      3   2   1';
  const fitted = fitLines(`${row}\n${aligned}`, 80).split('\n');
  for (const line of fitted) expect([...line].length).toBeLessThanOrEqual(80);
  expect(fitted.at(-1)).toBe(aligned);
  expect(fitted[1]).toMatch(/^ {4}\S/);
  // No word was broken: the words read the same once the lines are joined again.
  expect(fitted.slice(0, -1).join(' ').split(/\s+/).filter(Boolean)).toEqual(
    row.split(/\s+/).filter(Boolean),
  );
});

it('at a terminal whose input has ended, a question is answered null instead of prompting a closed readline', async () => {
  const input = new PassThrough();
  const lines = new LineSource(input, new PassThrough(), true);
  input.end();
  await new Promise((resolve) => setImmediate(resolve));
  // Node 24's readline throws ERR_USE_AFTER_CLOSE on prompt() once closed (Node 20 did nothing).
  await expect(lines.ask('Tình trạng thực hiện: ')).resolves.toBeNull();
  await expect(lines.next('/da06 ')).resolves.toBeNull();
});
