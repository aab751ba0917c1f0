import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, isAppError } from '../../src/domain/errors.ts';
import { isMessageKey, t } from '../../src/i18n/index.ts';
import { describeError, errorMessage } from '../../src/presentation/errors.ts';

describe('coded errors', () => {
  it('have a message for every code in both languages', () => {
    expect(ERROR_CODES.filter((code) => !isMessageKey(`error.${code}`))).toEqual([]);
    expect(isMessageKey('error.internal')).toBe(true);
  });

  it('are written from the catalogs in the reader’s language, without a stack', () => {
    const error = new AppError('unit.unknown', { unit: 'NOPE' });
    const logged: string[] = [];
    expect(describeError(error, 'vi', { log: (line) => logged.push(line) })).toBe(
      'Không có đơn vị mã "NOPE". Xem danh sách: da06 units list',
    );
    expect(describeError(error, 'en')).toBe(
      'There is no unit with the code "NOPE". See the list: da06 units list',
    );
    expect(logged).toEqual([]);
    expect(errorMessage(error)).toEqual({
      key: 'error.unit.unknown',
      params: { unit: 'NOPE' },
      expected: true,
    });
  });

  it('say only "internal error" for a bug, and log its stack', () => {
    const logged: string[] = [];
    const said = describeError(new Error('boom at line 3'), 'vi', { log: (line) => logged.push(line) });
    expect(said).toBe(t('vi', 'error.internal'));
    expect(said).not.toContain('boom');
    expect(logged.join('\n')).toContain('boom at line 3');
    expect(logged.join('\n')).toContain('errors.test.ts'); // the stack
  });

  it('take a channel’s own wording for a bug', () => {
    expect(describeError('odd', 'en', { internalKey: 'teams.error' })).toBe(t('en', 'teams.error'));
  });

  it('are recognised by code', () => {
    const error: unknown = new AppError('member.ambiguous', { member: 'Minh' });
    expect(isAppError(error)).toBe(true);
    expect(isAppError(error, 'member.not_found', 'member.ambiguous')).toBe(true);
    expect(isAppError(error, 'unit.unknown')).toBe(false);
    expect(isAppError(new Error('x'))).toBe(false);
  });
});
