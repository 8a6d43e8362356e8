import type { ExtraColumns, ExtraRow, LinearProgram } from '../model/linear-program.js';

/**
 * What an engine offers beyond what every session must do: the one place these are declared,
 * and what callers read before they use them.
 */
export interface SolverFeatures {
  /** Row duals (shadow prices) in an optimal SolveResult: marginal values, the value of a channel's cap. */
  readonly duals: boolean;
  /** SolverSession.optimalFace: a later stage held on an optimal face instead of behind a dense row. */
  readonly optimalFace: boolean;
  /** Accurate enough for the tie-break stage, whose money bound is as tight as the money stage's optimum. */
  readonly tieBreak: boolean;
  /** Absolute accuracy of the values it returns (rows hold to about this much). */
  readonly precision: number;
  /** Largest model (columns + rows) it accepts; undefined = no fixed limit. */
  readonly maxSize?: number;
}

export interface SolveOptions {
  /** Wall-clock limit in seconds for one solve. */
  readonly timeLimitSeconds?: number;
  /** Engine-specific method, e.g. HiGHS "simplex" or "ipm"; "auto" picks by size. */
  readonly method?: string;
  /**
   * Called once, before the engine is first loaded in this thread, with the size of the first
   * model: the shell's chance to tune the runtime (e.g. V8's WebAssembly compiler).
   */
  readonly beforeEngineLoad?: (columns: number) => void;
  /** Stage 3 of the lexicographic solve: 'soonest' (default) delivers as early as the best, cheapest plans allow; 'none' skips it. */
  readonly tieBreak?: 'soonest' | 'none';
  /** Stage 4 (model.md version 3): 'proportional' (default) spreads spending so each payer spends the same share of its money as far as the channels allow; 'none' skips it. */
  readonly spread?: 'proportional' | 'none';
  /**
   * Runs an engine call where it can be stopped at a time limit (the shell gives a worker
   * thread: run/solve-in-worker.ts); absent, the call runs in this thread, without a hard limit.
   */
  readonly isolate?: IsolatedCall;
}

/**
 * Calls export `name` of the module at `modulePath` with `argument` (plain data that can be
 * copied to another thread) and resolves with its plain-data result, 'time-limit' after
 * `seconds`, or the Error it threw.
 */
export type IsolatedCall = (modulePath: string, name: string, argument: unknown, seconds: number) => Promise<unknown>;

/**
 * What the engine did in one solve, for the benchmark and for anyone asking why a solve was slow:
 * the method it started with, its iteration counts, and whether the interior point gave up
 * (HiGHS: "IPM no progress") so that the engine went on with the simplex.
 */
export interface SolveStats {
  /** The method the engine started with, e.g. `simplex` or `ipm`. */
  readonly method: string;
  /** Started from the basis the session held (a warm start). */
  readonly warm: boolean;
  /** Wall time of the engine call. */
  readonly ms: number;
  readonly ipmIterations?: number;
  readonly crossoverIterations?: number;
  readonly simplexIterations?: number;
  /** The interior point ended without an optimum and the engine fell back to the simplex. */
  readonly ipmFallback?: boolean;
  /** The engine's own status words, e.g. `IPM optimal, crossover optimal` or `IPM no progress`. */
  readonly detail?: string;
}

/** Where an appended column or row starts: nonbasic at a bound, or basic. */
export type Placement = 'lower' | 'upper' | 'basic';

/** A solve outcome; values exist only on the optimal branch, so callers must check first. */
export type SolveResult =
  | {
      readonly status: 'optimal';
      /** Objective including the program's offset. */
      readonly objective: number;
      readonly columnValues: Float64Array;
      /** d(objective)/d(row bound), present only when the adapter has the `duals` feature. */
      readonly rowDuals?: Float64Array;
      readonly iterations?: number;
      readonly stats?: SolveStats;
    }
  | {
      readonly status: 'infeasible' | 'unbounded' | 'time-limit' | 'too-large' | 'error';
      readonly message: string;
      readonly stats?: SolveStats;
    };

