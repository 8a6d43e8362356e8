import { existsSync } from 'node:fs';
import { parentPort, Worker } from 'node:worker_threads';
import { SolveError } from '../base/errors.js';
import { solveContext, type SolveContext } from '../solve/solve-context.js';
import type { SolveOptions } from '../solve/solver-adapter.js';
import { solveInWorker } from './solve-in-worker.js';

export interface WorkerPoolOptions<J, R> {
  /** The compiled worker module (it calls serveJobs); absent when running from the TypeScript sources. */
  readonly worker: string;
  readonly workerData: unknown;
  /** Worker threads; 1 runs in this thread. */
  readonly threads: number;
  /** The job handler for this thread, when there is one thread or no compiled worker; made once. */
  readonly inThread: () => (job: J) => Promise<R>;
  readonly onResult?: (result: R, done: number, total: number) => void;
  /** Stops the workers (their jobs are no longer wanted, e.g. the plan they served failed); the pool then rejects. */
  readonly signal?: AbortSignal;
}

type Reply<R> = { index: number; ok: true; result: R } | { index: number; ok: false; message: string };

/**
 * Runs jobs on a pool of worker threads, each handed the next job when it finishes one.
 * Results come back in job order whatever the finishing order, so output is deterministic.
 */
export async function runWorkerPool<J, R>(jobs: readonly J[], options: WorkerPoolOptions<J, R>): Promise<R[]> {
  const results: R[] = new Array(jobs.length);
  let done = 0;
  const record = (index: number, result: R) => {
    results[index] = result;
    done++;
    options.onResult?.(result, done, jobs.length);
  };
  const threads = Math.max(1, Math.min(options.threads, jobs.length));
  // From the TypeScript sources (tests) there is no compiled worker: run in this thread.
  if (threads === 1 || !existsSync(options.worker)) {
    const handle = options.inThread();
    for (let i = 0; i < jobs.length; i++) record(i, await handle(jobs[i]!));
    return results;
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: threads }, () => {
      const worker = new Worker(options.worker, { workerData: options.workerData });
      return new Promise<void>((resolve, reject) => {
        options.signal?.addEventListener('abort', () => void worker.terminate().then(() => reject(new Error('stopped: no longer wanted'))), { once: true });
        const feed = () => {
          if (next >= jobs.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          const index = next++;
          worker.postMessage({ index, job: jobs[index] });
        };
        worker.on('message', (reply: Reply<R>) => {
          if (!reply.ok) {
            void worker.terminate();
            reject(new Error(`job ${reply.index + 1}: ${reply.message}`));
            return;
          }
          record(reply.index, reply.result);
          feed();
        });
        worker.once('error', reject);
        feed();
      });
    }),
  );
  return results;
}

/** The worker's side of runWorkerPool: answers each job with the handler's result or its error. */
export function serveJobs<J, R>(handle: (job: J) => Promise<R>): void {
  parentPort!.on('message', ({ index, job }: { index: number; job: J }) => {
    handle(job).then(
      (result) => parentPort!.postMessage({ index, ok: true, result } satisfies Reply<R>),
      (error: unknown) => parentPort!.postMessage({ index, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies Reply<R>),
    );
  });
}

/**
 * One job on a worker thread of its own (the worker module calls serveJobs), so that this
 * thread goes on meanwhile; in this thread where there is no compiled worker.
 */
export function runOnWorker<J, R>(worker: string, job: J, inThread: (job: J) => Promise<R>, signal?: AbortSignal): Promise<R> {
  if (!existsSync(worker)) return inThread(job);
  const thread = new Worker(worker);
  return new Promise<R>((resolve, reject) => {
    signal?.addEventListener('abort', () => reject(new Error('stopped: no longer wanted')), { once: true });
    thread.once('message', (reply: Reply<R>) => (reply.ok ? resolve(reply.result) : reject(new Error(reply.message))));
    thread.once('error', reject);
    thread.postMessage({ index: 0, job });
  }).finally(() => void thread.terminate());
}

/** A SolveError as it crosses threads: its status and message (an Error loses its class on the way). */
export interface SolveFailure {
  readonly failed: { readonly status: string; readonly message: string };
}

/** Runs `work`; a SolveError comes back as a SolveFailure, anything else is thrown. */
export async function catchSolveError<R>(work: () => Promise<R>): Promise<R | SolveFailure> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SolveError) return { failed: { status: error.status, message: error.message } };
    throw error;
  }
}

/** The reply, or its SolveError thrown again on this side. */
export function unlessFailed<R extends object>(reply: R | SolveFailure): R {
  if ('failed' in reply) throw new SolveError(reply.failed.message, reply.failed.status);
  return reply;
}

/** The solve options that cross to a worker: engine hooks are functions and stay on this thread (a worker adds its own: workerContext). */
export function workerSolveOptions(ctx: SolveContext): SolveOptions {
  const { beforeEngineLoad: _hook, isolate: _isolate, ...options } = ctx.options;
  return options;
}

/** A worker's solve context: the options that crossed, with the engine isolated again on this side. */
export function workerContext(solver: string, options: SolveOptions): SolveContext {
  return solveContext(solver, { ...options, isolate: solveInWorker });
}
