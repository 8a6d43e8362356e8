import { fileURLToPath } from 'node:url';
import { promiseCurves, type CurveValues, type PromiseCurvesRunner } from '../analyses/promises.js';
import type { PlanInput } from '../scenario/plan-input.js';
import type { SolveContext } from '../solve/solve-context.js';
import type { SolveOptions } from '../solve/solver-adapter.js';
import { catchSolveError, runOnWorker, unlessFailed, workerContext, workerSolveOptions, type SolveFailure } from './run-worker-pool.js';

/** What the curve worker is asked: every curve of `rampup guarantees`. */
export interface CurveJob {
  readonly input: PlanInput;
  readonly targets: readonly (readonly string[])[];
  readonly recipient: string;
  readonly from: number | undefined;
  readonly solver: string;
  readonly options: SolveOptions;
}

/** The curves, or why the engine gave none. */
export type CurveReply = { readonly curves: CurveValues[] } | SolveFailure;

const WORKER = fileURLToPath(new URL('./promise-curve-worker.js', import.meta.url));

/**
 * Draws the promise curves on a worker thread started with the plan, so that they are drawn
 * while it is solved. One thread, not one per half (scenario money, unlimited money): the
 * unlimited half starts from the scenario half's basis and skips what it already promised in
 * full, and on 2 cores the plan, the charts and the curves already share them.
 */
export const promiseCurvesOnWorker: PromiseCurvesRunner = async (input, targets, recipient, ctx, from, signal) => {
  const job: CurveJob = { input, targets: targets.map((t) => [...t]), recipient, from, solver: ctx.adapter.name, options: workerSolveOptions(ctx) };
  return unlessFailed(await runOnWorker<CurveJob, CurveReply>(WORKER, job, (j) => drawCurves(j, ctx), signal)).curves;
};

/** The curves, in whichever thread draws them. */
export function drawCurves(job: CurveJob, ctx: SolveContext = workerContext(job.solver, job.options)): Promise<CurveReply> {
  return catchSolveError(async () => ({ curves: await promiseCurves(job.input, job.targets.map((t) => new Set(t)), job.recipient, ctx, job.from) }));
}
