import type { Highs, Model } from 'highs';
import { SolveError } from '../errors.js';
import { withExtraRow, type ExtraRow, type LinearProgram } from '../model/linear-program.js';
import type { SolveOptions, SolveResult, SolverAdapter, SolverSession } from './solver-adapter.js';

let runtime: Promise<Highs> | undefined;

/**
 * The wasm runtime is loaded once per thread (about 50 ms) and shared by every solve;
 * `beforeLoad` runs just before that first load, with the first model's size.
 */
export async function loadRuntime(sizeHint = Infinity, beforeLoad?: (columns: number) => void): Promise<Highs> {
  if (!runtime) beforeLoad?.(sizeHint);
  runtime ??= import('highs').then((m) => (m.default as unknown as () => Promise<Highs>)());
  return runtime;
}

/** Above this many columns IPM beats dual simplex on this model (solvers.md: 4x at 54k columns). */
const IPM_FROM_COLUMNS = 20_000;

const STATUS_EMPTY = 6;
const STATUS_OPTIMAL = 7;
const STATUS_INFEASIBLE = 8;
const STATUS_UNBOUNDED_OR_INFEASIBLE = 9;
const STATUS_UNBOUNDED = 10;
const STATUS_TIME_LIMIT = 13;
const STATUS_UNKNOWN = 15;

