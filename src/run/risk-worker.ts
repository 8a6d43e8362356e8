import { workerData } from 'node:worker_threads';
import { runRiskSample, type RiskJob, type RiskSampleSpec } from '../analyses/risk/run-risk-sample.js';
import type { DataFiles } from '../inputs/parse-data-folder.js';
import { loadDataSet } from '../inputs/load-data-set.js';
import type { SolveOptions } from '../solve/solver-adapter.js';
import { solveContext } from '../solve/solve-context.js';
import { serveJobs } from './run-worker-pool.js';

/** A risk worker parses the data once and keeps one HiGHS runtime for every sample it is given. */
const { files, spec, solver, options } = workerData as { files: DataFiles; spec: RiskSampleSpec; solver: string; options: SolveOptions };
const data = loadDataSet(files);
const ctx = solveContext(solver, options);

serveJobs((job: RiskJob) => runRiskSample(data, spec, job, ctx));
