import type { ImportProblem } from '../../domain/plan.ts';

/** A plan file that cannot be read at all (format, size, encoding, broken CSV/XLSX). */
export class PlanFileError extends Error {
  readonly problem: ImportProblem;

  constructor(problem: ImportProblem) {
    super(problem.message);
    this.name = 'PlanFileError';
    this.problem = problem;
  }
}

export function fileProblem(code: string, message: string): PlanFileError {
  return new PlanFileError({ row: null, column: null, code, message });
}
