import { highsAdapter } from './highs-adapter.js';
import { jslpAdapter } from './jslp-adapter.js';
import type { SolverAdapter } from './solver-adapter.js';

/** Every engine rampup can use; the first is the default. */
export const SOLVERS: readonly SolverAdapter[] = [highsAdapter, jslpAdapter];

export const DEFAULT_SOLVER = SOLVERS[0]!.name;

/** Every method any engine takes, for the --method flag (the first is the default). */
export const SOLVER_METHODS: readonly string[] = [...new Set(SOLVERS.flatMap((s) => s.methods))];

export function findSolver(name: string): SolverAdapter | undefined {
  return SOLVERS.find((s) => s.name === name);
}
