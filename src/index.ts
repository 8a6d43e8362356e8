/**
 * rampup as a library: the same functions the command line calls.
 *
 *   const { files, inputs } = await readDataFolder('data');
 *   const outcome = await planRampUp(loadDataSet(files), inputs, { scenario: 'pooled' });
 */
export { analyseGuarantees, largestGuarantee } from './analyses/guarantees.js';
export { InputError, ModelError, PartialFailure, SolveError } from './base/errors.js';
export { formatIssueList } from './inputs/format-issue-list.js';
export { formatInputIssue, type FileIssue, type FlagIssue, type InputIssue, type InputWarning, type IssueCode, type WarningCode } from './base/input-issue.js';
export { loadDataSet } from './inputs/load-data-set.js';
export { parseDataFolder, type DataFiles, type DataSet } from './inputs/parse-data-folder.js';
export { BUNDLED_DATA } from './io/bundled-data.js';
export { readDataFolder } from './io/read-data-folder.js';
export { readUncertaintyFile } from './io/read-uncertainty-file.js';
export { writeReportFolder } from './io/write-report-folder.js';
export { buildRampUpModel, MONEY_SCALE, type RampUpModel } from './model/build-ramp-up-model.js';
export type { LinearProgram } from './model/linear-program.js';
export type { PlanOptions, PlanOutcome, ReportFile } from './plan-options.js';
export { planRampUp } from './plan-ramp-up.js';
export type { InputFileHash, Manifest } from './results/manifest.js';
export type { ComparisonRow, GapCause, Plan, PlanSummary } from './results/plan.js';
export { startChartRenderer } from './run/chart-renderer.js';
export { promiseCurvesOnWorker } from './run/promise-curves-on-worker.js';
export { solveUnlimitedOnWorker } from './run/unlimited-on-worker.js';
export { preferBaselineWasmCompiler } from './run/prefer-baseline-wasm-compiler.js';
export { runRisk, type RiskOutcome, type RiskRunOptions } from './run/run-risk.js';
export { runScenarioSet } from './run/run-scenario-set.js';
export { BASELINE, prepareScenario } from './scenario/prepare-scenario.js';
export { solveContext, type SolveContext } from './solve/solve-context.js';
export { solveLexicographic } from './solve/solve-lexicographic.js';
export { SOLVERS, findSolver } from './solve/solver-registry.js';
export type { SessionStart, SolverAdapter, SolverSession, SolveResult, SolveStats } from './solve/solver-adapter.js';
