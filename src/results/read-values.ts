import type { RampUpModel } from '../model/build-ramp-up-model.js';
import type { LexicographicSolution } from '../solve/solve-lexicographic.js';

/** Solver noise below this (relative to the quantity's scale) is read as zero. */
export const TOLERANCE = 1e-6;

export function clean(value: number): number {
  return Math.abs(value) < 1e-9 ? 0 : value;
}

/** The solution's values as the readers use them: a column's value, 0 where the model has none. */
export interface SolutionValues {
  readonly model: RampUpModel;
  readonly solution: LexicographicSolution;
  value(column: number): number;
  /** The stage-1 dual of a row, when the engine gives duals; d(weighted shortfall)/d(row bound). */
  dual(row: number): number | undefined;
}

export function solutionValues(model: RampUpModel, solution: LexicographicSolution): SolutionValues {
  const x = solution.plan.columnValues;
  const duals = solution.shortfall.rowDuals;
  return {
    model,
    solution,
    value: (j) => (j >= 0 ? clean(x[j]!) : 0),
    dual: (i) => (duals && i >= 0 ? duals[i]! : undefined),
  };
}
