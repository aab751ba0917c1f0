/**
 * The nudge ladder (NUDGE_LADDER, issue 19): when a lead unit is reminded of an overdue task. The
 * steps are working-day gaps, the first counted from the first working day overdue: "0,2,5,weekly"
 * nudges on that day, 2 working days later, 5 after that, then every week (5 working days) while
 * the task stays overdue; "daily" repeats every working day; without a repeat the ladder stops at
 * its last step (the escalation to the chair takes over). Each nudge to a unit lists all its
 * overdue tasks and what changed since its last nudge (jobs/overdue-nudge.ts).
 */

export interface NudgeLadder {
  /** Working days after the first working day overdue on which a nudge goes out (0 = that day). */
  steps: number[];
  /** After the last step, a nudge every this many working days; null for none. */
  repeatEvery: number | null;
}

const REPEATS: Record<string, number> = { weekly: 5, daily: 1 };

/** Parses "0,2,5,weekly"; throws with why on anything else. */
export function parseNudgeLadder(text: string): NudgeLadder {
  const parts = text
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '');
  if (parts.length === 0) throw new Error('cần ít nhất một bậc, ví dụ "0,2,5,weekly"');
  const last = parts.at(-1)!;
  const repeatEvery = REPEATS[last] ?? null;
  const gaps = repeatEvery === null ? parts : parts.slice(0, -1);
  if (gaps.length === 0) gaps.push('0');
  const steps: number[] = [];
  let day = 0;
  gaps.forEach((gap, i) => {
    if (!/^\d{1,3}$/.test(gap))
      throw new Error(`"${gap}" không phải số ngày làm việc (hoặc weekly, daily ở cuối)`);
    const n = Number(gap);
    if (i > 0 && n === 0) throw new Error('khoảng cách giữa hai bậc phải lớn hơn 0');
    day += n;
    steps.push(day);
  });
  return { steps, repeatEvery };
}

/** Whether `step` working days after the first working day overdue is a nudge day. */
export function isNudgeDay(ladder: NudgeLadder, step: number): boolean {
  if (step < 0) return false;
  if (ladder.steps.includes(step)) return true;
  const last = ladder.steps.at(-1)!;
  return ladder.repeatEvery !== null && step > last && (step - last) % ladder.repeatEvery === 0;
}