/** New bounds for some columns and rows (indices strictly increasing), e.g. an optimal face. */
export interface BoundChanges {
  readonly columns: { readonly indices: Int32Array; readonly lower: Float64Array; readonly upper: Float64Array };
  readonly rows: { readonly indices: Int32Array; readonly lower: Float64Array; readonly upper: Float64Array };
}

/** The engine's starting point saved by a session (e.g. HiGHS's basis), opaque to callers. */
export interface SessionStart {
  readonly kind: string;
}

/**
 * An open model that can be solved, edited and solved again. Engines that keep their state
 * (HiGHS) start every solve after the first from the basis they hold, so a run of related
 * programs (the lexicographic stages; the unlimited-money re-solve that adds top-up columns;
 * promise curves and risk samples that differ in bounds and a row) costs a fraction of fresh
 * solves. One session per worker: open it on the base program, `saveStart()` after its
 * solve, and for each variant edit, `restoreStart()`, solve. Edits keep existing column and
 * row indices; added columns and rows go at the end.
 */
export interface SolverSession {
  /** The program as edited so far: what `solve()` solves. */
  readonly program: LinearProgram;
  /**
   * Solves the program as edited. `limit.timeLimitSeconds` bounds this solve alone (within the
   * session's own time limit), for a stage whose failure is not fatal; engines without a clock ignore it.
   */
  solve(limit?: { readonly timeLimitSeconds?: number }): Promise<SolveResult>;
  /** Appends rows; returns the index of the first. */
  addRows(rows: readonly ExtraRow[]): number;
  /** Appends columns with their entries in existing rows; returns the index of the first. */
  addColumns(columns: ExtraColumns): number;
  /** Removes every row from `first` on (rows added last), e.g. a stage's bound before the next variant. */
  removeRowsFrom(first: number): void;
  /** A new objective for the next solve: a cost per column (as many as the program has now) and the constant term; the engine keeps its basis. */
  setObjective(cost: Float64Array, offset: number): void;
  /** New bounds of some columns (indices strictly increasing) for the next solve. */
  setColumnBounds(indices: Int32Array, lower: Float64Array, upper: Float64Array): void;
  /** New bounds of some rows (indices strictly increasing) for the next solve. */
  setRowBounds(indices: Int32Array, lower: Float64Array, upper: Float64Array): void;
  /** The engine's current starting point, to come back to; undefined where it keeps none. */
  saveStart(): SessionStart | undefined;
  /**
   * Starts the next solve from a saved point. Columns and rows appended since the save join
   * it as new ones do (columns at their lower bound, rows with a basic slack); a program with
   * fewer columns or rows than the save is an error (RangeError).
   */
  restoreStart(start: SessionStart): void;
  /** Forgets the starting point: the next solve starts cold, with the session's first method. */
  clearStart(): void;
  /**
   * Where the engine keeps a basis: starts the next solve from a saved start (saveStart), the
   * columns and rows appended since placed as given (each at its lower or upper bound, or basic), so that the next solve can
   * start from a point that satisfies them. The caller keeps the count of basic ones right.
   */
  placeAppended?(start: SessionStart, columns: ReadonlyMap<number, Placement>, rows: ReadonlyMap<number, Placement>): void;
  /**
   * The bounds that hold later solves to the optimal face of the last (optimal) solve: every
   * nonbasic column and row whose reduced cost or dual is nonzero stays at the bound it is
   * at, as every optimum of that objective does (complementary slackness). Applied with
   * setColumnBounds and setRowBounds, they say what a row "objective <= optimum" says, without
   * a row as dense as the objective. Present where the engine has the `optimalFace` feature;
   * undefined before a solve has left a basis.
   */
  optimalFace?(): BoundChanges | undefined;
  dispose(): void;
}

export interface SolverAdapter {
  readonly name: string;
  readonly description: string;
  readonly features: SolverFeatures;
  /** The methods `SolveOptions.method` may name; the first is the default. */
  readonly methods: readonly string[];
  /** Engine version, e.g. "HiGHS 1.15.1". */
  version(): Promise<string>;
  open(lp: LinearProgram, options: SolveOptions): Promise<SolverSession>;
}
