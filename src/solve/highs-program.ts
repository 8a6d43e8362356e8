import type { Highs, Model } from 'highs';
import type { LinearProgram } from '../model/linear-program.js';
import type { BoundChanges, SolveResult, SolveStats } from './solver-adapter.js';

/** HiGHS's model statuses and basis codes (its C API's numbers). */
export const STATUS_EMPTY = 6;
export const STATUS_OPTIMAL = 7;
export const STATUS_INFEASIBLE = 8;
export const STATUS_UNBOUNDED_OR_INFEASIBLE = 9;
export const STATUS_UNBOUNDED = 10;
export const STATUS_TIME_LIMIT = 13;
export const STATUS_UNKNOWN = 15;
export const BASIS_LOWER = 0;
export const BASIS_BASIC = 1;
export const BASIS_UPPER = 2;
/** A reduced cost or dual this small (relative to the largest cost) counts as zero: the column or row is not held. */
const FACE_DUAL_TOLERANCE = 1e-9;

/** The neutral program as HiGHS's CSR model data (bounds of +-Infinity become HiGHS's infinity). */
export function toNative(lp: LinearProgram, highs: Highs) {
  return {
    numCols: lp.numCols,
    numRows: lp.numRows,
    offset: lp.offset,
    colCost: lp.colCost,
    colLower: finite(lp.colLower, highs),
    colUpper: finite(lp.colUpper, highs),
    rowLower: finite(lp.rowLower, highs),
    rowUpper: finite(lp.rowUpper, highs),
    matrix: {
      format: 'csr' as const,
      numRows: lp.numRows,
      numCols: lp.numCols,
      starts: lp.matrix.starts,
      indices: lp.matrix.indices,
      values: lp.matrix.values,
    },
  };
}

export function finite(values: Float64Array, highs: Highs): Float64Array {
  return values.map((v) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v));
}

export function fromNative(model: Model, status: number, lp: LinearProgram, stats: SolveStats): SolveResult {
  if (status === STATUS_EMPTY) {
    // No columns: the only point is the origin, feasible when every row admits 0.
    for (let i = 0; i < lp.numRows; i++) {
      if (lp.rowLower[i]! > 0 || lp.rowUpper[i]! < 0) return { status: 'infeasible', message: 'HiGHS: the model has no columns and a row excludes 0', stats };
    }
    return { status: 'optimal', objective: lp.offset, columnValues: new Float64Array(0), rowDuals: new Float64Array(lp.numRows), iterations: 0, stats };
  }
  if (status === STATUS_OPTIMAL) {
    const solution = model.getSolution();
    return {
      status: 'optimal',
      objective: model.getObjectiveValue(),
      columnValues: withinBounds(solution.colValue, lp),
      rowDuals: solution.rowDual,
      iterations: (stats.simplexIterations ?? 0) + (stats.ipmIterations ?? 0),
      stats,
    };
  }
  if (status === STATUS_INFEASIBLE) return { status: 'infeasible', message: 'HiGHS: the model is infeasible', stats };
  if (status === STATUS_UNBOUNDED || status === STATUS_UNBOUNDED_OR_INFEASIBLE) {
    return { status: 'unbounded', message: 'HiGHS: the model is unbounded or infeasible', stats };
  }
  if (status === STATUS_TIME_LIMIT) return { status: 'time-limit', message: 'HiGHS stopped at the time limit', stats };
  return { status: 'error', message: `HiGHS ended with model status ${status}`, stats };
}

/**
 * The bounds that hold later solves to the optimal face of the model's last optimal solve
 * (SolverSession.optimalFace): read from its basis and duals.
 */
export function optimalFaceOf(model: Model, program: LinearProgram): BoundChanges {
  const { colStatus, rowStatus } = model.getBasis();
  const { colDual, rowDual } = model.getSolution();
  const { colLower, colUpper, rowLower, rowUpper, colCost } = program;
  let largest = 1;
  for (const c of colCost) largest = Math.max(largest, Math.abs(c));
  const tolerance = FACE_DUAL_TOLERANCE * largest;
  // At an optimal basis a nonbasic column or row with a nonzero reduced cost or dual is at the
  // bound its status names, in every optimum.
  const pick = (count: number, status: ArrayLike<number>, dual: Float64Array, lower: Float64Array, upper: Float64Array) => {
    const indices: number[] = [];
    const at: number[] = [];
    for (let j = 0; j < count; j++) {
      if (lower[j] === upper[j] || Math.abs(dual[j]!) <= tolerance) continue;
      const bound = status[j] === BASIS_LOWER ? lower[j]! : status[j] === BASIS_UPPER ? upper[j]! : NaN;
      if (!Number.isFinite(bound)) continue;
      indices.push(j);
      at.push(bound);
    }
    const values = Float64Array.from(at);
    return { indices: Int32Array.from(indices), lower: values, upper: values.slice() };
  };
  return {
    columns: pick(program.numCols, colStatus, colDual, colLower, colUpper),
    rows: pick(program.numRows, rowStatus, rowDual, rowLower, rowUpper),
  };
}

/**
 * Column values put back within their bounds: the engine may leave a value up to its
 * feasibility tolerance (1e-7) outside one, which a report would show as, say, -1e-6 EUR spent.
 */
function withinBounds(values: Float64Array, lp: LinearProgram): Float64Array {
  const { colLower, colUpper } = lp;
  for (let j = 0; j < values.length; j++) {
    const v = values[j]!;
    if (v < colLower[j]!) values[j] = colLower[j]!;
    else if (v > colUpper[j]!) values[j] = colUpper[j]!;
  }
  return values;
}
