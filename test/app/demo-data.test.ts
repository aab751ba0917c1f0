/** The demo's 2024 plan closes with year-end replies once the demo clock is past 2024 (issue 15). */
import { describe, expect, it } from 'vitest';
import { DEMO_REPORTS, YEAR_END_2024_DAY, yearEndReplies } from '../../src/app/demo-data.ts';

const task = (code: string, leadUnits: string[], due: string | null) => ({
  code,
  leadUnits,
  deadline: { due },
});
const logins: Record<string, string> = { CNTT: 'lan', VP: 'minh' };
const loginOf = (unit: string) => logins[unit];

describe('yearEndReplies', () => {
  const tasks = [
    task('19', ['VP'], '2024-04-30'),
    task('8', ['CNTT', 'VP', 'TTLT'], '2024-12-31'),
    task('2', ['TCT'], null), // recurring: never overdue, no reply
    task('30', ['VP'], '2025-03-31'), // due after 2024: not the 2024 plan's year
  ];

  it('writes nothing while the demo clock is inside 2024', () => {
    expect(yearEndReplies('2024-07-05', tasks, loginOf)).toEqual([]);
    expect(yearEndReplies('2024-12-31', tasks, loginOf)).toEqual([]);
  });

  it('after 2024, a December "done" from each lead unit with a demo member, for tasks due in 2024', () => {
    const replies = yearEndReplies('2026-12-06', tasks, loginOf);
    expect(
      replies.map(([login, code, month, day, draft]) => [login, code, month, day, draft.status]),
    ).toEqual([
      ['minh', '19', '2024-12', YEAR_END_2024_DAY, 'done'],
      ['lan', '8', '2024-12', YEAR_END_2024_DAY, 'done'],
      ['minh', '8', '2024-12', YEAR_END_2024_DAY, 'done'],
    ]);
    expect(replies.every(([, , , , draft]) => draft.done.startsWith('[Mẫu]'))).toBe(true);
  });

  it('skips a unit whose May–June 2024 reply already said done', () => {
    const [login, code] = DEMO_REPORTS.find(([, , , , draft]) => draft.status === 'done')!;
    const unit = Object.keys(logins).find((u) => logins[u] === login)!;
    expect(yearEndReplies('2025-01-02', [task(code, [unit], '2024-06-30')], loginOf)).toEqual([]);
  });
});
