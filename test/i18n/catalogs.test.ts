/** Every catalog, wherever it lives (src/i18n, src/channels/<channel>), has the same keys and placeholders in both languages. */
import { describe, expect, it } from 'vitest';
import { slackEn } from '../../src/channels/slack/messages.en.ts';
import { slackVi } from '../../src/channels/slack/messages.vi.ts';
import { teamsEn } from '../../src/channels/teams/messages.en.ts';
import { teamsVi } from '../../src/channels/teams/messages.vi.ts';
import { addCatalogs, isMessageKey, placeholdersOf, t } from '../../src/i18n/index.ts';
import { en } from '../../src/i18n/messages.en.ts';
import { vi } from '../../src/i18n/messages.vi.ts';
import { reportsEn } from '../../src/i18n/reports.en.ts';
import { reportsVi } from '../../src/i18n/reports.vi.ts';
import { schedulerEn } from '../../src/i18n/scheduler.en.ts';
import { schedulerVi } from '../../src/i18n/scheduler.vi.ts';
import { webEn } from '../../src/web/messages.en.ts';
import { webVi } from '../../src/web/messages.vi.ts';

const CATALOGS: [string, Readonly<Record<string, string>>, Readonly<Record<string, string>>][] = [
  ['core', vi, en],
  ['scheduler', schedulerVi, schedulerEn],
  ['reports', reportsVi, reportsEn],
  ['slack', slackVi, slackEn],
  ['teams', teamsVi, teamsEn],
  ['web', webVi, webEn],
];

/** English writes the month's name ("5 July 2024"), Vietnamese its number ("ngày 05 tháng 7 năm 2024"). */
const PLACEHOLDERS_DIFFER = new Set(['reports.doc.place_date']);

describe.each(CATALOGS)('the %s catalog', (_name, viCatalog, enCatalog) => {
  it('has the same keys in Vietnamese and English', () => {
    expect(Object.keys(enCatalog).sort()).toEqual(Object.keys(viCatalog).sort());
  });

  it('has the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(viCatalog)) {
      if (PLACEHOLDERS_DIFFER.has(key)) continue;
      expect(placeholdersOf(enCatalog[key] ?? ''), key).toEqual(placeholdersOf(text));
    }
  });
});

describe('the merged catalog', () => {
  it('shares no key between two catalogs', () => {
    const keys = CATALOGS.flatMap(([, viCatalog]) => Object.keys(viCatalog));
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('finds a channel’s keys once the channel has added its catalogs', () => {
    addCatalogs({ vi: slackVi, en: slackEn });
    expect(isMessageKey('slack.error.generic')).toBe(true);
    expect(t('en', 'slack.error.generic')).toBe(slackEn['slack.error.generic']);
  });

  it('refuses a key added twice with other words', () => {
    expect(() => addCatalogs({ vi: { 'status.done': 'Xong' }, en: { 'status.done': 'Done' } })).toThrow(
      /twice/,
    );
  });
});
