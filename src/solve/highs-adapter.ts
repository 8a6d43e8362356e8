import type { Highs, Model } from 'highs';
import { SolveError } from '../base/errors.js';
import { withBounds, withColumns, withObjective, withoutRowsFrom } from '../model/edit-program.js';
import { withRows, type ExtraColumns, type ExtraRow, type LinearProgram } from '../model/linear-program.js';
import { readInteriorPointLog } from './highs-log.js';
import { BASIS_BASIC, BASIS_LOWER, BASIS_UPPER, STATUS_UNKNOWN, finite, fromNative, optimalFaceOf, toNative } from './highs-program.js';
import type { BoundChanges, Placement, SessionStart, SolveOptions, SolveResult, SolveStats, SolverAdapter, SolverSession } from './solver-adapter.js';

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

/**
 * From this many columns stage 1 goes to the interior point (solvers.md: 4x at 54k columns). On
 * the stress set between 10k and 20k it saved 68 s on L05 (110,000 simplex iterations) and 2 s
 * on L03, and cost 1 s on XL02; below 10k the two are even (the bundled data: 0.45 s either way).
 */
const IPM_FROM_COLUMNS = 10_000;
/** HiGHS takes only finite option values; its default time limit is infinite, and no run lasts 1e30 s. */
const NO_TIME_LIMIT = 1e30;

/**
 * HiGHS's own scaling (equilibration) is off for sessions that start with the simplex on a
 * program of at least UNSCALED_FROM_COLUMNS columns whose entries all lie within
 * [UNSCALED_ENTRIES.min, UNSCALED_ENTRIES.max]: the model's units (money in EUR millions,
 * MONEY_SCALE) keep real data there. Measured per plan (cold stage 1 and the warm stages after
 * it): the bundled data's 201-run sweep 30.2 -> 24.9 s; stress shapes L01 6.1 -> 3.9 s, L09
 * 2.7 -> 2.2 s, L02/L07/L08/L10 within 7 %, L06 3.9 -> 4.1 s. Where the interior point starts,
 * the warm stages after it did worse unscaled (L05 7.6 -> 17.3 s, XL03 10.4 -> 16.4 s). Small
 * programs keep it: they solve in milliseconds either way, and HiGHS's feasibility tolerance
 * (1e-7) then holds on the scaled rows, which on a folder priced at EUR 10 a unit kept money
 * within 1e-6 EUR of model.md's optimum where unscaled it drifted to -1.2e-6. A run that ends
 * in numerical trouble unscaled is run again with scaling (solve).
 */
const UNSCALED_FROM_COLUMNS = 2_000;
const UNSCALED_ENTRIES = { min: 1e-4, max: 1e4 };
const SCALE_OFF = 0;
const SCALE_DEFAULT = 2;
const LOGGING_CALLBACK = 0;
const SIMPLEX_CHOOSE = 0;
const SIMPLEX_DUAL = 1;
const BASIS_VALID = 1;

interface HighsStart extends SessionStart {
  readonly kind: 'highs-basis';
  readonly colStatus: Int32Array;
  readonly rowStatus: Int32Array;
}

class HighsSession implements SolverSession {
  private disposed = false;
  /** Set once a solve has left a basis: later solves start from it with the simplex. */
  private warm = false;
  /** Seconds spent in the engine's runs so far, as its time limit counts them. */
  private spentSeconds = 0;

  constructor(
    private readonly highs: Highs,
    private readonly model: Model,
    public program: LinearProgram,
    private readonly firstMethod: string,
    private readonly timeLimitSeconds: number | undefined,
    /** The simplex runs without HiGHS's scaling until numerical trouble turns it back on. */
    private unscaled: boolean,
  ) {}

  async solve(limit?: { readonly timeLimitSeconds?: number }): Promise<SolveResult> {
    // HiGHS's time_limit counts every run of the model so far, so a limit for this solve alone
    // is the time already spent plus the budget (never beyond the session's own limit).
    const own = limit?.timeLimitSeconds;
    if (own !== undefined) this.model.options.set('time_limit', Math.min(this.timeLimitSeconds ?? NO_TIME_LIMIT, this.spentSeconds + own));
    try {
      let stats = this.run();
      // A warm start can end in numerical trouble that a cold start does not meet, nor, where it was off, one with scaling.
      if (troubled(stats)) {
        this.clearStart();
        stats = this.run();
      }
      if (troubled(stats) && this.unscaled) {
        this.unscaled = false;
        this.model.options.set('simplex_scale_strategy', SCALE_DEFAULT);
        this.clearStart();
        stats = this.run();
      }
      if (stats.status === undefined) return { status: 'error', message: 'HiGHS failed on this model, from a warm start and from a cold one', stats: stats.stats };
      return fromNative(this.model, stats.status, this.program, stats.stats);
    } finally {
      if (own !== undefined) this.model.options.set('time_limit', this.timeLimitSeconds ?? NO_TIME_LIMIT);
    }
  }

