import { workerData } from 'node:worker_threads';
import { runRiskSample, type RiskJob, type RiskSampleSpec } from '../analyses/risk/run-risk-sample.js';
import type { DataFiles } from '../inputs/parse-data-folder.js';
import { loadDataSet } from '../inputs/load-data-set.js';
import { engineContext, type EngineChoice } from '../solve/solve-context.js';
import { serveJobs } from './run-worker-pool.js';
import { solveInWorker } from './solve-in-worker.js';

/** A risk worker parses the data once and keeps one HiGHS runtime for every sample it is given. */
const { files, spec, engine } = workerData as { files: DataFiles; spec: RiskSampleSpec; engine: EngineChoice };
const data = loadDataSet(files);
const ctx = engineContext(engine, { isolate: solveInWorker });

serveJobs((job: RiskJob) => runRiskSample(data, spec, job, ctx));
