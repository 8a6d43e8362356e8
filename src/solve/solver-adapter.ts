import type { ExtraRow, LinearProgram } from '../model/linear-program.js';

/** What an engine can do beyond primal values. */
export interface SolverFeatures {
  /** Row duals (shadow prices). */
  readonly duals: boolean;
  /** Keeps its state between the two stages of the lexicographic solve. */
  readonly warmStart: boolean;
  /** Writes the program as CPLEX LP and MPS text (--write-lp, --write-mps). */
  readonly export: boolean;
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
}

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
    }
  | { readonly status: 'infeasible' | 'unbounded' | 'time-limit' | 'too-large' | 'error'; readonly message: string };

/**
 * An open model: solve it, then tighten it with a row and switch objective for the next
 * stage. Adapters that can keep the engine's state (HiGHS) warm-start the second stage.
 */
export interface SolverSession {
  solve(): Promise<SolveResult>;
  addRowAndSetObjective(row: ExtraRow, cost: Float64Array, offset: number): void;
  /** A new objective for the next solve; the engine keeps its basis where it can. */
  setObjective(cost: Float64Array, offset: number): void;
  /** New bounds of some columns (indices strictly increasing) for the next solve. */
  setColumnBounds(columns: Int32Array, lower: Float64Array, upper: Float64Array): void;
  /** New bounds of some rows (indices strictly increasing) for the next solve. */
  setRowBounds(rows: Int32Array, lower: Float64Array, upper: Float64Array): void;
  /** The program in CPLEX LP format, written by the engine (only where `canExport`). */
  exportModel?(format: 'lp' | 'mps'): string | Uint8Array;
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
