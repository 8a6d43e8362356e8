import { parentPort, workerData } from 'node:worker_threads';
import type { DataFiles } from '../inputs/parse-data-folder.js';
import { loadDataSet } from '../inputs/load-data-set.js';
import type { InputFileHash } from '../results/manifest.js';
import { runScenarioJob } from './run-scenario-job.js';
import type { JobOptions, ScenarioJob } from './scenario-job.js';

/** A worker parses the data once and keeps one HiGHS runtime for all the jobs it is given. */
const { files, inputs, otherFiles, options } = workerData as { files: DataFiles; inputs: readonly InputFileHash[]; otherFiles: readonly string[]; options: JobOptions };
const data = loadDataSet(files, otherFiles);

parentPort!.on('message', (job: ScenarioJob) => {
  runScenarioJob(data, inputs, job, options).then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (error: unknown) => parentPort!.postMessage({ ok: false, run: job.run, message: error instanceof Error ? error.message : String(error) }),
  );
});
