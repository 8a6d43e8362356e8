import { SolveError } from '../base/errors.js';
import type { LinearProgram } from '../model/linear-program.js';
import type { LexicographicProgram } from '../model/stages.js';
import type { SessionStart, SolveOptions, SolveResult, SolveStats, SolverAdapter, SolverSession } from './solver-adapter.js';

type Optimal = Extract<SolveResult, { status: 'optimal' }>;

export interface LexicographicSolution {
  /** Stage 1: minimum weighted shortfall, with its duals where the engine gives them. */
  readonly shortfall: Optimal;
  /** Stage 2: least money the payers spend (EUR millions) at that shortfall. */
  readonly cost: Optimal;
  /** The plan's values: stage 3's (deliver soonest) where the tie-break is on, else stage 2's. */
  readonly plan: Optimal;
  readonly timingsMs: { readonly stage1: number; readonly stage2: number; readonly stage3: number };
  /** What the engine did in each stage, stage 1 first (iterations, warm start, an IPM fallback); none for a stage skipped. */
  readonly stats: readonly (SolveStats | undefined)[];
  /** The first row the stages added to the session (the shortfall bound of stage 2; stage 3's follows). */
  readonly firstStageRow: number;
  /** The engine's starting point at the stage-1 optimum (where it keeps one), for re-solves of variants. */
  readonly firstStageStart?: SessionStart;
  /** Why the tie-break found no plan, where it failed; the plan is then stage 2's, which is as good and as cheap. */
  readonly tieBreakFailed?: string;
}

/** Relative and absolute slack on the stage-1 optimum when it becomes a stage-2 row (model.md). */
export const SHORTFALL_REL_TOL = 1e-9;
export const SHORTFALL_ABS_TOL = 1e-6;
/** The least time the tie-break stage gets, whatever the first two stages took. */
const TIE_BREAK_MIN_SECONDS = 10;

/**
 * The solves of model.md: least weighted shortfall first, then least money without giving
 * any of that back, then (the tie-break, unless `options.tieBreak` is 'none') of those best,
 * cheapest plans the one that delivers soonest. Each stage starts from the basis the last one
 * left. With `session` (open on `model.lp`, as `openSession` gives) the stages run in it and
 * it stays open for re-solves that start from where they ended (the caller disposes it);
 * without, a session of its own is opened and closed.
 */
export async function solveLexicographic(
  program: LexicographicProgram,
  adapter: SolverAdapter,
  options: SolveOptions = {},
  session?: SolverSession,
): Promise<LexicographicSolution> {
  if (session) return solveStages(program, adapter, session, options);
  const own = await openSession(program.lp, adapter, options);
  try {
    return await solveStages(program, adapter, own, options);
  } finally {
    own.dispose();
  }
}

/** A session on `lp`, after checking that the engine takes a program of its size. */
export async function openSession(lp: LinearProgram, adapter: SolverAdapter, options: SolveOptions = {}): Promise<SolverSession> {
  checkSize(lp, adapter);
  return adapter.open(lp, options);
}

async function solveStages(program: LexicographicProgram, adapter: SolverAdapter, session: SolverSession, options: SolveOptions): Promise<LexicographicSolution> {
  const { lp, shortfall } = program;
  const firstStageRow = session.program.numRows;
  let start = performance.now();
  const first = await session.solve();
  const stage1 = performance.now() - start;
  if (first.status !== 'optimal') throw failure(first, 1, lp, options);
  const firstStageStart = session.saveStart();
  const kept = { firstStageRow, ...(firstStageStart ? { firstStageStart } : {}) };

  // Stage 2 keeps the least shortfall within model.md's tolerance, as a row (one entry per need).
  const bound = first.objective * (1 + SHORTFALL_REL_TOL) + SHORTFALL_ABS_TOL;
  let letGo: (() => void) | undefined;
  try {
    // weighted shortfall = W - sum(w y) <= bound  <=>  sum(w y) >= W - bound
    session.addRows([{ name: 'shortfall_bound', lower: shortfall.offset - bound, upper: Infinity, indices: shortfall.indices, values: shortfall.values }]);
    session.setObjective(program.money, 0);
    start = performance.now();
    const second = await session.solve();
    const stage2 = performance.now() - start;
    if (second.status !== 'optimal') throw failure(second, 2, lp, options);
    // javascript-lp-solver's points break a bound this tight by up to 1e-3: it plans without the tie-break.
    const soonest = program.soonest;
    if (options.tieBreak === 'none' || !soonest || !adapter.features.tieBreak) {
      return { shortfall: first, cost: second, plan: second, timingsMs: { stage1, stage2, stage3: 0 }, stats: [first.stats, second.stats], ...kept };
    }

    // Stage 3: money <= V* within the engine's accuracy (model.md allows 1e-6 absolute, a whole
    // euro here, which the tie-break would spend on output of no use).
    const slack = Math.max(SHORTFALL_REL_TOL * Math.abs(second.objective), adapter.features.precision);
    const shortfallRow = session.program.numRows - 1;
    letGo = adapter.features.optimalFace ? holdMoneyFace(session, second, shortfallRow, slack) : undefined;
    if (!letGo) {
      const money = nonzeros(program.money);
      session.addRows([{ name: 'money_bound', lower: -Infinity, upper: second.objective + slack, indices: money.indices, values: money.values }]);
    }
    // Then minimise sum w (H + 1 - t) u.
    session.setObjective(soonest.cost, soonest.offset);
    start = performance.now();
    // The tie-break only orders deliveries: on large programs it gets as long as the first two
    // stages took (at least TIE_BREAK_MIN_SECONDS), then the plan keeps stage 2's order.
    const third = await session.solve({ timeLimitSeconds: Math.max(TIE_BREAK_MIN_SECONDS, (stage1 + stage2) / 1000) });
    const stage3 = performance.now() - start;
    const timingsMs = { stage1, stage2, stage3 };
    // Stage 2 already holds a best, cheapest plan: a tie-break lost to numerical trouble or the
    // time limit costs only the order of deliveries, so it is reported, not fatal.
    if (third.status !== 'optimal') {
      const ownBudget = `it took longer than the first two stages together (${lp.numCols} columns, ${lp.numRows} rows)`;
      const tieBreakFailed = third.status !== 'time-limit' ? third.message : options.timeLimitSeconds === undefined ? ownBudget : 'the time limit';
      return { shortfall: first, cost: second, plan: second, timingsMs, stats: [first.stats, second.stats, third.stats], ...kept, tieBreakFailed };
    }
    return { shortfall: first, cost: second, plan: third, timingsMs, stats: [first.stats, second.stats, third.stats], ...kept };
  } finally {
    // The program's own bounds back, for re-solves of variants in the same session.
    letGo?.();
  }
}

