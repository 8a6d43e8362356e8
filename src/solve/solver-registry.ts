import { highsAdapter } from './highs-adapter.js';
import { jslpAdapter } from './jslp-adapter.js';
import type { SolverAdapter } from './solver-adapter.js';

/** Every engine rampup can use; the first is the default. */
export const SOLVERS: readonly SolverAdapter[] = [highsAdapter, jslpAdapter];

export const DEFAULT_SOLVER = 'highs';

export function findSolver(name: string): SolverAdapter | undefined {
  return SOLVERS.find((s) => s.name === name);
}
