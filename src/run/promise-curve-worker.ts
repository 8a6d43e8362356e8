import { drawHalf, type CurveJob } from './promise-curve-workers.js';
import { serveJobs } from './run-worker-pool.js';

/** A worker that draws one half of the promise curves (promise-curve-workers.ts). */
serveJobs((job: CurveJob) => drawHalf(job));
