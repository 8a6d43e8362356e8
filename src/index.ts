/**
 * rampup as a library: the same functions the command line calls.
 *
 *   const { files, inputs } = await readDataFolder('data');
 *   const outcome = await planRampUp(loadDataSet(files), inputs, { scenario: 'pooled' });
 */
export { InputError, ModelError, SolveError } from './errors.js';
export { formatInputIssue, type InputIssue, type IssueCode } from './inputs/input-issue.js';
export { parseDataFolder, type DataFiles, type DataSet } from './inputs/parse-data-folder.js';
export { readDataFolder } from './io/read-data-folder.js';
export { writeReportFolder } from './io/write-report-folder.js';
export { buildRampUpModel, MONEY_SCALE, type RampUpModel } from './model/build-ramp-up-model.js';
export type { LinearProgram } from './model/linear-program.js';
export { BASELINE, loadDataSet, planRampUp, prepareScenario, type PlanOptions, type PlanOutcome, type ReportFile } from './plan-ramp-up.js';
export type { Plan, GapCause } from './results/plan.js';
export type { PlanSummary } from './results/summarize-plan.js';
export { analyseGuarantees, largestGuarantee } from './results/analyse-guarantees.js';
export { runScenarioSet } from './run/run-scenario-set.js';
export { solveLexicographic } from './solve/solve-lexicographic.js';
export { SOLVERS, findSolver } from './solve/solver-registry.js';
export type { SolverAdapter, SolveResult } from './solve/solver-adapter.js';
