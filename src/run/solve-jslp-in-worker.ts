import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const require = createRequire(import.meta.url);

/** javascript-lp-solver's model: named constraints and variables of named coefficients. */
export interface JslpModel {
  optimize: string;
  opType: 'min';
  constraints: Record<string, { min?: number; max?: number; equal?: number }>;
  variables: Record<string, Record<string, number>>;
  unrestricted?: Record<string, 1>;
}

export interface JslpResult {
  feasible: boolean;
  bounded?: boolean;
  result: number | null;
  [key: string]: unknown;
}

/** Runs the solver in a worker so that a simplex that cycles can be stopped at the time limit. */
export function solveJslpInWorker(model: JslpModel, seconds: number): Promise<JslpResult | 'time-limit' | Error> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const solver = require(workerData.modulePath);
    parentPort.postMessage(JSON.parse(JSON.stringify(solver.Solve(workerData.model))));
  `;
  return new Promise((resolve) => {
    const worker = new Worker(code, { eval: true, workerData: { model, modulePath: require.resolve('javascript-lp-solver') } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve('time-limit');
    }, seconds * 1000);
    worker.once('message', (result: JslpResult) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      resolve(error);
    });
  });
}

