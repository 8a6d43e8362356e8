import { workerData } from 'node:worker_threads';
import type { DataFiles } from '../inputs/parse-data-folder.js';
import { loadDataSet } from '../inputs/load-data-set.js';
import type { InputFileHash } from '../results/manifest.js';
import { runScenarioJob } from './run-scenario-job.js';
import { serveJobs } from './run-worker-pool.js';
import type { JobOptions, ScenarioJob } from './scenario-job.js';

/** A worker parses the data once and keeps one HiGHS runtime for all the jobs it is given. */
const { files, inputs, otherFiles, options } = workerData as { files: DataFiles; inputs: readonly InputFileHash[]; otherFiles: readonly string[]; options: JobOptions };
const data = loadDataSet(files, otherFiles);

serveJobs((job: ScenarioJob) => runScenarioJob(data, inputs, job, options));
