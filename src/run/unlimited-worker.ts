import { serveJobs } from './run-worker-pool.js';
import { solveUnlimitedJob, type UnlimitedJob } from './unlimited-on-worker.js';

/** A worker that solves cost to close's unlimited-money plan (unlimited-on-worker.ts). */
serveJobs((job: UnlimitedJob) => solveUnlimitedJob(job));
