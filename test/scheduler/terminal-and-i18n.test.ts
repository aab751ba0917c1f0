/** The terminal channel for proactive messages, and the scheduler's catalogs. */
import { describe, expect, it } from 'vitest';
import type { View } from '../../src/app/views.ts';
import { TerminalAdapter } from '../../src/channels/terminal/index.ts';
import { placeholdersOf, t } from '../../src/i18n/index.ts';
import { vi } from '../../src/i18n/messages.vi.ts';
import { schedulerEn } from '../../src/i18n/scheduler.en.ts';
import { schedulerVi } from '../../src/i18n/scheduler.vi.ts';

const view: View = { kind: 'notice', tone: 'info', key: 'scheduler.remind.unavailable' };

describe('TerminalAdapter (the terminal channel)', () => {
  it('hands each message to deliver and reaches the group and linked members', async () => {
    const seen: string[] = [];
    const channel = new TerminalAdapter((v, r) => {
      seen.push(`${r.kind}:${v.kind}`);
    });
    expect(channel.platform).toBe('terminal');
    expect(channel.routes).toEqual([]);
    expect(await channel.send({ kind: 'group', locale: 'vi' }, view)).toEqual({ ok: true });
    expect(seen).toEqual(['group:notice']);
    expect(await channel.canReach({ kind: 'member', memberId: 1, externalId: 'lan', locale: 'vi' })).toBe(
      true,
    );
    expect(await channel.canReach({ kind: 'member', memberId: 1, externalId: ' ', locale: 'vi' })).toBe(
      false,
    );
  });

  it('a failing deliver is a retryable failure, not a crash', async () => {
    const channel = new TerminalAdapter(() => {
      throw new Error('EPIPE');
    });
    expect(await channel.send({ kind: 'group', locale: 'vi' }, view)).toMatchObject({
      ok: false,
      retryable: true,
      reason: 'EPIPE',
    });
  });
});

describe('scheduler catalogs', () => {
  it('English has exactly the Vietnamese keys, with the same placeholders', () => {
    expect(Object.keys(schedulerEn).sort()).toEqual(Object.keys(schedulerVi).sort());
    for (const [key, text] of Object.entries(schedulerVi)) {
      expect(placeholdersOf(schedulerEn[key as keyof typeof schedulerEn]), key).toEqual(placeholdersOf(text));
    }
  });

  it('keys start with scheduler. and never clash with the main catalog', () => {
    for (const key of Object.keys(schedulerVi)) {
      expect(key.startsWith('scheduler.')).toBe(true);
      expect(Object.hasOwn(vi, key), key).toBe(false);
    }
  });

  it('reads its own keys in both languages and falls back to the shared ones', () => {
    expect(t('vi', 'scheduler.people.on_leave', { until: '04/06/2024' })).toBe(
      'đang nghỉ phép đến hết ngày 04/06/2024',
    );
    expect(t('en', 'scheduler.reason.sunday')).toBe('Sunday');
    expect(t('vi', 'status.done')).toBe('Đã hoàn thành');
  });
});
