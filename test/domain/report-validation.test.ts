import { describe, expect, it } from 'vitest';
import { type FieldError, MAX_TEXT_CHARS, type ReportDraft, type Status } from '../../src/domain/report.ts';
import { parseStatus, validateReport } from '../../src/domain/report-validation.ts';

const valid: ReportDraft = { status: 'in_progress', percent: '40', done: 'Đã rà soát dữ liệu' };

function errorsOf(draft: Partial<ReportDraft>): FieldError[] {
  const result = validateReport({ ...valid, ...draft });
  return result.ok ? [] : result.errors;
}

describe('parseStatus', () => {
  it.each<[string, Status]>([
    ['not_started', 'not_started'],
    ['in_progress', 'in_progress'],
    ['done', 'done'],
    ['blocked', 'blocked'],
    ['Chưa triển khai', 'not_started'],
    ['chua trien khai', 'not_started'],
    ['Đang triển khai', 'in_progress'],
    ['ĐANG TRIỂN KHAI', 'in_progress'],
    ['Đã hoàn thành', 'done'],
    ['  Đã  hoàn thành ', 'done'],
    ['Vướng mắc', 'blocked'],
    ['vuong mac', 'blocked'],
    ['not started', 'not_started'],
    ['In Progress', 'in_progress'],
    ['in-progress', 'in_progress'],
    ['DONE', 'done'],
    ['Blocked', 'blocked'],
    ['1', 'not_started'],
    ['2', 'in_progress'],
    ['3', 'done'],
    [' 4 ', 'blocked'],
  ])('%j → %s', (text, status) => {
    expect(parseStatus(text)).toBe(status);
  });

  it.each(['', '0', '5', '12', 'finished', 'đang', 'hoàn thành', 'not_startedx'])('rejects %j', (text) => {
    expect(parseStatus(text)).toBeNull();
  });
});

