import { drawCurves, type CurveJob } from './promise-curves-on-worker.js';
import { serveJobs } from './run-worker-pool.js';

/** A worker that draws the promise curves (promise-curves-on-worker.ts). */
serveJobs((job: CurveJob) => drawCurves(job));
