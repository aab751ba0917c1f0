/** The Slack catalogs: same keys and placeholders in both languages, Vietnamese with its diacritics. */

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../../src/channels/slack/messages.ts';
import { slackEn } from '../../../src/channels/slack/messages.en.ts';
import { slackVi } from '../../../src/channels/slack/messages.vi.ts';
import { isMessageKey, placeholdersOf, t } from '../../../src/i18n/index.ts';
import { vi } from '../../../src/i18n/messages.vi.ts';

const keys = Object.keys(slackVi).sort();
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe('Slack messages', () => {
  it('have the same keys in Vietnamese and English, all prefixed slack., none clashing with the main catalogs', () => {
    expect(Object.keys(slackEn).sort()).toEqual(keys);
    for (const key of keys) {
      expect(key.startsWith('slack.')).toBe(true);
      expect(Object.hasOwn(vi, key)).toBe(false); // not a core key
      expect(isMessageKey(key)).toBe(true); // merged into the catalogs `t` reads
    }
  });

  it.each(keys)('%s has the same placeholders in both languages and reads in Vietnamese', (key) => {
    const k = key as keyof typeof slackVi;
    expect(placeholdersOf(slackEn[k])).toEqual(placeholdersOf(slackVi[k]));
    // Two messages have no words to translate: "Trang {page}/{pages}" and "{label}: *{count}* ({share})".
    if (!['slack.more.page', 'slack.summary.totals_line'].includes(key))
      expect(slackVi[k]).toMatch(VIETNAMESE_LETTER);
  });

  it('every slack. key the code uses exists', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
      );
    const used = new Set<string>();
    for (const file of walk(resolve(import.meta.dirname, '../../../src/channels/slack'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/'(slack\.[a-z_.]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) expect(keys, key).toContain(key);
    // …and every key is used.
    expect([...used].sort()).toEqual(keys);
  });

  it('falls back to the main catalogs for shared keys', () => {
    expect(t('vi', 'status.done')).toBe('Đã hoàn thành');
    expect(t('en', 'slack.button.snooze')).toBe('Remind me later');
    expect(t('vi', 'slack.more.page', { page: 2, pages: 3 })).toBe('Trang 2/3');
  });
});