/** The neutral program as HiGHS's CSR model data (bounds of +-Infinity become HiGHS's infinity). */
export function toNative(lp: LinearProgram, highs: Highs) {
  const inf = (v: number) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v);
  return {
    numCols: lp.numCols,
    numRows: lp.numRows,
    offset: lp.offset,
    colCost: lp.colCost,
    colLower: lp.colLower.map(inf),
    colUpper: lp.colUpper.map(inf),
    rowLower: lp.rowLower.map(inf),
    rowUpper: lp.rowUpper.map(inf),
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

function fromNative(model: Model, status: number, lp: LinearProgram): SolveResult {
  if (status === STATUS_EMPTY) {
    // No columns: the only point is the origin, feasible when every row admits 0.
    for (let i = 0; i < lp.numRows; i++) {
      if (lp.rowLower[i]! > 0 || lp.rowUpper[i]! < 0) return { status: 'infeasible', message: 'HiGHS: the model has no columns and a row excludes 0' };
    }
    return { status: 'optimal', objective: lp.offset, columnValues: new Float64Array(0), rowDuals: new Float64Array(lp.numRows), iterations: 0 };
  }
  if (status === STATUS_OPTIMAL) {
    const solution = model.getSolution();
    return {
      status: 'optimal',
      objective: model.getObjectiveValue(),
      columnValues: solution.colValue,
      rowDuals: solution.rowDual,
      iterations: Number(model.info.get('simplex_iteration_count')) + Number(model.info.get('ipm_iteration_count')),
    };
  }
  if (status === STATUS_INFEASIBLE) return { status: 'infeasible', message: 'HiGHS: the model is infeasible' };
  if (status === STATUS_UNBOUNDED || status === STATUS_UNBOUNDED_OR_INFEASIBLE) {
    return { status: 'unbounded', message: 'HiGHS: the model is unbounded or infeasible' };
  }
  if (status === STATUS_TIME_LIMIT) return { status: 'time-limit', message: 'HiGHS stopped at the time limit' };
  return { status: 'error', message: `HiGHS ended with model status ${status}` };
}

class HighsSession implements SolverSession {
  private disposed = false;
  constructor(private readonly model: Model, private lp: LinearProgram, private readonly infinity: number) {}

  private finite(values: Float64Array): Float64Array {
    return values.map((v) => (v === Infinity ? this.infinity : v === -Infinity ? -this.infinity : v));
  }

  /** Later solves start from the basis the engine holds: only the simplex can. */
  private warm(): void {
    this.model.options.set('solver', 'simplex');
  }

  setObjective(cost: Float64Array, offset: number): void {
    if (this.lp.numCols > 0) this.model.changeColsCost({ kind: 'range', from: 0, to: this.lp.numCols - 1 }, cost);
    this.model.changeObjectiveOffset(offset);
    this.lp = { ...this.lp, colCost: cost, offset };
    this.warm();
  }

  setColumnBounds(columns: Int32Array, lower: Float64Array, upper: Float64Array): void {
    if (columns.length === 0) return;
    this.model.changeColsBounds({ kind: 'set', indices: columns }, this.finite(lower), this.finite(upper));
    const colLower = this.lp.colLower.slice();
    const colUpper = this.lp.colUpper.slice();
    columns.forEach((j, i) => ((colLower[j] = lower[i]!), (colUpper[j] = upper[i]!)));
    this.lp = { ...this.lp, colLower, colUpper };
    this.warm();
  }

  setRowBounds(rows: Int32Array, lower: Float64Array, upper: Float64Array): void {
    if (rows.length === 0) return;
    this.model.changeRowsBounds({ kind: 'set', indices: rows }, this.finite(lower), this.finite(upper));
    const rowLower = this.lp.rowLower.slice();
    const rowUpper = this.lp.rowUpper.slice();
    rows.forEach((r, i) => ((rowLower[r] = lower[i]!), (rowUpper[r] = upper[i]!)));
    this.lp = { ...this.lp, rowLower, rowUpper };
    this.warm();
  }

  async solve(): Promise<SolveResult> {
    let status = this.run();
    if (status === STATUS_UNKNOWN || status === undefined) {
      // A warm start can end in numerical trouble that a cold start does not meet.
      this.model.clearSolver();
      status = this.run();
    }
    if (status === undefined) return { status: 'error', message: 'HiGHS failed on this model, from a warm start and from a cold one' };
    return fromNative(this.model, status, this.lp);
  }

  /** The model status of a run; undefined where HiGHS itself reports an error. */
  private run(): number | undefined {
    try {
      return this.model.run().modelStatus;
    } catch (error) {
      if ((error as { status?: number }).status === -1) return undefined;
      throw error;
    }
  }

  addRowAndSetObjective(row: ExtraRow, cost: Float64Array, offset: number): void {
    // The basis of the first stage stays valid with one more (basic) slack: stage 2 starts from it.
    this.model.addRow(row.lower, row.upper, { indices: row.indices, values: row.values });
    if (this.lp.numCols > 0) this.model.changeColsCost({ kind: 'range', from: 0, to: this.lp.numCols - 1 }, cost);
    this.model.changeObjectiveOffset(offset);
    this.lp = withExtraRow(this.lp, row, cost, offset);
    // Interior point cannot start from the first stage's solution; the simplex can (2-4x faster at 31x30x36).
    this.model.options.set('solver', 'simplex');
  }

  exportModel(format: 'lp' | 'mps'): string | Uint8Array {
    return format === 'lp' ? this.model.exportModel('lp') : this.model.exportModel('mps');
  }

  dispose(): void {
    if (!this.disposed) this.model.dispose();
    this.disposed = true;
  }
}

export const highsAdapter: SolverAdapter = {
  name: 'highs',
  description: 'HiGHS (WebAssembly build, npm "highs"): sparse dual simplex or interior point, with duals',
  features: { duals: true, warmStart: true, export: true, tieBreak: true, precision: 1e-9 },
  methods: ['auto', 'simplex', 'ipm'],
  async version() {
    const highs = await loadRuntime();
    return `HiGHS ${highs.version.string}`;
  },
  async open(lp: LinearProgram, options: SolveOptions): Promise<SolverSession> {
    const highs = await loadRuntime(lp.numCols, options.beforeEngineLoad);
    let model: Model;
    try {
      model = highs.createModel(toNative(lp, highs));
    } catch (error) {
      // WebAssembly memory is capped at 4 GiB; say so rather than print a raw engine error.
      throw new SolveError(
        `HiGHS could not take the model (${lp.numCols} columns, ${lp.numRows} rows, ${lp.matrix.indices.length} nonzeros): ${(error as Error).message}. ` +
          'Make the model smaller: a shorter horizon (--set end=YYYY-MM) or fewer countries and systems.',
        'too-large',
      );
    }
    try {
      const method = options.method === undefined || options.method === 'auto' ? (lp.numCols >= IPM_FROM_COLUMNS ? 'ipm' : 'simplex') : options.method;
      model.options.set({ output_flag: false, solver: method });
      if (options.timeLimitSeconds !== undefined) model.options.set('time_limit', options.timeLimitSeconds);
    } catch (error) {
      model.dispose();
      throw error;
    }
    return new HighsSession(model, lp, highs.infinity);
  },
};
