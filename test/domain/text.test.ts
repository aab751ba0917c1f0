import { describe, expect, it } from 'vitest';
import { charCount, cleanTypedText, displaySafe } from '../../src/domain/text.ts';

describe('cleanTypedText', () => {
  it('composes, trims and keeps ordinary text, line breaks and tabs', () => {
    expect(cleanTypedText('  Đa\u0303 xong\n\tbước 2 ')).toEqual({ ok: true, text: 'Đã xong\n\tbước 2' });
  });

  it('refuses control characters, reads invisible-only text as empty, drops bidi controls', () => {
    expect(cleanTypedText('a\u0000b')).toEqual({ ok: false, problem: 'control_chars' });
    expect(cleanTypedText('\u001b]0;title\u0007')).toEqual({ ok: false, problem: 'control_chars' });
    expect(cleanTypedText('\u200b \u2060\ufeff\u00ad')).toEqual({ ok: true, text: null });
    expect(cleanTypedText('a\u202eb\u2066c\u2069')).toEqual({ ok: true, text: 'abc' });
    expect(cleanTypedText(null)).toEqual({ ok: true, text: null });
  });

  it('counts characters as people do', () => {
    expect(charCount('Việt')).toBe(4);
    expect(charCount('👍🏽')).toBe(2);
  });
});

describe('displaySafe', () => {
  it('shows stored escape sequences and bidi controls harmlessly, keeping line breaks', () => {
    expect(displaySafe('ok\u001b[2A\u001b[2Kxx\nnext\t\u202eevil')).toBe(
      'ok\ufffd[2A\ufffd[2Kxx\nnext\tevil',
    );
  });
});
