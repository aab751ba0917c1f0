/**
 * Roll-up over the reorganisation (issue 15): members, reports and tasks keep the unit they had; a
 * summary, report or scoreboard read on `day` counts a unit that no longer exists under the unit
 * that carries it on `day` (src/domain/unit-history.ts `rollUp`). The flag: the successor's name
 * lists the predecessors rolled into it, "Bảo hiểm xã hội tỉnh Tuyên Quang (gồm: BHXH-HAGIANG)".
 */
import type { UnitHistory } from '../../domain/unit-history.ts';
import type { CoreDeps } from '../core-deps.ts';

export interface RollUp {
  readonly history: UnitHistory;
  /** The unit `code` counts under on the day. */
  code(code: string): string;
  /** The names to show: every unit of the store, a successor's with its rolled-in predecessors. */
  names(): { code: string; name: string }[];
}

export async function rollUpOn(deps: Pick<CoreDeps, 'units'>, day: string): Promise<RollUp> {
  const history = await deps.units.history({ aliases: false });
  const cache = new Map<string, string>();
  const rolledInto = new Map<string, Set<string>>();
  const code = (unit: string): string => {
    let target = cache.get(unit);
    if (target === undefined) {
      target = history.rollUp(unit, day).code;
      cache.set(unit, target);
    }
    if (target !== unit) {
      const set = rolledInto.get(target) ?? new Set<string>();
      set.add(unit);
      rolledInto.set(target, set);
    }
    return target;
  };
  return {
    history,
    code,
    names: () =>
      [
        ...history.unitsOn(day),
        ...history.changes.map((c) => history.get(c.from)).filter((u) => u !== undefined),
      ]
        .filter((unit, index, all) => all.findIndex((u) => u.code === unit.code) === index)
        .map((unit) => {
          const from = rolledInto.get(unit.code);
          return {
            code: unit.code,
            name: from ? `${unit.name} (gồm: ${[...from].sort().join(', ')})` : unit.name,
          };
        }),
  };
}

export function rollTask<T extends { leadUnits: string[]; coordinatingUnits: string[] }>(
  task: T,
  roll: RollUp,
): T {
  const leadUnits = rolled(task.leadUnits, roll);
  const coordinatingUnits = rolled(task.coordinatingUnits, roll);
  return leadUnits === task.leadUnits && coordinatingUnits === task.coordinatingUnits
    ? task
    : { ...task, leadUnits, coordinatingUnits };
}

/** `codes` rolled up, each once; the same array when that changes nothing (the common case). */
function rolled(codes: string[], roll: RollUp): string[] {
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (roll.code(code) !== code || codes.indexOf(code) !== i)
      return [...new Set(codes.map((c) => roll.code(c)))];
  }
  return codes;
}

export function rollReport<T extends { unitCode: string }>(report: T, roll: RollUp): T {
  const unitCode = roll.code(report.unitCode);
  return unitCode === report.unitCode ? report : { ...report, unitCode };
}
