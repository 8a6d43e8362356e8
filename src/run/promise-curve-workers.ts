import { fileURLToPath } from 'node:url';
import { SolveError } from '../errors.js';
import { joinCurves, scenarioCurves, unlimitedCurves, type PromiseCurvesRunner, type ScenarioCurves, type UnlimitedCurves } from '../analyses/promises.js';
import type { PlanInput } from '../scenario/plan-input.js';
import { solveContext, type SolveContext } from '../solve/solve-context.js';
import type { SolveOptions } from '../solve/solver-adapter.js';
import { runWorkerPool } from './run-worker-pool.js';

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

/** A half's curves, or why the engine gave none (SolveError crosses threads as its status and message). */
export type CurveReply = { readonly scenario: ScenarioCurves } | { readonly unlimited: UnlimitedCurves } | { readonly failed: { readonly status: string; readonly message: string } };

const WORKER = fileURLToPath(new URL('./promise-curve-worker.js', import.meta.url));

/**
 * Draws the promise curves' two halves (scenario money, unlimited money) at once, each on a
 * worker thread of its own: `rampup guarantees` spent 2.2 s and 1.6 s in them one after the
 * other on the bundled data, after the plan; started with the plan, they run beside it.
 */
export const promiseCurvesOnWorkers: PromiseCurvesRunner = async (input, targets, recipient, ctx, from, signal) => {
  // Functions (engine hooks) do not cross threads; the rest of the options does.
  const { beforeEngineLoad: _hook, ...options } = ctx.options;
  const job = (half: CurveJob['half']): CurveJob => ({ half, input, targets: targets.map((t) => [...t]), recipient, from, solver: ctx.adapter.name, options });
  const replies = await runWorkerPool<CurveJob, CurveReply>([job('scenario'), job('unlimited')], {
    worker: WORKER,
    workerData: undefined,
    threads: 2,
    inThread: () => (j) => drawHalf(j, ctx),
    ...(signal ? { signal } : {}),
  });
  for (const reply of replies) if ('failed' in reply) throw new SolveError(reply.failed.message, reply.failed.status);
  const [scenario, unlimited] = replies as [{ scenario: ScenarioCurves }, { unlimited: UnlimitedCurves }];
  return joinCurves(scenario.scenario, unlimited.unlimited);
};

/** One half, in whichever thread runs it. */
export async function drawHalf(job: CurveJob, ctx: SolveContext = solveContext(job.solver, job.options)): Promise<CurveReply> {
  const targets = job.targets.map((t) => new Set(t));
  try {
    if (job.half === 'scenario') return { scenario: await scenarioCurves(job.input, targets, job.recipient, ctx) };
    return { unlimited: await unlimitedCurves(job.input, targets, job.recipient, ctx, job.from) };
  } catch (error) {
    if (error instanceof SolveError) return { failed: { status: error.status, message: error.message } };
    throw error;
  }
}
