import { fileURLToPath } from 'node:url';
import { solveUnlimited, type UnlimitedRunner } from '../analyses/close-gaps.js';
import { buildRampUpModel } from '../model/build-ramp-up-model.js';
import type { PlanInput } from '../scenario/plan-input.js';
import { solveContext, type SolveContext } from '../solve/solve-context.js';
import type { LexicographicSolution } from '../solve/solve-lexicographic.js';
import type { SolveOptions } from '../solve/solver-adapter.js';
import { catchSolveError, runOnWorker, unlessFailed, workerSolveOptions, type SolveFailure } from './run-worker-pool.js';

/** What the worker is asked: the plan's input, to solve its unlimited-money plan from nothing. */
export interface UnlimitedJob {
  readonly input: PlanInput;
  readonly solver: string;
  readonly options: SolveOptions;
}

export type UnlimitedReply = { readonly solution: LexicographicSolution } | SolveFailure;

const WORKER = fileURLToPath(new URL('./unlimited-worker.js', import.meta.url));

/**
 * Cost to close's unlimited-money plan on a worker thread, beside the plan (close-gaps.ts,
 * unlimitedStart: from 10,000 columns it starts from nothing, so it need not wait for the plan).
 */
export const solveUnlimitedOnWorker: UnlimitedRunner = async (input, ctx, signal) => {
  const job = { input, solver: ctx.adapter.name, options: workerSolveOptions(ctx) };
  return unlessFailed(await runOnWorker<UnlimitedJob, UnlimitedReply>(WORKER, job, (j) => solveUnlimitedJob(j, ctx), signal)).solution;
};

/** The job, in whichever thread runs it. */
export function solveUnlimitedJob(job: UnlimitedJob, ctx: SolveContext = solveContext(job.solver, job.options)): Promise<UnlimitedReply> {
  return catchSolveError(async () => ({ solution: (await solveUnlimited(buildRampUpModel(job.input), undefined, ctx)).unlimited }));
}
