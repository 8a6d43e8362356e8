import { describeFailure } from '../../base/errors.js';
import type { DataSet } from '../../inputs/parse-data-folder.js';
import { solveScenario, type OpenScenario } from '../../pipeline/solve-scenario.js';
import { summarizePlan } from '../../results/summarize-plan.js';
import { horizonMonth } from '../../scenario/horizon-month.js';
import { prepareScenario } from '../../scenario/prepare-scenario.js';
import type { SolveContext } from '../../solve/solve-context.js';
import { promiseLevels } from '../promise-level.js';
import { perturbDataSet } from './perturb-data-set.js';
import type { QuantityKind } from './uncertainty-rules.js';

/** What every sample of a study shares: the scenario, the uncertain quantities, the promise asked for. */
export interface RiskSampleSpec {
  readonly scenario: string;
  readonly set: readonly string[];
  /** The dimensions' kinds and sources, in the order of a job's multipliers. */
  readonly dimensions: readonly { readonly kind: QuantityKind; readonly source: string }[];
  /** First month of the promise, YYYY-MM. */
  readonly from: string;
  /** The recipient the promise is made to. */
  readonly recipient: string;
}

/** One sample to plan: its number (0 is the point estimate) and a multiplier per dimension. */
export interface RiskJob {
  readonly sample: number;
  readonly multipliers: readonly number[];
}

/** Fill rates are shares 0..1; a promise is undefined where the system needs nothing from `from` on. */
export interface SampleResult {
  readonly fillRate: number;
  readonly weightedFillRate: number;
  readonly promise: number | undefined;
}

export type SampleOutcome =
  | ({ readonly sample: number; readonly status: 'optimal'; readonly bySystem: Readonly<Record<string, SampleResult>> } & SampleResult)
  | { readonly sample: number; readonly status: 'failed'; readonly error: string };

/**
 * One sample: the data with its draws applied, a full plan of the scenario, the promise level
 * of every system alone (the others free) and of all at once, from `from`. A sample without a
 * plan (an infeasible guarantee setting, a time limit) is an outcome, not an error.
 */
export async function runRiskSample(data: DataSet, spec: RiskSampleSpec, job: RiskJob, ctx: SolveContext): Promise<SampleOutcome> {
  const index = new Map(spec.dimensions.map((d, i) => [`${d.kind}:${d.source}`, i]));
  const perturbed = job.sample === 0 ? data : perturbDataSet(data, (kind, source) => {
    const i = index.get(`${kind}:${source}`);
    return i === undefined ? 1 : job.multipliers[i]!;
  });
  try {
    const { input } = prepareScenario(perturbed, spec.scenario, spec.set);
    // One session: the promise questions start from the plan's basis.
    const solved = await solveScenario(input, ctx, { keep: true });
    try {
      return await sampleResult(job, spec, solved, ctx);
    } finally {
      solved.session.dispose();
    }
  } catch (error) {
    const failure = describeFailure(error);
    if (failure) return { sample: job.sample, status: 'failed', error: failure.message };
    throw error;
  }
}

/** The sample's plan, then its promise levels in the same session. */
async function sampleResult(job: RiskJob, spec: RiskSampleSpec, solved: OpenScenario, ctx: SolveContext): Promise<SampleOutcome> {
  const { plan } = solved;
  const { input } = plan;
  const summary = summarizePlan(plan);
  const from = horizonMonth(spec.from, input.months, '--from');
  const weighted = new Map<string, { need: number; short: number }>();
  for (const n of plan.needs) {
    const w = weighted.get(n.need.system) ?? { need: 0, short: 0 };
    w.need += n.need.weight * n.need.quantity;
    w.short += n.need.weight * n.shortfall;
    weighted.set(n.need.system, w);
  }
  const promises = await promiseLevels(input, summary.systems.map((s) => s.system), from, spec.recipient, ctx, solved);
  const bySystem: Record<string, SampleResult> = {};
  for (const s of summary.systems) {
    const w = weighted.get(s.system)!;
    bySystem[s.system] = { fillRate: s.fillRate, weightedFillRate: w.need > 0 ? 1 - w.short / w.need : 1, promise: promises.bySystem.get(s.system) };
  }
  return { sample: job.sample, status: 'optimal', fillRate: summary.fillRate, weightedFillRate: summary.weightedFillRate, promise: promises.joint, bySystem };
}
