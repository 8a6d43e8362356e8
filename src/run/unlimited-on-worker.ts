import { fileURLToPath } from 'node:url';
import { solveUnlimited, type UnlimitedRunner } from '../analyses/close-gaps.js';
import { SolveError } from '../errors.js';
import { buildRampUpModel } from '../model/build-ramp-up-model.js';
import type { PlanInput } from '../scenario/plan-input.js';
import { solveContext, type SolveContext } from '../solve/solve-context.js';
import type { LexicographicSolution } from '../solve/solve-lexicographic.js';
import type { SessionStart, SolveOptions } from '../solve/solver-adapter.js';
import { runOnWorker } from './run-worker-pool.js';

/** What the worker is asked: the plan's input and its stage-1 basis. */
export interface UnlimitedJob {
  readonly input: PlanInput;
  readonly start: SessionStart | undefined;
  readonly solver: string;
  readonly options: SolveOptions;
}

/** The solution, or why the engine gave none (a SolveError crosses threads as its status and message). */
export type UnlimitedReply = { readonly solution: LexicographicSolution } | { readonly failed: { readonly status: string; readonly message: string } };

const WORKER = fileURLToPath(new URL('./unlimited-worker.js', import.meta.url));

/**
 * Cost to close's unlimited-money plan on a worker thread, beside the plan (close-gaps.ts,
 * unlimitedStart: from 10,000 columns it starts from nothing, so it need not wait for the plan).
 */
export const solveUnlimitedOnWorker: UnlimitedRunner = async (input, start, ctx, signal) => {
  // Functions (engine hooks) do not cross threads; the rest of the options does.
  const { beforeEngineLoad: _hook, ...options } = ctx.options;
  const reply = await runOnWorker<UnlimitedJob, UnlimitedReply>(WORKER, { input, start, solver: ctx.adapter.name, options }, (job) => solveUnlimitedJob(job, ctx), signal);
  if ('failed' in reply) throw new SolveError(reply.failed.message, reply.failed.status);
  return reply.solution;
};

/** The job, in whichever thread runs it. */
export async function solveUnlimitedJob(job: UnlimitedJob, ctx: SolveContext = solveContext(job.solver, job.options)): Promise<UnlimitedReply> {
  try {
    return { solution: (await solveUnlimited(buildRampUpModel(job.input), job.start, ctx)).unlimited };
  } catch (error) {
    if (error instanceof SolveError) return { failed: { status: error.status, message: error.message } };
    throw error;
  }
}
