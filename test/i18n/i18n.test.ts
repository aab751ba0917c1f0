import { describe, expect, it } from 'vitest';
import type { DeadlineView } from '../../src/app/views.ts';
import type { Period } from '../../src/domain/period.ts';
import { STATUSES } from '../../src/domain/report.ts';
import { ROLES } from '../../src/domain/roles.ts';
import {
  deadlineLabel,
  formatDate,
  formatDateTime,
  formatPercent,
  isMessageKey,
  localizeParams,
  periodLabel,
  placeholdersOf,
  roleLabel,
  standingLabel,
  statusLabel,
  t,
} from '../../src/i18n/index.ts';
import { en } from '../../src/i18n/messages.en.ts';
import { vi } from '../../src/i18n/messages.vi.ts';

const viKeys = Object.keys(vi).sort();
const enKeys = Object.keys(en).sort();
/** Letters only Vietnamese writes: vowels with a mark, ă â ê ô ơ ư đ. */
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe('catalogs', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(enKeys).toEqual(viKeys);
  });

  it.each(viKeys)('%s has the same placeholders in both languages', (key) => {
    const k = key as keyof typeof vi;
    expect(placeholdersOf(en[k])).toEqual(placeholdersOf(vi[k]));
  });

  it.each(viKeys)('%s leaves no placeholder once its params are given', (key) => {
    const params = Object.fromEntries(placeholdersOf(vi[key as keyof typeof vi]).map((name) => [name, 'X']));
    for (const locale of ['vi', 'en'] as const) {
      const text = t(locale, key, params);
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text.trim()).not.toBe('');
    }
  });

  it('writes Vietnamese with its diacritics', () => {
    for (const key of [
      'status.not_started',
      'status.in_progress',
      'status.done',
      'status.blocked',
      'standing.not_reported',
      'role.vice-chair',
      'role.chair',
      'report.error.percent_range',
      'auth.unregistered',
      'auth.not_your_task',
      'report.period_closed',
      'period.invalid',
      'help.title',
      'summary.title',
      'meeting.none_scheduled',
      'form.prompt.blockers',
    ] as const) {
      expect(vi[key], key).toMatch(VIETNAMESE_LETTER);
    }
    // Every Vietnamese sentence (not a bare placeholder pattern) has at least one marked letter.
    const sentences = viKeys.filter((key) => /[a-z]{3,}\s+[a-z]/i.test(vi[key as keyof typeof vi]));
    for (const key of sentences) {
      const text = vi[key as keyof typeof vi];
      if (key.startsWith('help.cmd.members_') || key === 'members.col.id') continue;
      expect(text, key).toMatch(VIETNAMESE_LETTER);
    }
  });

  it('keeps Vietnamese in NFC, so texts compare and count as typed', () => {
    for (const key of viKeys) {
      const text = vi[key as keyof typeof vi];
      expect(text, key).toBe(text.normalize('NFC'));
    }
  });

  it('has every key the use cases and channels ask for', () => {
    const required = [
      ...STATUSES.map((s) => `status.${s}`),
      'standing.not_reported',
      ...ROLES.map((r) => `role.${r}`),
      'report.error.status_invalid',
      'report.error.percent_invalid',
      'report.error.percent_range',
      'report.error.done_required',
      'report.error.too_long',
      'report.error.url_invalid',
      'report.error.done_needs_100',
      'report.error.not_started_needs_0',
      'report.error.blocked_needs_reason',
      'auth.unregistered',
      'auth.not_your_task',
      'auth.admin_only',
      'auth.chair_only',
      'report.unknown_task',
      'report.period_closed',
      'report.period_not_started',
      'period.invalid',
      'period.before_plan',
      'report.saved',
      'report.updated',
      'report.late_note',
      'report.no_tasks',
      'report.quick_done_text',
      'tasks.none',
      'meeting.none_scheduled',
      'command.unknown',
      'terminal.welcome',
      'terminal.switched',
      'terminal.member_not_found',
      'terminal.bye',
      'form.cancelled',
      'form.prompt.task',
      'form.prompt.status',
      'form.prompt.percent',
      'form.prompt.done',
      'form.prompt.blockers',
      'form.prompt.evidence',
      'form.prompt.keep',
      'form.confirm',
      'help.title',
      ...['tasks', 'report', 'summary', 'overdue', 'meeting', 'help', 'as'].map((c) => `help.cmd.${c}`),
      ...['add', 'link', 'role', 'deactivate', 'list'].map((c) => `help.cmd.members_${c}`),
      'members.added',
      'members.linked',
      'members.role_changed',
      'members.deactivated',
      'members.usage',
      ...['member_not_found', 'member_ambiguous', 'unknown_unit', 'identity_taken'].map(
        (c) => `members.error.${c}`,
      ),
      'snooze.saved',
      'snooze.invalid_date',
      'summary.title',
      'summary.totals',
      'summary.by_unit',
      'summary.overdue',
      'summary.blockers',
      'summary.not_reported',
      'summary.change',
      'summary.empty',
    ];
    expect(required.filter((key) => !isMessageKey(key))).toEqual([]);
  });
});

