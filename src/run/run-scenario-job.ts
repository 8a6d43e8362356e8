import { describeFailure } from '../base/errors.js';
import type { DataSet } from '../inputs/parse-data-folder.js';
import type { ReportFile } from '../base/report-file.js';
import { planRampUp } from '../plan-ramp-up.js';
import { comparisonRow, failedRow } from '../results/comparison-row.js';
import type { InputFileHash } from '../results/manifest.js';
import type { ComparisonRow, SystemSummary } from '../results/plan.js';
import { engineLoadHook } from './prefer-baseline-wasm-compiler.js';
import { solveInWorker } from './solve-in-worker.js';
import type { JobOptions, ScenarioJob } from './scenario-job.js';

export interface JobResult {
  readonly job: ScenarioJob;
  readonly row: ComparisonRow;
  /** Report files, when asked for and the plan was made. */
  readonly files?: readonly ReportFile[];
  /** Each system's figures, for comparison_by_system.csv (a plan was made). */
  readonly systems?: readonly SystemSummary[];
  /** Exit code class of a failure: 2 bad settings, 3 no plan. */
  readonly failure?: 2 | 3;
}

/** Plans one job; a failure becomes a row with its reason instead of stopping the set. */
export async function runScenarioJob(data: DataSet, inputs: readonly InputFileHash[], asked: ScenarioJob, options: JobOptions): Promise<JobResult> {
  // The prepared scenario does not go back with the result.
  const { prepared, ...job } = asked;
  const { reports, jobsPerThread = 1, engine, output } = options;
  const hook = engineLoadHook(jobsPerThread);
  const label = { label: job.label, description: '', sweepValue: job.sweepValue };
  try {
    const outcome = await planRampUp(data, inputs, {
      scenario: { name: job.scenario, set: job.set, runName: job.label, ...(prepared ? { prepared } : {}) },
      engine,
      // A sweep that keeps no folders needs neither the report files nor the unlimited-money re-solve.
      analyses: { explain: reports, jointPromise: true },
      output: { ...output, files: reports, html: reports },
      hooks: { isolate: solveInWorker, ...(hook ? { beforeEngineLoad: hook } : {}) },
    });
    const joint = outcome.jointPromise!;
    const row = comparisonRow({ ...label, description: outcome.scenario.description }, outcome.summary, joint);
    return { job, row, systems: outcome.summary.systems, ...(reports ? { files: outcome.files } : {}) };
  } catch (error) {
    const failure = describeFailure(error);
    if (failure) return { job, row: failedRow(label, failure.message), failure: failure.exitCode };
    throw error;
  }
}
