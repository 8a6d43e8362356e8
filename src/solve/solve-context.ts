import { InputError } from '../base/errors.js';
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

/** The engine a user chose, and how it should solve: plain data, so it crosses to worker threads. */
export interface EngineChoice {
  /** Engine name (solver registry); default: the registry's first. */
  readonly solver?: string;
  /** Engine method, e.g. HiGHS `simplex`, `ipm` or `auto`. */
  readonly method?: string;
  /** Wall-clock limit of each solve, the analyses' re-solves included. */
  readonly timeLimitSeconds?: number;
  /** Stage 3: 'soonest' (default) picks, of the best and cheapest plans, the one that delivers soonest; 'none' skips it. */
  readonly tieBreak?: 'soonest' | 'none';
  /** Stage 4: 'proportional' (default) settles who pays by the rule of model.md version 3; 'none' skips it. */
  readonly spread?: 'proportional' | 'none';
}

/** The engine's hooks, which stay in the thread that has them. */
export type EngineHooks = Pick<SolveOptions, 'beforeEngineLoad' | 'isolate'>;

/** The context of a run: the chosen engine with its options and the shell's hooks. */
export function engineContext(engine: EngineChoice = {}, hooks: EngineHooks = {}): SolveContext {
  const { solver, ...options } = engine;
  return solveContext(solver, {
    ...options,
    ...(hooks.beforeEngineLoad ? { beforeEngineLoad: hooks.beforeEngineLoad } : {}),
    ...(hooks.isolate ? { isolate: hooks.isolate } : {}),
  });
}

/** The context for a solver named by the user; an unknown name is a flag problem. */
export function solveContext(solver: string = DEFAULT_SOLVER, options: SolveOptions = {}): SolveContext {
  const adapter = findSolver(solver);
  if (!adapter) {
    throw new InputError([{ flag: '--solver', value: solver, code: 'BAD_SETTING_VALUE', message: `unknown solver "${solver}"; the solvers are ${SOLVERS.map((s) => s.name).join(', ')}` }]);
  }
  return { adapter, options };
}
