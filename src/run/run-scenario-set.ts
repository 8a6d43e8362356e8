import { fileURLToPath } from 'node:url';
import type { DataFiles } from '../inputs/parse-data-folder.js';
import { loadDataSet } from '../inputs/load-data-set.js';
import type { InputFileHash } from '../results/manifest.js';
import { runScenarioJob, type JobResult } from './run-scenario-job.js';
import { runWorkerPool } from './run-worker-pool.js';
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
 * Runs jobs on a pool of worker threads (each parses the data once and keeps one HiGHS
 * runtime); results come back in job order whatever the finishing order.
 */
export async function runScenarioSet(files: DataFiles, inputs: readonly InputFileHash[], jobs: readonly ScenarioJob[], options: ScenarioSetOptions): Promise<JobResult[]> {
  const { onResult, jobs: threads, otherFiles = [], ...rest } = options;
  const jobOptions: JobOptions = { ...rest, jobsPerThread: Math.ceil(jobs.length / Math.max(1, Math.min(threads, jobs.length))) };
  return runWorkerPool<ScenarioJob, JobResult>(jobs, {
    worker: WORKER,
    workerData: { files, inputs, otherFiles, options: jobOptions },
    threads,
    inThread: () => {
      const data = loadDataSet(files, otherFiles);
      return (job) => runScenarioJob(data, inputs, job, jobOptions);
    },
    ...(onResult ? { onResult } : {}),
  });
}
