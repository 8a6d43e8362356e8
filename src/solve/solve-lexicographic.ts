import { SolveError } from '../base/errors.js';
import type { LinearProgram } from '../model/linear-program.js';
import type { LexicographicProgram } from '../model/stages.js';
import { holdBounds, holdFace, holdRow } from './hold-stage.js';
import { solveSpread } from './spread-stage.js';
import type { SessionStart, SolveOptions, SolveResult, SolveStats, SolverAdapter, SolverSession } from './solver-adapter.js';

type Optimal = Extract<SolveResult, { status: 'optimal' }>;

export interface LexicographicSolution {
  /** Stage 1: minimum weighted shortfall, with its duals where the engine gives them. */
  readonly shortfall: Optimal;
  /** Stage 2: least money the payers spend (EUR millions) at that shortfall. */
  readonly cost: Optimal;
  /** The plan's values: the last stage's (4 where the spread is on, 3 where the tie-break is), else stage 2's. */
  readonly plan: Optimal;
  /** Stage 4: the spread of spending over the payers (model.md version 3), where it ran; its objective in the model's money unit. */
  readonly spread?: Optimal;
  readonly timingsMs: { readonly stage1: number; readonly stage2: number; readonly stage3: number; readonly stage4: number };
  /** What the engine did in each stage, stage 1 first (iterations, warm start, an IPM fallback); none for a stage skipped. */
  readonly stats: readonly (SolveStats | undefined)[];
  /** The first row the stages added to the session (the shortfall bound of stage 2; stage 3's follows). */
  readonly firstStageRow: number;
  /** The engine's starting point at the stage-1 optimum (where it keeps one), for re-solves of variants. */
  readonly firstStageStart?: SessionStart;
  /** Why the tie-break found no plan, where it failed; the plan is then stage 2's, which is as good and as cheap. */
  readonly tieBreakFailed?: string;
  /** Why stage 4 found no plan, where it failed; the plan is then the stage's before, and who pays is one of many answers. */
  readonly spreadFailed?: string;
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
  const first = await timed(() => session.solve());
  if (first.result.status !== 'optimal') throw failure(first.result, 1, lp, options);
  const firstStageStart = session.saveStart();
  const letGo: (() => void)[] = [];
  try {
    // Stage 2 keeps the least shortfall within model.md's tolerance, as a row (one entry per need):
    // weighted shortfall = W - sum(w y) <= bound  <=>  sum(w y) >= W - bound.
    const bound = first.result.objective * (1 + SHORTFALL_REL_TOL) + SHORTFALL_ABS_TOL;
    session.addRows([{ name: 'shortfall_bound', lower: shortfall.offset - bound, upper: Infinity, indices: shortfall.indices, values: shortfall.values }]);
    session.setObjective(program.money, 0);
    const second = await timed(() => session.solve());
    if (second.result.status !== 'optimal') throw failure(second.result, 2, lp, options);
    const done = { first: first as Timed<Optimal>, second: second as Timed<Optimal>, firstStageRow, ...(firstStageStart ? { firstStageStart } : {}) };
    return await laterStages(session, program, adapter, options, done, letGo);
  } finally {
    // The program's own bounds back, for re-solves of variants in the same session.
    for (const release of letGo.reverse()) release();
  }
}

interface Timed<R> {
  readonly result: R;
  readonly ms: number;
}

async function timed<R>(work: () => Promise<R>): Promise<Timed<R>> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

/** The stages solved so far: the first two, and where the session stood after the first. */
interface FirstStages {
  readonly first: Timed<Optimal>;
  readonly second: Timed<Optimal>;
  readonly firstStageRow: number;
  readonly firstStageStart?: SessionStart;
}

/**
 * Stages 3 (deliver soonest) and 4 (who pays: the spread), each on the optimal face of the
 * stages before it. Either only orders deliveries or settles the split of money: each gets as long
 * as the first two stages took (at least TIE_BREAK_MIN_SECONDS); one lost to numerical trouble or
 * its time leaves the plan of the stage before, which is as good and as cheap, and says so.
 * javascript-lp-solver's points break bounds this tight by up to 1e-3: it plans without them.
 */