describe('validateReport', () => {
  it('returns the cleaned input of a valid draft', () => {
    expect(
      validateReport({
        status: 'Vướng mắc',
        percent: ' 35% ',
        done: '  Đã kết nối thử nghiệm  ',
        blockers: ' Chờ Bộ Công an cấp tài khoản ',
        evidenceUrl: ' https://example.gov.vn/van-ban/123?x=1 ',
      }),
    ).toEqual({
      ok: true,
      input: {
        status: 'blocked',
        percent: 35,
        done: 'Đã kết nối thử nghiệm',
        blockers: 'Chờ Bộ Công an cấp tài khoản',
        evidenceUrl: 'https://example.gov.vn/van-ban/123?x=1',
      },
    });
  });

  it('turns empty optional fields into null', () => {
    expect(validateReport({ status: '2', percent: 10, done: 'x', blockers: '  ', evidenceUrl: '' })).toEqual({
      ok: true,
      input: { status: 'in_progress', percent: 10, done: 'x', blockers: null, evidenceUrl: null },
    });
    expect(validateReport({ status: '2', percent: 10, done: 'x' })).toEqual({
      ok: true,
      input: { status: 'in_progress', percent: 10, done: 'x', blockers: null, evidenceUrl: null },
    });
  });

  it('composes decomposed text (NFC)', () => {
    const result = validateReport({ ...valid, done: 'Đã hoàn thành'.normalize('NFD') });
    expect(result.ok && result.input.done).toBe('Đã hoàn thành'.normalize('NFC'));
  });

  it.each<[string | number, number]>([
    ['0', 0],
    ['50', 50],
    ['50%', 50],
    [' 50 ', 50],
    [' 50 % ', 50],
    ['100', 100],
    ['007', 7],
    [0, 0],
    [99, 99],
    [100, 100],
  ])('percent %j → %d', (percent, expected) => {
    const result = validateReport({ ...valid, percent });
    expect(result.ok && result.input.percent).toBe(expected);
  });

  it.each<[string | number, string]>([
    ['', 'report.error.percent_invalid'],
    ['  ', 'report.error.percent_invalid'],
    ['abc', 'report.error.percent_invalid'],
    ['50.5', 'report.error.percent_invalid'],
    ['5 0', 'report.error.percent_invalid'],
    ['%', 'report.error.percent_invalid'],
    ['50%%', 'report.error.percent_invalid'],
    [12.5, 'report.error.percent_invalid'],
    [Number.NaN, 'report.error.percent_invalid'],
    ['101', 'report.error.percent_range'],
    ['150%', 'report.error.percent_range'],
    ['-1', 'report.error.percent_range'],
    [101, 'report.error.percent_range'],
    [-5, 'report.error.percent_range'],
  ])('percent %j → %s', (percent, key) => {
    expect(errorsOf({ percent })).toEqual([{ field: 'percent', key }]);
  });

  it.each(['', 'started', '0', '5'])('status %j is invalid', (status) => {
    expect(errorsOf({ status })).toEqual([{ field: 'status', key: 'report.error.status_invalid' }]);
  });

  it.each(['', '   ', '\n\t'])('done %j is required', (done) => {
    expect(errorsOf({ done })).toEqual([{ field: 'done', key: 'report.error.done_required' }]);
  });

  it('limits every text to MAX_TEXT_CHARS characters', () => {
    const max = 'ệ'.repeat(MAX_TEXT_CHARS);
    expect(errorsOf({ done: max, blockers: max })).toEqual([]);
    // Counted after trimming and composing: 3000 decomposed "ệ" are 9000 code points but 3000 characters.
    expect(errorsOf({ done: ` ${max.normalize('NFD')} ` })).toEqual([]);
    const tooLong = 'a'.repeat(MAX_TEXT_CHARS + 1);
    const tooLongError = (field: string) => ({ field, key: 'report.error.too_long', params: { max: 3000 } });
    expect(errorsOf({ done: tooLong })).toEqual([tooLongError('done')]);
    expect(errorsOf({ blockers: tooLong })).toEqual([tooLongError('blockers')]);
    expect(errorsOf({ evidenceUrl: `https://example.com/${tooLong}` })).toEqual([
      tooLongError('evidenceUrl'),
    ]);
    // A too long kiến nghị is still a kiến nghị: no "blocked needs a reason" on top.
    expect(errorsOf({ status: 'blocked', blockers: tooLong })).toEqual([tooLongError('blockers')]);
  });

  it.each([
    'http://example.com',
    'https://drive.google.com/file/d/abc/view?usp=sharing',
    'HTTPS://EXAMPLE.COM/A',
  ])('accepts the URL %j', (evidenceUrl) => {
    expect(errorsOf({ evidenceUrl })).toEqual([]);
  });

  it.each([
    'example.com',
    'www.example.com/x',
    'ftp://example.com/file',
    'javascript:alert(1)',
    'mailto:a@example.com',
    'https://',
    'http://exa mple.com',
    'file:///etc/passwd',
  ])('rejects the URL %j', (evidenceUrl) => {
    expect(errorsOf({ evidenceUrl })).toEqual([{ field: 'evidenceUrl', key: 'report.error.url_invalid' }]);
  });

  it.each<[Partial<ReportDraft>, FieldError[]]>([
    [{ status: 'done', percent: '90' }, [{ field: 'percent', key: 'report.error.done_needs_100' }]],
    [{ status: 'Đã hoàn thành', percent: 0 }, [{ field: 'percent', key: 'report.error.done_needs_100' }]],
    [{ status: 'done', percent: '100%' }, []],
    [
      { status: 'not_started', percent: '10' },
      [{ field: 'percent', key: 'report.error.not_started_needs_0' }],
    ],
    [{ status: '1', percent: '0' }, []],
    [{ status: 'blocked', percent: '30' }, [{ field: 'blockers', key: 'report.error.blocked_needs_reason' }]],
    [
      { status: 'blocked', percent: '30', blockers: '   ' },
      [{ field: 'blockers', key: 'report.error.blocked_needs_reason' }],
    ],
    [{ status: 'blocked', percent: '30', blockers: 'Thiếu kinh phí' }, []],
    [{ status: 'in_progress', percent: '100' }, []],
    [{ status: 'in_progress', percent: '0' }, []],
    // Consistency is only checked between readable fields.
    [{ status: 'done', percent: 'x' }, [{ field: 'percent', key: 'report.error.percent_invalid' }]],
    [{ status: 'done', percent: '120' }, [{ field: 'percent', key: 'report.error.percent_range' }]],
  ])('consistency %j', (draft, errors) => {
    expect(errorsOf(draft)).toEqual(errors);
  });

  it('returns every error at once', () => {
    expect(
      validateReport({
        status: 'maybe',
        percent: '200',
        done: ' ',
        blockers: 'b'.repeat(MAX_TEXT_CHARS + 1),
        evidenceUrl: 'not a url',
      }),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'status', key: 'report.error.status_invalid' },
        { field: 'percent', key: 'report.error.percent_range' },
        { field: 'done', key: 'report.error.done_required' },
        { field: 'blockers', key: 'report.error.too_long', params: { max: MAX_TEXT_CHARS } },
        { field: 'evidenceUrl', key: 'report.error.url_invalid' },
      ],
    });
    expect(errorsOf({ status: 'done', percent: '50', done: '' })).toEqual([
      { field: 'done', key: 'report.error.done_required' },
      { field: 'percent', key: 'report.error.done_needs_100' },
    ]);
  });
});

describe('texts typed by one person and read by another (issue 16)', () => {
  it.each([
    ['a NUL character', 'Đã làm\u0000xong'],
    ['a bell', 'Đã làm\u0007'],
    ['an escape sequence that moves the cursor', 'Đã làm\u001b[2A\u001b[2Kxong'],
    ['a C1 control', 'Đã làm\u009bxong'],
    ['DEL', 'Đã làm\u007f'],
  ])('%s in a text is a field error, not stored', (_what, done) => {
    expect(errorsOf({ done })).toEqual([{ field: 'done', key: 'report.error.control_chars' }]);
    expect(errorsOf({ blockers: done })).toEqual([{ field: 'blockers', key: 'report.error.control_chars' }]);
  });

  it('line breaks and tabs are ordinary text', () => {
    const result = validateReport({ ...valid, done: 'Dòng 1\nDòng 2\r\n\tDòng 3' });
    expect(result.ok).toBe(true);
  });

  it.each([
    ['zero-width spaces', '\u200b\u200b\u200b'],
    ['a zero-width joiner and a BOM', '\u200d\ufeff'],
    ['no-break and ideographic spaces', '\u00a0\u3000'],
    ['bidi marks only', '\u200e\u200f\u202a\u202c'],
  ])('a text of only %s counts as empty', (_what, done) => {
    expect(errorsOf({ done })).toEqual([{ field: 'done', key: 'report.error.done_required' }]);
  });

  it('bidi overrides and isolates are taken out of what is stored', () => {
    const result = validateReport({ ...valid, done: 'Hoàn thành \u202etxt.exe\u202c và \u2066A\u2069' });
    expect(result.ok && result.input.done).toBe('Hoàn thành txt.exe và A');
  });
});