/**
 * Holds the session to stage 2's least money without a money row, where the engine can say
 * the optimal face (SolverSession.optimalFace), and returns what lets go of it again;
 * undefined where it cannot (then a row does it).
 * On the face money = V* + y (a - a*), where a is the weighted delivery of the shortfall row
 * (left off the face) and y its dual: so `money <= V* + slack` is a range of that row. The
 * row "money <= V* + slack" has an entry for every column that costs money; on a 31 x 30 x 36
 * stress shape with channels and materials the tie-break behind it took 12,461 simplex
 * iterations and 103 s, on the face 409 and 0.2 s.
 */
function holdMoneyFace(session: SolverSession, second: Optimal, shortfallRow: number, slack: number): (() => void) | undefined {
  const face = session.optimalFace?.();
  if (!face || second.rowDuals === undefined) return undefined;
  const { program } = session;
  const { columns } = face;
  // The shortfall row is the last row, so the face's rows (in increasing order) hold it last if at all.
  const others = face.rows.indices.at(-1) === shortfallRow ? face.rows.indices.length - 1 : face.rows.indices.length;
  const rows = { indices: [...face.rows.indices.subarray(0, others)], lower: [...face.rows.lower.subarray(0, others)], upper: [...face.rows.upper.subarray(0, others)] };
  // Its weighted delivery may move only as far as `slack` of money allows, either way (whatever the engine's sign of a dual).
  const dual = Math.abs(second.rowDuals[shortfallRow]!);
  if (dual > 0) {
    const { starts, indices, values } = program.matrix;
    let activity = 0;
    for (let e = starts[shortfallRow]!; e < starts[shortfallRow + 1]!; e++) activity += values[e]! * second.columnValues[indices[e]!]!;
    rows.indices.push(shortfallRow);
    rows.lower.push(Math.max(program.rowLower[shortfallRow]!, activity - slack / dual));
    rows.upper.push(Math.min(program.rowUpper[shortfallRow]!, activity + slack / dual));
  }
  const columnsWere = { lower: Float64Array.from(columns.indices, (j) => program.colLower[j]!), upper: Float64Array.from(columns.indices, (j) => program.colUpper[j]!) };
  const rowIndices = Int32Array.from(rows.indices);
  const rowsWere = { lower: Float64Array.from(rowIndices, (i) => program.rowLower[i]!), upper: Float64Array.from(rowIndices, (i) => program.rowUpper[i]!) };
  session.setColumnBounds(columns.indices, columns.lower, columns.upper);
  session.setRowBounds(rowIndices, Float64Array.from(rows.lower), Float64Array.from(rows.upper));
  return () => {
    session.setColumnBounds(columns.indices, columnsWere.lower, columnsWere.upper);
    session.setRowBounds(rowIndices, rowsWere.lower, rowsWere.upper);
  };
}

/** One solve of one program (e.g. a guarantee level or a sensitivity run): optimal or SolveError. */
export async function solveOnce(lp: LinearProgram, adapter: SolverAdapter, options: SolveOptions = {}): Promise<Optimal> {
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

function nonzeros(values: Float64Array): { indices: Int32Array; values: Float64Array } {
  const indices: number[] = [];
  for (let j = 0; j < values.length; j++) if (values[j] !== 0) indices.push(j);
  return { indices: Int32Array.from(indices), values: Float64Array.from(indices, (j) => values[j]!) };
}

function checkSize(lp: LinearProgram, adapter: SolverAdapter): void {
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

function failure(result: Exclude<SolveResult, Optimal>, stage: number, lp: LinearProgram, options: SolveOptions): SolveError {
  const what = stage === 1 ? 'the weighted-shortfall stage' : stage === 2 ? 'the money stage' : 'the tie-break stage';
  if (result.status === 'time-limit') {
    return new SolveError(
      `no plan within the time limit of ${options.timeLimitSeconds ?? '?'} s in ${what} (${lp.numCols} columns, ${lp.numRows} rows). ` +
        'Raise --time-limit, try --method ipm, or make the model smaller (a shorter horizon with --set end=YYYY-MM, fewer countries).',
      'time-limit',
    );
  }
  return new SolveError(`${result.message} (${what})`, result.status);
}