describe('t', () => {
  it('fills placeholders and reads the wording of each locale', () => {
    expect(t('vi', 'report.error.percent_range')).toBe('Tỷ lệ hoàn thành phải từ 0 đến 100.');
    expect(t('vi', 'report.error.too_long', { max: 3000 })).toBe('Nội dung quá dài: tối đa 3000 ký tự.');
    expect(t('en', 'report.error.too_long', { max: 3000 })).toBe(
      'The text is too long: at most 3000 characters.',
    );
    expect(t('vi', 'command.unknown', { command: 'abc' })).toContain('"abc"');
  });

  it('never crashes: an unknown key comes back as is, a missing param stays visible', () => {
    expect(t('vi', 'no.such.key')).toBe('no.such.key');
    expect(t('en', 'no.such.key', { a: 1 })).toBe('no.such.key');
    expect(t('vi', 'report.error.too_long')).toContain('{max}');
    expect(t('vi', 'toString')).toBe('toString');
  });

  it('tells the unregistered user why and what to do, on any platform', () => {
    const text = t('vi', 'auth.unregistered', {
      platform: 'teams',
      externalId: '29:abc',
      admins: 'Phạm Quốc Anh',
      linkHint: 'da06 members add --name "…" --unit … --role member --teams 29:abc',
    });
    expect(text).toContain('chưa có trong danh sách thành viên Tổ công tác');
    expect(text).toContain('(Phạm Quốc Anh)');
    expect(text).toContain('--teams 29:abc');
    expect(text).not.toContain('slack');
  });

  it('lists the accepted period forms when a period cannot be read', () => {
    const text = t('vi', 'period.invalid', { text: 'quý 5' });
    for (const form of ['2024-06', '06/2024', 'tháng 6/2024', '2024-H1', '2024'])
      expect(text).toContain(form);
  });
});

describe('labels', () => {
  it('names statuses, standings and roles', () => {
    expect(STATUSES.map((s) => statusLabel('vi', s))).toEqual([
      'Chưa triển khai',
      'Đang triển khai',
      'Đã hoàn thành',
      'Vướng mắc',
    ]);
    expect(STATUSES.map((s) => statusLabel('en', s))).toEqual([
      'Not started',
      'In progress',
      'Done',
      'Blocked',
    ]);
    expect(standingLabel('vi', 'not_reported')).toBe('Chưa báo cáo');
    expect(standingLabel('en', 'not_reported')).toBe('Not reported');
    expect(standingLabel('vi', 'done')).toBe('Đã hoàn thành');
    expect(ROLES.map((r) => roleLabel('vi', r))).toEqual(['Thành viên', 'Tổ phó', 'Tổ trưởng', 'Quản trị']);
    expect(roleLabel('en', 'vice-chair')).toBe('Vice-chair');
  });

  it('names periods from a Period or its key', () => {
    const june: Period = {
      key: '2024-06',
      kind: 'month',
      year: 2024,
      index: 6,
      startsOn: '2024-06-01',
      endsOn: '2024-06-30',
    };
    expect(periodLabel('vi', june)).toBe('tháng 6/2024');
    expect(periodLabel('en', june)).toBe('June 2024');
    expect(periodLabel('vi', '2024-H1')).toBe('6 tháng đầu năm 2024');
    expect(periodLabel('vi', '2024-H2')).toBe('6 tháng cuối năm 2024');
    expect(periodLabel('en', '2024-H1')).toBe('first half of 2024');
    expect(periodLabel('en', '2024-H2')).toBe('second half of 2024');
    expect(periodLabel('vi', '2024')).toBe('năm 2024');
    expect(periodLabel('en', '2024')).toBe('2024');
    expect(periodLabel('vi', '2024-12')).toBe('tháng 12/2024');
    expect(periodLabel('en', '2025-01')).toBe('January 2025');
    expect(periodLabel('vi', 'tháng 6')).toBe('tháng 6');
  });

  const d = (overrides: Partial<DeadlineView>): DeadlineView => ({
    text: 'Tháng 02/2024',
    kind: 'month',
    due: '2024-02-29',
    daysLeft: null,
    overdue: false,
    ...overrides,
  });

  it('writes deadlines with due date and days left or overdue', () => {
    expect(deadlineLabel('vi', d({ daysLeft: -12, overdue: true }))).toBe(
      'Tháng 02/2024 (hạn 29/02/2024, quá hạn 12 ngày)',
    );
    expect(deadlineLabel('en', d({ daysLeft: -12, overdue: true }))).toBe(
      'Tháng 02/2024 (due 29 Feb 2024, days overdue: 12)',
    );
    expect(deadlineLabel('vi', d({ daysLeft: 5 }))).toBe('Tháng 02/2024 (hạn 29/02/2024, còn 5 ngày)');
    expect(deadlineLabel('vi', d({ daysLeft: 0 }))).toBe('Tháng 02/2024 (hạn 29/02/2024, đến hạn hôm nay)');
    expect(deadlineLabel('vi', d({}))).toBe('Tháng 02/2024 (hạn 29/02/2024)');
    expect(deadlineLabel('vi', d({ text: 'Thường xuyên', kind: 'ongoing', due: null }))).toBe(
      'Thường xuyên (không có hạn cuối)',
    );
    expect(deadlineLabel('vi', d({ text: 'Hằng năm', kind: 'recurring_annual', due: null }))).toBe(
      'Hằng năm (không có hạn cuối)',
    );
    expect(deadlineLabel('vi', d({ text: 'Sau khi có hướng dẫn', kind: 'conditional', due: null }))).toBe(
      'Sau khi có hướng dẫn (tùy điều kiện, chưa có ngày cụ thể)',
    );
    expect(deadlineLabel('vi', d({ text: '', kind: 'unknown', due: null }))).toBe('Không ghi thời hạn');
  });
});

