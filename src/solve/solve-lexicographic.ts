import { SolveError } from '../errors.js';
import type { RampUpModel } from '../model/build-ramp-up-model.js';

import type { SessionStart, SolveOptions, SolveResult, SolveStats, SolverAdapter, SolverSession } from './solver-adapter.js';

type Optimal = Extract<SolveResult, { status: 'optimal' }>;

export interface LexicographicSolution {
  /** Stage 1: minimum weighted shortfall, with its duals where the engine gives them. */
  readonly shortfall: Optimal;
  /** Stage 2: minimum cost (EUR millions) at that shortfall; its values are the plan. */
  readonly cost: Optimal;
  readonly timingsMs: { readonly stage1: number; readonly stage2: number };
  /** What the engine did in each stage, stage 1 first (iterations, warm start, an IPM fallback). */
  readonly stats: readonly (SolveStats | undefined)[];
  /** The row the stages added to the session, first: the shortfall bound of stage 2. */
  readonly firstStageRow: number;
  /** The engine's starting point at the stage-1 optimum (where it keeps one), for re-solves of variants. */
  readonly firstStageStart?: SessionStart;
}

/** Relative and absolute slack on the stage-1 optimum when it becomes a stage-2 row (model.md). */
export const SHORTFALL_REL_TOL = 1e-9;
export const SHORTFALL_ABS_TOL = 1e-6;

/**
 * The two solves of model.md: least weighted shortfall first, then least cost without
 * giving any of that back. With `session` (open on `model.lp`, as `openSession` gives) the
 * stages run in it and it stays open for re-solves that start from where they ended (the
 * caller disposes it); without, a session of its own is opened and closed.
 */
export async function solveLexicographic(
  model: RampUpModel,
  adapter: SolverAdapter,
  options: SolveOptions = {},
  session?: SolverSession,
): Promise<LexicographicSolution> {
  if (session) return solveStages(model, session, options);
  const own = await openSession(model.lp, adapter, options);
  try {
    return await solveStages(model, own, options);
  } finally {
    own.dispose();
  }
}

/** A session on `lp`, after checking that the engine takes a program of its size. */
export async function openSession(lp: RampUpModel['lp'], adapter: SolverAdapter, options: SolveOptions = {}): Promise<SolverSession> {
  checkSize(lp, adapter);
  return adapter.open(lp, options);
}

async function solveStages(model: RampUpModel, session: SolverSession, options: SolveOptions): Promise<LexicographicSolution> {
  const { lp } = model;
  const firstStageRow = session.program.numRows;
  let start = performance.now();
  const first = await session.solve();
  const stage1 = performance.now() - start;
  if (first.status !== 'optimal') throw failure(first, 1, lp, options);
  const firstStageStart = session.saveStart();

  const deliver = model.index.deliver;
  const indices = new Int32Array(deliver.length);
  const values = new Float64Array(deliver.length);
  model.input.needs.forEach((need, k) => {
    indices[k] = deliver[k]!;
    values[k] = need.weight;
  });
  const bound = first.objective * (1 + SHORTFALL_REL_TOL) + SHORTFALL_ABS_TOL;
  // weighted shortfall = W - sum(w y) <= bound  <=>  sum(w y) >= W - bound
  session.addRowAndSetObjective(
    { name: 'shortfall_bound', lower: model.totalWeightedNeed - bound, upper: Infinity, indices, values },
    model.costObjective,
    0,
  );
  start = performance.now();
  const second = await session.solve();
  const stage2 = performance.now() - start;
  if (second.status !== 'optimal') throw failure(second, 2, lp, options);
  return { shortfall: first, cost: second, timingsMs: { stage1, stage2 }, stats: [first.stats, second.stats], firstStageRow, ...(firstStageStart ? { firstStageStart } : {}) };
}

/** One solve of one program (e.g. a guarantee level or a sensitivity run): optimal or SolveError. */
export async function solveOnce(lp: RampUpModel['lp'], adapter: SolverAdapter, options: SolveOptions = {}): Promise<Optimal> {
  checkSize(lp, adapter);
  const session = await adapter.open(lp, options);
  try {
    const result = await session.solve();
    if (result.status !== 'optimal') throw failure(result, 1, lp, options);
    return result;
  } finally {
    session.dispose();
  }
}

function checkSize(lp: RampUpModel['lp'], adapter: SolverAdapter): void {
  const size = lp.numCols + lp.numRows;
  const limit = adapter.features.maxSize;
  if (limit !== undefined && size > limit) {
    throw new SolveError(
      `the model has ${lp.numCols} columns and ${lp.numRows} rows (size ${size}); ${adapter.name} handles at most ${limit}. ` +
        `Use --solver highs, or a shorter horizon (--set end=YYYY-MM) or fewer countries.`,
      'too-large',
    );
  }
}

function failure(result: Exclude<SolveResult, Optimal>, stage: number, lp: RampUpModel['lp'], options: SolveOptions): SolveError {
  const what = stage === 1 ? 'the weighted-shortfall stage' : 'the cost stage';
  if (result.status === 'time-limit') {
    return new SolveError(
      `no plan within the time limit of ${options.timeLimitSeconds ?? '?'} s in ${what} (${lp.numCols} columns, ${lp.numRows} rows). ` +
        'Raise --time-limit, try --method ipm, or make the model smaller (a shorter horizon with --set end=YYYY-MM, fewer countries).',
      'time-limit',
    );
  }
  return new SolveError(`${result.message} (${what})`, result.status);
}


