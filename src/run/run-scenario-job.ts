import { InputError, ModelError, SolveError } from '../errors.js';
import { formatInputIssue } from '../inputs/input-issue.js';
import type { DataSet } from '../inputs/parse-data-folder.js';
import type { ReportFile } from '../plan-options.js';
import { planRampUp } from '../plan-ramp-up.js';
import { comparisonRow, failedRow } from '../results/comparison-row.js';
import type { InputFileHash } from '../results/manifest.js';
import type { ComparisonRow, SystemSummary } from '../results/plan.js';
import { engineLoadHook } from './prefer-baseline-wasm-compiler.js';
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
export async function runScenarioJob(data: DataSet, inputs: readonly InputFileHash[], job: ScenarioJob, options: JobOptions): Promise<JobResult> {
  const { reports, jobsPerThread = 1, ...planOptions } = options;
  const hook = engineLoadHook(jobsPerThread);
  const label = { label: job.label, description: '', sweepValue: job.sweepValue };
  try {
    const outcome = await planRampUp(data, inputs, {
      ...planOptions,
      scenario: job.scenario,
      set: job.set,
      name: job.label,
      ...(hook ? { beforeEngineLoad: hook } : {}),
      // A sweep that keeps no folders needs neither the report files nor the unlimited-money re-solve.
      files: reports,
      html: reports,
      explain: reports,
      jointPromise: true,
    });
    const joint = outcome.jointPromise!;
    const row = comparisonRow({ ...label, description: outcome.scenario.description }, outcome.summary, joint);
    return { job, row, systems: outcome.summary.systems, ...(reports ? { files: outcome.files } : {}) };
  } catch (error) {
    if (error instanceof InputError) return { job, row: failedRow(label, error.issues.map((i) => formatInputIssue(i)).join('; ')), failure: 2 };
    if (error instanceof SolveError) return { job, row: failedRow(label, [`${error.status}: ${error.message}`, ...error.explanation].join(' ')), failure: 3 };
    if (error instanceof ModelError) return { job, row: failedRow(label, error.message), failure: 3 };
    throw error;
  }
}
