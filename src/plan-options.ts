import type { UnlimitedRunner } from './analyses/close-gaps.js';
import type { PromiseCurvesRunner } from './analyses/promises.js';
import type { ReportFile } from './base/report-file.js';
import type { RenderSvg } from './render/charts/render-svg.js';
import type { CsvDialect } from './render/csv-dialect.js';
import type { Manifest } from './results/manifest.js';
import type { Plan, PlanSummary } from './results/plan.js';
import type { PreparedScenario } from './scenario/prepare-scenario.js';
import type { ScenarioSettings } from './scenario/scenario-settings.js';
import type { EngineChoice } from './solve/solve-context.js';
import type { SolveOptions, SolveStats } from './solve/solver-adapter.js';

export type { ReportFile } from './base/report-file.js';
export type { EngineChoice } from './solve/solve-context.js';

/** How to plan one scenario: the one option set of the library, the commands and the workers. */
export interface PlanOptions {
  readonly scenario?: ScenarioChoice;
  readonly engine?: EngineChoice;
  readonly analyses?: AnalysesWanted;
  readonly output?: OutputChoice;
  readonly hooks?: PlanHooks;
}

/** Which scenario, and the run's name. */
export interface ScenarioChoice {
  /** Scenario of scenarios.csv; `baseline` (the data as it stands) when absent from the file. */
  readonly name?: string;
  /** `key[:target]=value` settings applied after the scenario's own rows. */
  readonly set?: readonly string[];
  /** The run's name, as its folder is called (manifest.json); default: the scenario and its `set`. */
  readonly runName?: string;
  /** The scenario already prepared from the same data, name and set (the CLI checks it before the run): not prepared again. */
  readonly prepared?: PreparedScenario;
}

/** The questions asked beyond the plan itself, each a re-solve. */
export interface AnalysesWanted {
  /** Re-solve with unlimited money for cost to close and earliest months (default true). */
  readonly explain?: boolean;
  /** Re-solve with +10 % money per payer (slower: one solve per payer with money). */
  readonly sensitivity?: boolean;
  /**
   * Promise curves (rampup guarantees) for one recipient (default UA), and the price of each
   * system's promise at `levels` (per cent; default 50, 75, 90, 100) from `from` (default: the first month).
   */
  readonly guarantees?: { readonly from?: string; readonly recipient?: string; readonly levels?: readonly number[] };
  /** A replay: compare the plan with what happened (actuals.csv), into calibration.csv and report.html (rampup replay). */
  readonly replay?: boolean;
  /** Also find the joint promise (every system, every recipient, from the first month) in the plan's session: PlanOutcome.jointPromise. */
  readonly jointPromise?: boolean;
}

/** What is rendered. */
export interface OutputChoice {
  /** Render the report files at all (default true; a sweep that keeps no folders needs only the summary, and `files` holds just manifest.json). */
  readonly files?: boolean;
  /** Render report.html (default true; sweeps that keep no folders skip it). */
  readonly html?: boolean;
  /** Also render report.xlsx, a sheet per report table. */
  readonly xlsx?: boolean;
  readonly csv?: CsvDialect;
  /** Also return the stage-1 program in these formats (for --write-lp / --write-mps). */
  readonly exportFormats?: readonly ('lp' | 'mps')[];
}

/** What the shell lends the library: threads, engine isolation, runtime tuning. Functions: they never cross to a worker. */
export interface PlanHooks {
  /** Called once before the engine loads, with the model's column count (e.g. V8 flags). */
  readonly beforeEngineLoad?: SolveOptions['beforeEngineLoad'];
  /** Runs an engine call where a time limit can stop it (javascript-lp-solver). */
  readonly isolate?: SolveOptions['isolate'];
  /** Solves cost to close's unlimited-money plan, e.g. on a worker thread beside the plan's later stages; default: in this thread, after them. */
  readonly unlimitedMoney?: UnlimitedRunner;
  /** Draws the promise curves of `guarantees`, e.g. on a worker thread while the plan is solved; default: in this thread, after it. */
  readonly promiseCurves?: PromiseCurvesRunner;
  /** Draws the charts, e.g. on a worker thread started early; default: in this thread. */
  readonly renderSvg?: RenderSvg;
}

export interface PlanOutcome {
  readonly scenario: ScenarioSettings;
  readonly plan: Plan;
  readonly summary: PlanSummary;
  readonly manifest: Manifest;
  /** Milliseconds per phase (`scenario`, `build`, `solve`, `solveStage1`, ..., `render`): timings.json, never in manifest.json. */
  readonly timings: Readonly<Record<string, number>>;
  readonly files: readonly ReportFile[];
  /** The stage-1 program as text, per format asked for in exportFormats. */
  readonly exported: Partial<Record<'lp' | 'mps', string>>;
  /**
   * What the engine did in each solve of the plan, keyed like the timings
   * (`solveStage1`, `solveStage2`, `closeGapsStage1`, ...): method, warm start, iteration
   * counts, an interior-point fallback. Not in manifest.json (it changes with the engine).
   */
  readonly solveStats: Readonly<Record<string, SolveStats>>;
  /** The largest g of model.md for every need at once, when asked (AnalysesWanted.jointPromise). */
  readonly jointPromise?: number;
}