async function laterStages(session: SolverSession, program: LexicographicProgram, adapter: SolverAdapter, options: SolveOptions, done: FirstStages, letGo: (() => void)[]): Promise<LexicographicSolution> {
  const { first, second, ...kept } = done;
  const soonest = options.tieBreak !== 'none' && adapter.features.tieBreak ? program.soonest : undefined;
  const spread = options.spread !== 'none' && adapter.features.tieBreak ? program.spread : undefined;
  const solution = (plan: Optimal, later: { third?: Timed<SolveResult>; fourth?: Timed<SolveResult> }, failed: Pick<LexicographicSolution, 'tieBreakFailed' | 'spreadFailed'> = {}): LexicographicSolution => ({
    shortfall: first.result,
    cost: second.result,
    plan,
    ...(later.fourth?.result.status === 'optimal' ? { spread: later.fourth.result } : {}),
    timingsMs: { stage1: first.ms, stage2: second.ms, stage3: later.third?.ms ?? 0, stage4: later.fourth?.ms ?? 0 },
    stats: [first.result.stats, second.result.stats, later.third?.result.stats, later.fourth?.result.stats],
    ...kept,
    ...failed,
  });
  if (!soonest && !spread) return solution(second.result, {});
  const budget = Math.max(TIE_BREAK_MIN_SECONDS, (first.ms + second.ms) / 1000);
  const slack = Math.max(SHORTFALL_REL_TOL * Math.abs(second.result.objective), adapter.features.precision);
  // Where the session stands after each solve, before a hold edits the program (the engine forgets it then): stage 4 starts there.
  let start = spread ? session.saveStart() : undefined;
  letGo.push(holdMoney(session, program, second.result, adapter, slack));
  let plan = second.result;
  let third: Timed<SolveResult> | undefined;
  if (soonest) {
    session.setObjective(soonest.cost, soonest.offset);
    third = await timed(() => session.solve({ timeLimitSeconds: budget }));
    if (third.result.status !== 'optimal') return solution(second.result, { third }, { tieBreakFailed: stageFailure(third.result, program, options, 'the first two stages together') });
    plan = third.result;
    start = session.saveStart();
  }
  if (!spread) return solution(plan, { ...(third ? { third } : {}) });
  const held = { values: plan.columnValues, start };
  if (soonest && third?.result.status === 'optimal') {
    const face = adapter.features.optimalFace ? holdFace(session) : undefined;
    if (face) letGo.push(face);
    else holdRow(session, 'soonest_bound', soonest.cost, soonest.offset, third.result, Math.max(SHORTFALL_REL_TOL * Math.abs(third.result.objective), adapter.features.precision));
  }
  const fourth = await timed(() => solveSpread(session, spread, budget, held));
  if (fourth.result.status !== 'optimal') return solution(plan, { ...(third ? { third } : {}), fourth }, { spreadFailed: stageFailure(fourth.result, program, options, 'the first two stages together') });
  return solution(fourth.result, { ...(third ? { third } : {}), fourth });
}

/** Why a later stage found no plan: its own words, or the time it had. */
function stageFailure(result: Exclude<SolveResult, Optimal>, program: LexicographicProgram, options: SolveOptions, what: string): string {
  if (result.status !== 'time-limit') return result.message;
  return options.timeLimitSeconds === undefined ? `it took longer than ${what} (${program.lp.numCols} columns, ${program.lp.numRows} rows)` : 'the time limit';
}

/** Holds stage 2's least money: on its optimal face where the engine says it, else behind a money row. */
function holdMoney(session: SolverSession, program: LexicographicProgram, second: Optimal, adapter: SolverAdapter, slack: number): () => void {
  const shortfallRow = session.program.numRows - 1;
  const face = adapter.features.optimalFace ? holdMoneyFace(session, second, shortfallRow, slack) : undefined;
  if (face) return face;
  holdRow(session, 'money_bound', program.money, 0, second, slack);
  return () => undefined;
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
  return holdBounds(session, columns, { indices: Int32Array.from(rows.indices), lower: Float64Array.from(rows.lower), upper: Float64Array.from(rows.upper) });
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


