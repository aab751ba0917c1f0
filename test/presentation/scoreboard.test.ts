import { describe, expect, it } from 'vitest';
import { periodFromKey } from '../../src/domain/period.ts';
import { ratio, type Scoreboard, type ScoreRow } from '../../src/domain/scoreboard.ts';
import { t } from '../../src/i18n/index.ts';
import { scoreboardLines, scoreboardParts } from '../../src/presentation/scoreboard.ts';

function row(rank: number, code: string, name: string): ScoreRow {
  return {
    rank,
    code,
    name,
    lead: 2,
    reporting: ratio(1, 2),
    doneOnTime: ratio(2, 3),
    overdueTasks: 1,
    overdueDays: 4,
  };
}

const board: Scoreboard = {
  period: periodFromKey('2024-06'),
  asOf: '2024-06-30',
  months: ['2024-06'],
  rows: [row(1, 'VP', 'Văn phòng'), row(2, 'CNTT', 'CNTT'), row(3, 'TCKT', 'Vụ Tài chính - Kế toán')],
};

describe('the scoreboard in words', () => {
  it('gives the title, the as-of line, one line a unit, a count of the rest, and the rule', () => {
    const parts = scoreboardParts(board, 'vi', 2);
    if (parts.empty !== null) throw new Error('expected a ranking');
    expect(parts.title).toContain('tháng 6/2024');
    expect(parts.asOf).toContain('30/06/2024');
    expect(parts.ranking).toHaveLength(3);
    expect(parts.ranking[0]).toContain('Văn phòng (VP)');
    expect(parts.ranking[0]).toContain('66,7%');
    expect(parts.ranking[1]).not.toContain('(CNTT)'); // a name that is its code is written once
    expect(parts.ranking[2]).toBe(t('vi', 'reports.scoreboard.more', { count: 1 }));
    expect(parts.rule).toContain('30/06/2024');
    expect(scoreboardLines(board, 'vi', 2)).toEqual([
      parts.title,
      parts.asOf,
      '',
      ...parts.ranking,
      '',
      parts.rule,
    ]);
  });

  it('says there is nothing to rank, without a rule', () => {
    const parts = scoreboardParts({ ...board, rows: [] }, 'en');
    expect(parts.empty).not.toBeNull();
    expect(scoreboardLines({ ...board, rows: [] }, 'en')).toEqual([parts.title, parts.empty]);
    expect(parts.title).toContain('June 2024');
  });
});
