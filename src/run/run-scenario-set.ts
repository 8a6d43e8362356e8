import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DataFiles } from '../inputs/parse-data-folder.js';
import { loadDataSet } from '../inputs/load-data-set.js';
import type { InputFileHash } from '../results/manifest.js';
import { runScenarioJob, type JobResult } from './run-scenario-job.js';
import type { JobOptions, ScenarioJob } from './scenario-job.js';

export interface ScenarioSetOptions extends JobOptions {
  /** Worker threads; 1 runs in this thread. */
  readonly jobs: number;
  readonly onResult?: (result: JobResult, done: number, total: number) => void;
  /** The data folder's files that are not input files (their warnings go into every manifest). */
  readonly otherFiles?: readonly string[];
}

const WORKER = fileURLToPath(new URL('./scenario-worker.js', import.meta.url));

/**
 * Runs jobs on a pool of worker threads, each handed the next job when it finishes one.
 * Results come back in job order whatever the finishing order, so output is deterministic.
 */
export async function runScenarioSet(files: DataFiles, inputs: readonly InputFileHash[], jobs: readonly ScenarioJob[], options: ScenarioSetOptions): Promise<JobResult[]> {
  const results: JobResult[] = new Array(jobs.length);
  let done = 0;
  const record = (index: number, result: JobResult) => {
    results[index] = result;
    done++;
    options.onResult?.(result, done, jobs.length);
  };
  const threads = Math.max(1, Math.min(options.jobs, jobs.length));
  // From the TypeScript sources (tests) there is no compiled worker: run in this thread.
  if (threads === 1 || !existsSync(WORKER)) {
    const data = loadDataSet(files, options.otherFiles);
    for (let i = 0; i < jobs.length; i++) record(i, await runScenarioJob(data, inputs, jobs[i]!, options));
    return results;
  }
  const { onResult: _ignored, jobs: _count, otherFiles = [], ...jobOptions } = options;
  const position = new Map(jobs.map((job, i) => [job.run, i]));
  let next = 0;
  await Promise.all(
    Array.from({ length: threads }, () => {
      const worker = new Worker(WORKER, { workerData: { files, inputs, otherFiles, options: jobOptions } });
      return new Promise<void>((resolve, reject) => {
        const feed = () => {
          if (next >= jobs.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          worker.postMessage(jobs[next++]);
        };
        worker.on('message', (message: { ok: true; result: JobResult } | { ok: false; run: number; message: string }) => {
          if (!message.ok) {
            void worker.terminate();
            reject(new Error(`scenario run ${message.run}: ${message.message}`));
            return;
          }
          record(position.get(message.result.job.run)!, message.result);
          feed();
        });
        worker.once('error', reject);
        feed();
      });
    }),
  );
  return results;
}
