import { InputError } from '../errors.js';
import type { SolveOptions, SolverAdapter } from './solver-adapter.js';
import { DEFAULT_SOLVER, SOLVERS, findSolver } from './solver-registry.js';

/**
 * One engine and the user's options for it (time limit, method, engine hooks): every solve
 * of a run, the re-solves of the analyses included, is made with the same context.
 */
export interface SolveContext {
  readonly adapter: SolverAdapter;
  readonly options: SolveOptions;
}

/** The context for a solver named by the user; an unknown name is a flag problem. */
export function solveContext(solver: string = DEFAULT_SOLVER, options: SolveOptions = {}): SolveContext {
  const adapter = findSolver(solver);
  if (!adapter) {
    throw new InputError([{ flag: '--solver', value: solver, code: 'BAD_SETTING_VALUE', message: `unknown solver "${solver}"; the solvers are ${SOLVERS.map((s) => s.name).join(', ')}` }]);
  }
  return { adapter, options };
}