  /**
   * One engine run: interior point cannot start from a basis; the simplex can. Warm, HiGHS
   * picks the primal simplex when the edits kept the basis primal feasible (a new objective, a
   * bound row, new columns at 0) and the dual one when they did not (tighter bounds): its
   * default, the dual simplex, took 77,113 iterations and 82 s for a stage 2 that the primal
   * one did in 32 and 3 s. The status is undefined where HiGHS itself reports an error.
   */
  private run(): { status: number | undefined; stats: SolveStats } {
    const method = this.warm ? 'simplex' : this.firstMethod;
    // The log is read only to see an interior point give up; formatting it costs a simplex run 0.4 ms (promise curves: hundreds of runs).
    const ipm = method === 'ipm';
    this.model.options.set({ solver: method, simplex_strategy: this.warm ? SIMPLEX_CHOOSE : SIMPLEX_DUAL, output_flag: ipm });
    const lines: string[] = [];
    const start = performance.now();
    let status: number | undefined;
    try {
      status = (ipm ? this.model.run({ [LOGGING_CALLBACK]: (event) => void lines.push(...event.message.split('\n')) }) : this.model.run()).modelStatus;
    } catch (error) {
      if ((error as { status?: number }).status !== -1) throw error;
    }
    const ms = performance.now() - start;
    this.spentSeconds += ms / 1000;
    const count = (key: string) => Number(this.model.info.get(key));
    const simplexIterations = count('simplex_iteration_count');
    const stats: SolveStats = {
      method,
      warm: this.warm,
      ms,
      ipmIterations: count('ipm_iteration_count'),
      crossoverIterations: count('crossover_iteration_count'),
      simplexIterations,
      ipmFallback: false,
      ...(ipm ? readInteriorPointLog(lines, simplexIterations) : {}),
    };
    this.warm = count('basis_validity') === BASIS_VALID;
    return { status, stats };
  }

  addRows(rows: readonly ExtraRow[]): number {
    const first = this.program.numRows;
    // A new row's slack enters the basis, so the basis held stays valid. One call for all: a
    // row at a time cost 0.8 ms each (a promise program's few hundred floor rows).
    if (rows.length === 1) this.model.addRow(this.inf(rows[0]!.lower), this.inf(rows[0]!.upper), { indices: rows[0]!.indices, values: rows[0]!.values });
    else if (rows.length > 1) {
      const starts = new Int32Array(rows.length + 1);
      rows.forEach((row, i) => (starts[i + 1] = starts[i]! + row.indices.length));
      const indices = new Int32Array(starts[rows.length]!);
      const values = new Float64Array(starts[rows.length]!);
      rows.forEach((row, i) => {
        indices.set(row.indices, starts[i]!);
        values.set(row.values, starts[i]!);
      });
      this.model.addRows({
        lower: Float64Array.from(rows, (row) => this.inf(row.lower)),
        upper: Float64Array.from(rows, (row) => this.inf(row.upper)),
        matrix: { format: 'csr', numRows: rows.length, numCols: this.program.numCols, starts, indices, values },
      });
    }
    this.program = withRows(this.program, rows);
    return first;
  }

  addColumns(cols: ExtraColumns): number {
    const first = this.program.numCols;
    if (cols.count === 0) return first;
    // New columns join nonbasic at a bound, so the basis held stays valid.
    this.model.addCols({
      cost: cols.cost,
      lower: finite(cols.lower, this.highs),
      upper: finite(cols.upper, this.highs),
      matrix: { format: 'csc', numRows: this.program.numRows, numCols: cols.count, starts: cols.starts, indices: cols.indices, values: cols.values },
    });
    this.program = withColumns(this.program, cols);
    return first;
  }

  removeRowsFrom(first: number): void {
    if (first >= this.program.numRows) return;
    this.model.deleteRows({ kind: 'range', from: first, to: this.program.numRows - 1 });
    this.program = withoutRowsFrom(this.program, first);
  }

  setObjective(cost: Float64Array, offset: number): void {
    this.program = withObjective(this.program, cost, offset);
    if (this.program.numCols > 0) this.model.changeColsCost({ kind: 'range', from: 0, to: this.program.numCols - 1 }, cost);
    this.model.changeObjectiveOffset(offset);
  }