describe('dates and numbers', () => {
  it('writes a calendar day as dd/MM/yyyy in Vietnamese and dd MMM yyyy in English', () => {
    expect(formatDate('vi', '2024-02-29')).toBe('29/02/2024');
    expect(formatDate('en', '2024-02-29')).toBe('29 Feb 2024');
    expect(formatDate('vi', '2024-06-05')).toBe('05/06/2024');
    expect(formatDate('en', '2024-12-01')).toBe('01 Dec 2024');
  });

  it('takes the day of a moment in the given time zone', () => {
    // 18:00 UTC on 31 Dec is 01:00 on 1 Jan in Hà Nội.
    expect(formatDate('vi', '2024-12-31T18:00:00Z')).toBe('01/01/2025');
    expect(formatDate('vi', new Date('2024-12-31T18:00:00Z'), 'UTC')).toBe('31/12/2024');
    expect(formatDate('vi', 'not a date')).toBe('not a date');
  });

  it('writes date-times in the time zone, with the weekday when asked', () => {
    const iso = '2024-06-24T01:30:00Z';
    expect(formatDateTime('vi', iso, 'Asia/Ho_Chi_Minh')).toBe('24/06/2024 08:30');
    expect(formatDateTime('en', iso, 'Asia/Ho_Chi_Minh')).toBe('24 Jun 2024, 08:30');
    expect(formatDateTime('vi', iso, 'Asia/Ho_Chi_Minh', { weekday: true })).toBe(
      'thứ Hai, 24/06/2024 08:30',
    );
    expect(formatDateTime('en', iso, 'Asia/Ho_Chi_Minh', { weekday: true })).toBe('Mon 24 Jun 2024, 08:30');
    expect(formatDateTime('vi', '2024-06-22T17:00:00Z', 'Asia/Ho_Chi_Minh', { weekday: true })).toBe(
      'Chủ nhật, 23/06/2024 00:00',
    );
    expect(formatDateTime('en', iso, 'UTC')).toBe('24 Jun 2024, 01:30');
  });

  it('writes percentages with the decimal mark of the locale', () => {
    expect(formatPercent('vi', (10 / 42) * 100)).toBe('23,8%');
    expect(formatPercent('en', (10 / 42) * 100)).toBe('23.8%');
    expect(formatPercent('vi', 50)).toBe('50%');
    expect(formatPercent('vi', 0)).toBe('0%');
  });
});

describe('localizeParams', () => {
  it('turns period keys, days, statuses and roles into words and leaves the rest', () => {
    expect(
      localizeParams('vi', {
        period: '2024-05',
        first: '2024',
        closedOn: '2024-06-05',
        until: '2024-07-01',
        status: 'blocked',
        role: 'vice-chair',
        text: '2024-06',
        max: 3000,
        code: 'BT-01',
      }),
    ).toEqual({
      period: 'tháng 5/2024',
      first: 'năm 2024',
      closedOn: '05/06/2024',
      until: '01/07/2024',
      status: 'Vướng mắc',
      role: 'Tổ phó',
      text: '2024-06',
      max: 3000,
      code: 'BT-01',
    });
    expect(localizeParams('en', { period: 'June 2024' })).toEqual({ period: 'June 2024' });
    expect(localizeParams('vi', undefined)).toBeUndefined();
  });

  it('makes refusals readable in each locale', () => {
    const params = { period: '2024-05', closedOn: '2024-06-05' };
    expect(t('vi', 'report.period_closed', localizeParams('vi', params))).toMatch(
      /^Kỳ báo cáo tháng 5\/2024 đã khóa sổ từ ngày 05\/06\/2024/,
    );
    expect(t('en', 'report.period_closed', localizeParams('en', params))).toMatch(
      /^The reporting period May 2024 was closed on 05 Jun 2024/,
    );
  });
});
