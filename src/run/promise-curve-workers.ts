import { fileURLToPath } from 'node:url';
import { joinCurves, scenarioCurves, unlimitedCurves, type PromiseCurvesRunner, type ScenarioCurves, type UnlimitedCurves } from '../analyses/promises.js';
import type { PlanInput } from '../scenario/plan-input.js';
import { solveContext, type SolveContext } from '../solve/solve-context.js';
import type { SolveOptions } from '../solve/solver-adapter.js';
import { catchSolveError, runWorkerPool, unlessFailed, workerSolveOptions, type SolveFailure } from './run-worker-pool.js';

/** What a curve worker is asked: one half of the curves. */
export interface CurveJob {
  readonly half: 'scenario' | 'unlimited';
  readonly input: PlanInput;
  readonly targets: readonly (readonly string[])[];
  readonly recipient: string;
  readonly from: number | undefined;
  readonly solver: string;
  readonly options: SolveOptions;
}

/** A half's curves, or why the engine gave none. */
export type CurveReply = { readonly scenario: ScenarioCurves } | { readonly unlimited: UnlimitedCurves } | SolveFailure;

const WORKER = fileURLToPath(new URL('./promise-curve-worker.js', import.meta.url));

/**
 * Draws the promise curves' two halves (scenario money, unlimited money) at once, each on a
 * worker thread of its own: `rampup guarantees` spent 2.2 s and 1.6 s in them one after the
 * other on the bundled data, after the plan; started with the plan, they run beside it.
 */
export const promiseCurvesOnWorkers: PromiseCurvesRunner = async (input, targets, recipient, ctx, from, signal) => {
  const options = workerSolveOptions(ctx);
  const job = (half: CurveJob['half']): CurveJob => ({ half, input, targets: targets.map((t) => [...t]), recipient, from, solver: ctx.adapter.name, options });
  const replies = await runWorkerPool<CurveJob, CurveReply>([job('scenario'), job('unlimited')], {
    worker: WORKER,
    workerData: undefined,
    threads: 2,
    inThread: () => (j) => drawHalf(j, ctx),
    ...(signal ? { signal } : {}),
  });
  const [scenario, unlimited] = replies.map(unlessFailed) as [{ scenario: ScenarioCurves }, { unlimited: UnlimitedCurves }];
  return joinCurves(scenario.scenario, unlimited.unlimited);
};

/** One half, in whichever thread runs it. */
export function drawHalf(job: CurveJob, ctx: SolveContext = solveContext(job.solver, job.options)): Promise<CurveReply> {
  const targets = job.targets.map((t) => new Set(t));
  return catchSolveError(async () =>
    job.half === 'scenario' ? { scenario: await scenarioCurves(job.input, targets, job.recipient, ctx) } : { unlimited: await unlimitedCurves(job.input, targets, job.recipient, ctx, job.from) },
  );
}