  setColumnBounds(indices: Int32Array, lower: Float64Array, upper: Float64Array): void {
    if (indices.length === 0) return;
    this.model.changeColsBounds({ kind: 'set', indices }, finite(lower, this.highs), finite(upper, this.highs));
    this.program = withBounds(this.program, 'col', indices, lower, upper);
  }

  setRowBounds(indices: Int32Array, lower: Float64Array, upper: Float64Array): void {
    if (indices.length === 0) return;
    this.model.changeRowsBounds({ kind: 'set', indices }, finite(lower, this.highs), finite(upper, this.highs));
    this.program = withBounds(this.program, 'row', indices, lower, upper);
  }

  saveStart(): HighsStart | undefined {
    if (!this.warm) return undefined;
    const basis = this.model.getBasis();
    return { kind: 'highs-basis', colStatus: basis.colStatus.slice(), rowStatus: basis.rowStatus.slice() };
  }

  restoreStart(start: SessionStart): void {
    const basis = start as HighsStart;
    if (basis.kind !== 'highs-basis' || basis.colStatus.length > this.program.numCols || basis.rowStatus.length > this.program.numRows) {
      throw new RangeError('this start was saved from a program of another shape');
    }
    // Columns and rows appended since the save join as the engine adds them: columns nonbasic
    // at their lower bound, rows with a basic slack.
    this.placeAppended(start, new Map(), new Map());
  }

  placeAppended(start: SessionStart, columns: ReadonlyMap<number, Placement>, rows: ReadonlyMap<number, Placement>): void {
    const basis = start as HighsStart;
    const { numCols, numRows } = this.program;
    if (basis.kind !== 'highs-basis' || basis.colStatus.length > numCols || basis.rowStatus.length > numRows) return;
    const status = (p: Placement) => (p === 'basic' ? BASIS_BASIC : p === 'upper' ? BASIS_UPPER : BASIS_LOWER);
    const colStatus = new Int32Array(numCols).fill(BASIS_LOWER);
    const rowStatus = new Int32Array(numRows).fill(BASIS_BASIC);
    colStatus.set(basis.colStatus), rowStatus.set(basis.rowStatus);
    for (const [j, p] of columns) colStatus[j] = status(p);
    for (const [i, p] of rows) rowStatus[i] = status(p);
    this.model.setBasis({ colStatus, rowStatus });
    this.warm = true;
  }

  clearStart(): void {
    this.model.clearSolver();
    this.warm = false;
  }

  optimalFace(): BoundChanges | undefined {
    return this.warm ? optimalFaceOf(this.model, this.program) : undefined;
  }

  dispose(): void {
    if (!this.disposed) this.model.dispose();
    this.disposed = true;
  }

  private inf(v: number): number {
    return v === Infinity ? this.highs.infinity : v === -Infinity ? -this.highs.infinity : v;
  }
}

/** A run that ended in numerical trouble (HiGHS's unknown status) or in an error of the engine. */
function troubled(run: { readonly status: number | undefined }): boolean {
  return run.status === STATUS_UNKNOWN || run.status === undefined;
}

/** Whether the simplex runs without HiGHS's scaling on this program (see UNSCALED_FROM_COLUMNS). */
function unscaledSuits(lp: LinearProgram): boolean {
  if (lp.numCols < UNSCALED_FROM_COLUMNS) return false;
  for (const v of lp.matrix.values) {
    const a = Math.abs(v);
    if (a !== 0 && (a < UNSCALED_ENTRIES.min || a > UNSCALED_ENTRIES.max)) return false;
  }
  return true;
}

export const highsAdapter: SolverAdapter = {
  name: 'highs',
  description: 'HiGHS (WebAssembly build, npm "highs"): sparse dual simplex or interior point, with duals',
  features: { duals: true, optimalFace: true, tieBreak: true, precision: 1e-9 },
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
    const method = options.method === undefined || options.method === 'auto' ? (lp.numCols >= IPM_FROM_COLUMNS ? 'ipm' : 'simplex') : options.method;
    const unscaled = method === 'simplex' && unscaledSuits(lp);
    try {
      // The log goes to the solve's callback only (never the console): it is how a fallback from IPM shows.
      model.options.set({ output_flag: true, log_to_console: false, solver: method, simplex_scale_strategy: unscaled ? SCALE_OFF : SCALE_DEFAULT });
      if (options.timeLimitSeconds !== undefined) model.options.set('time_limit', options.timeLimitSeconds);
    } catch (error) {
      model.dispose();
      throw error;
    }
    return new HighsSession(highs, model, lp, method, options.timeLimitSeconds, unscaled);
  },
};
