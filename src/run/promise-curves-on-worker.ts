import { fileURLToPath } from 'node:url';
import { promiseCurves, type CurveValues, type PromiseCurvesRunner, type PromiseRequest } from '../analyses/promises.js';
import type { SolveContext } from '../solve/solve-context.js';
import type { SolveOptions } from '../solve/solver-adapter.js';
import { catchSolveError, runOnWorker, unlessFailed, workerContext, workerSolveOptions, type SolveFailure } from './run-worker-pool.js';

/** What the curve worker is asked: every curve of `rampup guarantees`. */
export interface CurveJob {
  readonly request: PromiseRequest;
  readonly solver: string;
  readonly options: SolveOptions;
}

/** The curves, or why the engine gave none. */
export type CurveReply = { readonly curves: CurveValues[] } | SolveFailure;

const WORKER = fileURLToPath(new URL('./promise-curve-worker.js', import.meta.url));

/**
 * Draws the promise curves on a worker thread, started as soon as the plan is solved (a promise
 * keeps the plan's earlier deliveries), so that they are drawn while this thread finds the cost
 * to close and the prices. One thread: on 2 cores the plan, the charts and the curves share them.
 */
export const promiseCurvesOnWorker: PromiseCurvesRunner = async (request, ctx, signal) => {
  const job: CurveJob = { request, solver: ctx.adapter.name, options: workerSolveOptions(ctx) };
  return unlessFailed(await runOnWorker<CurveJob, CurveReply>(WORKER, job, (j) => drawCurves(j, ctx), signal)).curves;
};

/** The curves, in whichever thread draws them. */
export function drawCurves(job: CurveJob, ctx: SolveContext = workerContext(job.solver, job.options)): Promise<CurveReply> {
  return catchSolveError(async () => ({ curves: await promiseCurves(job.request, ctx) }));
}
