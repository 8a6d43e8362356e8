import { fileURLToPath } from 'node:url';
import type { UnlimitedRunner } from '../analyses/close-gaps.js';
import { withTopUpColumns } from '../model/top-up-columns.js';
import { solveScenario } from '../pipeline/solve-scenario.js';
import type { PlanInput } from '../scenario/plan-input.js';
import type { SolveContext } from '../solve/solve-context.js';
import type { LexicographicSolution } from '../solve/solve-lexicographic.js';
import type { SolveOptions } from '../solve/solver-adapter.js';
import { catchSolveError, runOnWorker, unlessFailed, workerContext, workerSolveOptions, type SolveFailure } from './run-worker-pool.js';

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
export function solveUnlimitedJob(job: UnlimitedJob, ctx: SolveContext = workerContext(job.solver, job.options)): Promise<UnlimitedReply> {
  // The plan's model with its top-up columns, as closeGaps reads the solution back.
  return catchSolveError(async () => ({ solution: (await solveScenario(job.input, ctx, { edit: (model) => withTopUpColumns(model).model })).solution }));
}
