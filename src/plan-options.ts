import type { UnlimitedRunner } from './analyses/close-gaps.js';
import type { PromiseCurvesRunner } from './analyses/promises.js';
import type { Plan, PlanSummary } from './results/plan.js';
import type { Manifest } from './results/manifest.js';
import type { RenderSvg } from './render/charts/render-svg.js';
import type { CsvDialect } from './render/csv-dialect.js';
import type { ScenarioSettings } from './scenario/scenario-settings.js';
import type { SolveOptions, SolveStats } from './solve/solver-adapter.js';

/** How to plan one scenario: the one option set of the library, the commands and the workers. */
export interface PlanOptions {
  /** Scenario of scenarios.csv; `baseline` (the data as it stands) when absent from the file. */
  readonly scenario?: string;
  /** `key[:target]=value` settings applied after the scenario's own rows. */
  readonly set?: readonly string[];
  /** The run's name, as its folder is called (manifest.json); default: the scenario and its `set`. */
  readonly name?: string;
  /** Engine name (solver registry); default: the registry's first. */
  readonly solver?: string;
  /** Engine method, e.g. HiGHS `simplex`, `ipm` or `auto`. */
  readonly method?: string;
  /** Wall-clock limit of each solve, the analyses' re-solves included. */
  readonly timeLimitSeconds?: number;
  /** Stage 3: 'soonest' (default) picks, of the best and cheapest plans, the one that delivers soonest; 'none' skips it. */
  readonly tieBreak?: 'soonest' | 'none';
  /** Called once before the engine loads, with the model's column count (a shell hook, e.g. V8 flags). */
  readonly beforeEngineLoad?: SolveOptions['beforeEngineLoad'];
  readonly csv?: CsvDialect;
  /** Re-solve with unlimited money for cost to close and earliest months (default true). */
  readonly explain?: boolean;
  /** Re-solve with +10 % money per payer (slower: one solve per payer with money). */
  readonly sensitivity?: boolean;
  /**
   * Promise curves (rampup guarantees) for one recipient (default UA); `from` asks the extra
   * money to promise 100 % from that month.
   */
  readonly guarantees?: { readonly from?: string; readonly recipient?: string };
  /** Also find the joint promise (every system, every recipient, from the first month) in the plan's session: PlanOutcome.jointPromise. */
  readonly jointPromise?: boolean;
  /** Solves cost to close's unlimited-money plan, e.g. on a worker thread beside the plan's later stages; default: in this thread, after them. */
  readonly unlimitedMoney?: UnlimitedRunner;
  /** Draws the promise curves of `guarantees`, e.g. on worker threads while the plan is solved; default: in this thread, after it. */
  readonly promiseCurves?: PromiseCurvesRunner;
  /** Render the report files at all (default true; a sweep that keeps no folders needs only the summary, and `files` holds just manifest.json). */
  readonly files?: boolean;
  /** Render report.html (default true; sweeps that keep no folders skip it). */
  readonly html?: boolean;
  /** Draws the charts, e.g. on a worker thread started early; default: in this thread. */
  readonly renderSvg?: RenderSvg;
  /** Also render report.xlsx, a sheet per report table. */
  readonly xlsx?: boolean;
  /** Also return the stage-1 program in these formats (for --write-lp / --write-mps). */
  readonly exportFormats?: readonly ('lp' | 'mps')[];
}

/** The engine options within the plan options, as every solve of the run receives them. */
export function solveOptionsOf(options: PlanOptions): SolveOptions {
  return {
    ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
    ...(options.method !== undefined ? { method: options.method } : {}),
    ...(options.beforeEngineLoad !== undefined ? { beforeEngineLoad: options.beforeEngineLoad } : {}),
    ...(options.tieBreak !== undefined ? { tieBreak: options.tieBreak } : {}),
  };
}

export interface ReportFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

export interface PlanOutcome {
  readonly scenario: ScenarioSettings;
  readonly plan: Plan;
  readonly summary: PlanSummary;
  readonly manifest: Manifest;
  readonly files: readonly ReportFile[];
  /** The stage-1 program as text, per format asked for in exportFormats. */
  readonly exported: Partial<Record<'lp' | 'mps', string>>;
  /**
   * What the engine did in each solve of the plan, keyed like the manifest's timings
   * (`solveStage1`, `solveStage2`, `closeGapsStage1`, ...): method, warm start, iteration
   * counts, an interior-point fallback. Not in manifest.json (it changes with the engine).
   */
  readonly solveStats: Readonly<Record<string, SolveStats>>;
  /** The largest g of model.md for every need at once, when asked (PlanOptions.jointPromise). */
  readonly jointPromise?: number;
}
