import { InputError, ModelError, SolveError } from '../errors.js';
import { formatInputIssue } from '../inputs/input-issue.js';
import type { DataSet } from '../inputs/parse-data-folder.js';
import { planRampUp, type PlanOutcome, type ReportFile } from '../plan-ramp-up.js';
import type { ComparisonRow } from '../results/comparison.js';
import type { Manifest } from '../render/render-manifest.js';
import type { JobOptions, ScenarioJob } from './scenario-job.js';
import { largestGuarantee } from '../results/analyse-guarantees.js';
import { DEFAULT_SOLVER, findSolver } from '../solve/solver-registry.js';

export interface JobResult {
  readonly job: ScenarioJob;
  readonly row: ComparisonRow;
  /** Report files, when asked for and the plan was made. */
  readonly files?: readonly ReportFile[];
  /** Exit code class of a failure: 2 bad settings, 3 no plan. */
  readonly failure?: 2 | 3;
}

export function comparisonRow(job: ScenarioJob, outcome: PlanOutcome, jointGuarantee: number): ComparisonRow {
  const { summary } = outcome;
  return {
    scenario: job.label,
    description: outcome.scenario.description,
    ...(job.sweepValue !== undefined ? { sweepValue: job.sweepValue } : {}),
    status: 'optimal',
    fillRate: summary.fillRate,
    weightedFillRate: summary.weightedFillRate,
    fillRateByCategory: Object.fromEntries(summary.fillRateByCategory.map((c) => [c.category, c.fillRate])),
    weightedShortfall: summary.weightedShortfall,
    shortfallUnits: summary.need - summary.delivered,
    totalCostEur: summary.totalCostEur,
    budgetEur: summary.budgetEur,
    moneyUsed: summary.budgetEur > 0 ? summary.totalCostEur / summary.budgetEur : 0,
    worstSystem: summary.worstGaps[0]?.system ?? '',
    jointGuarantee,
  };
}

function failedRow(job: ScenarioJob, error: string): ComparisonRow {
  return {
    scenario: job.label,
    description: '',
    ...(job.sweepValue !== undefined ? { sweepValue: job.sweepValue } : {}),
    status: 'failed',
    error,
    fillRate: 0,
    weightedFillRate: 0,
    fillRateByCategory: {},
    weightedShortfall: 0,
    shortfallUnits: 0,
    totalCostEur: 0,
    budgetEur: 0,
    moneyUsed: 0,
    worstSystem: '',
    jointGuarantee: 0,
  };
}

/** Plans one job; a failure becomes a row with its reason instead of stopping the set. */
export async function runScenarioJob(data: DataSet, inputs: Manifest['inputs'], job: ScenarioJob, options: JobOptions): Promise<JobResult> {
  try {
    const outcome = await planRampUp(data, inputs, {
      scenario: job.scenario,
      set: job.set,
      ...(options.solver !== undefined ? { solver: options.solver } : {}),
      ...(options.method !== undefined ? { method: options.method } : {}),
      ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
      ...(options.csv !== undefined ? { csv: options.csv } : {}),
      // A sweep that keeps no folders needs neither the HTML nor the unlimited-money re-solve.
      html: options.reports,
      explain: options.reports,
      xlsx: Boolean(options.xlsx),
    });
    const { input } = outcome.plan;
    const adapter = findSolver(options.solver ?? DEFAULT_SOLVER)!;
    const joint = await largestGuarantee(input, new Set(input.needs.map((n) => n.system)), { adapter, options: {} });
    return { job, row: comparisonRow(job, outcome, joint), ...(options.reports ? { files: outcome.files } : {}) };
  } catch (error) {
    if (error instanceof InputError) return { job, row: failedRow(job, error.issues.map((i) => formatInputIssue(i)).join('; ')), failure: 2 };
    if (error instanceof SolveError) return { job, row: failedRow(job, [`${error.status}: ${error.message}`, ...error.explanation].join(' ')), failure: 3 };
    if (error instanceof ModelError) return { job, row: failedRow(job, error.message), failure: 3 };
    throw error;
  }
}
